import { createHash } from 'node:crypto';
import type { ExclusionReason } from '../../shared/taxonomy.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { expansionWindowFor, resolvePeriod } from '../domain/audit/resolve-period.ts';
import { describeZoneChoice, readCalendar } from '../domain/audit/read-calendar.ts';
import { decodeCalendar } from '../domain/ics/decode-text.ts';
import type { ExpansionWindow } from '../domain/ics/expand-events.ts';
import { issue, type ImportIssue } from '../domain/ics/import-issue.ts';
import { inferLeader } from '../domain/ics/infer-leader.ts';
import { dateOfMs, quarterOf, quarterRange, shiftDate } from '../domain/metrics/calendar-days.ts';
import { toEventContent } from './event-rows.ts';
import { getLeader } from './leaders.ts';
import { refreshLeaderFigures } from './leader-figures.ts';
import type { RecordPlacement } from '../domain/rules/classify-records.ts';
import { placeLeaderRecords } from './place-leader-events.ts';
import { writeImport, type Coverage } from './write-import.ts';
import { loadManualDecisions, loadRuleSet } from './rule-rows.ts';

export interface ImportRequest {
  leaderId: number;
  /** Which of the leader's calendars this export is of; a newer export of it replaces the older. */
  source?: string | undefined;
  fileName?: string | undefined;
  bytes: Uint8Array;
  /** Import window, whole days in the leader's zone; default: three years back to one year ahead. */
  from?: string | undefined;
  to?: string | undefined;
  nowMs: number;
}

export interface ImportResult {
  importId: number;
  leaderId: number;
  source: string;
  timeZone: string;
  window: { from: string; to: string };
  /** VEVENT blocks in the file. */
  blocks: number;
  /** Occurrences inside the window after expanding series. */
  instances: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  excluded: Partial<Record<ExclusionReason, number>>;
  unclassified: number;
  issues: ImportIssue[];
}

export const DEFAULT_SOURCE = 'primary';
const YEARS_BACK = 3;
/** Longest import window: bounds the work one upload can cause. */
const MAX_IMPORT_WINDOW_DAYS = 366 * 12;

/**
 * Imports one calendar export for a leader. Parsing, expansion and classification happen first,
 * without touching the database; the writes are one transaction, so an import lands whole or
 * not at all. Re-importing the same file changes nothing; a newer export of the same source
 * updates what changed and removes the source's events that disappeared from the time it covers.
 */
export function importCalendar(db: AppDatabase, request: ImportRequest): ImportResult {
  const leader = getLeader(db, request.leaderId);
  const sourceName = (request.source ?? DEFAULT_SOURCE).trim() || DEFAULT_SOURCE;
  const { text, encoding } = decodeCalendar(request.bytes);
  let window!: ExpansionWindow;
  let timeZone = leader.timeZone ?? 'UTC';
  const reading = readCalendar(text, leader.timeZone ?? undefined, (calendarZone) => {
    timeZone = leader.timeZone ?? calendarZone;
    window = importWindow(request, timeZone);
    return window;
  });
  const { calendar, instances, records } = reading;
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

  const placements = placeLeaderRecords(leader, records, loadRuleSet(db, leader.id), loadManualDecisions(db, leader.id), (i) => instances[i]!.event);
  const contents = records.map(toEventContent);
  const counts = db.transaction((tx) => {
    const written = writeImport(tx, {
      leaderId: leader.id,
      setLeaderZone: leader.timeZone ? null : timeZone,
      sourceName,
      nowMs: request.nowMs,
      importRow: {
        fileName: request.fileName ?? null,
        fileSha256: createHash('sha256').update(request.bytes).digest('hex'),
        windowFrom: window.fromDate,
        windowTo: window.toDate,
        calendarZone: calendar.zone,
        blocks: calendar.blockCount,
        instances: records.length,
        issues,
      },
      contents,
      placements,
      coverage: coverageOf(contents, calendar.declaredRange, window),
      uidsInFile: new Set(calendar.events.map((event) => event.uid)),
      window,
    });
    refreshLeaderFigures(tx, leader.id, request.nowMs);
    return written;
  });

  return {
    ...counts,
    leaderId: leader.id,
    source: sourceName,
    timeZone,
    window: { from: window.fromDate, to: window.toDate },
    blocks: calendar.blockCount,
    instances: records.length,
    ...tallyPlacements(placements),
    issues,
  };
}

/** Default: from three years back to a year ahead, in whole quarters of the leader's zone. */
function importWindow(request: ImportRequest, timeZone: string): ExpansionWindow {
  const today = dateOfMs(request.nowMs, timeZone);
  const period = resolvePeriod(
    {
      from: request.from ?? quarterRange(quarterOf(shiftDate(today, -365 * YEARS_BACK))).from,
      to: request.to ?? quarterRange(quarterOf(shiftDate(today, 365))).to,
    },
    timeZone,
    request.nowMs,
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

function tallyPlacements(placements: readonly RecordPlacement[]): Pick<ImportResult, 'excluded' | 'unclassified'> {
  const excluded: ImportResult['excluded'] = {};
  let unclassified = 0;
  for (const placement of placements) {
    if (placement.category === 'unclassified') unclassified++;
    if (placement.category === 'excluded' && placement.reason.kind !== 'none') {
      const why = placement.reason.exclusionReason ?? 'other';
      excluded[why] = (excluded[why] ?? 0) + 1;
    }
  }
  return { excluded, unclassified };
}

function mentionsLeader(list: readonly { organizer: { email: string } | null; attendees: readonly { email: string }[] }[], email: string): boolean {
  return list.some((event) => event.organizer?.email === email || event.attendees.some((a) => a.email === email));
}
