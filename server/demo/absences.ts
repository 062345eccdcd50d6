import { findEasterSunday, isSouthernHemisphere } from './holidays.ts';
import { findNthWeekday, getDateParts, getWeekday, isWeekend, MONDAY, toDayNumber } from './local-time.ts';
import { getDayInfo, makeTitle, type PlanContext } from './plan-context.ts';
import { createAllDayTiming, createPlannedEvent } from './planned-event.ts';
import type { Random } from './random.ts';

// Leave: a long summer break, the days around New Year, a spring week, the odd long weekend.
// European leaders take about five weeks, English-speaking ones about three.

interface Span {
  first: number;
  last: number;
}

function findMondayOnOrAfter(day: number): number {
  return day + ((MONDAY - getWeekday(day) + 7) % 7);
}

function buildWeeks(random: Random, earliest: number, latest: number, weeks: number): Span {
  const first = findMondayOnOrAfter(earliest + random.int(0, Math.max(0, latest - earliest)));
  return { first, last: first + weeks * 7 - 3 };
}

function planYear(context: PlanContext, random: Random, year: number): Span[] {
  const isEuropean = context.options.language !== 'en';
  const spans: Span[] = [];
  const easter = findEasterSunday(year);
  const summerWeeks = isEuropean ? random.pickWeighted([[2, 6], [3, 3]] as const) : random.pickWeighted([[1, 5], [2, 4]] as const);
  if (isSouthernHemisphere(context.options.timeZone)) {
    spans.push(buildWeeks(random, toDayNumber(year, 1, 2), toDayNumber(year, 1, 9), summerWeeks));
    if (random.chance(0.5)) spans.push(buildWeeks(random, toDayNumber(year, 7, 1), toDayNumber(year, 7, 14), 1));
  } else {
    spans.push(buildWeeks(random, toDayNumber(year, 7, 1), toDayNumber(year, 8, 10), summerWeeks));
    if (isEuropean && random.chance(0.5)) spans.push(buildWeeks(random, toDayNumber(year, 10, 20), toDayNumber(year, 10, 30), 1));
  }
  spans.push({ first: toDayNumber(year, 12, 23), last: toDayNumber(year + 1, 1, 1) });
  if (random.chance(isEuropean ? 0.6 : 0.35)) spans.push({ first: easter + 2, last: easter + 5 });
  for (let index = 0; index < (isEuropean ? 3 : 2); index += 1) {
    // A long weekend: a Friday or a Monday somewhere in spring or autumn.
    const month = random.pick([3, 5, 6, 9, 10, 11]);
    const friday = findNthWeekday(year, month, 5, random.int(1, 4));
    const day = random.chance(0.5) ? friday : friday + 3;
    spans.push({ first: day, last: day });
  }
  return spans;
}

function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((left, right) => left.first - right.first);
  const merged: Span[] = [];
  for (const span of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && span.first <= previous.last + 3) previous.last = Math.max(previous.last, span.last);
    else merged.push({ ...span });
  }
  return merged;
}

/** Marks leave days on the calendar and adds one all-day out-of-office entry per stretch of leave. */
export function planVacations(context: PlanContext, random: Random): void {
  const firstYear = getDateParts(context.firstDay).year;
  const lastYear = getDateParts(context.lastDay).year;
  const spans: Span[] = [];
  for (let year = firstYear - 1; year <= lastYear; year += 1) spans.push(...planYear(context, random, year));
  for (const span of mergeSpans(spans)) {
    const leaveDays: number[] = [];
    for (let day = Math.max(span.first, context.firstDay); day <= Math.min(span.last, context.lastDay); day += 1) {
      const info = getDayInfo(context, day);
      if (isWeekend(day) || info.isHoliday) continue;
      info.blocker = 'vacation';
      leaveDays.push(day);
    }
    const firstLeaveDay = leaveDays[0];
    const lastLeaveDay = leaveDays[leaveDays.length - 1];
    if (firstLeaveDay === undefined || lastLeaveDay === undefined) continue;
    const event = createPlannedEvent({
      key: `absence:${firstLeaveDay}`,
      titleKey: 'outOfOffice',
      summary: makeTitle(context, random, 'outOfOffice', firstLeaveDay),
      timing: createAllDayTiming(firstLeaveDay, lastLeaveDay),
      isOutOfOffice: true,
      intent: 'excluded',
      exclusion: 'out-of-office',
      createdDaysBefore: random.int(14, 90),
    });
    context.events.push(event);
  }
}
