/**
 * Small builders for calendar texts in tests, in the habit of cal.com's `createSimpleEvent`:
 * each test writes only the lines that matter to it. Output uses CRLF line endings, as RFC 5545
 * asks and as Outlook and Google write them.
 */

export const CRLF = '\r\n';

export interface EventSpec {
  /** Omit to write a VEVENT without UID; `uid: null` is the same. */
  uid?: string | null;
  summary?: string;
  /** The value after `DTSTART`, including parameters: `':20240102T090000Z'`,
   * `';TZID=Europe/Berlin:20240102T090000'`, `';VALUE=DATE:20240102'`. A bare value
   * (`'20240102T090000Z'`) gets the colon added. */
  start?: string;
  end?: string;
  rrule?: string;
  exdate?: string | string[];
  recurrenceId?: string;
  /** Further content lines, written as given, just before END:VEVENT. */
  extra?: string[];
}

export interface CalendarOptions {
  timeZone?: string;
  name?: string;
  /** Whole VTIMEZONE blocks (see `vtimezone`), or their lines. */
  timezones?: string[];
  /** Further calendar-level lines, written after PRODID/VERSION. */
  extra?: string[];
}

/** `;TZID=X:v`, `:v` or a bare `v` -> the text after the property name. */
function valuePart(value: string): string {
  return value.startsWith(';') || value.startsWith(':') ? value : `:${value}`;
}

function joinLines(lines: string[]): string {
  return lines.join(CRLF) + CRLF;
}

/** One VEVENT block (CRLF, ending in CRLF). */
export function event(spec: EventSpec = {}): string {
  const lines = ['BEGIN:VEVENT'];
  if (spec.uid !== undefined && spec.uid !== null) lines.push(`UID:${spec.uid}`);
  lines.push('DTSTAMP:20240101T000000Z');
  if (spec.recurrenceId !== undefined) lines.push(`RECURRENCE-ID${valuePart(spec.recurrenceId)}`);
  if (spec.start !== undefined) lines.push(`DTSTART${valuePart(spec.start)}`);
  if (spec.end !== undefined) lines.push(`DTEND${valuePart(spec.end)}`);
  if (spec.rrule !== undefined) lines.push(`RRULE:${spec.rrule}`);
  const exdates = spec.exdate === undefined ? [] : Array.isArray(spec.exdate) ? spec.exdate : [spec.exdate];
  for (const exdate of exdates) lines.push(`EXDATE${valuePart(exdate)}`);
  if (spec.summary !== undefined) lines.push(`SUMMARY:${spec.summary}`);
  lines.push(...(spec.extra ?? []));
  lines.push('END:VEVENT');
  return joinLines(lines);
}

/** A VCALENDAR around the given blocks (events, or any other component text). */
export function calendar(...parts: Array<string | CalendarOptions>): string {
  const options: CalendarOptions = {};
  const blocks: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') blocks.push(part);
    else Object.assign(options, part);
  }
  const head = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Altitude//tests//EN'];
  if (options.name !== undefined) head.push(`X-WR-CALNAME:${options.name}`);
  if (options.timeZone !== undefined) head.push(`X-WR-TIMEZONE:${options.timeZone}`);
  head.push(...(options.extra ?? []));
  const timezones = (options.timezones ?? []).map((tz) => (tz.endsWith(CRLF) ? tz : tz + CRLF));
  return joinLines(head) + timezones.join('') + blocks.join('') + joinLines(['END:VCALENDAR']);
}

export interface ObservanceSpec {
  start: string;
  offsetFrom: string;
  offsetTo: string;
  rrule?: string;
}

/** A VTIMEZONE block, as Outlook writes for its custom zones. */
export function vtimezone(tzid: string, standard: ObservanceSpec, daylight?: ObservanceSpec): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tzid}`];
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', spec: ObservanceSpec) => {
    lines.push(`BEGIN:${kind}`, `DTSTART:${spec.start}`, `TZOFFSETFROM:${spec.offsetFrom}`, `TZOFFSETTO:${spec.offsetTo}`);
    if (spec.rrule) lines.push(`RRULE:${spec.rrule}`);
    lines.push(`END:${kind}`);
  };
  observance('STANDARD', standard);
  if (daylight) observance('DAYLIGHT', daylight);
  lines.push('END:VTIMEZONE');
  return joinLines(lines);
}

/** `ATTENDEE;CN=...;PARTSTAT=...:mailto:...` */
export function attendee(email: string, params: Record<string, string> = {}): string {
  const parameters = Object.entries(params)
    .map(([name, value]) => `;${name}=${value}`)
    .join('');
  return `ATTENDEE${parameters}:mailto:${email}`;
}

export function organizer(email: string, name?: string): string {
  return `ORGANIZER${name ? `;CN=${name}` : ''}:mailto:${email}`;
}
