import type { ComparedCategory, ComparedPeriod, Comparison } from '../../../shared/coaching.ts';
import { COUNTED_IDS } from '../../../shared/taxonomy.ts';
import type { Flag } from './flags.ts';
import type { CategoryMinutes, Period, QuarterPlanning } from './summarise-period.ts';

/** What the comparison needs of one period's audit (an AuditReport or a PeriodSummary has it). */
export interface PeriodFigures {
  period: Period;
  countedMinutes: number;
  minutes: CategoryMinutes;
  shares: CategoryMinutes;
  planning: readonly QuarterPlanning[];
  flags: readonly Flag[];
}

/**
 * Period A beside period B (for example before and after a programme): per category the hours
 * and shares of each and the change, in hours and in percentage points. Changes come from the
 * exact figures, not from the rounded ones, so a change never carries two roundings.
 */
export function comparePeriods(a: PeriodFigures, b: PeriodFigures): Comparison {
  const weeksA = daysIn(a.period) / 7;
  const weeksB = daysIn(b.period) / 7;
  const perWeek = (minutesA: number, minutesB: number) => ({
    a: roundTo(minutesA / weeksA, 1),
    b: roundTo(minutesB / weeksB, 1),
    change: roundTo(minutesB / weeksB - minutesA / weeksA, 1),
  });
  const categories = COUNTED_IDS.map(
    (id): ComparedCategory => ({
      id,
      a: { minutes: a.minutes[id], hours: toHours(a.minutes[id]), share: a.shares[id] },
      b: { minutes: b.minutes[id], hours: toHours(b.minutes[id]), share: b.shares[id] },
      change: {
        minutes: roundTo(b.minutes[id] - a.minutes[id], 1),
        hours: toHours(b.minutes[id] - a.minutes[id]),
        points: roundTo((b.shares[id] - a.shares[id]) * 100, 1),
      },
      perWeek: perWeek(a.minutes[id], b.minutes[id]),
    }),
  );
  return {
    a: describePeriod(a),
    b: describePeriod(b),
    categories,
    counted: {
      a: a.countedMinutes,
      b: b.countedMinutes,
      changeMinutes: roundTo(b.countedMinutes - a.countedMinutes, 1),
      changeHours: toHours(b.countedMinutes - a.countedMinutes),
    },
    countedPerWeek: perWeek(a.countedMinutes, b.countedMinutes),
    isSameLength: Math.max(weeksA, weeksB) <= Math.min(weeksA, weeksB) * SAME_LENGTH_RATIO,
  };
}

/**
 * Two quarters (90 to 92 days) are the same length for a reader; a quarter against nine months
 * is not. A tenth apart is where a change in total hours starts to measure the calendar, not the work.
 */
const SAME_LENGTH_RATIO = 1.1;

/** Calendar days from `from` to `to`, both included (dates carry no zone, so UTC arithmetic is exact). */
export function daysIn(period: { from: string; to: string }): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
}

function describePeriod(figures: PeriodFigures): ComparedPeriod {
  const { period } = figures;
  const inside = { protectedDays: 0, heldDays: 0, scheduledDays: 0, dates: [] as string[] };
  for (const quarter of figures.planning) {
    // A quarter's dates are in day order and the held ones come first (they are over).
    quarter.dates.forEach((date, index) => {
      if (date < period.from || date > period.to) return;
      inside.protectedDays++;
      if (index < quarter.heldDays) inside.heldDays++;
      else inside.scheduledDays++;
      inside.dates.push(date);
    });
  }
  const days = daysIn(period);
  return {
    period: { from: period.from, to: period.to, timeZone: period.timeZone },
    days,
    weeks: roundTo(days / 7, 2),
    countedMinutes: figures.countedMinutes,
    countedMinutesPerWeek: roundTo(figures.countedMinutes / (days / 7), 1),
    planningDays: inside,
    quarters: figures.planning.map((q) => ({ quarter: q.quarter, protectedDays: q.protectedDays, heldDays: q.heldDays, scheduledDays: q.scheduledDays, dates: [...q.dates] })),
    flags: figures.flags.map((flag) => ({ code: flag.code, message: flag.message, advice: flag.advice })),
  };
}

function toHours(minutes: number): number {
  return roundTo(minutes / 60, 2);
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  // -0 prints as "0" but compares oddly in tests and reads as "-0" in JSON consumers that keep it.
  return rounded === 0 ? 0 : rounded;
}
