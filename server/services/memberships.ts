import { and, desc, eq } from 'drizzle-orm';
import { HR_AGGREGATES, HR_NEVER_SEES, HR_SEES, HR_SEES_IF_CHOSEN, type MembershipStatus, type MembershipView } from '../../shared/cohorts-api.ts';
import type { AppDatabase, Db } from '../db/open-database.ts';
import { cohortMembers, cohorts, users } from '../db/schema.ts';
import { notFound, ServiceError } from './service-error.ts';
import { normaliseEmail, type User } from './users.ts';
import { writeTransaction } from '../db/write-transaction.ts';

const SHARES = { sees: HR_SEES, ifChosen: HR_SEES_IF_CHOSEN, neverSees: HR_NEVER_SEES, aggregates: HR_AGGREGATES };

/** The leader's invitations and memberships: every cohort that named their e-mail address. */
export function listMemberships(db: Db, leader: User): MembershipView[] {
  const rows = db
    .select({ member: cohortMembers, cohortName: cohorts.name, hrName: users.name, hrEmail: users.email })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .innerJoin(users, eq(users.id, cohorts.ownerUserId))
    .where(eq(cohortMembers.email, normaliseEmail(leader.email)))
    .orderBy(desc(cohortMembers.invitedAt), desc(cohortMembers.id))
    .all();
  return rows.map(({ member, cohortName, hrName, hrEmail }) => ({
    id: member.id,
    cohort: { id: member.cohortId, name: cohortName },
    hr: { name: hrName, email: hrEmail },
    status: member.status,
    invitedAt: new Date(member.invitedAt).toISOString(),
    respondedAt: member.respondedAt === null ? null : new Date(member.respondedAt).toISOString(),
    shareCoaching: member.shareCoaching,
    shares: SHARES,
  }));
}

/**
 * Joins the cohort: from now on HR sees this leader's derived figures (never their events), and
 * whether they work with a coach only if they say so here (each acceptance asks afresh: a choice
 * made for an earlier membership of the same cohort does not carry over).
 */
export function acceptMembership(db: AppDatabase, leader: User, memberId: number, nowMs: number, choice: { shareCoaching?: boolean | undefined } = {}): MembershipView {
  return respond(db, leader, memberId, nowMs, ['invited', 'declined'], 'active', { shareCoaching: choice.shareCoaching ?? false });
}

export function declineMembership(db: AppDatabase, leader: User, memberId: number, nowMs: number): MembershipView {
  return respond(db, leader, memberId, nowMs, ['invited'], 'declined', { shareCoaching: false });
}

/** The member changes their mind about sharing their coaching status; HR's next page follows it. */
export function changeMembership(db: AppDatabase, leader: User, memberId: number, change: { shareCoaching: boolean }): MembershipView {
  writeTransaction(db, (tx) => {
    const member = ownMembership(tx, leader, memberId);
    if (member.status !== 'active') {
      const refusal = REFUSALS[member.status];
      throw new ServiceError(409, refusal.code, refusal.message);
    }
    tx.update(cohortMembers).set({ shareCoaching: change.shareCoaching }).where(eq(cohortMembers.id, memberId)).run();
  });
  return listMemberships(db, leader).find((view) => view.id === memberId)!;
}

/**
 * Withdraws consent. Every HR read filters on `active` afresh, so from the next request on the
 * leader is in no table and no aggregate of this cohort.
 */
export function leaveMembership(db: AppDatabase, leader: User, memberId: number, nowMs: number): MembershipView {
  return respond(db, leader, memberId, nowMs, ['active'], 'left', { shareCoaching: false });
}

const REFUSALS: Record<MembershipStatus, { code: string; message: string }> = {
  invited: { code: 'not-a-member', message: 'You have not joined this programme; accept or decline the invitation instead.' },
  active: { code: 'already-member', message: 'You are already a member of this programme; leave it to stop sharing.' },
  declined: { code: 'already-declined', message: 'You declined this invitation; accept it if you changed your mind.' },
  left: { code: 'already-left', message: 'You left this programme; the HR team can invite you again.' },
};

function ownMembership(tx: Db, leader: User, memberId: number): typeof cohortMembers.$inferSelect {
  const member = tx
    .select()
    .from(cohortMembers)
    .where(and(eq(cohortMembers.id, memberId), eq(cohortMembers.email, normaliseEmail(leader.email))))
    .get();
  // Someone else's invitation is "not found": its existence is not this leader's to learn.
  if (!member) throw notFound(`Invitation ${memberId}`);
  return member;
}

function respond(
  db: AppDatabase,
  leader: User,
  memberId: number,
  nowMs: number,
  from: MembershipStatus[],
  to: MembershipStatus,
  choice: { shareCoaching: boolean },
): MembershipView {
  writeTransaction(db, (tx) => {
    const member = ownMembership(tx, leader, memberId);
    if (!from.includes(member.status)) {
      const refusal = REFUSALS[member.status];
      throw new ServiceError(409, refusal.code, refusal.message);
    }
    if (to === 'active' && leader.leaderId === null) {
      throw new ServiceError(409, 'no-leader-profile', 'Your account has no calendar profile to share figures from.');
    }
    tx.update(cohortMembers)
      .set({ status: to, respondedAt: nowMs, leaderId: to === 'active' ? leader.leaderId : member.leaderId, shareCoaching: choice.shareCoaching })
      .where(eq(cohortMembers.id, memberId))
      .run();
  });
  return listMemberships(db, leader).find((view) => view.id === memberId)!;
}
