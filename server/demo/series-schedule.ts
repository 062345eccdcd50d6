import { createDayGrid, isFree, markBusy, WORKDAY_END, WORKDAY_START, type DayGrid } from './day-grid.ts';
import type { Attendance, EventIntent, ExclusionReason, Person, RecurrenceRule } from './event-model.ts';
import { findNthWeekday, getDateParts, getWeekday, MONDAY } from './local-time.ts';
import type { Random } from './random.ts';
import type { TitleKey } from './vocabulary.ts';

// Standing meetings: each series gets one weekly slot that no other series holds, then is
// expanded into the days it falls on, using the same rule that is written into RRULE.

export type SeriesCadence =
  | { kind: 'weekly'; interval: number }
  | { kind: 'every-weekday' }
  /** nth weekday of the month every `interval` months; `anchorMonths` pins quarterly series to quarter starts. */
  | { kind: 'monthly'; interval: number; nth: number; anchorMonths?: readonly number[] };

export interface SeriesSpec {
  key: string;
  titleKey: TitleKey;
  summary: string;
  intent: EventIntent;
  exclusion?: ExclusionReason;
  cadence: SeriesCadence;
  weekdayChoices: readonly number[];
  startChoices: readonly number[];
  duration: number;
  /** Earliest day the series may start (DTSTART); may lie before the calendar. */
  startsOnOrAfter: number;
  /** The series ends (UNTIL) on or before this day. */
  endsOnOrBefore?: number;
  organizer?: Person;
  attendees: readonly Attendance[];
  isLeaderOrganiser: boolean;
  hasOnlineMeeting: boolean;
  location?: string;
  isPrivate: boolean;
  createdDaysBefore: number;
  /** The direct report of a 1:1, for the overrides that rename one instance. */
  counterpart?: Person;
}

export interface ScheduledSeries {
  spec: SeriesSpec;
  rule: RecurrenceRule;
  startMinute: number;
  dtstartDay: number;
  /** Every instance day from DTSTART to the end of the series or of the calendar, whichever is first. */
  occurrenceDays: readonly number[];
  /** Set when the series has an end (UNTIL), which may lie after the calendar. */
  lastOccurrenceDay?: number;
}

const WORKING_WEEKDAYS = [1, 2, 3, 4, 5] as const;

function createWeekTemplate(): Map<number, DayGrid> {
  return new Map(WORKING_WEEKDAYS.map((weekday) => [weekday, createDayGrid()]));
}

function isSlotFree(template: Map<number, DayGrid>, weekdays: readonly number[], start: number, duration: number): boolean {
  return weekdays.every((weekday) => {
    const grid = template.get(weekday);
    return grid !== undefined && isFree(grid, start, start + duration);
  });
}

function chooseSlot(
  template: Map<number, DayGrid>,
  spec: SeriesSpec,
  random: Random,
): { weekdays: number[]; start: number } {
  if (spec.cadence.kind === 'every-weekday') {
    const weekdays = [...WORKING_WEEKDAYS];
    for (const start of random.shuffle(spec.startChoices)) {
      if (isSlotFree(template, weekdays, start, spec.duration)) return { weekdays, start };
    }
    return { weekdays, start: spec.startChoices[0] ?? WORKDAY_START };
  }
  for (const weekday of random.shuffle(spec.weekdayChoices)) {
    for (const start of random.shuffle(spec.startChoices)) {
      if (isSlotFree(template, [weekday], start, spec.duration)) return { weekdays: [weekday], start };
    }
  }
  // A crowded week: take any free half-hour on any weekday rather than double-book a series.
  for (const weekday of random.shuffle(WORKING_WEEKDAYS)) {
    for (let start = WORKDAY_START + 60; start + spec.duration <= WORKDAY_END; start += 30) {
      if (isSlotFree(template, [weekday], start, spec.duration)) return { weekdays: [weekday], start };
    }
  }
  return { weekdays: [spec.weekdayChoices[0] ?? MONDAY], start: spec.startChoices[0] ?? WORKDAY_START };
}

function listWeeklyDays(dtstart: number, interval: number, weekdays: readonly number[], end: number): number[] {
  const days: number[] = [];
  if (weekdays.length === 1) {
    for (let day = dtstart; day <= end; day += 7 * interval) days.push(day);
    return days;
  }
  for (let day = dtstart; day <= end; day += 1) if (weekdays.includes(getWeekday(day))) days.push(day);
  return days;
}

function findFirstWeekday(from: number, weekdays: readonly number[]): number {
  let day = from;
  while (!weekdays.includes(getWeekday(day))) day += 1;
  return day;
}

function listMonthlyDays(cadence: Extract<SeriesCadence, { kind: 'monthly' }>, weekday: number, from: number, end: number): number[] {
  let { year, month } = getDateParts(from);
  // Quarterly series start in a quarter's first month and step by whole quarters from there.
  if (cadence.anchorMonths) {
    while (!cadence.anchorMonths.includes(month)) ({ year, month } = stepMonth(year, month, 1));
  }
  const searchStep = cadence.anchorMonths ? cadence.interval : 1;
  let day = findNthWeekday(year, month, weekday, cadence.nth);
  while (day < from) {
    ({ year, month } = stepMonth(year, month, searchStep));
    day = findNthWeekday(year, month, weekday, cadence.nth);
  }
  const days: number[] = [];
  while (day <= end) {
    days.push(day);
    ({ year, month } = stepMonth(year, month, cadence.interval));
    day = findNthWeekday(year, month, weekday, cadence.nth);
  }
  return days;
}

function stepMonth(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function toRule(cadence: SeriesCadence, weekdays: readonly number[]): RecurrenceRule {
  switch (cadence.kind) {
    case 'weekly':
      return { freq: 'weekly', interval: cadence.interval, weekdays };
    case 'every-weekday':
      return { freq: 'weekly', interval: 1, weekdays: [...WORKING_WEEKDAYS] };
    case 'monthly':
      return { freq: 'monthly', interval: cadence.interval, weekday: weekdays[0] ?? MONDAY, nth: cadence.nth };
  }
}

/**
 * Gives every series a slot (in the given order, so earlier specs get their preferred time)
 * and expands it up to `lastDay`. Series with no instance inside the calendar are dropped.
 */
export function scheduleSeries(specs: readonly SeriesSpec[], random: Random, firstDay: number, lastDay: number): ScheduledSeries[] {
  const template = createWeekTemplate();
  const scheduled: ScheduledSeries[] = [];
  for (const spec of specs) {
    const { weekdays, start } = chooseSlot(template, spec, random);
    for (const weekday of weekdays) {
      const grid = template.get(weekday);
      if (grid) markBusy(grid, start, start + spec.duration);
    }
    // Expand to the series' own end, even past the calendar, so UNTIL names its real last instance.
    const end = spec.endsOnOrBefore ?? lastDay;
    let days: number[];
    if (spec.cadence.kind === 'monthly') {
      days = listMonthlyDays(spec.cadence, weekdays[0] ?? MONDAY, spec.startsOnOrAfter, end);
    } else {
      const interval = spec.cadence.kind === 'weekly' ? spec.cadence.interval : 1;
      const dtstart = findFirstWeekday(spec.startsOnOrAfter, weekdays);
      days = listWeeklyDays(dtstart, interval, weekdays, end);
    }
    const dtstartDay = days[0];
    const occurrenceDays = days.filter((day) => day <= lastDay);
    if (dtstartDay === undefined || occurrenceDays.every((day) => day < firstDay)) continue;
    const lastOccurrenceDay = spec.endsOnOrBefore !== undefined ? days[days.length - 1] : undefined;
    scheduled.push({
      spec,
      rule: toRule(spec.cadence, weekdays),
      startMinute: start,
      dtstartDay,
      occurrenceDays,
      ...(lastOccurrenceDay !== undefined ? { lastOccurrenceDay } : {}),
    });
  }
  return scheduled;
}

/** Half-hour starts between two clock times, inclusive, for a series' preferred slots. */
export function listStarts(fromHour: number, toHour: number, stepMinutes = 30): number[] {
  const starts: number[] = [];
  for (let minute = fromHour * 60; minute <= toHour * 60; minute += stepMinutes) starts.push(minute);
  return starts;
}

