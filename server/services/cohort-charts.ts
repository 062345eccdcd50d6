import type { ChartsView } from '../../shared/cohorts-api.ts';
import type { Db } from '../db/open-database.ts';
import { buildCohortCharts, quartersEndingWith, TREND_QUARTERS, type QuarterStanding } from '../domain/cohorts/cohort-charts.ts';
import { toQuarterStanding } from '../domain/cohorts/compliance.ts';
import { DEFAULT_COUNTING_SETTINGS } from '../domain/metrics/counting-settings.ts';
import { loadActiveMembers, loadMemberQuarters } from './cohort-members.ts';
import { currentQuarter } from './cohort-compliance.ts';
import { cachedView } from './cohort-view-cache.ts';
import { getOwnCohort } from './cohorts.ts';
import type { User } from './users.ts';

/**
 * The cohort's charts for a quarter (default: the current one) and the quarters before it. Each
 * member's standing is `toQuarterStanding`, held to agree with HR's compliance rows.
 */
export function buildChartsView(db: Db, owner: User, cohortId: number, quarter: string | undefined, nowMs: number, minGroup: number): ChartsView {
  const cohort = getOwnCohort(db, owner, cohortId);
  const selected = quarter ?? currentQuarter(nowMs);
  const quarters = quartersEndingWith(selected, TREND_QUARTERS);
  const members = loadActiveMembers(db, [cohort.id]);
  return cachedView(db, ['charts', cohort.id, cohort.name, selected, minGroup], members, () => {
    const standings: QuarterStanding[] = [];
    for (const [q, list] of loadMemberQuarters(db, members, quarters)) {
      for (const member of list) standings.push({ memberId: member.leaderId, quarter: q, ...toQuarterStanding(member) });
    }
    const charts = buildCohortCharts(standings, selected, minGroup, DEFAULT_COUNTING_SETTINGS.strategicShareMin);
    return { cohort: { id: cohort.id, name: cohort.name }, ...charts };
  });
}
