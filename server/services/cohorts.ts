import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CohortMemberView, CohortSummary, InvitationResult, MembershipStatus } from '../../shared/cohorts-api.ts';
import type { AppDatabase, Db } from '../db/open-database.ts';
import { cohortMembers, cohorts, leaders, users } from '../db/schema.ts';
import { isEmail } from '../domain/ics/infer-leader.ts';
import { notFound, ServiceError } from './service-error.ts';
import { normaliseEmail, type User } from './users.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export type Cohort = typeof cohorts.$inferSelect;

/**
 * The HR user's own cohort. Another HR user's cohort is "not found", as one that does not exist:
 * whether a cohort id is taken is none of their business.
 */
export function getOwnCohort(db: Db, owner: User, cohortId: number): Cohort {
  const cohort = db.select().from(cohorts).where(and(eq(cohorts.id, cohortId), eq(cohorts.ownerUserId, owner.id))).get();
  if (!cohort) throw notFound(`Cohort ${cohortId}`);
  return cohort;
}

export function listCohorts(db: Db, owner: User): CohortSummary[] {
  const rows = db.select().from(cohorts).where(eq(cohorts.ownerUserId, owner.id)).orderBy(asc(cohorts.name), asc(cohorts.id)).all();
  if (rows.length === 0) return [];
  const counts = db
    .select({ cohortId: cohortMembers.cohortId, status: cohortMembers.status, n: sql<number>`count(*)` })
    .from(cohortMembers)
    .where(inArray(cohortMembers.cohortId, rows.map((row) => row.id)))
    .groupBy(cohortMembers.cohortId, cohortMembers.status)
    .all();
  return rows.map((row) => {
    const tally: Record<MembershipStatus, number> = { invited: 0, active: 0, declined: 0, left: 0 };
    for (const count of counts) if (count.cohortId === row.id) tally[count.status] = count.n;
    return { ...toCohortView(row), counts: tally };
  });
}

export function createCohort(db: AppDatabase, owner: User, name: string, nowMs: number): CohortSummary {
  return writeTransaction(db, (tx) => {
    assertNameFree(tx, owner, name, null);
    const row = tx.insert(cohorts).values({ ownerUserId: owner.id, name, createdAt: nowMs }).returning().get();
    return { ...toCohortView(row), counts: { invited: 0, active: 0, declined: 0, left: 0 } };
  });
}

export function renameCohort(db: AppDatabase, owner: User, cohortId: number, name: string): CohortSummary {
  writeTransaction(db, (tx) => {
    getOwnCohort(tx, owner, cohortId);
    assertNameFree(tx, owner, name, cohortId);
    tx.update(cohorts).set({ name }).where(eq(cohorts.id, cohortId)).run();
  });
  return listCohorts(db, owner).find((cohort) => cohort.id === cohortId)!;
}

/** Deletes the cohort and its invitations and memberships (the leaders' data stays theirs). */
export function deleteCohort(db: AppDatabase, owner: User, cohortId: number): void {
  writeTransaction(db, (tx) => {
    getOwnCohort(tx, owner, cohortId);
    tx.delete(cohorts).where(eq(cohorts.id, cohortId)).run();
  });
}

export function listMembers(db: Db, owner: User, cohortId: number): CohortMemberView[] {
  getOwnCohort(db, owner, cohortId);
  const rows = db
    .select({ member: cohortMembers, profileName: leaders.name, accountName: users.name })
    .from(cohortMembers)
    .leftJoin(leaders, eq(leaders.id, cohortMembers.leaderId))
    .leftJoin(users, eq(users.leaderId, cohortMembers.leaderId))
    .where(eq(cohortMembers.cohortId, cohortId))
    .orderBy(asc(cohortMembers.email))
    .all();
  return rows.map(({ member, profileName, accountName }) => ({
    id: member.id,
    email: member.email,
    status: member.status,
    // A name is the leader's to give: shown while they are in the programme, not before or after.
    name: member.status === 'active' ? (profileName ?? accountName ?? null) : null,
    invitedAt: new Date(member.invitedAt).toISOString(),
    respondedAt: member.respondedAt === null ? null : new Date(member.respondedAt).toISOString(),
  }));
}

/**
 * Invites addresses to the cohort: new ones are invited; those already invited or active are
 * reported as such; a leader who declined or left is invited again (they decide once more).
 * Text that is not an e-mail address is reported, never stored.
 */
export function inviteMembers(db: AppDatabase, owner: User, cohortId: number, emails: readonly string[], nowMs: number): InvitationResult {
  const result: InvitationResult = { invited: [], alreadyInvited: [], invalid: [] };
  const wanted: string[] = [];
  const seen = new Set<string>();
  for (const raw of emails) {
    const email = normaliseEmail(raw);
    if (email === '') continue;
    if (!isEmail(email)) {
      result.invalid.push(raw.trim());
      continue;
    }
    if (seen.has(email)) continue;
    seen.add(email);
    wanted.push(email);
  }
  writeTransaction(db, (tx) => {
    getOwnCohort(tx, owner, cohortId);
    const existing = new Map(
      tx
        .select()
        .from(cohortMembers)
        .where(eq(cohortMembers.cohortId, cohortId))
        .all()
        .map((row) => [row.email, row]),
    );
    const inserts: (typeof cohortMembers.$inferInsert)[] = [];
    for (const email of wanted) {
      const row = existing.get(email);
      if (!row) {
        inserts.push({ cohortId, email, leaderId: null, status: 'invited', invitedAt: nowMs, respondedAt: null });
        result.invited.push(email);
      } else if (row.status === 'declined' || row.status === 'left') {
        tx.update(cohortMembers).set({ status: 'invited', leaderId: null, invitedAt: nowMs, respondedAt: null }).where(eq(cohortMembers.id, row.id)).run();
        result.invited.push(email);
      } else {
        result.alreadyInvited.push(email);
      }
    }
    for (let i = 0; i < inserts.length; i += 200) tx.insert(cohortMembers).values(inserts.slice(i, i + 200)).run();
  });
  return result;
}

/** Removes an invitation or a member: HR sees nothing more of them. */
export function removeMember(db: AppDatabase, owner: User, cohortId: number, memberId: number): void {
  writeTransaction(db, (tx) => {
    getOwnCohort(tx, owner, cohortId);
    const deleted = tx.delete(cohortMembers).where(and(eq(cohortMembers.id, memberId), eq(cohortMembers.cohortId, cohortId))).run();
    if (deleted.changes === 0) throw notFound(`Member ${memberId} of cohort ${cohortId}`);
  });
}

function assertNameFree(db: Db, owner: User, name: string, exceptId: number | null): void {
  const clash = db
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(and(eq(cohorts.ownerUserId, owner.id), sql`lower(${cohorts.name}) = lower(${name})`))
    .all()
    .find((row) => row.id !== exceptId);
  if (clash) throw new ServiceError(409, 'cohort-exists', `You already have a cohort named "${name}".`);
}

function toCohortView(row: Cohort): Omit<CohortSummary, 'counts'> {
  return { id: row.id, name: row.name, createdAt: new Date(row.createdAt).toISOString() };
}
