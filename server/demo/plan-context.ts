import type { ResolvedCalendarOptions } from './calendar-options.ts';
import type { EventTiming, PartStat, PlannedEvent } from './event-model.ts';
import { getDateParts, getQuarter } from './local-time.ts';
import type { ProfileSettings } from './profiles.ts';
import type { Random } from './random.ts';
import { listActiveDirects, type Roster } from './roster.ts';
import { fillTemplate, type TitleKey, type Vocabulary } from './vocabulary.ts';

export type DayBlocker = 'vacation' | 'conference' | 'offsite' | 'training' | 'planning';

export interface TimedBlock {
  start: number;
  end: number;
}

export interface DayInfo {
  day: number;
  isWeekend: boolean;
  isHoliday: boolean;
  /** Why the leader is away or blocked for the whole working day. */
  blocker?: DayBlocker;
  /** Part-day blocks (a planning block, a half-day training) that series instances give way to. */
  timedBlocks: TimedBlock[];
  /** A protected planning day or block: nothing else is booked on it. */
  isProtected: boolean;
}

/** A meeting that must happen on a given day (onboarding a new manager); placed before one-offs. */
export interface PendingMeeting {
  duration: number;
  createEvent(timing: EventTiming): PlannedEvent;
}

export interface PlanContext {
  options: ResolvedCalendarOptions;
  vocabulary: Vocabulary;
  settings: ProfileSettings;
  roster: Roster;
  firstDay: number;
  lastDay: number;
  today: number;
  nowMinute: number;
  days: Map<number, DayInfo>;
  events: PlannedEvent[];
  pendingMeetings: Map<number, PendingMeeting[]>;
}

export function getDayInfo(context: PlanContext, day: number): DayInfo {
  const info = context.days.get(day);
  if (!info) throw new RangeError(`day ${day} is outside the calendar`);
  return info;
}

/** A weekday the leader is at work and free to be booked. */
export function isOpenWorkingDay(context: PlanContext, day: number): boolean {
  const info = context.days.get(day);
  return info !== undefined && !info.isWeekend && !info.isHoliday && info.blocker === undefined && !info.isProtected;
}

export function isInFuture(context: PlanContext, day: number, minute = 0): boolean {
  return day > context.today || (day === context.today && minute >= context.nowMinute);
}

export function listDays(context: PlanContext): number[] {
  const days: number[] = [];
  for (let day = context.firstDay; day <= context.lastDay; day += 1) days.push(day);
  return days;
}

function buildBaseValues(context: PlanContext, day: number): Record<string, string | number> {
  const { year, month } = getDateParts(day);
  const { roster, vocabulary } = context;
  return {
    leader: roster.leader.firstName,
    ownUnit: roster.ownUnit.name,
    boss: roster.boss.firstName,
    coach: roster.coach.name,
    year,
    month: vocabulary.months[month - 1] ?? String(month),
    quarter: fillTemplate(vocabulary.quarterLabel, { n: getQuarter(day) }),
  };
}

/** Values for placeholders the caller did not pin down; drawn only when the template needs them. */
function drawPlaceholder(context: PlanContext, random: Random, name: string, day: number, values: Record<string, string | number>): string | number {
  const { vocabulary, roster } = context;
  switch (name) {
    case 'project':
      return random.pick(vocabulary.projects);
    case 'topic':
      return random.pick(vocabulary.topics);
    case 'system':
      return random.pick(vocabulary.systems);
    case 'trainingTopic':
      return random.pick(vocabulary.trainingTopics);
    case 'n':
      return random.int(2, 8);
    case 'team':
      return random.pick(listActiveDirects(roster, day).map((direct) => direct.team).concat(roster.ownUnit.name));
    case 'person':
      return random.pick(listActiveDirects(roster, day).map((direct) => direct.firstName).concat(roster.boss.firstName));
    case 'unit':
      return random.pick(Object.values(vocabulary.peerUnits));
    case 'vendor':
      return random.pick(roster.vendors).name;
    case 'partner':
      return random.pick(roster.partners).name;
    case 'customer':
      return random.pick(roster.customers).name;
    case 'city':
      return random.pick(vocabulary.trainCities);
    case 'conference':
      return fillTemplate(random.pick(vocabulary.conferences), { year: values.year ?? getDateParts(day).year });
    case 'approvalItem': {
      const template = random.pick(vocabulary.approvalItems);
      return fillTemplate(template, {
        project: values.project ?? random.pick(vocabulary.projects),
        vendor: values.vendor ?? random.pick(roster.vendors).name,
        n: random.int(1040, 4980),
      });
    }
    default:
      throw new Error(`No source for placeholder {${name}}`);
  }
}

/** Picks one of the language's wordings for `titleKey` and fills it for `day`. */
export function makeTitle(
  context: PlanContext,
  random: Random,
  titleKey: TitleKey,
  day: number,
  given: Readonly<Record<string, string | number>> = {},
): string {
  return fillTitleTemplate(context, random, random.pick(context.vocabulary.titles[titleKey]), day, given);
}

export function fillTitleTemplate(
  context: PlanContext,
  random: Random,
  template: string,
  day: number,
  given: Readonly<Record<string, string | number>> = {},
): string {
  const values: Record<string, string | number> = { ...buildBaseValues(context, day), ...given };
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1];
    if (name !== undefined && values[name] === undefined) values[name] = drawPlaceholder(context, random, name, day, values);
  }
  return fillTemplate(template, values);
}

/** Short meetings win weight as the calendar gets busier: busy leaders live in 30-minute slots. */
export function pickDuration(random: Random, durations: readonly (readonly [number, number])[], density: number): number {
  const squeeze = Math.max(1, density) ** 2;
  return random.pickWeighted(durations.map(([minutes, weight]) => [minutes, minutes <= 30 ? weight * squeeze : weight] as const));
}

/** How the leader answered an invitation from someone else. */
export function pickLeaderResponse(random: Random, isFuture: boolean): PartStat {
  if (isFuture && random.chance(0.25)) return 'NEEDS-ACTION';
  return random.chance(0.06) ? 'TENTATIVE' : 'ACCEPTED';
}

/** Google keeps every guest's answer; most accept, some never answer. */
export function pickGuestResponse(random: Random): PartStat {
  return random.pickWeighted<PartStat>([['ACCEPTED', 72], ['NEEDS-ACTION', 14], ['TENTATIVE', 8], ['DECLINED', 6]]);
}

