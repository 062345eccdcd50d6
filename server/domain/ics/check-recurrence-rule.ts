/**
 * Validates an RRULE before anything expands it. Expansion libraries can spend minutes and
 * gigabytes on a short hostile rule (a YEARLY rule with every BYHOUR, BYMINUTE and BYSECOND is
 * 800 bytes and billions of instances), so rules finer than daily, or that make more than a few
 * instances a day, are refused here with a reason the import report can show.
 */

import { daysInMonth } from './read-date-value.ts';

export const MAX_INSTANCES_PER_DAY = 4;
const MAX_LIST_LENGTH = 60;
const MAX_INTERVAL = 1000;
const MAX_COUNT = 100_000;

export type RuleCheck =
  | { ok: true; rule: string }
  | { ok: false; code: 'invalid-recurrence' | 'recurrence-refused'; message: string };

const WEEKDAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;

const NUMERIC_LISTS: Record<string, [number, number]> = {
  BYSECOND: [0, 60],
  BYMINUTE: [0, 59],
  BYHOUR: [0, 23],
  BYMONTHDAY: [-31, 31],
  BYYEARDAY: [-366, 366],
  BYWEEKNO: [-53, 53],
  BYMONTH: [1, 12],
  BYSETPOS: [-366, 366],
};

const FREQUENCIES = new Set(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

export function checkRecurrenceRule(value: string): RuleCheck {
  // Some exporters repeat the property name inside the value ("RRULE:FREQ=...").
  const text = value.trim().replace(/^RRULE:/i, '');
  const parts = new Map<string, string>();
  for (const segment of text.split(';')) {
    if (!segment) continue;
    const eq = segment.indexOf('=');
    if (eq <= 0) return invalid(`"${segment}" is not a NAME=VALUE part`);
    const name = segment.slice(0, eq).trim().toUpperCase();
    const partValue = segment.slice(eq + 1).trim().toUpperCase();
    if (parts.has(name)) return invalid(`${name} appears twice`);
    parts.set(name, partValue);
  }

  const freq = parts.get('FREQ');
  if (!freq) return invalid('it has no FREQ');
  if (!FREQUENCIES.has(freq)) return invalid(`FREQ=${freq} is not a frequency`);
  if (freq === 'SECONDLY' || freq === 'MINUTELY' || freq === 'HOURLY') {
    return refused(`FREQ=${freq} repeats more often than daily; calendars of people do not, and such rules are not expanded`);
  }

  const interval = parts.get('INTERVAL');
  if (interval !== undefined && !isIntegerIn(interval, 1, MAX_INTERVAL)) return invalid(`INTERVAL=${interval} is not a whole number from 1 to ${MAX_INTERVAL}`);
  const count = parts.get('COUNT');
  if (count !== undefined && !isIntegerIn(count, 1, MAX_COUNT)) return invalid(`COUNT=${count} is not a whole number from 1 to ${MAX_COUNT}`);
  const until = parts.get('UNTIL');
  if (until !== undefined && !isValidUntil(until)) return invalid(`UNTIL=${until} is not a date`);
  const wkst = parts.get('WKST');
  if (wkst !== undefined && !/^(MO|TU|WE|TH|FR|SA|SU)$/.test(wkst)) return invalid(`WKST=${wkst} is not a weekday`);

  let slotsPerDay = 1;
  for (const [name, [min, max]] of Object.entries(NUMERIC_LISTS)) {
    const list = parts.get(name);
    if (list === undefined) continue;
    const values = list.split(',');
    if (values.length > MAX_LIST_LENGTH) return refused(`${name} lists ${values.length} values; at most ${MAX_LIST_LENGTH} are expanded`);
    for (const item of values) {
      if (!isIntegerIn(item, min, max) || Number(item) === 0 && min < 0) return invalid(`${name} has the value "${item}"`);
    }
    if (name === 'BYHOUR' || name === 'BYMINUTE' || name === 'BYSECOND') slotsPerDay *= values.length;
  }
  if (slotsPerDay > MAX_INSTANCES_PER_DAY) {
    return refused(`the rule makes ${slotsPerDay} instances a day (BYHOUR x BYMINUTE x BYSECOND); at most ${MAX_INSTANCES_PER_DAY} are expanded`);
  }

  const byDay = parts.get('BYDAY');
  if (byDay !== undefined) {
    const days = byDay.split(',');
    if (days.length > MAX_LIST_LENGTH) return refused(`BYDAY lists ${days.length} values; at most ${MAX_LIST_LENGTH} are expanded`);
    for (const day of days) {
      const match = WEEKDAY.exec(day);
      if (!match) return invalid(`BYDAY has the value "${day}"`);
      if (match[1] !== undefined && (Number(match[1]) === 0 || Math.abs(Number(match[1])) > 53)) return invalid(`BYDAY has the value "${day}"`);
    }
  }

  const known = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'WKST', 'BYDAY', ...Object.keys(NUMERIC_LISTS)]);
  const unknown = [...parts.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) return refused(`the parts ${unknown.join(', ')} are not supported`);

  return { ok: true, rule: [...parts].map(([name, v]) => `${name}=${v}`).join(';') };
}

// The shape alone let UNTIL=20240132 through, to fail later inside node-ical or the rule engine
// with a less clear message (or be rolled over): check the calendar fields too.
function isValidUntil(text: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(text);
  if (!match) return false;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  if (Number(month) < 1 || Number(month) > 12) return false;
  if (Number(day) < 1 || Number(day) > daysInMonth(Number(year), Number(month))) return false;
  return Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 60;
}

function isIntegerIn(text: string, min: number, max: number): boolean {
  if (!/^[+-]?\d{1,6}$/.test(text)) return false;
  const n = Number(text);
  return n >= min && n <= max;
}

function invalid(message: string): RuleCheck {
  return { ok: false, code: 'invalid-recurrence', message: `The recurrence rule is invalid: ${message}.` };
}

function refused(message: string): RuleCheck {
  return { ok: false, code: 'recurrence-refused', message: `The recurrence rule was refused: ${message}.` };
}
