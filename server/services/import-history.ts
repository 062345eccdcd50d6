import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { imports, sources } from '../db/schema.ts';
import { getLeader } from './leaders.ts';
import { notFound } from './service-error.ts';

const COLUMNS = {
  id: imports.id,
  source: sources.name,
  fileName: imports.fileName,
  importedAt: imports.importedAt,
  windowFrom: imports.windowFrom,
  windowTo: imports.windowTo,
  calendarZone: imports.calendarZone,
  blocks: imports.blocks,
  instances: imports.instances,
  added: imports.added,
  updated: imports.updated,
  unchanged: imports.unchanged,
  removed: imports.removed,
  parsed: imports.parsed,
  rejected: imports.rejected,
};

/** A leader's imports, newest first, with their counts. */
export function listImports(db: Db, leaderId: number) {
  getLeader(db, leaderId);
  return db.select(COLUMNS).from(imports).innerJoin(sources, eq(sources.id, imports.sourceId)).where(eq(imports.leaderId, leaderId)).orderBy(desc(imports.id)).all();
}

/** One import with its full report. */
export function getImport(db: Db, leaderId: number, importId: number) {
  const row = db
    .select({ ...COLUMNS, issues: imports.issues })
    .from(imports)
    .innerJoin(sources, eq(sources.id, imports.sourceId))
    .where(and(eq(imports.leaderId, leaderId), eq(imports.id, importId)))
    .get();
  if (!row) throw notFound(`Import ${importId}`);
  return row;
}
