import { and, eq } from 'drizzle-orm';
import type { Reason } from '../../shared/rules.ts';
import type Database from 'better-sqlite3';
import { eventStatements } from '../db/event-statements.ts';
import type { DbTransaction } from '../db/open-database.ts';
import { events, imports, leaders, sources } from '../db/schema.ts';
import type { ExpansionWindow } from '../domain/ics/expand-events.ts';
import type { RecordPlacement } from '../domain/rules/classify-records.ts';
import type { toEventContent } from './event-rows.ts';

export interface Coverage {
  from: number;
  to: number;
}

export interface ImportWrite {
  leaderId: number;
  /** Set the leader's zone (first import), or null to leave it. */
  setLeaderZone: string | null;
  sourceName: string;
  nowMs: number;
  importRow: Omit<typeof imports.$inferInsert, 'leaderId' | 'sourceId' | 'importedAt' | 'added' | 'updated' | 'unchanged' | 'removed'>;
  contents: ReturnType<typeof toEventContent>[];
  placements: RecordPlacement[];
  /** The time the file speaks for; null when it holds no occurrence. */
  coverage: Coverage | null;
  uidsInFile: ReadonlySet<string>;
  window: ExpansionWindow;
}

/**
 * The writes of one import, inside the caller's transaction (`sqlite` is its connection: the
 * per-event writes are prepared statements, see event-statements.ts). A stored event of the source that
 * the new file does not produce is removed when the file speaks for its time: it lies inside the
 * file's coverage, or it belongs to an event or series the file still has (a series that now
 * ends earlier loses its later instances, wherever the file's last event is).
 */
export function writeImport(tx: DbTransaction, sqlite: Database.Database, write: ImportWrite): { importId: number; added: number; updated: number; unchanged: number; removed: number } {
  const { leaderId, nowMs } = write;
  const source =
    tx.select().from(sources).where(and(eq(sources.leaderId, leaderId), eq(sources.name, write.sourceName))).get() ??
    tx.insert(sources).values({ leaderId, name: write.sourceName, createdAt: nowMs }).returning().get();
  if (write.setLeaderZone) tx.update(leaders).set({ timeZone: write.setLeaderZone }).where(eq(leaders.id, leaderId)).run();

  const importId = tx
    .insert(imports)
    .values({
      ...write.importRow,
      leaderId,
      sourceId: source.id,
      importedAt: nowMs,
      coveredFromMs: write.coverage?.from ?? null,
      coveredToMs: write.coverage?.to ?? null,
      added: 0,
      updated: 0,
      unchanged: 0,
      removed: 0,
    })
    .returning({ id: imports.id })
    .get().id;

  const existing = new Map(
    tx
      .select({
        id: events.id,
        uid: events.uid,
        recurrenceId: events.recurrenceId,
        contentHash: events.contentHash,
        startMs: events.startMs,
        category: events.category,
        reason: events.reason,
        isMeeting: events.isMeeting,
      })
      .from(events)
      .where(eq(events.sourceId, source.id))
      .all()
      .map((row) => [`${row.uid}\u0000${row.recurrenceId}`, row]),
  );

  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const seen = new Set<string>();
  const statements = eventStatements(sqlite);
  write.contents.forEach((content, index) => {
    const key = `${content.uid}\u0000${content.recurrenceId}`;
    seen.add(key);
    const placement = write.placements[index]!;
    const placed = { category: placement.category, reason: placement.reason, isMeeting: placement.isMeeting };
    const previous = existing.get(key);
    if (!previous) {
      added++;
      statements.insert({ ...content, ...placed, leaderId, sourceId: source.id, firstImportId: importId, lastImportId: importId, updatedAt: nowMs });
    } else if (previous.contentHash !== content.contentHash) {
      updated++;
      statements.update(previous.id, { ...content, ...placed, lastImportId: importId, updatedAt: nowMs });
    } else {
      unchanged++;
      // Unchanged content may still be placed differently now (rules changed since): keep it current.
      const isPlacedAlike = previous.category === placed.category && previous.isMeeting === placed.isMeeting && sameReason(previous.reason, placed.reason);
      statements.touch(previous.id, importId, isPlacedAlike ? null : placed);
    }
  });

  let removed = 0;
  for (const [key, row] of existing) {
    if (seen.has(key)) continue;
    const isCovered = write.coverage !== null && row.startMs >= write.coverage.from && row.startMs < write.coverage.to;
    const isOwnedByFile = write.uidsInFile.has(row.uid) && row.startMs >= write.window.fromMs && row.startMs < write.window.toMs;
    if (!isCovered && !isOwnedByFile) continue;
    statements.remove(row.id);
    removed++;
  }
  tx.update(imports).set({ added, updated, unchanged, removed }).where(eq(imports.id, importId)).run();
  return { importId, added, updated, unchanged, removed };
}

function sameReason(a: Reason, b: Reason): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
