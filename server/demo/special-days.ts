import type { Attendance, Person } from './event-model.ts';
import { addMonths, getDateParts, getWeekday, MONDAY, SUNDAY, toDayNumber } from './local-time.ts';
import { createAllDayTiming, createPlannedEvent, createTimedTiming } from './planned-event.ts';
import { getDayInfo, isInFuture, isOpenWorkingDay, makeTitle, type DayBlocker, type PlanContext } from './plan-context.ts';
import type { Random } from './random.ts';
import { listActiveDirects } from './roster.ts';
import { planTrip } from './travel.ts';

// Days that are not ordinary meeting days: offsites, conferences, leadership-programme
// modules and the protected planning days the product's headline flag looks for.

function listAccepted(leader: Person, organizer: Person, guests: readonly Person[], isFuture: boolean): Attendance[] {
  const seen = new Set<string>();
  return [leader, organizer, ...guests].flatMap((person) => {
    if (seen.has(person.email)) return [];
    seen.add(person.email);
    const isOrganiserOrLeader = person.email === organizer.email || person.email === leader.email;
    return [{ person, partStat: isFuture && !isOrganiserOrLeader ? 'NEEDS-ACTION' : 'ACCEPTED' } satisfies Attendance];
  });
}

interface DayRun {
  first: number;
  last: number;
  days: number[];
}

/** Consecutive open working days starting on one of `startWeekdays`, chosen at random in [from, to]. */
function pickRunOfDays(
  context: PlanContext,
  random: Random,
  from: number,
  to: number,
  length: number,
  startWeekdays: readonly number[],
): DayRun | undefined {
  const starts: number[] = [];
  for (let day = Math.max(from, context.firstDay); day <= Math.min(to, context.lastDay - length + 1); day += 1) {
    if (!startWeekdays.includes(getWeekday(day))) continue;
    let isFreeRun = true;
    for (let offset = 0; offset < length; offset += 1) if (!isOpenWorkingDay(context, day + offset)) isFreeRun = false;
    if (isFreeRun) starts.push(day);
  }
  if (starts.length === 0) return undefined;
  const first = random.pick(starts);
  return { first, last: first + length - 1, days: Array.from({ length }, (_unused, offset) => first + offset) };
}

function blockDays(context: PlanContext, days: readonly number[], blocker: DayBlocker): void {
  for (const day of days) getDayInfo(context, day).blocker = blocker;
}

/** Splits the calendar into `count` equal stretches so yearly events spread over the year. */
function listStretches(context: PlanContext, count: number): [number, number][] {
  const length = (context.lastDay - context.firstDay + 1) / Math.max(1, count);
  return Array.from({ length: count }, (_unused, index) => [
    context.firstDay + Math.floor(index * length),
    context.firstDay + Math.floor((index + 1) * length) - 1,
  ]);
}

function countPerCalendar(context: PlanContext, random: Random, perYear: number): number {
  const expected = (perYear * (context.lastDay - context.firstDay + 1)) / 365.25;
  return Math.floor(expected) + (random.chance(expected - Math.floor(expected)) ? 1 : 0);
}

function addTravel(context: PlanContext, random: Random, key: string, day: number, start: number, minutes: number, summary: string, titleKey: 'flight' | 'returnFlight' | 'train' | 'returnTrain'): void {
  context.events.push(
    createPlannedEvent({
      key,
      titleKey,
      summary,
      timing: createTimedTiming(day, start, start + minutes),
      intent: 'excluded',
      exclusion: 'travel',
      createdDaysBefore: random.int(10, 40),
    }),
  );
}

function planOffsites(context: PlanContext, random: Random): void {
  const { roster, settings, options } = context;
  const count = countPerCalendar(context, random, settings.offsitesPerYear);
  for (const [from, to] of listStretches(context, count)) {
    const length = options.profile === 'strategic' ? 2 : random.int(1, 2);
    const run = pickRunOfDays(context, random, from, to, length, [2, 3, 4]);
    if (!run) continue;
    const { first, last } = run;
    blockDays(context, run.days, 'offsite');
    const isFuture = isInFuture(context, first);
    const isOwnOffsite = random.chance(0.6);
    const organizer = isOwnOffsite ? roster.leader : roster.boss;
    const guests = isOwnOffsite
      ? listActiveDirects(roster, first)
      : [roster.boss, ...(['finance', 'sales', 'product'] as const).flatMap((unit) => roster.peers[unit].slice(0, 1))];
    const city = random.pick(context.vocabulary.trainCities);
    context.events.push(
      createPlannedEvent({
        key: `offsite:${first}`,
        titleKey: 'offsite',
        summary: makeTitle(context, random, 'offsite', first),
        timing: createAllDayTiming(first, last),
        intent: 'strategic',
        organizer,
        attendees: listAccepted(roster.leader, organizer, guests, isFuture),
        location: city,
        createdDaysBefore: random.int(30, 90),
      }),
    );
    addTravel(context, random, `offsite:${first}:out`, first, 7 * 60 - random.int(0, 4) * 15, 60, makeTitle(context, random, 'train', first, { city }), 'train');
    addTravel(context, random, `offsite:${first}:back`, last, 17 * 60 + random.int(0, 4) * 15, 75, makeTitle(context, random, 'returnTrain', last, { city }), 'returnTrain');
  }
}

function planConferences(context: PlanContext, random: Random): void {
  const count = countPerCalendar(context, random, context.settings.conferencesPerYear);
  for (const [from, to] of listStretches(context, count)) {
    const length = random.int(2, 3);
    const run = pickRunOfDays(context, random, from, to, length, [MONDAY, 2, 3]);
    if (!run) continue;
    const { first, last } = run;
    blockDays(context, run.days, 'conference');
    const trip = planTrip(random, context.vocabulary, context.options.timeZone);
    context.events.push(
      createPlannedEvent({
        key: `conference:${first}`,
        titleKey: 'conference',
        summary: makeTitle(context, random, 'conference', first),
        timing: createAllDayTiming(first, last),
        intent: 'developmental',
        location: trip.city,
        createdDaysBefore: random.int(30, 120),
      }),
    );
    // A Monday conference means flying out on the Sunday: the calendar's rare weekend entry.
    const outboundDay = first - 1;
    const outboundStart = getWeekday(outboundDay) === SUNDAY ? 17 * 60 + random.int(0, 6) * 15 : 19 * 60 + random.int(0, 4) * 15;
    if (outboundDay >= context.firstDay) {
      addTravel(context, random, `conference:${first}:out`, outboundDay, outboundStart, trip.flightMinutes,
        makeTitle(context, random, 'flight', outboundDay, { city: trip.city, flight: trip.outboundFlight }), 'flight');
    }
    addTravel(context, random, `conference:${first}:back`, last, 17 * 60 + 30 + random.int(0, 4) * 15, trip.flightMinutes,
      makeTitle(context, random, 'returnFlight', last, { city: trip.city, flight: trip.returnFlight }), 'returnFlight');
  }
}

function planTrainingModules(context: PlanContext, random: Random): void {
  const { roster } = context;
  const count = countPerCalendar(context, random, context.settings.trainingModulesPerYear);
  const fellows = (['sales', 'it', 'marketing'] as const).flatMap((unit) => roster.peers[unit].slice(0, 1));
  let moduleNumber = random.int(1, 3);
  for (const [from, to] of listStretches(context, count)) {
    const run = pickRunOfDays(context, random, from, to, 1, [2, 3, 4]);
    if (!run) continue;
    const day = run.first;
    const isFuture = isInFuture(context, day);
    const isFullDay = random.chance(0.5);
    const start = random.chance(0.5) ? 8 * 60 + 30 : 13 * 60;
    if (isFullDay) blockDays(context, run.days, 'training');
    else getDayInfo(context, day).timedBlocks.push({ start, end: start + 240 });
    context.events.push(
      createPlannedEvent({
        key: `training:${day}`,
        titleKey: 'trainingModule',
        summary: makeTitle(context, random, 'trainingModule', day, { n: moduleNumber }),
        timing: isFullDay ? createAllDayTiming(day, day) : createTimedTiming(day, start, start + 240),
        intent: 'developmental',
        organizer: roster.academy,
        attendees: listAccepted(roster.leader, roster.academy, fellows, isFuture),
        hasOnlineMeeting: !isFullDay && random.chance(0.5),
        createdDaysBefore: random.int(20, 90),
      }),
    );
    moduleNumber += 1;
  }
}

/** The quarters the calendar touches, with the share of each quarter's weekdays it covers. */
function listQuarters(context: PlanContext): { first: number; last: number; coverage: number }[] {
  const quarters: { first: number; last: number; coverage: number }[] = [];
  const { year, month } = getDateParts(context.firstDay);
  let quarterStart = toDayNumber(year, Math.floor((month - 1) / 3) * 3 + 1, 1);
  while (quarterStart <= context.lastDay) {
    const quarterEnd = addMonths(quarterStart, 3) - 1;
    const first = Math.max(quarterStart, context.firstDay);
    const last = Math.min(quarterEnd, context.lastDay);
    quarters.push({ first, last, coverage: (last - first + 1) / (quarterEnd - quarterStart + 1) });
    quarterStart = quarterEnd + 1;
  }
  return quarters;
}

function planPlanningDays(context: PlanContext, random: Random): void {
  const { settings } = context;
  for (const quarter of listQuarters(context)) {
    if (!random.chance(settings.planningQuarterChance)) continue;
    const [min, max] = settings.planningDaysPerQuarter;
    const wanted = Math.round(random.int(min, max) * quarter.coverage);
    for (let index = 0; index < wanted; index += 1) {
      const run = pickRunOfDays(context, random, quarter.first, quarter.last, 1, [2, 3, 4, 5]);
      if (!run) break;
      const day = run.first;
      const info = getDayInfo(context, day);
      info.isProtected = true;
      const isAllDay = random.chance(0.6);
      const start = random.pick([8 * 60 + 30, 9 * 60]);
      const end = start + random.pick([6, 7, 7.5, 8]) * 60;
      if (isAllDay) info.blocker = 'planning';
      else info.timedBlocks.push({ start, end });
      // A protected planning day carries no description and nobody else: that is what makes it protected.
      context.events.push(
        createPlannedEvent({
          key: `planning-day:${day}`,
          titleKey: 'planningDay',
          summary: makeTitle(context, random, 'planningDay', day),
          timing: isAllDay ? createAllDayTiming(day, day) : createTimedTiming(day, start, end),
          intent: 'organisational-planning',
          createdDaysBefore: random.int(7, 60),
        }),
      );
    }
  }
}

/** A new manager gets three onboarding conversations in their first weeks. */
function planOnboarding(context: PlanContext, random: Random): void {
  const { roster } = context;
  for (const direct of roster.directs) {
    if (direct.firstDay <= context.firstDay) continue;
    for (const [index, offset] of [random.int(1, 3), random.int(7, 10), random.int(18, 25)].entries()) {
      let day = direct.firstDay + offset;
      while (day <= context.lastDay && !isOpenWorkingDay(context, day)) day += 1;
      if (day > context.lastDay) break;
      const isFuture = isInFuture(context, day);
      const summary = makeTitle(context, random, 'onboardingManager', day, { person: direct.firstName });
      const createdDaysBefore = random.int(3, 14);
      const pending = context.pendingMeetings.get(day) ?? [];
      pending.push({
        duration: random.pick([45, 60]),
        createEvent: (timing) =>
          createPlannedEvent({
            key: `onboarding:${direct.email}:${index}`,
            titleKey: 'onboardingManager',
            summary,
            timing,
            intent: 'developmental',
            organizer: roster.leader,
            attendees: listAccepted(roster.leader, roster.leader, [direct], isFuture),
            createdDaysBefore,
          }),
      });
      context.pendingMeetings.set(day, pending);
    }
  }
}

/** Offsites, conferences and training first (they are booked early), planning days in the gaps. */
export function planSpecialDays(context: PlanContext, random: Random): void {
  planOffsites(context, random);
  planConferences(context, random);
  planTrainingModules(context, random);
  planPlanningDays(context, random);
  planOnboarding(context, random);
}
