import type { ExpansionWindow } from '../ics/expand-events.ts';
import { dateOfMs, quarterRange, quartersBetween, shiftDate, startOfDayMs } from '../metrics/calendar-days.ts';
import type { Period } from '../metrics/summarise-period.ts';
import { daysInMonth } from '../ics/read-date-value.ts';

/** A period or zone the caller asked for that cannot be used. `field` names the option
 * (from, to, tz) so each edge can say it its own way (--from on the command line). */
export class InvalidPeriod extends Error {
  constructor(
    message: string,
    readonly fields: ReadonlyArray<'from' | 'to' | 'tz'> = [],
  ) {
    super(message);
  }
}

/** Longest period an audit covers: bounds the work one request can ask for. */
export const MAX_PERIOD_DAYS = 366 * 5;

/**
 * `from` and `to` are whole days in the leader's zone, both included. Without them: the last
 * full 12 months ending today (today and the 365 days before it, give or take a leap day).
 */
export function resolvePeriod(
  input: { from?: string | undefined; to?: string | undefined },
  timeZone: string,
  nowMs: number,
  maxDays = MAX_PERIOD_DAYS,
): Period {
  const to = input.to ?? dateOfMs(nowMs, timeZone);
  assertDate(to, 'to');
  const from = input.from ?? shiftDate(minusMonths(to, 12), 1);
  assertDate(from, 'from');
  if (from > to) throw new InvalidPeriod(`from ${from} is after to ${to}`, ['from', 'to']);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > maxDays) throw new InvalidPeriod(`the period covers ${days} days; at most ${maxDays} are analysed at once`);
  return { from, to, timeZone };
}

/** What to expand: the whole quarters the period touches (planning days are judged per quarter). */
export function expansionWindowFor(period: Period): ExpansionWindow {
  const quarters = quartersBetween(period.from, period.to);
  const fromDate = quarterRange(quarters[0]!).from;
  const toDate = quarterRange(quarters[quarters.length - 1]!).to;
  return {
    fromDate,
    toDate,
    fromMs: startOfDayMs(fromDate, period.timeZone),
    toMs: startOfDayMs(shiftDate(toDate, 1), period.timeZone),
  };
}

function assertDate(date: string, name: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const valid =
    match !== null &&
    Number(match[2]) >= 1 &&
    Number(match[2]) <= 12 &&
    Number(match[3]) >= 1 &&
    Number(match[3]) <= daysInMonth(Number(match[1]), Number(match[2])) &&
    Number(match[1]) >= 1970 &&
    Number(match[1]) <= 2200;
  if (!valid) throw new InvalidPeriod(`${name} "${date}" is not a date written YYYY-MM-DD between 1970 and 2200`, [name as 'from' | 'to']);
}

function minusMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - months;
  const day = Number(date.slice(8, 10));
  const target = new Date(Date.UTC(year, month - 1, 1));
  const lastDay = daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
