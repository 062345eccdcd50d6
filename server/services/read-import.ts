import type { Rule } from '../../shared/rules.ts';
import { describeZoneChoice, readCalendar } from '../domain/audit/read-calendar.ts';
import { expansionWindowFor, resolvePeriod } from '../domain/audit/resolve-period.ts';
import type { RejectedCount } from '../domain/ics/count-rejected.ts';
import { decodeCalendar } from '../domain/ics/decode-text.ts';
import type { ExpansionWindow } from '../domain/ics/expand-events.ts';
import { issue, type ImportIssue } from '../domain/ics/import-issue.ts';
import { ImportRejected } from '../domain/ics/import-rejected.ts';
import { inferLeader } from '../domain/ics/infer-leader.ts';
import { dateOfMs, quarterOf, quarterRange, shiftDate } from '../domain/metrics/calendar-days.ts';
import type { RecordPlacement } from '../domain/rules/classify-records.ts';
import type { ManualDecision } from '../domain/rules/manual-decisions.ts';
import { toEventContent } from './event-rows.ts';
import type { Leader } from './leaders.ts';
import { placeLeaderRecords } from './place-leader-events.ts';
import type { Coverage } from './write-import.ts';

/**
 * Everything the reading of an import depends on, as plain data: the file and what the database
 * says about its leader. It crosses into the isolated reader (calendar-worker.ts) by IPC.
 */
export interface ImportInput {
  bytes: Uint8Array;
  from?: string | undefined;
  to?: string | undefined;
  nowMs: number;
  leader: Leader;
  ruleSet: Rule[];
  decisions: ManualDecision[];
}

/** What the reading yields, as plain data: the import minus its writes. */
export interface ImportReading {
  timeZone: string;
  window: ExpansionWindow;
  calendarZone: string;
  blocks: number;
  parsed: number;
  rejected: RejectedCount;
  issues: ImportIssue[];
  contents: ReturnType<typeof toEventContent>[];
  placements: RecordPlacement[];
  coverage: Coverage | null;
  uidsInFile: string[];
}

const YEARS_BACK = 3;
/** Longest import window: bounds the work one upload can cause. */
const MAX_IMPORT_WINDOW_DAYS = 366 * 12;
/**
 * Most occurrences one import may store. Every one is written in the server's own process, in one
 * write transaction (about 60 to 190 µs each), so this bounds how long an import can hold the
 * server; a busy leader's four-year default window (about 22,000) stays well below it, while a
 * few lines of RRULE could otherwise ask for millions.
 */
export const MAX_IMPORT_INSTANCES = 50_000;

/**
 * The CPU-heavy, input-driven part of an import: decode, parse, expand inside the window, place,
 * and the report. Pure (no database, no clock), so it can run in a child process with a memory
 * cap and a time limit; the caller writes the result in one transaction.
 */
export function readImport(input: ImportInput): ImportReading {
  const { leader } = input;
  const { text, encoding } = decodeCalendar(input.bytes);
  let window!: ExpansionWindow;
  let timeZone = leader.timeZone ?? 'UTC';
  const reading = readCalendar(text, leader.timeZone ?? undefined, (calendarZone) => {
    timeZone = leader.timeZone ?? calendarZone;
    window = importWindow(input, timeZone);
    return window;
  });
  const { calendar, instances, records } = reading;
  if (records.length > MAX_IMPORT_INSTANCES) {
    throw new ImportRejected(
      'calendar-too-complex',
      `The file expands to ${records.length} occurrences in the import window; at most ${MAX_IMPORT_INSTANCES} are imported. Import a shorter window (from and to).`,
    );
  }
  const issues = [...reading.issues, describeZoneChoice(timeZone, leader.timeZone ? 'leader' : calendar.zoneSource)];
  if (encoding === 'windows-1252') {
    issues.push(issue('warning', 'not-utf-8', 'The file is not UTF-8; it was read as Windows-1252 (Western European). Check accented letters in titles.'));
  }
  if (reading.outsideWindow > 0) {
    issues.push(
      issue(
        'info',
        'outside-window',
        `${reading.outsideWindow === 1 ? '1 event or series has' : `${reading.outsideWindow} events or series have`} no occurrence inside the import window ${window.fromDate} to ${window.toDate} and ${reading.outsideWindow === 1 ? 'was' : 'were'} not imported; import with a wider window (from and to) to include them.`,
      ),
    );
  }
  const identity = inferLeader(calendar.name, calendar.events);
  if (identity.email && identity.email !== leader.email && !mentionsLeader(calendar.events, leader.email)) {
    issues.push(
      issue(
        'warning',
        'identity-mismatch',
        `This calendar looks like ${identity.email}'s (from ${identity.inferredFrom}), and ${leader.email} appears in none of its events.`,
      ),
    );
  }

  const placements = placeLeaderRecords(leader, records, input.ruleSet, input.decisions, (i) => instances[i]!.event);
  const contents = records.map(toEventContent);
  return {
    timeZone,
    window,
    calendarZone: calendar.zone,
    blocks: calendar.blockCount,
    parsed: reading.parsed,
    rejected: reading.rejected,
    issues,
    contents,
    placements,
    coverage: coverageOf(contents, calendar.declaredRange, window),
    uidsInFile: [...new Set(calendar.events.map((event) => event.uid))],
  };
}

/** Default: from three years back to a year ahead, in whole quarters of the leader's zone. */
function importWindow(input: Pick<ImportInput, 'from' | 'to' | 'nowMs'>, timeZone: string): ExpansionWindow {
  const today = dateOfMs(input.nowMs, timeZone);
  const period = resolvePeriod(
    {
      from: input.from ?? quarterRange(quarterOf(shiftDate(today, -365 * YEARS_BACK))).from,
      to: input.to ?? quarterRange(quarterOf(shiftDate(today, 365))).to,
    },
    timeZone,
    input.nowMs,
    MAX_IMPORT_WINDOW_DAYS,
  );
  return expansionWindowFor(period);
}

/**
 * The stretch of time the file speaks for: what an Outlook export declares (X-CALSTART/X-CALEND),
 * else from its first occurrence to its last; never beyond the import window.
 */
function coverageOf(contents: ReadonlyArray<{ startMs: number; endMs: number }>, declared: { fromMs: number; toMs: number } | null, window: ExpansionWindow): Coverage | null {
  const span = declared
    ? { from: declared.fromMs, to: declared.toMs }
    : contents.length === 0
      ? null
      : contents.reduce((range, c) => ({ from: Math.min(range.from, c.startMs), to: Math.max(range.to, c.endMs) }), { from: Infinity, to: -Infinity });
  if (!span) return null;
  return { from: Math.max(span.from, window.fromMs), to: Math.min(span.to, window.toMs) };
}

function mentionsLeader(list: readonly { organizer: { email: string } | null; attendees: readonly { email: string }[] }[], email: string): boolean {
  return list.some((event) => event.organizer?.email === email || event.attendees.some((a) => a.email === email));
}
