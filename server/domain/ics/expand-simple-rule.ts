import { offsetMinutesAt, wallClockToMs } from '../time/zone-time.ts';

/**
 * Daily and weekly rules without BY-parts other than plain BYDAY are most of any work calendar
 * (1:1s, stand-ups, staff meetings). They are expanded here with day arithmetic, jumping
 * straight to the window; the general engine (rrule-temporal) builds a Temporal object per
 * candidate from DTSTART on, which made a year of a busy calendar several times slower. Any
 * other rule returns null and goes to the general engine.
 *
 * RFC 5545 semantics kept: DTSTART is the first occurrence and counts towards COUNT; UNTIL is
 * inclusive; a wall-clock time that does not exist on a DST day is not an occurrence and does
 * not count.
 */

const DAY = 86_400_000;
const MAX_STEPS = 200_000;
const WEEKDAYS: Record<string, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };

interface SimpleRule {
  freq: 'DAILY' | 'WEEKLY';
  interval: number;
  count: number | null;
  until: string | null;
  byDay: number[] | null;
  wkst: number;
}

function readSimpleRule(rule: string): SimpleRule | null {
  const parts = new Map(rule.split(';').map((part) => part.split('=') as [string, string]));
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY') return null;
  for (const name of parts.keys()) if (!['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'WKST'].includes(name)) return null;
  const byDay = parts.get('BYDAY')?.split(',') ?? null;
  if (byDay && byDay.some((day) => !(day in WEEKDAYS))) return null; // ordinals (2WE) are not simple
  return {
    freq,
    interval: Number(parts.get('INTERVAL') ?? 1),
    count: parts.has('COUNT') ? Number(parts.get('COUNT')) : null,
    until: parts.get('UNTIL') ?? null,
    byDay: byDay ? [...new Set(byDay.map((day) => WEEKDAYS[day]!))] : null,
    wkst: WEEKDAYS[parts.get('WKST') ?? 'MO'] ?? 1,
  };
}

function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7 + 1; // day 0 (1970-01-01) was a Thursday
}

/** Day numbers of the rule's candidate dates from `firstDay` on, in order. */
function* candidateDays(rule: SimpleRule, firstDay: number, skipTo: number): Generator<number> {
  const days = rule.byDay ?? [weekdayOf(firstDay)];
  if (rule.freq === 'DAILY') {
    const step = rule.interval;
    let k = Math.max(0, Math.floor((skipTo - firstDay) / step) - 1);
    for (let n = 0; n < MAX_STEPS; n++, k++) {
      const day = firstDay + k * step;
      if (!rule.byDay || days.includes(weekdayOf(day))) yield day;
    }
    throw new RangeError('the rule needs too many steps');
  }
  const offsets = days.map((d) => (d - rule.wkst + 7) % 7).sort((a, b) => a - b);
  const firstWeek = firstDay - ((weekdayOf(firstDay) - rule.wkst + 7) % 7);
  const weeks = 7 * rule.interval;
  let k = Math.max(0, Math.floor((skipTo - firstWeek) / weeks) - 1);
  for (let n = 0; n < MAX_STEPS; n++, k++) {
    for (const offset of offsets) {
      const day = firstWeek + k * weeks + offset;
      if (day >= firstDay) yield day;
    }
  }
  throw new RangeError('the rule needs too many steps');
}

/** Instants of a timed series in [fromMs, toMs), or null when the rule is not simple. */
export function expandSimpleTimedRule(ruleText: string, startMs: number, zone: string, fromMs: number, toMs: number): number[] | null {
  const rule = readSimpleRule(ruleText);
  if (!rule) return null;
  const localStart = startMs + offsetMinutesAt(zone, startMs) * 60_000;
  const firstDay = Math.floor(localStart / DAY);
  const timeOfDay = localStart - firstDay * DAY;
  const until = rule.until ? parseUntil(rule.until) : Infinity;
  // With COUNT every occurrence from DTSTART must be counted, so no jumping ahead.
  const skipTo = rule.count === null ? Math.floor((fromMs - DAY) / DAY) : firstDay;

  const result: number[] = [];
  let counted = 1; // DTSTART is the first occurrence
  if (startMs >= fromMs && startMs < toMs) result.push(startMs);
  for (const day of candidateDays(rule, firstDay, skipTo)) {
    const local = day * DAY + timeOfDay;
    const date = new Date(local);
    const ms = wallClockToMs(
      { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds() },
      zone,
    );
    if (ms > until || ms >= toMs) break;
    if (ms + offsetMinutesAt(zone, ms) * 60_000 !== local) continue; // skipped by a DST change
    if (ms === startMs) continue; // DTSTART, already counted
    if (ms < startMs) continue;
    if (rule.count !== null && ++counted > rule.count) break;
    if (ms >= fromMs) result.push(ms);
  }
  return result;
}

/** Dates (YYYY-MM-DD) of an all-day series in [fromDate, toDate], or null when not simple. */
export function expandSimpleDateRule(ruleText: string, startDate: string, fromDate: string, toDate: string): string[] | null {
  const rule = readSimpleRule(ruleText);
  if (!rule) return null;
  const firstDay = Date.parse(`${startDate}T00:00:00Z`) / DAY;
  const fromDay = Date.parse(`${fromDate}T00:00:00Z`) / DAY;
  const toDay = Date.parse(`${toDate}T00:00:00Z`) / DAY;
  const until = rule.until ? Date.parse(`${rule.until.slice(0, 4)}-${rule.until.slice(4, 6)}-${rule.until.slice(6, 8)}T00:00:00Z`) / DAY : Infinity;
  const skipTo = rule.count === null ? fromDay - 1 : firstDay;

  const result: string[] = [];
  let counted = 1;
  if (firstDay >= fromDay && firstDay <= toDay) result.push(startDate);
  for (const day of candidateDays(rule, firstDay, skipTo)) {
    if (day > until || day > toDay) break;
    if (day === firstDay) continue;
    if (rule.count !== null && ++counted > rule.count) break;
    if (day >= fromDay) result.push(new Date(day * DAY).toISOString().slice(0, 10));
  }
  return result;
}

function parseUntil(until: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(until);
  if (!match) return Infinity;
  const [, y, mo, d, h, mi, s] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 23), Number(mi ?? 59), Number(s ?? 59));
}
