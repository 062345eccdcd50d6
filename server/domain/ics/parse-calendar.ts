import { createHash } from 'node:crypto';
import type { CalendarEvent } from './calendar-event.ts';
import { checkRecurrenceRule } from './check-recurrence-rule.ts';
import type { RawProperty } from './content-line.ts';
import { ImportRejected } from './import-rejected.ts';
import { issue, type ImportIssue } from './import-issue.ts';
import { createNodeIcalReader, type NodeIcalComponent } from './node-ical-reader.ts';
import { InvalidDateValue, readDateList, readDateValue, type DateValue } from './read-date-value.ts';
import { readDuration } from './read-duration.ts';
import { readEventFields } from './read-event-fields.ts';
import { resolveTimeZone, type ZoneId } from './resolve-time-zone.ts';
import { scanCalendar, type ScannedCalendar, type ScannedEvent } from './scan-calendar.ts';
import { addDays, addDaysInZone, dateWhen, daysBetween, recurrenceKey, wallClockToMs, type When } from './when.ts';
import { dateOfMs, startOfDayMs } from '../time/zone-time.ts';

export interface ParseOptions {
  /** Zone for floating times when the file declares none (X-WR-TIMEZONE): the leader's zone. */
  floatingZone?: ZoneId | undefined;
}

export type ZoneSource = 'X-WR-TIMEZONE' | 'events' | 'VTIMEZONE' | 'default';

export interface ParsedCalendar {
  /** X-WR-CALNAME, when present. */
  name: string | null;
  /** The calendar's own zone: the default zone for an analysis of it. */
  zone: ZoneId;
  zoneSource: ZoneSource;
  /** The zone floating times were read in. */
  floatingZone: ZoneId;
  events: CalendarEvent[];
  issues: ImportIssue[];
  /** VEVENT blocks found in the file, usable or not. */
  blockCount: number;
  /** The span an Outlook export declares it covers (X-CALSTART/X-CALEND), when it does. */
  declaredRange: { fromMs: number; toMs: number } | null;
}

/**
 * Reads an iCalendar text into checked events. Never throws for a bad event: each becomes an
 * import-report entry. Throws ImportRejected only when the text is not a calendar at all.
 */
export function parseCalendar(text: string, options: ParseOptions = {}): ParsedCalendar {
  assertLooksLikeCalendar(text);
  const scan = scanCalendar(text);
  const issues: ImportIssue[] = [...scan.issues];
  const context = new ZoneContext(scan, options.floatingZone, issues);

  const reader = createNodeIcalReader(buildCalendarLines(scan));
  const read: CalendarEvent[] = [];
  for (const block of scan.events) {
    const event = readEvent(block, scan, context, reader, issues);
    if (event) read.push(event);
  }

  reportOtherComponents(scan, issues);
  if (scan.events.length === 0) {
    issues.push(issue('info', 'no-events', 'The calendar contains no events.'));
  }

  return {
    name: scan.calendarProps.get('X-WR-CALNAME')?.value.trim() || null,
    zone: context.calendarZone,
    zoneSource: context.calendarZoneSource,
    floatingZone: context.floatingZone,
    events: keepLatestVersions(read, issues),
    issues,
    blockCount: scan.events.length,
    declaredRange: readDeclaredRange(scan, context),
  };
}

function readDeclaredRange(scan: ScannedCalendar, zones: ZoneContext): ParsedCalendar['declaredRange'] {
  const from = scan.calendarProps.get('X-CALSTART');
  const to = scan.calendarProps.get('X-CALEND');
  if (!from || !to) return null;
  try {
    const [start, end] = [readWhen(from, zones), readWhen(to, zones)];
    const ms = (when: When) => (when.kind === 'time' ? when.ms : startOfDayMs(when.date, zones.floatingZone));
    return ms(end) > ms(start) ? { fromMs: ms(start), toMs: ms(end) } : null;
  } catch (error) {
    if (error instanceof InvalidDateValue) return null;
    throw error;
  }
}

function assertLooksLikeCalendar(text: string): void {
  const firstLine = /^\s*([^\r\n]*)/.exec(text)?.[1]?.trim() ?? '';
  if (/^BEGIN:(VCALENDAR|VEVENT)\s*$/i.test(firstLine)) return;
  const shown = firstLine.length > 40 ? `${firstLine.slice(0, 40)}…` : firstLine;
  throw new ImportRejected(
    'not-a-calendar',
    firstLine
      ? `This is not an iCalendar (.ics) file: it should start with BEGIN:VCALENDAR but starts with "${shown}".`
      : 'This is not an iCalendar (.ics) file: it holds no text.',
  );
}

/** A calendar for node-ical to read each event against: its properties and VTIMEZONEs. */
function buildCalendarLines(scan: ScannedCalendar): string[] {
  const lines = ['BEGIN:VCALENDAR'];
  for (const [first, last] of scan.calendarPropRanges) lines.push(...scan.physicalLines.slice(first, last + 1));
  for (const tz of scan.timezones) lines.push(...scan.physicalLines.slice(tz.firstIndex, tz.lastIndex + 1));
  return lines;
}

/** Resolves TZIDs once per file and decides the calendar's zone and the floating-time zone. */
class ZoneContext {
  readonly calendarZone: ZoneId;
  readonly calendarZoneSource: ZoneSource;
  readonly floatingZone: ZoneId;
  private readonly resolved = new Map<string, ZoneId | null>();

  constructor(
    private readonly scan: ScannedCalendar,
    leaderZone: ZoneId | undefined,
    private readonly issues: ImportIssue[],
  ) {
    const declaredTzid = scan.calendarProps.get('X-WR-TIMEZONE')?.value.trim();
    const declared = declaredTzid ? this.resolveQuietly(declaredTzid) : null;
    const dominant = this.findDominantZone();
    const single = scan.timezones.length === 1 ? this.resolveQuietly(scan.timezones[0]!.tzid) : null;

    if (declared) [this.calendarZone, this.calendarZoneSource] = [declared, 'X-WR-TIMEZONE'];
    else if (dominant) [this.calendarZone, this.calendarZoneSource] = [dominant, 'events'];
    else if (single) [this.calendarZone, this.calendarZoneSource] = [single, 'VTIMEZONE'];
    else [this.calendarZone, this.calendarZoneSource] = ['UTC', 'default'];

    // Floating times are wall-clock times "wherever the calendar is": the file's own declared
    // zone first, then the leader's, never the zone of the machine that runs the import.
    this.floatingZone = declared ?? leaderZone ?? dominant ?? single ?? 'UTC';
  }

  /** The zone of a date-time value; reports a TZID it cannot understand (once per TZID). */
  zoneFor(value: Extract<DateValue, { kind: 'date-time' }>, line: number): ZoneId {
    if (value.isUtc) return 'UTC';
    if (!value.tzid) return this.floatingZone;
    const zone = this.resolveQuietly(value.tzid);
    if (zone) return zone;
    this.issues.push(
      issue(
        'warning',
        'unknown-time-zone',
        `The time zone "${value.tzid}" is unknown and has no usable VTIMEZONE; its times were read in ${this.floatingZone}.`,
        { line },
      ),
    );
    this.resolved.set(value.tzid, this.floatingZone);
    return this.floatingZone;
  }

  private resolveQuietly(tzid: string): ZoneId | null {
    if (this.resolved.has(tzid)) return this.resolved.get(tzid)!;
    const preferred = [this.scan.calendarProps.get('X-WR-TIMEZONE')?.value.trim() ?? ''].filter(Boolean);
    const zone = resolveTimeZone(tzid, this.scan.timezones, preferred)?.zone ?? null;
    this.resolved.set(tzid, zone);
    return zone;
  }

  private findDominantZone(): ZoneId | null {
    const counts = new Map<string, number>();
    for (const event of this.scan.events) {
      const tzid = event.props.get('DTSTART')?.[0]?.params.TZID;
      if (tzid) counts.set(tzid, (counts.get(tzid) ?? 0) + 1);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [tzid] of ranked) {
      const zone = this.resolveQuietly(tzid);
      if (zone) return zone;
    }
    return null;
  }
}

type Reader = (lines: string[]) => NodeIcalComponent;

function readEvent(
  block: ScannedEvent,
  scan: ScannedCalendar,
  zones: ZoneContext,
  reader: Reader,
  issues: ImportIssue[],
): CalendarEvent | null {
  const rawUid = block.props.get('UID')?.[0]?.value.trim() || undefined;
  const where = { uid: rawUid, line: block.line };
  const fail = (code: string, message: string) => {
    issues.push(issue('error', code, message, { ...where, dropped: 1 }));
    return null;
  };

  if (!block.isComplete) {
    return fail('truncated-event', 'The event is cut off before its END:VEVENT (the file was probably truncated); it was not imported.');
  }

  const starts = block.props.get('DTSTART') ?? [];
  if (starts.length === 0) return fail('missing-start', 'The event has no DTSTART, so it cannot be placed in time.');
  if (starts.length > 1) return fail('duplicate-start', `The event has ${starts.length} DTSTART lines; which one is meant cannot be told.`);
  const ends = block.props.get('DTEND') ?? [];
  if (ends.length > 1) return fail('duplicate-end', `The event has ${ends.length} DTEND lines; which one is meant cannot be told.`);

  const rrules: string[] = [];
  const exrules: string[] = [];
  for (const prop of [...(block.props.get('RRULE') ?? []), ...(block.props.get('EXRULE') ?? [])]) {
    const check = checkRecurrenceRule(prop.value);
    if (!check.ok) return fail(check.code, check.message);
    (prop.name === 'RRULE' ? rrules : exrules).push(check.rule);
  }

  let start: When;
  let end: When;
  let recurrenceId: When | null = null;
  try {
    start = readWhen(starts[0]!, zones);
    const recurrenceProp = block.props.get('RECURRENCE-ID')?.[0];
    if (recurrenceProp) recurrenceId = readWhen(recurrenceProp, zones);
    const endResult = readEnd(start, ends[0], block.props.get('DURATION')?.[0], zones);
    end = endResult.end;
    if (endResult.warning) issues.push(issue('warning', endResult.warning.code, endResult.warning.message, where));
  } catch (error) {
    if (error instanceof InvalidDateValue) return fail('invalid-date', `The event has an invalid date: ${error.message}; it was not imported.`);
    throw error;
  }

  const exdates = readDates(block.props.get('EXDATE') ?? [], zones, 'EXDATE', issues, where);
  const rdates = readDates(block.props.get('RDATE') ?? [], zones, 'RDATE', issues, where);

  let component: NodeIcalComponent;
  try {
    component = reader(linesWithoutDates(scan.physicalLines, block));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail('unparseable-event', `The event could not be read: ${reason}.`);
  }
  const { isOutlookAllDay, ...fields } = readEventFields(component);
  const uid = rawUid ?? deriveUid(starts[0]!, ends[0] ?? block.props.get('DURATION')?.[0], fields.summary);
  // Some Outlook exports write all-day events as midnight-to-midnight date-times and say so only
  // in X-MICROSOFT-CDO-ALLDAYEVENT: read them as the dates they are.
  if (isOutlookAllDay) [start, end] = asDates(start, end);

  return {
    line: block.line,
    uid,
    hasOwnUid: rawUid !== undefined,
    recurrenceId,
    start,
    end,
    rrules,
    exrules,
    rdates,
    exdates,
    ...fields,
  };
}

/**
 * The block as node-ical reads it: without the date and recurrence properties, which are read
 * from the raw text above (node-ical's reading of them depends on the process's zone and
 * repairs invalid dates silently), so node-ical spends no time on them.
 */
function linesWithoutDates(lines: readonly string[], block: ScannedEvent): string[] {
  const kept: string[] = [];
  let next = 0;
  const ranges = block.dateRanges;
  for (let i = block.firstIndex; i <= block.lastIndex; i++) {
    const range = ranges[next];
    if (range && i >= range[0]) {
      i = range[1];
      next++;
      continue;
    }
    kept.push(lines[i]!);
  }
  return kept;
}

function asDates(start: When, end: When): [When, When] {
  if (start.kind !== 'time' || end.kind !== 'time') return [start, end];
  const isMidnight = (when: { ms: number; zone: string }) => startOfDayMs(dateOfMs(when.ms, when.zone), when.zone) === when.ms;
  if (!isMidnight(start) || !isMidnight(end) || end.ms <= start.ms) return [start, end];
  return [
    { kind: 'date', date: dateOfMs(start.ms, start.zone) },
    { kind: 'date', date: dateOfMs(end.ms, end.zone) },
  ];
}

/** Reads a date property; an invalid value names the property and its line. */
function readWhen(prop: RawProperty, zones: ZoneContext): When {
  let value: DateValue;
  try {
    value = readDateValue(prop.value, prop.params);
  } catch (error) {
    if (error instanceof InvalidDateValue) throw new InvalidDateValue(`${prop.name} on line ${prop.line}: ${error.message}`);
    throw error;
  }
  return toWhen(value, zones, prop.line);
}

function toWhen(value: DateValue, zones: ZoneContext, line: number): When {
  if (value.kind === 'date') return dateWhen(value);
  const zone = zones.zoneFor(value, line);
  return { kind: 'time', ms: wallClockToMs(value, zone), zone };
}

interface EndResult {
  end: When;
  warning?: { code: string; message: string };
}

/**
 * The longest event read as written: two years (a long leave fits). A longer one is an exporter's
 * error (DTEND:99991231 crashed the figures, which give every quarter an event touches a row, and a
 * DURATION of a billion weeks lies beyond the dates JavaScript can hold; found by
 * test/services/import-properties.test.ts).
 */
const MAX_EVENT_DAYS = 731;

function tooLong(days: number): { code: string; message: string } {
  return {
    code: 'end-too-far',
    message: `The event would last ${Math.round(days).toLocaleString('en-GB')} days; events longer than ${MAX_EVENT_DAYS} days are read without their end.`,
  };
}

function readEnd(start: When, endProp: RawProperty | undefined, durationProp: RawProperty | undefined, zones: ZoneContext): EndResult {
  const fallback = (): When => (start.kind === 'date' ? { kind: 'date', date: addDays(start.date, 1) } : start);
  if (endProp) {
    let end: When;
    try {
      end = readWhen(endProp, zones);
    } catch (error) {
      if (!(error instanceof InvalidDateValue)) throw error;
      return {
        end: fallback(),
        warning: { code: 'invalid-end', message: `DTEND is invalid (${error.message}); the event was read without an end.` },
      };
    }
    if (end.kind !== start.kind) {
      return {
        end: fallback(),
        warning: {
          code: 'mismatched-end',
          message: 'DTSTART and DTEND are of different kinds (date and date-time); the end was ignored.',
        },
      };
    }
    if (compareWhen(end, start) < 0) {
      return { end: fallback(), warning: { code: 'end-before-start', message: 'The event ends before it starts; its end was ignored.' } };
    }
    // Some exporters write DTEND equal to DTSTART for a one-day all-day event. Kept as written it
    // lasted no day at all and dropped out of a window starting on that date; RFC 5545 reads a
    // date event without a usable end as one day.
    if (end.kind === 'date' && compareWhen(end, start) === 0) return { end: fallback() };
    const days = end.kind === 'date' && start.kind === 'date' ? daysBetween(start.date, end.date) : end.kind === 'time' && start.kind === 'time' ? (end.ms - start.ms) / 86_400_000 : 0;
    if (days > MAX_EVENT_DAYS) return { end: fallback(), warning: tooLong(days) };
    return { end };
  }
  if (durationProp) {
    const duration = readDuration(durationProp.value);
    if (!duration || duration.days < 0 || duration.ms < 0) {
      return {
        end: fallback(),
        warning: { code: 'invalid-duration', message: `DURATION "${durationProp.value}" is not a valid duration; it was ignored.` },
      };
    }
    const days = duration.days + duration.ms / 86_400_000;
    if (days > MAX_EVENT_DAYS) return { end: fallback(), warning: tooLong(days) };
    if (start.kind === 'date') return { end: { kind: 'date', date: addDays(start.date, Math.max(1, duration.days)) } };
    // Days are calendar days in the event's zone (P1D across a DST change is 23 or 25 hours);
    // adding 24h per day moved such ends by an hour.
    return { end: { ...start, ms: addDaysInZone(start.ms, start.zone, duration.days) + duration.ms } };
  }
  return { end: fallback() };
}

function compareWhen(a: When, b: When): number {
  if (a.kind === 'date' && b.kind === 'date') return a.date.localeCompare(b.date);
  if (a.kind === 'time' && b.kind === 'time') return a.ms - b.ms;
  return 0;
}

function readDates(
  props: RawProperty[],
  zones: ZoneContext,
  name: 'EXDATE' | 'RDATE',
  issues: ImportIssue[],
  where: { uid: string | undefined; line: number },
): When[] {
  const values: When[] = [];
  for (const prop of props) {
    try {
      for (const value of readDateList(prop)) values.push(toWhen(value, zones, prop.line));
    } catch (error) {
      if (!(error instanceof InvalidDateValue)) throw error;
      issues.push(
        issue(
          'warning',
          name === 'EXDATE' ? 'invalid-exdate' : 'invalid-rdate',
          `${name} on line ${prop.line} is invalid (${error.message}) and was ignored: ${
            name === 'EXDATE' ? 'an instance it meant to remove may be counted' : 'an extra instance it meant to add is missing'
          }.`,
          // The refused value may have named one extra occurrence or several: counted once, as a refused entry.
          name === 'RDATE' ? { ...where, dropped: 1 } : where,
        ),
      );
    }
  }
  return values;
}

/** A stable identity for events without UID, so that re-importing the file does not duplicate them. */
function deriveUid(start: RawProperty, endOrDuration: RawProperty | undefined, summary: string): string {
  const key = [start.params.TZID ?? '', start.value, endOrDuration?.name ?? '', endOrDuration?.params.TZID ?? '', endOrDuration?.value ?? '', summary].join('\u001f');
  return `altitude-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/**
 * One UID is one event (RFC 5545): when a file holds several versions of it, the highest
 * SEQUENCE wins and, between equals, the later one in the file. Overrides are versioned the same
 * way per RECURRENCE-ID.
 */
function keepLatestVersions(events: CalendarEvent[], issues: ImportIssue[]): CalendarEvent[] {
  const latest = new Map<string, CalendarEvent>();
  for (const event of events) {
    const key = `${event.uid}\u0000${event.recurrenceId ? recurrenceKey(event.recurrenceId) : ''}`;
    const previous = latest.get(key);
    if (!previous) {
      latest.set(key, event);
      continue;
    }
    const [kept, dropped] = event.sequence >= previous.sequence ? [event, previous] : [previous, event];
    latest.set(key, kept);
    if (kept.sequence !== dropped.sequence) {
      issues.push(
        issue(
          'info',
          'older-version-ignored',
          `An older version (SEQUENCE ${dropped.sequence}) of this event was replaced by the newer one on line ${kept.line}.`,
          { uid: dropped.uid, line: dropped.line, dropped: 1 },
        ),
      );
    } else {
      issues.push(
        issue(
          'warning',
          'duplicate-uid',
          `The UID appears again on line ${kept.line} with the same SEQUENCE; the later entry was kept.`,
          { uid: dropped.uid, line: dropped.line, dropped: 1 },
        ),
      );
    }
  }
  return [...latest.values()];
}

function reportOtherComponents(scan: ScannedCalendar, issues: ImportIssue[]): void {
  const skipped = Object.entries(scan.otherComponents).filter(([type]) => type !== 'VCALENDAR');
  if (skipped.length === 0) return;
  const list = skipped.map(([type, count]) => `${count} ${type}`).join(', ');
  issues.push(issue('info', 'other-components', `The file also holds ${list}; only events (VEVENT) are time in a calendar and were read.`));
}
