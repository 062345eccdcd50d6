import { desc, eq } from 'drizzle-orm';
import type { Placement } from '../../shared/taxonomy.ts';
import type { Db } from '../db/open-database.ts';
import { imports, sources } from '../db/schema.ts';
import { buildAuditReport, type AuditReport } from '../domain/audit/build-report.ts';
import type { ImportIssue } from '../domain/ics/import-issue.ts';
import { countingSettingsOf } from '../domain/leaders/leader-settings.ts';
import { toEventRecord } from './event-rows.ts';
import { loadLeaderEventRows } from './leader-events.ts';
import { resolveLeaderPeriod, type PeriodOptions } from './leader-period.ts';

/** The audit of a stored leader for a period: the same report `audit` gives for a file. */
export function buildLeaderReport(db: Db, leaderId: number, options: PeriodOptions): AuditReport {
  const { leader, period, window } = resolveLeaderPeriod(db, leaderId, options);
  const rows = loadLeaderEventRows(db, leaderId, window.fromMs, window.toMs);
  return buildAuditReport({
    placed: rows.map((row) => ({ record: toEventRecord(row), category: row.category as Placement, reason: row.reason, isMeeting: row.isMeeting })),
    period,
    nowMs: options.nowMs,
    settings: countingSettingsOf(leader.settings),
    leader: { email: leader.email, inferredFrom: null },
    issues: latestImportIssues(db, leaderId),
  });
}

/** The report entries of the latest import of each of the leader's calendars. */
function latestImportIssues(db: Db, leaderId: number): ImportIssue[] {
  const rows = db
    .select({ sourceId: imports.sourceId, issues: imports.issues, source: sources.name })
    .from(imports)
    .innerJoin(sources, eq(sources.id, imports.sourceId))
    .where(eq(imports.leaderId, leaderId))
    .orderBy(desc(imports.id))
    .all();
  const seen = new Set<number>();
  const issues: ImportIssue[] = [];
  for (const row of rows) {
    if (seen.has(row.sourceId)) continue;
    seen.add(row.sourceId);
    issues.push(...row.issues);
  }
  return issues;
}
