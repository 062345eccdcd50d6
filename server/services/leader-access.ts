import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { coachGrants, leaders } from '../db/schema.ts';
import type { Leader } from './leaders.ts';
import type { User } from './users.ts';

/** How a user may reach one leader's data: as its owner, or as a coach the leader granted. */
export type LeaderAccess = 'owner' | 'coach-edit' | 'coach-read';

/**
 * Read on every request, never cached: a revoked grant stops the coach on the very next request.
 * HR and administrators never reach a leader's own data this way (HR sees cohort figures only).
 */
export function accessToLeader(db: Db, user: User, leaderId: number): LeaderAccess | null {
  if (user.role === 'leader') return user.leaderId === leaderId ? 'owner' : null;
  if (user.role !== 'coach') return null;
  const grant = db
    .select({ canEdit: coachGrants.canEdit })
    .from(coachGrants)
    .where(and(eq(coachGrants.leaderId, leaderId), eq(coachGrants.coachUserId, user.id), eq(coachGrants.status, 'active')))
    .get();
  if (!grant) return null;
  return grant.canEdit ? 'coach-edit' : 'coach-read';
}

/** The leaders whose audits the user may open: their own, or a coach's active clients. */
export function visibleLeaders(db: Db, user: User): Leader[] {
  if (user.role === 'leader') {
    return user.leaderId === null ? [] : db.select().from(leaders).where(eq(leaders.id, user.leaderId)).all();
  }
  if (user.role !== 'coach') return [];
  const ids = db
    .select({ leaderId: coachGrants.leaderId })
    .from(coachGrants)
    .where(and(eq(coachGrants.coachUserId, user.id), eq(coachGrants.status, 'active')))
    .all()
    .map((row) => row.leaderId);
  return ids.length === 0 ? [] : db.select().from(leaders).where(inArray(leaders.id, ids)).orderBy(asc(leaders.name), asc(leaders.email)).all();
}
