import { parseContentLine, type RawProperty } from './content-line.ts';
import { issue, type ImportIssue } from './import-issue.ts';

/** Event properties read from the raw text: dates and recurrence, where node-ical's own
 * reading depends on the process time zone or silently repairs invalid values. */
const RAW_EVENT_PROPERTIES = new Set([
  'UID',
  'DTSTART',
  'DTEND',
  'DURATION',
  'RECURRENCE-ID',
  'RRULE',
  'EXRULE',
  'EXDATE',
  'RDATE',
]);

// X-CALSTART/X-CALEND: the date range an Outlook export was asked for.
const CALENDAR_PROPERTIES = new Set(['X-WR-CALNAME', 'X-WR-TIMEZONE', 'X-CALSTART', 'X-CALEND']);

export interface ScannedEvent {
  /** 1-based line of BEGIN:VEVENT. */
  line: number;
  /** Physical line indexes (0-based, inclusive) of the block, for handing it to node-ical. */
  firstIndex: number;
  lastIndex: number;
  /** False when the block never reached its END:VEVENT (a truncated file). */
  isComplete: boolean;
  props: Map<string, RawProperty[]>;
  /** Physical line ranges of the date and recurrence properties read here (not UID). */
  dateRanges: Array<[number, number]>;
}

export interface TimezoneObservance {
  kind: 'STANDARD' | 'DAYLIGHT';
  offsetToMinutes: number | null;
}

export interface ScannedTimezone {
  tzid: string;
  licLocation: string | null;
  observances: TimezoneObservance[];
  firstIndex: number;
  lastIndex: number;
}

export interface ScannedCalendar {
  physicalLines: string[];
  calendarProps: Map<string, RawProperty>;
  /** Physical line ranges of the calendar-level properties, to rebuild a context for node-ical. */
  calendarPropRanges: Array<[number, number]>;
  timezones: ScannedTimezone[];
  events: ScannedEvent[];
  otherComponents: Record<string, number>;
  issues: ImportIssue[];
}

interface OpenComponent {
  type: string;
  line: number;
  index: number;
}

/**
 * One pass over the text that finds the structure: components with their line numbers, the raw
 * date and recurrence properties of each event, the time zones. Cheap by design: properties that
 * are not needed here are skipped without being unfolded or split.
 */
export function scanCalendar(text: string): ScannedCalendar {
  const lines = text.split(/\r\n|\n|\r/);
  // Some exporters indent the first line; a leading space there is not a fold.
  if (lines.length > 0) lines[0] = lines[0]!.trimStart();

  const result: ScannedCalendar = {
    physicalLines: lines,
    calendarProps: new Map(),
    calendarPropRanges: [],
    timezones: [],
    events: [],
    otherComponents: {},
    issues: [],
  };

  const stack: OpenComponent[] = [];
  let event: ScannedEvent | null = null;
  let timezone: ScannedTimezone | null = null;
  let observance: TimezoneObservance | null = null;

  for (let i = 0; i < lines.length; i++) {
    const physical = lines[i]!;
    if (physical.length === 0) continue;
    const first = physical.charCodeAt(0);
    if (first === 32 || first === 9) continue; // continuation of a property we skipped

    const depthType = stack.length > 0 ? stack[stack.length - 1]!.type : null;

    if (startsWithIgnoreCase(physical, 'BEGIN:')) {
      const type = physical.slice(6).trim().toUpperCase();
      if (type === 'VEVENT') {
        if (event) closeTruncatedEvent(result, event, i - 1, stack);
        event = { line: i + 1, firstIndex: i, lastIndex: i, isComplete: false, props: new Map(), dateRanges: [] };
      } else if (type === 'VTIMEZONE' && !event) {
        timezone = { tzid: '', licLocation: null, observances: [], firstIndex: i, lastIndex: i };
      } else if ((type === 'STANDARD' || type === 'DAYLIGHT') && timezone) {
        observance = { kind: type, offsetToMinutes: null };
      } else if (!event && !timezone && type !== 'VALARM') {
        result.otherComponents[type] = (result.otherComponents[type] ?? 0) + 1;
      }
      stack.push({ type, line: i + 1, index: i });
      continue;
    }

    if (startsWithIgnoreCase(physical, 'END:')) {
      const type = physical.slice(4).trim().toUpperCase();
      const openIndex = findLastIndex(stack, (c) => c.type === type);
      if (openIndex < 0) {
        result.issues.push(issue('warning', 'stray-end', `END:${type} without a matching BEGIN was ignored.`, { line: i + 1 }));
        continue;
      }
      stack.length = openIndex;
      if (type === 'VEVENT' && event) {
        event.lastIndex = i;
        event.isComplete = true;
        result.events.push(event);
        event = null;
      } else if (type === 'VTIMEZONE' && timezone) {
        timezone.lastIndex = i;
        if (timezone.tzid) result.timezones.push(timezone);
        timezone = null;
      } else if ((type === 'STANDARD' || type === 'DAYLIGHT') && timezone && observance) {
        timezone.observances.push(observance);
        observance = null;
      }
      continue;
    }

    if (event) {
      // Only the event's own properties: an alarm's or a nested component's are not the event's.
      if (depthType !== 'VEVENT') continue;
      const name = propertyName(physical);
      if (!RAW_EVENT_PROPERTIES.has(name)) continue;
      const prop = readProperty(lines, i);
      if (name !== 'UID') event.dateRanges.push([i, lastContinuationIndex(lines, i)]);
      if (prop) {
        const list = event.props.get(prop.name);
        if (list) list.push(prop);
        else event.props.set(prop.name, [prop]);
      }
      continue;
    }

    if (timezone) {
      const name = propertyName(physical);
      if (name === 'TZID' && depthType === 'VTIMEZONE') timezone.tzid = readProperty(lines, i)?.value.trim() ?? '';
      else if (name === 'X-LIC-LOCATION') timezone.licLocation = readProperty(lines, i)?.value.trim() ?? null;
      else if (name === 'TZOFFSETTO' && observance) {
        observance.offsetToMinutes = parseUtcOffset(readProperty(lines, i)?.value ?? '');
      }
      continue;
    }

    if (depthType === 'VCALENDAR') {
      const name = propertyName(physical);
      if (!CALENDAR_PROPERTIES.has(name)) continue;
      const prop = readProperty(lines, i);
      if (prop && !result.calendarProps.has(prop.name)) {
        result.calendarProps.set(prop.name, prop);
        result.calendarPropRanges.push([i, lastContinuationIndex(lines, i)]);
      }
    }
  }

  if (event) closeTruncatedEvent(result, event, lines.length - 1, stack);
  const unclosedCalendar = stack.some((c) => c.type === 'VCALENDAR');
  if (unclosedCalendar) {
    result.issues.push(
      issue(
        'warning',
        'truncated-file',
        'The file ends before END:VCALENDAR: it was probably cut off. Complete events before the cut were read.',
      ),
    );
  }
  return result;
}

function closeTruncatedEvent(result: ScannedCalendar, event: ScannedEvent, lastIndex: number, stack: OpenComponent[]): void {
  event.lastIndex = Math.max(event.firstIndex, lastIndex);
  event.isComplete = false;
  result.events.push(event);
  const openIndex = findLastIndex(stack, (c) => c.type === 'VEVENT');
  if (openIndex >= 0) stack.length = openIndex;
}

/** Reads the logical line starting at `index`, joining folded continuation lines. */
function readProperty(lines: string[], index: number): RawProperty | null {
  let text = lines[index]!;
  let next = index + 1;
  while (next < lines.length) {
    const candidate = lines[next]!;
    const code = candidate.charCodeAt(0);
    if (code !== 32 && code !== 9) break;
    text += candidate.slice(1);
    next++;
  }
  return parseContentLine(text, index + 1);
}

function lastContinuationIndex(lines: string[], index: number): number {
  let next = index + 1;
  while (next < lines.length) {
    const code = lines[next]!.charCodeAt(0);
    if (code !== 32 && code !== 9) break;
    next++;
  }
  return next - 1;
}

function propertyName(line: string): string {
  let end = 0;
  while (end < line.length) {
    const c = line.charCodeAt(end);
    if (c === 58 /* : */ || c === 59 /* ; */) break;
    end++;
  }
  return line.slice(0, end).toUpperCase();
}

function startsWithIgnoreCase(line: string, prefix: string): boolean {
  return line.length >= prefix.length && line.slice(0, prefix.length).toUpperCase() === prefix;
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}

/** `+0130`, `-05`, `+01:00` -> minutes east of UTC. */
export function parseUtcOffset(value: string): number | null {
  const match = /^([+-])(\d{2}):?(\d{2})?(?::?\d{2})?$/.exec(value.trim());
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}
