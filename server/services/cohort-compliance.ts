import type { ComplianceView } from '../../shared/cohorts-api.ts';
import type { Db } from '../db/open-database.ts';
import { complianceCsv } from '../domain/cohorts/compliance-csv.ts';
import { isFlagged, sortComplianceRows, toComplianceRow, withCoaching, type ComplianceSort } from '../domain/cohorts/compliance.ts';
import { quarterOf } from '../domain/metrics/calendar-days.ts';
import { loadActiveMembers, loadMemberQuarters } from './cohort-members.ts';
import { loadCoachingStatuses } from './coaching-shares.ts';
import { cachedView } from './cohort-view-cache.ts';
import { getOwnCohort } from './cohorts.ts';
import type { User } from './users.ts';

export interface ComplianceQuery {
  quarter?: string | undefined;
  flagged: 'only' | 'all';
  sort: ComplianceSort;
}

/** The quarter the clock is in (UTC: a cohort spans zones, and the edge moves by hours at most). */
export function currentQuarter(nowMs: number): string {
  return quarterOf(new Date(nowMs).toISOString().slice(0, 10));
}

/** One row per consenting member for the quarter (default: the current one), sorted and filtered. */
export function buildCompliance(db: Db, owner: User, cohortId: number, query: ComplianceQuery, nowMs: number): ComplianceView {
  const cohort = getOwnCohort(db, owner, cohortId);
  const quarter = query.quarter ?? currentQuarter(nowMs);
  const members = loadActiveMembers(db, [cohort.id]);
  // Held or scheduled turns at midnight in each leader's zone, and every zone's midnight falls on
  // a quarter hour of UTC: within one quarter hour the view cannot change with the clock.
  const clock = Math.floor(nowMs / 900_000);
  const view = cachedView(db, ['compliance', cohort.id, cohort.name, quarter, query.flagged, query.sort, clock], members, () => {
    const all = (loadMemberQuarters(db, members, [quarter]).get(quarter) ?? []).map((member) => toComplianceRow(member, quarter, nowMs));
    const withData = all.filter((row) => row.hasData).length;
    const flagged = all.filter(isFlagged).length;
    const rows = sortComplianceRows(query.flagged === 'only' ? all.filter(isFlagged) : all, query.sort);
    return {
      cohort: { id: cohort.id, name: cohort.name },
      quarter,
      currentQuarter: currentQuarter(nowMs),
      sort: query.sort,
      flagged: query.flagged,
      counts: { active: all.length, withData, noData: all.length - withData, flagged },
      rows,
    };
  });
  // The coaching column is outside the cache: it follows the member's choice and their grants.
  const coaching = loadCoachingStatuses(db, [cohort.id]);
  const leaderOf = new Map(members.map((m) => [m.memberId, m.leaderId]));
  return { ...view, rows: view.rows.map((row) => withCoaching(row, coaching.get(leaderOf.get(row.memberId)!) ?? 'not-shared')) };
}

export function buildComplianceCsv(db: Db, owner: User, cohortId: number, query: ComplianceQuery, nowMs: number): { fileName: string; csv: string } {
  const view = buildCompliance(db, owner, cohortId, query, nowMs);
  const slug = view.cohort.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || `cohort-${view.cohort.id}`;
  return { fileName: `${slug}-${view.quarter}-compliance${query.flagged === 'only' ? '-flagged' : ''}.csv`, csv: complianceCsv(view.rows) };
}
