import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ExclusionReason } from '../../shared/taxonomy.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { events, imports, leaders, sources } from '../db/schema.ts';
import { expansionWindowFor, resolvePeriod } from '../domain/audit/resolve-period.ts';
import { instanceKey, toEventRecord as recordFromInstance } from '../domain/events/event-record.ts';
import { decodeCalendarBytes } from '../domain/ics/decode-text.ts';
import { expandEvents } from '../domain/ics/expand-events.ts';
import { issue, type ImportIssue } from '../domain/ics/import-issue.ts';
import { inferLeader } from '../domain/ics/infer-leader.ts';
import { parseCalendar } from '../domain/ics/parse-calendar.ts';
import { dateOfMs, quarterOf, quarterRange, shiftDate } from '../domain/metrics/calendar-days.ts';
import { toEventContent } from './event-rows.ts';
import { getLeader } from './leaders.ts';
import { placeLeaderRecords } from './place-leader-events.ts';
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
  const text = decodeCalendarBytes(request.bytes);
  const calendar = parseCalendar(text, { floatingZone: leader.timeZone ?? undefined });
  const timeZone = leader.timeZone ?? calendar.zone;
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
  const window = expansionWindowFor(period);
  const expansion = expandEvents(calendar.events, window);
  const issues = [...calendar.issues, ...expansion.issues];
  if (expansion.outsideWindow > 0) {
    issues.push(
      issue(
        'info',
        'outside-window',
        `${expansion.outsideWindow} events or series have no occurrence inside the import window ${window.fromDate} to ${window.toDate} and were not imported; import with a wider window (--from, --to) to include them.`,
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

  // One record per instance identity: the unique index would refuse a second.
  const byKey = new Map<string, number>();
  expansion.instances.forEach((instance, index) => byKey.set(instanceKey(instance), index));
  const kept = [...byKey.values()].sort((a, b) => a - b);
  const instances = kept.map((index) => expansion.instances[index]!);
  const records = instances.map(recordFromInstance);
  const placements = placeLeaderRecords(leader, records, loadRuleSet(db, leader.id), loadManualDecisions(db, leader.id), (i) => instances[i]!.event);

  const excluded: ImportResult['excluded'] = {};
  let unclassified = 0;
  for (const placement of placements) {
    if (placement.category === 'unclassified') unclassified++;
    if (placement.reason.kind !== 'none' && placement.category === 'excluded') {
      const why = placement.reason.exclusionReason ?? 'other';
      excluded[why] = (excluded[why] ?? 0) + 1;
    }
  }

  const contents = records.map(toEventContent);
  const covered =
    contents.length === 0
      ? null
      : contents.reduce((range, c) => ({ from: Math.min(range.from, c.startMs), to: Math.max(range.to, c.endMs) }), { from: Infinity, to: -Infinity });
  const fileSha256 = createHash('sha256').update(request.bytes).digest('hex');

  const counts = db.transaction((tx) => {
    const source =
      tx.select().from(sources).where(and(eq(sources.leaderId, leader.id), eq(sources.name, sourceName))).get() ??
      tx.insert(sources).values({ leaderId: leader.id, name: sourceName, createdAt: request.nowMs }).returning().get();
    if (!leader.timeZone) tx.update(leaders).set({ timeZone }).where(eq(leaders.id, leader.id)).run();

    const importRow = tx
      .insert(imports)
      .values({
        leaderId: leader.id,
        sourceId: source.id,
        fileName: request.fileName ?? null,
        fileSha256,
        importedAt: request.nowMs,
        windowFrom: window.fromDate,
        windowTo: window.toDate,
        coveredFromMs: covered?.from ?? null,
        coveredToMs: covered?.to ?? null,
        calendarZone: calendar.zone,
        blocks: calendar.blockCount,
        instances: records.length,
        added: 0,
        updated: 0,
        unchanged: 0,
        removed: 0,
        issues,
      })
      .returning({ id: imports.id })
      .get();

    const existing = new Map(
      tx
        .select({ id: events.id, uid: events.uid, recurrenceId: events.recurrenceId, contentHash: events.contentHash, startMs: events.startMs })
        .from(events)
        .where(eq(events.sourceId, source.id))
        .all()
        .map((row) => [`${row.uid}\u0000${row.recurrenceId}`, row]),
    );

    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const seen = new Set<string>();
    const inserts: (typeof events.$inferInsert)[] = [];
    contents.forEach((content, index) => {
      const key = `${content.uid}\u0000${content.recurrenceId}`;
      seen.add(key);
      const placement = placements[index]!;
      const placed = { category: placement.category, reason: placement.reason, isMeeting: placement.isMeeting };
      const previous = existing.get(key);
      if (!previous) {
        added++;
        inserts.push({ ...content, ...placed, leaderId: leader.id, sourceId: source.id, firstImportId: importRow.id, lastImportId: importRow.id, updatedAt: request.nowMs });
      } else if (previous.contentHash !== content.contentHash) {
        updated++;
        tx.update(events).set({ ...content, ...placed, lastImportId: importRow.id, updatedAt: request.nowMs }).where(eq(events.id, previous.id)).run();
      } else {
        unchanged++;
        tx.update(events).set({ lastImportId: importRow.id }).where(eq(events.id, previous.id)).run();
      }
    });
    for (let i = 0; i < inserts.length; i += 500) tx.insert(events).values(inserts.slice(i, i + 500)).run();

    let removed = 0;
    if (covered) {
      for (const [key, row] of existing) {
        if (seen.has(key) || row.startMs < covered.from || row.startMs >= covered.to) continue;
        tx.delete(events).where(eq(events.id, row.id)).run();
        removed++;
      }
    }
    tx.update(imports).set({ added, updated, unchanged, removed }).where(eq(imports.id, importRow.id)).run();
    return { importId: importRow.id, added, updated, unchanged, removed };
  });

  return {
    ...counts,
    leaderId: leader.id,
    source: sourceName,
    timeZone,
    window: { from: window.fromDate, to: window.toDate },
    blocks: calendar.blockCount,
    instances: records.length,
    excluded,
    unclassified,
    issues,
  };
}

function mentionsLeader(list: readonly { organizer: { email: string } | null; attendees: readonly { email: string }[] }[], email: string): boolean {
  return list.some((event) => event.organizer?.email === email || event.attendees.some((a) => a.email === email));
}
