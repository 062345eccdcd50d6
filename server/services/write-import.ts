import { and, eq } from 'drizzle-orm';
import type { Reason } from '../../shared/rules.ts';
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
 * The writes of one import, inside the caller's transaction. A stored event of the source that
 * the new file does not produce is removed when the file speaks for its time: it lies inside the
 * file's coverage, or it belongs to an event or series the file still has (a series that now
 * ends earlier loses its later instances, wherever the file's last event is).
 */
export function writeImport(tx: DbTransaction, write: ImportWrite): { importId: number; added: number; updated: number; unchanged: number; removed: number } {
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
  const inserts: (typeof events.$inferInsert)[] = [];
  write.contents.forEach((content, index) => {
    const key = `${content.uid}\u0000${content.recurrenceId}`;
    seen.add(key);
    const placement = write.placements[index]!;
    const placed = { category: placement.category, reason: placement.reason, isMeeting: placement.isMeeting };
    const previous = existing.get(key);
    if (!previous) {
      added++;
      inserts.push({ ...content, ...placed, leaderId, sourceId: source.id, firstImportId: importId, lastImportId: importId, updatedAt: nowMs });
    } else if (previous.contentHash !== content.contentHash) {
      updated++;
      tx.update(events).set({ ...content, ...placed, lastImportId: importId, updatedAt: nowMs }).where(eq(events.id, previous.id)).run();
    } else {
      unchanged++;
      // Unchanged content may still be placed differently now (rules changed since): keep it current.
      const isPlacedAlike = previous.category === placed.category && previous.isMeeting === placed.isMeeting && sameReason(previous.reason, placed.reason);
      tx.update(events)
        .set(isPlacedAlike ? { lastImportId: importId } : { ...placed, lastImportId: importId })
        .where(eq(events.id, previous.id))
        .run();
    }
  });
  for (let i = 0; i < inserts.length; i += 500) tx.insert(events).values(inserts.slice(i, i + 500)).run();

  let removed = 0;
  for (const [key, row] of existing) {
    if (seen.has(key)) continue;
    const isCovered = write.coverage !== null && row.startMs >= write.coverage.from && row.startMs < write.coverage.to;
    const isOwnedByFile = write.uidsInFile.has(row.uid) && row.startMs >= write.window.fromMs && row.startMs < write.window.toMs;
    if (!isCovered && !isOwnedByFile) continue;
    tx.delete(events).where(eq(events.id, row.id)).run();
    removed++;
  }
  tx.update(imports).set({ added, updated, unchanged, removed }).where(eq(imports.id, importId)).run();
  return { importId, added, updated, unchanged, removed };
}

function sameReason(a: Reason, b: Reason): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
