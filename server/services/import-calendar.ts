import { createHash } from 'node:crypto';
import type { ExclusionReason } from '../../shared/taxonomy.ts';
import type { AppDatabase, Db } from '../db/open-database.ts';
import type { RejectedCount } from '../domain/ics/count-rejected.ts';
import type { ImportIssue } from '../domain/ics/import-issue.ts';
import type { RecordPlacement } from '../domain/rules/classify-records.ts';
import { toEventRecord } from './event-rows.ts';
import { getLeader, type Leader } from './leaders.ts';
import { refreshLeaderFigures } from './leader-figures.ts';
import { placeLeaderRecords } from './place-leader-events.ts';
import { readImport, type ImportInput, type ImportReading } from './read-import.ts';
import { ServiceError } from './service-error.ts';
import { writeImport } from './write-import.ts';
import { loadManualDecisions, loadRuleSet } from './rule-rows.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { CalendarReader } from './calendar-reader.ts';

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
  /** Occurrences inside the window after expanding series: what was stored (added + updated + unchanged). */
  instances: number;
  /** Entries the file yields inside the window, stored or not: parsed = added + updated + unchanged + rejected.total. */
  parsed: number;
  /** Entries not stored, by the code of the report entry that says why (see count-rejected.ts). */
  rejected: RejectedCount;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  excluded: Partial<Record<ExclusionReason, number>>;
  unclassified: number;
  issues: ImportIssue[];
}

export const DEFAULT_SOURCE = 'primary';

/**
 * Imports one calendar export for a leader, reading it in this process: for files Altitude made
 * itself (the demo). Uploads go through importCalendarIsolated; the CLI reads in the same child
 * process and calls storeImport itself, to create the leader in the same transaction.
 */
export function importCalendar(db: AppDatabase, request: ImportRequest): ImportResult {
  const input = prepareImport(db, request);
  return storeImport(db, request, input, readImport(input));
}

/**
 * Imports one calendar export for a leader. Parsing, expansion and classification happen first,
 * without touching the database, in `read` (a child process with a memory cap and a time limit:
 * a hostile file costs that process, not the server); the writes are one transaction here, so an
 * import lands whole or not at all. Re-importing the same file changes nothing; a newer export of
 * the same source updates what changed and removes the source's events that disappeared from the
 * time it covers.
 */
export async function importCalendarIsolated(db: AppDatabase, request: ImportRequest, reader: Pick<CalendarReader, 'readImport' | 'importAndStore'>): Promise<ImportResult> {
  const input = prepareImport(db, request);
  // A database in a file: the child stores the import too, through its own connection, so that
  // the thousands of rows of a year's calendar are not written on the server's thread. An
  // in-memory database exists only in this process: its writes stay here.
  if (!db.$client.memory) return reader.importAndStore(db.$client.name, request, input);
  return storeImport(db, request, input, await reader.readImport(input));
}

/** What reading the file depends on, from the database: the leader, their rules and decisions. */
export function prepareImport(db: Db, request: ImportRequest): ImportInput {
  return prepareImportFor(db, getLeader(db, request.leaderId), request);
}

/** As prepareImport, for a leader that may not be stored yet (the CLI creates it with the import). */
export function prepareImportFor(db: Db, leader: Leader, request: Omit<ImportRequest, 'leaderId'>): ImportInput {
  return {
    bytes: request.bytes,
    from: request.from,
    to: request.to,
    nowMs: request.nowMs,
    leader,
    ruleSet: loadRuleSet(db, leader.id),
    decisions: loadManualDecisions(db, leader.id),
  };
}

/** The writes of an import, one transaction (a savepoint inside the caller's). */
export function storeImport(db: AppDatabase, request: ImportRequest, input: ImportInput, reading: ImportReading): ImportResult {
  const sourceName = (request.source ?? DEFAULT_SOURCE).trim() || DEFAULT_SOURCE;
  const { window, timeZone, contents, issues } = reading;
  let placements = reading.placements;
  const counts = writeTransaction(db, (tx) => {
    // The file was read against a snapshot; the leader may have changed rules, decisions or
    // settings meanwhile. Placing again from the stored form keeps what is written current.
    const now = prepareImport(tx, request);
    if (now.leader.timeZone !== input.leader.timeZone) {
      throw new ServiceError(409, 'import-conflict', 'The time zone of this leader changed while the file was being read; import it again.');
    }
    if (placementInputs(now) !== placementInputs(input)) {
      placements = placeLeaderRecords(now.leader, contents.map(contentToRecord), now.ruleSet, now.decisions);
    }
    const written = writeImport(tx, db.$client, {
      leaderId: request.leaderId,
      setLeaderZone: input.leader.timeZone ? null : timeZone,
      sourceName,
      nowMs: request.nowMs,
      importRow: {
        fileName: request.fileName ?? null,
        fileSha256: createHash('sha256').update(request.bytes).digest('hex'),
        windowFrom: window.fromDate,
        windowTo: window.toDate,
        calendarZone: reading.calendarZone,
        blocks: reading.blocks,
        instances: contents.length,
        parsed: reading.parsed,
        rejected: reading.rejected,
        issues,
      },
      contents,
      placements,
      coverage: reading.coverage,
      uidsInFile: new Set(reading.uidsInFile),
      window,
    });
    refreshLeaderFigures(tx, request.leaderId, request.nowMs);
    return written;
  });

  return {
    ...counts,
    leaderId: request.leaderId,
    source: sourceName,
    timeZone,
    window: { from: window.fromDate, to: window.toDate },
    blocks: reading.blocks,
    instances: contents.length,
    parsed: reading.parsed,
    rejected: reading.rejected,
    ...tallyPlacements(placements),
    issues,
  };
}

/** What placement depends on besides the file. */
function placementInputs({ leader, ruleSet, decisions }: ImportInput): string {
  return JSON.stringify([leader.email, leader.settings, ruleSet, decisions]);
}

/** The record an event's stored columns stand for: what re-classification reads too. */
function contentToRecord(content: ImportReading['contents'][number]) {
  return toEventRecord({ ...content, recurrenceId: content.recurrenceId ?? '' } as Parameters<typeof toEventRecord>[0]);
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
