import ical from 'node-ical';

/** What node-ical makes of one VEVENT: property names lower-cased, X- prefixes dropped. */
export type NodeIcalComponent = Record<string, unknown>;

// node-ical types parseLines as unknown; this is its signature in 0.27 (ical.js parseLines):
// lines, batch size (0 = synchronous), the component to add to, the stack of open components.
type ParseLines = (lines: string[], batchSize?: number, ctx?: object, stack?: object[]) => Record<string, unknown>;
const parseLines = ical.parseLines as ParseLines;

/**
 * Reads a file event by event with node-ical. Parsing the whole file at once throws for some
 * real exports (one invalid RRULE or one duplicated DTSTART is enough), so each VEVENT is handed
 * to node-ical on its own, against a calendar that holds the file's VTIMEZONEs: one bad event
 * costs only itself. The result is read into our own types by the caller.
 */
export function createNodeIcalReader(calendarLines: string[]): (eventLines: string[]) => NodeIcalComponent {
  const calendar = readCalendarContext(calendarLines);
  return (eventLines) =>
    silently(() => {
      const holder = parseLines(upperCaseNames(eventLines), 0, { type: 'VCALENDAR' }, [calendar]);
      const component = Object.values(holder).find(isEventComponent);
      if (!component) throw new Error('node-ical returned no event for this block');
      return component;
    });
}

/**
 * The calendar node-ical reads each event against. node-ical throws for the whole of it when one
 * VTIMEZONE is malformed (two DTSTARTs in an observance: found by
 * test/services/import-properties.test.ts), which crashed the import. The context only gives
 * node-ical a parent for the event: zones and dates are read by Altitude's own code
 * (resolve-time-zone.ts, read-date-value.ts), which reports what it cannot use, so an empty
 * calendar loses nothing.
 */
function readCalendarContext(calendarLines: string[]): Record<string, unknown> {
  try {
    return silently(() => parseLines(upperCaseNames(calendarLines)));
  } catch {
    return silently(() => parseLines(['BEGIN:VCALENDAR']));
  }
}

/**
 * RFC 5545 names are case-insensitive, but node-ical only knows upper-case ones: `begin:vevent`
 * gave no event at all and `transp:transparent` was not read as TRANSP (found by
 * test/domain/ics/parse-calendar.test.ts). Upper-cases each property name, and the component
 * name of BEGIN/END lines; continuation lines are left alone.
 */
function upperCaseNames(lines: string[]): string[] {
  return lines.map((line) => {
    const first = line.charCodeAt(0);
    if (first === 32 || first === 9) return line;
    const name = /^[A-Za-z0-9.-]+/.exec(line)?.[0];
    if (!name) return line;
    const upper = name.toUpperCase();
    if (upper === 'BEGIN' || upper === 'END') return line.toUpperCase();
    return upper === name ? line : upper + line.slice(name.length);
  });
}

function isEventComponent(value: unknown): value is NodeIcalComponent {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'VEVENT';
}

/**
 * node-ical writes its doubts to console.warn. Everything it can warn about (dates, durations,
 * zones, duplicate versions) is read and reported by our own code, and its warnings would
 * otherwise corrupt the CLI's stderr contract, so they are swallowed while it runs.
 */
function silently<T>(work: () => T): T {
  const original = console.warn;
  console.warn = () => undefined;
  try {
    return work();
  } finally {
    console.warn = original;
  }
}
