import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { LastImportView, RemovedSourceView, SourceView } from '../../shared/sources.ts';
import type { AppDatabase, Db } from '../db/open-database.ts';
import { events, imports, manualDecisions, sources } from '../db/schema.ts';
import { shiftDate } from '../domain/metrics/calendar-days.ts';
import { dateOfMs } from '../domain/time/zone-time.ts';
import { refreshLeaderFigures } from './leader-figures.ts';
import { getLeader } from './leaders.ts';
import { notFound } from './service-error.ts';
import { writeTransaction } from '../db/write-transaction.ts';

type Source = typeof sources.$inferSelect;

/** A leader's calendars, oldest first, each with its stored events, its dates and its last import. */
export function listSources(db: Db, leaderId: number): SourceView[] {
  const leader = getLeader(db, leaderId);
  const zone = leader.timeZone ?? 'UTC';
  const rows = db.select().from(sources).where(eq(sources.leaderId, leaderId)).orderBy(asc(sources.id)).all();
  const spans = eventSpans(db, leaderId, zone);
  const history = db
    .select({
      id: imports.id,
      sourceId: imports.sourceId,
      fileName: imports.fileName,
      importedAt: imports.importedAt,
      windowFrom: imports.windowFrom,
      windowTo: imports.windowTo,
      instances: imports.instances,
      added: imports.added,
      updated: imports.updated,
      unchanged: imports.unchanged,
      removed: imports.removed,
      parsed: imports.parsed,
      rejected: imports.rejected,
      issues: sql<number>`json_array_length(${imports.issues})`,
    })
    .from(imports)
    .where(eq(imports.leaderId, leaderId))
    .orderBy(desc(imports.id))
    .all();
  return rows.map((source) => {
    const own = history.filter((row) => row.sourceId === source.id);
    const last = own[0];
    const span = spans.get(source.id);
    const lastImport: LastImportView | null = last
      ? {
          id: last.id,
          fileName: last.fileName,
          importedAt: new Date(last.importedAt).toISOString(),
          window: { from: last.windowFrom, to: last.windowTo },
          instances: last.instances,
          added: last.added,
          updated: last.updated,
          unchanged: last.unchanged,
          removed: last.removed,
          parsed: last.parsed,
          rejected: last.rejected,
          issues: last.issues,
        }
      : null;
    return {
      id: source.id,
      name: source.name,
      createdAt: new Date(source.createdAt).toISOString(),
      events: span?.events ?? 0,
      alsoElsewhere: countAlsoElsewhere(db, source),
      covered: span ? { from: span.from, to: span.to } : null,
      imports: own.length,
      lastImport,
      keptDecisions: countKeptDecisions(db, source),
    } satisfies SourceView;
  });
}

/**
 * Removes one calendar: its events, its imports and the calendar itself, in one transaction, and
 * rewrites the leader's quarter figures in the same one. Manual decisions stay: they are keyed by
 * UID, not by calendar, so importing the calendar again places its events as the leader decided.
 * No event is placed again: a placement depends on the event, the rules and the decisions only,
 * and a meeting another calendar also holds is already placed there (the reading side counts the
 * copy that remains).
 */
export function removeSource(db: AppDatabase, leaderId: number, sourceId: number, nowMs: number): RemovedSourceView {
  return writeTransaction(db, (tx) => {
    getLeader(tx, leaderId);
    const source = tx
      .select()
      .from(sources)
      .where(and(eq(sources.leaderId, leaderId), eq(sources.id, sourceId)))
      .get();
    if (!source) throw notFound(`Calendar ${sourceId}`);
    const keptDecisions = countKeptDecisions(tx, source);
    const alsoElsewhere = countAlsoElsewhere(tx, source);
    const removedEvents = tx.delete(events).where(and(eq(events.leaderId, leaderId), eq(events.sourceId, source.id))).run().changes;
    const removedImports = tx.delete(imports).where(and(eq(imports.leaderId, leaderId), eq(imports.sourceId, source.id))).run().changes;
    tx.delete(sources).where(eq(sources.id, source.id)).run();
    refreshLeaderFigures(tx, leaderId, nowMs);
    return { id: source.id, name: source.name, events: removedEvents, uncounted: removedEvents - alsoElsewhere, imports: removedImports, keptDecisions };
  });
}

interface Span {
  events: number;
  from: string;
  to: string;
}

/**
 * Per calendar: how many events it stores and the days they touch in the leader's zone. All-day
 * rows keep their dates as written (their instants are UTC midnights, a day off west of UTC).
 */
function eventSpans(db: Db, leaderId: number, zone: string): Map<number, Span> {
  const groups = db
    .select({
      sourceId: events.sourceId,
      allDay: events.allDay,
      n: sql<number>`count(*)`,
      firstMs: sql<number>`min(${events.startMs})`,
      lastMs: sql<number>`max(${events.endMs})`,
      firstDate: sql<string | null>`min(${events.startDate})`,
      lastEndDate: sql<string | null>`max(${events.endDate})`,
    })
    .from(events)
    .where(eq(events.leaderId, leaderId))
    .groupBy(events.sourceId, events.allDay)
    .all();
  const spans = new Map<number, Span>();
  for (const group of groups) {
    const from = group.allDay && group.firstDate ? group.firstDate : dateOfMs(group.firstMs, zone);
    // Ends are exclusive: an event ending at midnight, or an all-day event's end date, is the day before.
    const to = group.allDay && group.lastEndDate ? shiftDate(group.lastEndDate, -1) : dateOfMs(Math.max(group.firstMs, group.lastMs - 1), zone);
    const seen = spans.get(group.sourceId);
    spans.set(
      group.sourceId,
      seen
        ? { events: seen.events + group.n, from: from < seen.from ? from : seen.from, to: to > seen.to ? to : seen.to }
        : { events: group.n, from, to },
    );
  }
  return spans;
}

/** Events of this calendar that another calendar of the same leader also holds (same UID and occurrence). */
function countAlsoElsewhere(db: Db, source: Source): number {
  const other = sql`select 1 from ${events} as o where o.leader_id = ${source.leaderId} and o.source_id <> ${source.id} and o.uid = ${events.uid} and o.recurrence_id = ${events.recurrenceId}`;
  return db
    .select({ n: sql<number>`count(*)` })
    .from(events)
    .where(and(eq(events.sourceId, source.id), sql`exists (${other})`))
    .get()!.n;
}

/** Manual decisions on events (or series) that this calendar alone holds. */
function countKeptDecisions(db: Db, source: Source): number {
  const here = sql`select 1 from ${events} as e where e.source_id = ${source.id} and e.uid = ${manualDecisions.uid}`;
  const elsewhere = sql`select 1 from ${events} as o where o.leader_id = ${source.leaderId} and o.source_id <> ${source.id} and o.uid = ${manualDecisions.uid}`;
  return db
    .select({ n: sql<number>`count(*)` })
    .from(manualDecisions)
    .where(and(eq(manualDecisions.leaderId, source.leaderId), sql`exists (${here})`, sql`not exists (${elsewhere})`))
    .get()!.n;
}
