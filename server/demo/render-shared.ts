import type { CalendarFlavour, ResolvedCalendarOptions } from './calendar-options.ts';
import type { Attendance, CalendarPlan, EventTiming, PartStat, PlannedEvent, PlannedRecurrence, WallTime } from './event-model.ts';
import { formatContentLine, type IcsParams } from './ics-writer.ts';
import { formatIcsDate, formatIcsLocalDateTime, formatIcsUtc, toInstant } from './local-time.ts';
import { hashString } from './random.ts';
import type { Vocabulary } from './vocabulary.ts';

// What both vendors' event writers share: date lines in the leader's zone, RRULE text, and
// CREATED/LAST-MODIFIED stamps that are plausible and never later than the export.

export interface RenderContext {
  plan: CalendarPlan;
  options: ResolvedCalendarOptions;
  vocabulary: Vocabulary;
  /** The TZID written on every date: IANA for Google, the Windows name for Outlook. */
  tzid: string;
  dtstamp: string;
  nowMs: number;
}

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export function formatLocalLine(context: RenderContext, name: string, time: WallTime): string {
  return formatContentLine(name, formatIcsLocalDateTime(time), [['TZID', context.tzid]]);
}

export function formatTimingLines(context: RenderContext, timing: EventTiming): [string, string] {
  if (timing.kind === 'all-day') {
    const params: IcsParams = [['VALUE', 'DATE']];
    return [formatContentLine('DTSTART', formatIcsDate(timing.firstDay), params), formatContentLine('DTEND', formatIcsDate(timing.endDay), params)];
  }
  return [formatLocalLine(context, 'DTSTART', timing.start), formatLocalLine(context, 'DTEND', timing.end)];
}

/** Google writes the shortest rule; Outlook spells out INTERVAL and WKST. */
export function formatRecurrenceRule(context: RenderContext, recurrence: PlannedRecurrence, flavour: CalendarFlavour): string {
  const { rule } = recurrence;
  const parts: string[] = [`FREQ=${rule.freq === 'weekly' ? 'WEEKLY' : 'MONTHLY'}`];
  // RFC 5545: with a zoned DTSTART, UNTIL must be given in UTC.
  if (recurrence.lastStart) parts.push(`UNTIL=${formatIcsUtc(toInstant(recurrence.lastStart, context.options.timeZone))}`);
  if (flavour === 'outlook' || rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`);
  const byDay =
    rule.freq === 'weekly'
      ? rule.weekdays.map((weekday) => WEEKDAY_CODES[weekday] ?? 'MO').join(',')
      : `${rule.nth}${WEEKDAY_CODES[rule.weekday] ?? 'MO'}`;
  parts.push(`BYDAY=${byDay}`);
  if (flavour === 'outlook') parts.push('WKST=MO');
  return parts.join(';');
}

function findFirstStart(context: RenderContext, timing: EventTiming): Date {
  const start: WallTime = timing.kind === 'timed' ? timing.start : { day: timing.firstDay, minute: 9 * 60 };
  return toInstant(start, context.options.timeZone);
}

/** Minutes of jitter from the key, so stamps differ per entry without any randomness. */
function jitterMinutes(key: string, salt: string, range: number): number {
  return hashString(`${key}:${salt}`) % range;
}

export function computeCreated(context: RenderContext, event: PlannedEvent): Date {
  const start = findFirstStart(context, event.timing).getTime();
  const lead = event.createdDaysBefore > 0 ? event.createdDaysBefore * DAY_MS : (30 + jitterMinutes(event.key, 'lead', 150)) * MINUTE_MS;
  const created = start - lead - jitterMinutes(event.key, 'created', 600) * MINUTE_MS;
  return new Date(Math.min(created, context.nowMs - (5 + jitterMinutes(event.key, 'now', 600)) * MINUTE_MS));
}

export function computeLastModified(context: RenderContext, key: string, created: Date, changedBefore?: WallTime): Date {
  const latest = changedBefore
    ? Math.min(context.nowMs, toInstant(changedBefore, context.options.timeZone).getTime() - (60 + jitterMinutes(key, 'moved', 4000)) * MINUTE_MS)
    : created.getTime() + jitterMinutes(key, 'modified', 3 * 24 * 60) * MINUTE_MS;
  return new Date(Math.max(created.getTime(), Math.min(latest, context.nowMs)));
}

export function formatUtcLine(name: string, instant: Date): string {
  return formatContentLine(name, formatIcsUtc(new Date(Math.floor(instant.getTime() / 1000) * 1000)));
}

export function findLeaderAnswer(context: RenderContext, attendees: readonly Attendance[]): PartStat | undefined {
  return attendees.find((attendance) => attendance.person.email === context.plan.leader.email)?.partStat;
}

export function joinDescription(parts: readonly (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join('\n\n');
}
