import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { coachingStatus, type CoachingStatus } from '../domain/cohorts/compliance.ts';

/**
 * Each active member's coaching status as these cohorts' HR team may know it, by leader. A
 * leader's grants are looked at only when they share the status in one of these cohorts (all
 * owned by the same HR user, who reads it on that cohort's table); anyone else is `not-shared`.
 * Read on every request, never cached: ticking the box off, or a grant ending, shows at once.
 */
export function loadCoachingStatuses(db: Db, cohortIds: readonly number[]): Map<number, CoachingStatus> {
  if (cohortIds.length === 0) return new Map();
  const rows = db.all<{ leaderId: number; shares: number; coached: number | null }>(sql`
    select m.leader_id as leaderId, max(m.share_coaching) as shares,
      case when max(m.share_coaching) = 1
        then exists (select 1 from coach_grants g where g.leader_id = m.leader_id and g.status = 'active')
      end as coached
    from cohort_members m
    where m.cohort_id in (${sql.join(cohortIds.map((id) => sql`${id}`), sql`, `)}) and m.status = 'active' and m.leader_id is not null
    group by m.leader_id`);
  return new Map(rows.map((row) => [row.leaderId, coachingStatus(row.shares === 1, row.coached === 1)]));
}
