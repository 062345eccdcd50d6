import { addDays } from '../ics/when.ts';
export { dateOfMs, startOfDayMs } from '../time/zone-time.ts';

/** Dates are YYYY-MM-DD strings: a day in the leader's zone, whatever the server's zone. */

export function parseDate(date: string): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Whole days added to a YYYY-MM-DD date. */
export const shiftDate = addDays;

/** Every date from `from` to `to`, both included. */
export function listDates(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = shiftDate(date, 1)) dates.push(date);
  return dates;
}

/** ISO weekday: 1 Monday ... 7 Sunday. */
export function weekdayOf(date: string): number {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

export function isWeekday(date: string): boolean {
  return weekdayOf(date) <= 5;
}

/** The Monday of the week a date is in. */
export function weekStartOf(date: string): string {
  return shiftDate(date, 1 - weekdayOf(date));
}

/** "2026-Q1". */
export function quarterOf(date: string): string {
  const { year, month } = parseDate(date);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function quarterRange(quarter: string): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4));
  const index = Number(quarter.slice(6)) - 1;
  const from = new Date(Date.UTC(year, index * 3, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, index * 3 + 3, 0)).toISOString().slice(0, 10);
  return { from, to };
}

/** Quarters from the one containing `from` to the one containing `to`. */
export function quartersBetween(from: string, to: string): string[] {
  const quarters: string[] = [];
  let quarter = quarterOf(from);
  const last = quarterOf(to);
  while (quarter <= last) {
    quarters.push(quarter);
    quarter = quarterOf(shiftDate(quarterRange(quarter).to, 1));
  }
  return quarters;
}
