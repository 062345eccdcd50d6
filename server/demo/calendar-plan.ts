import { planVacations } from './absences.ts';
import type { ResolvedCalendarOptions } from './calendar-options.ts';
import { createDayGrid, markBusy, WORKDAY_END, WORKDAY_START } from './day-grid.ts';
import { assignCategories } from './colour-categories.ts';
import type { CalendarPlan, PlannedEvent } from './event-model.ts';
import { listPublicHolidays } from './holidays.ts';
import { addMonths, getDateParts, getLocalWallTime, getWeekday, isWeekend } from './local-time.ts';
import { addOneOffs, findStart, type DayPlacement } from './one-off-meetings.ts';
import { addDeliberateOverlaps } from './overlaps.ts';
import { listDays, type DayInfo, type PlanContext } from './plan-context.ts';
import { createTimedTiming } from './planned-event.ts';
import { PROFILE_SETTINGS } from './profiles.ts';
import { createRandom, type Random } from './random.ts';
import { buildRoster } from './roster.ts';
import { buildSeriesSpecs } from './series-catalogue.ts';
import { buildSeriesEvent, createSeriesState, processSeriesInstance, type SeriesState } from './series-instances.ts';
import { scheduleSeries } from './series-schedule.ts';
import { planSpecialDays } from './special-days.ts';
import { getVocabulary } from './vocabulary.ts';

// Builds the whole calendar as data: who the leader works with, the standing series, the
// special days, then day by day the one-off meetings that fill the week.

/** Entries per working day at density 1, everything counted (lunch, series, one-offs, declined). */
const EVENTS_PER_WORKING_DAY = 10.6;
/**
 * Busier calendars fragment: more and shorter meetings, more conflicts declined. A slightly
 * steeper than linear curve makes density 1.6 the benchmark's ~4,000 instances a year while
 * density 1 stays at 9-11 entries a working day, after leave, holidays and off-site days.
 */
const DENSITY_EXPONENT = 1.2;
// Sunday..Saturday: Tuesday to Thursday are the fullest days, Friday afternoons thin out.
const WEEKDAY_LOAD = [0, 1, 1.08, 1.06, 1.04, 0.82, 0] as const;


function createContext(options: ResolvedCalendarOptions, random: Random): PlanContext {
  const vocabulary = getVocabulary(options.language);
  const now = getLocalWallTime(options.now, options.timeZone);
  const firstDay = addMonths(now.day, -options.monthsBack);
  const lastDay = addMonths(now.day, options.monthsAhead);
  const holidays = listPublicHolidays(options.timeZone, options.language, firstDay, lastDay);
  const days = new Map<number, DayInfo>();
  for (let day = firstDay; day <= lastDay; day += 1) {
    days.set(day, { day, isWeekend: isWeekend(day), isHoliday: holidays.has(day), timedBlocks: [], isProtected: false });
  }
  const roster = buildRoster({
    random: random.fork('roster'),
    vocabulary,
    leaderName: options.name,
    leaderEmail: options.email,
    firstDay,
    lastDay,
  });
  return {
    options,
    vocabulary,
    settings: PROFILE_SETTINGS[options.profile],
    roster,
    firstDay,
    lastDay,
    today: now.day,
    nowMinute: now.minute,
    days,
    events: [],
    pendingMeetings: new Map(),
  };
}

/** Meetings thin out the further ahead they are: next week is nearly full, next quarter barely booked. */
function findFutureLoad(context: PlanContext, day: number): number {
  const ahead = day - context.today;
  if (ahead <= 0) return 1;
  if (ahead <= 14) return 0.85;
  if (ahead <= 28) return 0.6;
  if (ahead <= 56) return 0.35;
  return 0.18;
}

function findSeasonLoad(day: number): number {
  const { month } = getDateParts(day);
  return month === 8 ? 0.88 : month === 12 || month === 1 ? 0.93 : 1;
}

/** How many entries already start on each day (travel, training, planning blocks, all-day entries). */
function countExistingStarts(events: readonly PlannedEvent[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const event of events) {
    const day = event.timing.kind === 'timed' ? event.timing.start.day : event.timing.firstDay;
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return counts;
}

function groupInstancesByDay(states: readonly SeriesState[], firstDay: number, lastDay: number): Map<number, SeriesState[]> {
  const byDay = new Map<number, SeriesState[]>();
  for (const state of states) {
    for (const day of state.scheduled.occurrenceDays) {
      if (day < firstDay || day > lastDay) continue;
      const list = byDay.get(day) ?? [];
      list.push(state);
      byDay.set(day, list);
    }
  }
  return byDay;
}

function fillDays(context: PlanContext, random: Random, states: readonly SeriesState[]): Map<number, DayPlacement> {
  const placements = new Map<number, DayPlacement>();
  const instancesByDay = groupInstancesByDay(states, context.firstDay, context.lastDay);
  const existingStarts = countExistingStarts(context.events);
  for (const day of listDays(context)) {
    const info = context.days.get(day);
    if (!info || info.isWeekend) continue;
    const grid = createDayGrid();
    for (const block of info.timedBlocks) markBusy(grid, block.start, block.end);
    const placement: DayPlacement = { day, grid, entries: [], hasLunchBlock: false, nextIndex: 0 };
    placements.set(day, placement);
    let listed = existingStarts.get(day) ?? 0;
    for (const state of instancesByDay.get(day) ?? []) {
      const outcome = processSeriesInstance(context, random, state, day, grid);
      if (outcome.isListed) listed += 1;
      if (outcome.entry) placement.entries.push(outcome.entry);
      if (outcome.entry && state.scheduled.spec.titleKey === 'lunch') placement.hasLunchBlock = true;
    }
    if (info.isHoliday || info.blocker !== undefined || info.isProtected) continue;

    for (const pending of context.pendingMeetings.get(day) ?? []) {
      const start = findStart(placement, random, pending.duration, WORKDAY_START + 60, WORKDAY_END);
      if (start === undefined) continue;
      markBusy(grid, start, start + pending.duration);
      placement.entries.push({ start, end: start + pending.duration, isSolo: false });
      context.events.push(pending.createEvent(createTimedTiming(day, start, start + pending.duration)));
      listed += 1;
    }

    const target = EVENTS_PER_WORKING_DAY * context.options.density ** DENSITY_EXPONENT * (WEEKDAY_LOAD[getWeekday(day)] ?? 1) * findSeasonLoad(day);
    const wanted = Math.max(0, (target - listed) * findFutureLoad(context, day) + random.int(-15, 15) / 10);
    addOneOffs(context, random, placement, Math.round(wanted));
  }
  return placements;
}

function readStart(event: PlannedEvent): [number, number] {
  return event.timing.kind === 'timed' ? [event.timing.start.day, event.timing.start.minute] : [event.timing.firstDay, -1];
}

/** Chronological, then by key, so the output order never depends on planning order. */
function sortEvents(events: readonly PlannedEvent[]): PlannedEvent[] {
  return [...events].sort((left, right) => {
    const [leftDay, leftMinute] = readStart(left);
    const [rightDay, rightMinute] = readStart(right);
    return leftDay - rightDay || leftMinute - rightMinute || (left.key < right.key ? -1 : left.key > right.key ? 1 : 0);
  });
}

export function planLeaderCalendar(options: ResolvedCalendarOptions): CalendarPlan {
  const root = createRandom(options.seed);
  const context = createContext(options, root);
  planVacations(context, root.fork('vacations'));
  planSpecialDays(context, root.fork('special-days'));
  const seriesRandom = root.fork('series');
  const states = scheduleSeries(buildSeriesSpecs(context, seriesRandom), seriesRandom, context.firstDay, context.lastDay).map(
    createSeriesState,
  );
  const placements = fillDays(context, root.fork('days'), states);
  addDeliberateOverlaps(context, root.fork('overlaps'), placements);
  context.events.push(...states.map(buildSeriesEvent));
  context.events = assignCategories(context.events, root.fork('categories'));
  return {
    leader: context.roster.leader,
    timeZone: options.timeZone,
    firstDay: context.firstDay,
    lastDay: context.lastDay,
    today: context.today,
    events: sortEvents(context.events),
  };
}

