import { tzOffset } from '@date-fns/tz';

/**
 * Wall clocks and instants in a zone, fast: thousands of events are converted per audit, and a
 * Temporal or TZDate object per conversion dominated its time. Offsets come from @date-fns/tz
 * and are cached per 15 minutes of UTC: since 1972 every zone's offsets and transitions fall on
 * quarter hours, so the cache is exact for any date a working calendar holds (before that, some
 * zones kept local mean time, offsets in seconds).
 */

const QUARTER_HOUR = 15 * 60_000;
const DAY = 86_400_000;
const caches = new Map<string, Map<number, number>>();

/** Minutes east of UTC that `zone` observes at `ms`. */
export function offsetMinutesAt(zone: string, ms: number): number {
  let cache = caches.get(zone);
  if (!cache) caches.set(zone, (cache = new Map()));
  const bucket = Math.floor(ms / QUARTER_HOUR);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    offset = tzOffset(zone, new Date(bucket * QUARTER_HOUR));
    if (Number.isNaN(offset)) throw new RangeError(`unknown time zone ${zone}`);
    cache.set(bucket, offset);
  }
  return offset;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The instant a wall-clock reading in `zone` names. RFC 5545 (and Temporal's "compatible"):
 * a time skipped by a DST change moves forward by the gap; a repeated time means its first
 * occurrence.
 */
export function wallClockToMs(clock: WallClock, zone: string): number {
  const local = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  const before = offsetMinutesAt(zone, local - DAY);
  const after = offsetMinutesAt(zone, local + DAY);
  const viaBefore = local - before * 60_000;
  if (before === after) {
    const offset = offsetMinutesAt(zone, viaBefore);
    return local - offset * 60_000;
  }
  const viaAfter = local - after * 60_000;
  const validBefore = offsetMinutesAt(zone, viaBefore) === before;
  const validAfter = offsetMinutesAt(zone, viaAfter) === after;
  if (validBefore && validAfter) return Math.min(viaBefore, viaAfter); // repeated: the first
  if (validBefore) return viaBefore;
  if (validAfter) return viaAfter;
  return viaBefore; // skipped: read with the offset before the change, i.e. moved forward
}

/** The YYYY-MM-DD an instant falls on in `zone`. */
export function dateOfMs(ms: number, zone: string): string {
  return new Date(ms + offsetMinutesAt(zone, ms) * 60_000).toISOString().slice(0, 10);
}

/** The first instant of a date in `zone` (01:00 where a DST change skips midnight). */
export function startOfDayMs(date: string, zone: string): number {
  return wallClockToMs({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)), hour: 0, minute: 0, second: 0 }, zone);
}

/** `2026-03-02T09:00:00+01:00`: the instant as the zone's wall clock, with its offset. */
export function formatInZone(ms: number, zone: string): string {
  const offset = offsetMinutesAt(zone, ms);
  const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${wall}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
