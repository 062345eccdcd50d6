import type { WallClock } from '../time/zone-time.ts';
import type { RawProperty } from './content-line.ts';

/** A DATE or DATE-TIME as written, checked for real calendar validity. */
export type DateValue =
  | { kind: 'date'; year: number; month: number; day: number }
  | (WallClock & {
      kind: 'date-time';
      /** True when written with a trailing Z. */
      isUtc: boolean;
      /** The TZID parameter, when there is one. */
      tzid: string | null;
    });

export class InvalidDateValue extends Error {}

const DATE_TIME = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?|Z)?$/i;

/**
 * Reads one value of a date property. node-ical (like `new Date`) rolls invalid dates over
 * (`20171032` becomes 1 November), so validity is checked here, field by field.
 */
export function readDateValue(raw: string, params: Record<string, string>): DateValue {
  // Tolerate extended ISO forms and a stray Z after a date (20131210Z, seen in Google exports) some generators write (2024-01-02T09:00:00, fractional seconds).
  const compact = raw.trim().replace(/[-:]/g, '').replace(/\.\d+(?=Z?$)/i, '');
  const match = DATE_TIME.exec(compact);
  if (!match) throw new InvalidDateValue(`"${raw}" is not an iCalendar date or date-time`);
  const [, y, mo, d, h, mi, s, z] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1000) throw new InvalidDateValue(`"${raw}" has the year ${year}`);
  if (month < 1 || month > 12) throw new InvalidDateValue(`"${raw}" has no month ${month}`);
  if (day < 1 || day > daysInMonth(year, month)) throw new InvalidDateValue(`"${raw}" has no day ${day} in that month`);

  const valueType = (params.VALUE ?? '').toUpperCase();
  if (h === undefined) {
    if (valueType === 'DATE-TIME') throw new InvalidDateValue(`"${raw}" is declared a DATE-TIME but has no time`);
    return { kind: 'date', year, month, day };
  }
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  // 240000 is not valid iCalendar, but a few exporters write it for midnight at the end of a day.
  const isEndOfDay = hour === 24 && minute === 0 && second === 0;
  if ((hour > 23 && !isEndOfDay) || minute > 59 || second > 60) {
    throw new InvalidDateValue(`"${raw}" has an impossible time of day`);
  }
  const tzid = params.TZID?.trim() || null;
  const value: DateValue = { kind: 'date-time', year, month, day, hour, minute, second: Math.min(second, 59), isUtc: z !== undefined, tzid };
  if (isEndOfDay) {
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    Object.assign(value, { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0 });
  }
  return value;
}

/** EXDATE and RDATE may hold several comma-separated values; RDATE may hold periods. */
export function readDateList(prop: RawProperty): DateValue[] {
  return prop.value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => readDateValue(part.split('/')[0]!, prop.params));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
