import { offsetMinutesAt, wallClockToMs as zoneWallClockToMs } from '../time/zone-time.ts';
import { formatDate, type DateValue } from './read-date-value.ts';
import type { ZoneId } from './resolve-time-zone.ts';

/**
 * A point in a calendar after reading: an all-day date (no zone: the same date everywhere), or
 * an instant with the zone its wall clock belongs to (recurrences step in that zone's wall time).
 */
export type When = { kind: 'date'; date: string } | { kind: 'time'; ms: number; zone: ZoneId };

/** Converts a wall-clock reading in `zone` to an instant. DST gaps move forward, folds take the
 * first occurrence, as RFC 5545 3.3.5 asks. */
export function wallClockToMs(value: Extract<DateValue, { kind: 'date-time' }>, zone: ZoneId): number {
  if (zone === 'UTC') return Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute, value.second);
  return zoneWallClockToMs(value, zone);
}

export function dateWhen(value: Extract<DateValue, { kind: 'date' }>): When {
  return { kind: 'date', date: formatDate(value.year, value.month, value.day) };
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Adds calendar days to an instant in its zone: across a DST change the wall-clock time stays
 * (RFC 5545 3.3.6: a day in a DURATION is nominal, not 24 hours). */
export function addDaysInZone(ms: number, zone: ZoneId, days: number): number {
  if (days === 0 || zone === 'UTC') return ms + days * 86_400_000;
  // The UTC fields of `wall` are the zone's wall clock; move its date, keep its time.
  const wall = new Date(ms + offsetMinutesAt(zone, ms) * 60_000);
  wall.setUTCDate(wall.getUTCDate() + days);
  return zoneWallClockToMs(
    { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds() },
    zone,
  ) + wall.getUTCMilliseconds();
}

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)));
  return Math.round((b - a) / 86_400_000);
}

/** The identity of an instance within its series: a UTC instant, or a date for all-day series. */
export function recurrenceKey(when: When): string {
  return when.kind === 'date' ? when.date : new Date(when.ms).toISOString().replace('.000Z', 'Z');
}

/** A stretch of time as both instants (for timed events) and dates (for all-day ones). */
export interface TimeRange {
  fromMs: number;
  toMs: number;
  /** Inclusive first and last dates. */
  fromDate: string;
  toDate: string;
}

/** Whether an event from `start` to `end` touches the range; an event without length, where it stands. */
export function touchesRange(start: When, end: When, range: TimeRange): boolean {
  if (start.kind === 'date' && end.kind === 'date') return start.date <= range.toDate && end.date > range.fromDate;
  if (start.kind === 'time' && end.kind === 'time') {
    if (end.ms === start.ms) return start.ms >= range.fromMs && start.ms < range.toMs;
    return start.ms < range.toMs && end.ms > range.fromMs;
  }
  return false;
}
