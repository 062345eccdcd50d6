import { randomInt } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { GrantView, IssuedInvitationView } from '../../shared/coaching.ts';
import type { Db } from '../db/open-database.ts';
import { coachGrants, leaders, users } from '../db/schema.ts';
import { coachWithdrawal, describeRefusal, nextGrantStatus, OPEN_GRANT_STATUSES, type GrantAction } from '../domain/coaching/grant-transitions.ts';
import { formatInviteCode, hashInviteCode, inviteCodeMatches, MAX_WRONG_INVITE_CODES, type WrongInviteCodes } from '../domain/coaching/invite-code.ts';
import { isEmail } from '../domain/ics/infer-leader.ts';
import { notFound, ServiceError } from './service-error.ts';
import { normaliseEmail, type User } from './users.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export type Grant = typeof coachGrants.$inferSelect;

/**
 * A leader sees the grants of their own profile; a coach those addressed to their account's
 * e-mail, including invitations sent before the account existed. Newest first.
 */
export function listGrants(db: Db, user: User): GrantView[] {
  const rows =
    user.role === 'leader'
      ? user.leaderId === null
        ? []
        : db.select().from(coachGrants).where(eq(coachGrants.leaderId, user.leaderId)).orderBy(desc(coachGrants.createdAt), desc(coachGrants.id)).all()
      : db.select().from(coachGrants).where(eq(coachGrants.coachEmail, user.email)).orderBy(desc(coachGrants.createdAt), desc(coachGrants.id)).all();
  return toGrantViews(db, rows);
}

/** The leader invites a coach by address; the code that goes with it is theirs to pass on. */
export function inviteCoach(db: Db, user: User, input: { coachEmail: string; canEdit: boolean }, nowMs: number): IssuedInvitationView {
  const leaderId = ownLeaderId(user);
  const coachEmail = normaliseEmail(input.coachEmail);
  if (!isEmail(coachEmail)) throw new ServiceError(400, 'invalid-email', `"${input.coachEmail.trim()}" is not an e-mail address.`);
  const leader = db.select({ email: leaders.email }).from(leaders).where(eq(leaders.id, leaderId)).get();
  if (coachEmail === user.email || coachEmail === leader?.email) {
    throw new ServiceError(400, 'cannot-invite-self', 'That is your own address: invite your coach’s e-mail address.');
  }
  return writeTransaction(db, (tx) => {
    const open = tx
      .select({ id: coachGrants.id, status: coachGrants.status })
      .from(coachGrants)
      .where(and(eq(coachGrants.leaderId, leaderId), eq(coachGrants.coachEmail, coachEmail), inArray(coachGrants.status, [...OPEN_GRANT_STATUSES])))
      .get();
    if (open) {
      throw new ServiceError(
        409,
        'grant-exists',
        open.status === 'active' ? `${coachEmail} is already your coach.` : `${coachEmail} has already been invited and has not answered yet.`,
      );
    }
    const inviteCode = newInviteCode();
    const row = tx
      .insert(coachGrants)
      .values({ leaderId, coachEmail, coachUserId: null, canEdit: input.canEdit, inviteCodeHash: hashInviteCode(inviteCode), status: 'invited', createdAt: nowMs })
      .returning()
      .get();
    return { grant: toGrantViews(tx, [row])[0]!, inviteCode };
  });
}

/**
 * A new code for an open invitation (the leader lost it, the coach typed it wrong too often, or
 * the invitation predates codes). The old code stops working at once.
 */
export function issueInviteCode(db: Db, user: User, grantId: number, wrongCodes: WrongInviteCodes): IssuedInvitationView {
  const grant = ownedGrant(db, user, grantId);
  if (grant.status !== 'invited') {
    throw new ServiceError(
      409,
      'grant-not-open',
      grant.status === 'active' ? `${grant.coachEmail} has already accepted: there is no code to issue.` : 'This invitation has ended; invite the coach again to share with them.',
    );
  }
  const inviteCode = newInviteCode();
  const row = db.update(coachGrants).set({ inviteCodeHash: hashInviteCode(inviteCode) }).where(eq(coachGrants.id, grant.id)).returning().get();
  wrongCodes.forget(grant.id, grant.inviteCodeHash);
  return { grant: toGrantViews(db, [row])[0]!, inviteCode };
}

/** The leader allows or stops the coach's changes to categories and rules. */
export function setGrantCanEdit(db: Db, user: User, grantId: number, canEdit: boolean): GrantView {
  const grant = ownedGrant(db, user, grantId);
  if (!OPEN_GRANT_STATUSES.includes(grant.status)) throw new ServiceError(409, 'grant-ended', 'This grant has ended; invite the coach again to share with them.');
  const row = db.update(coachGrants).set({ canEdit }).where(eq(coachGrants.id, grant.id)).returning().get();
  return toGrantViews(db, [row])[0]!;
}

/**
 * DELETE on a grant: the leader revokes it (an invitation or an engagement); the coach declines an
 * invitation or ends an engagement. Access is read fresh on every request, so the coach's very
 * next request is refused.
 */
export function withdrawGrant(db: Db, user: User, grantId: number, nowMs: number): GrantView {
  if (user.role === 'leader') return applyAction(db, ownedGrant(db, user, grantId), 'revoke', nowMs);
  if (user.role === 'coach') {
    const grant = addressedGrant(db, user, grantId);
    // A coach's view of an invitation is by e-mail; of an engagement, by the account that accepted it.
    if (grant.status === 'active' && grant.coachUserId !== user.id) throw notFound(`Grant ${grantId}`);
    return applyAction(db, grant, coachWithdrawal(grant.status), nowMs);
  }
  throw new ServiceError(403, 'forbidden', `Grants are for leader and coach accounts; you are signed in as ${user.role}.`);
}

/**
 * The coach accepts with the code the leader gave them. The address shows them the invitation;
 * only the code opens the audit, since anyone may sign up with any address.
 */
export function acceptGrant(db: Db, user: User, grantId: number, code: string | undefined, wrongCodes: WrongInviteCodes, nowMs: number): GrantView {
  if (user.role !== 'coach') throw notFound(`Grant ${grantId}`);
  const grant = addressedGrant(db, user, grantId);
  if (!nextGrantStatus(grant.status, 'accept')) throw new ServiceError(409, 'grant-not-open', describeRefusal(grant.status, 'accept'));
  const leader = leaderName(db, grant.leaderId);
  if (grant.inviteCodeHash === null) {
    throw new ServiceError(
      409,
      'invite-code-needed',
      `This invitation has no code that still works. Ask ${leader} to make a new code for it on their Sharing page, then enter that code here.`,
    );
  }
  if (code === undefined || code.trim() === '') {
    throw new ServiceError(400, 'invalid-invite-code', `Enter the invitation code to accept. Ask ${leader} for it: they see it on their Sharing page when they invite you.`);
  }
  if (!inviteCodeMatches(code, grant.inviteCodeHash)) {
    const wrong = wrongCodes.record(grant.id, grant.inviteCodeHash);
    if (wrong >= MAX_WRONG_INVITE_CODES) {
      // Locked, not declined: the invitation was the leader's to make, so it stays open and
      // the leader's new code unlocks it. Nothing is shared meanwhile.
      db.update(coachGrants).set({ inviteCodeHash: null }).where(eq(coachGrants.id, grant.id)).run();
      wrongCodes.forget(grant.id, grant.inviteCodeHash);
      throw new ServiceError(
        400,
        'invalid-invite-code',
        `That is not the invitation code either: after ${MAX_WRONG_INVITE_CODES} wrong codes it no longer works. Ask ${leader} to make a new code on their Sharing page.`,
      );
    }
    const left = MAX_WRONG_INVITE_CODES - wrong;
    throw new ServiceError(
      400,
      'invalid-invite-code',
      `That is not the invitation code. Ask ${leader} for the code on their Sharing page. After ${left} more wrong ${left === 1 ? 'code' : 'codes'} this code stops working.`,
    );
  }
  wrongCodes.forget(grant.id, grant.inviteCodeHash);
  return applyAction(db, grant, 'accept', nowMs, user.id);
}

/** Declining needs no code: saying no shares nothing. */
export function declineGrant(db: Db, user: User, grantId: number, nowMs: number): GrantView {
  if (user.role !== 'coach') throw notFound(`Grant ${grantId}`);
  return applyAction(db, addressedGrant(db, user, grantId), 'decline', nowMs);
}

function applyAction(db: Db, grant: Grant, action: GrantAction, nowMs: number, coachUserId?: number): GrantView {
  const status = nextGrantStatus(grant.status, action);
  if (!status) throw new ServiceError(409, 'grant-not-open', describeRefusal(grant.status, action));
  // Every answer uses the code up: it opens one invitation, once.
  const changes: Partial<Grant> =
    action === 'accept'
      ? { status, coachUserId: coachUserId ?? null, respondedAt: nowMs, inviteCodeHash: null }
      : action === 'decline'
        ? { status, respondedAt: nowMs, endedAt: nowMs, inviteCodeHash: null }
        : { status, endedAt: nowMs, inviteCodeHash: null };
  const row = db.update(coachGrants).set(changes).where(eq(coachGrants.id, grant.id)).returning().get();
  return toGrantViews(db, [row])[0]!;
}

function newInviteCode(): string {
  return formatInviteCode((size) => randomInt(size));
}

/** How the coach knows the leader: their name, else their address. */
function leaderName(db: Db, leaderId: number): string {
  const leader = db.select({ name: leaders.name, email: leaders.email }).from(leaders).where(eq(leaders.id, leaderId)).get();
  return leader?.name || leader?.email || 'the leader';
}

function ownLeaderId(user: User): number {
  if (user.role !== 'leader') throw new ServiceError(403, 'forbidden', `Only a leader invites a coach; you are signed in as ${user.role}.`);
  if (user.leaderId === null) throw new ServiceError(409, 'no-profile', 'Your account has no calendar profile to share.');
  return user.leaderId;
}

/** A grant of the leader's own profile; anyone else's is "not found", so ids confirm nothing. */
function ownedGrant(db: Db, user: User, grantId: number): Grant {
  const leaderId = ownLeaderId(user);
  const grant = db.select().from(coachGrants).where(and(eq(coachGrants.id, grantId), eq(coachGrants.leaderId, leaderId))).get();
  if (!grant) throw notFound(`Grant ${grantId}`);
  return grant;
}

function addressedGrant(db: Db, user: User, grantId: number): Grant {
  const grant = db.select().from(coachGrants).where(and(eq(coachGrants.id, grantId), eq(coachGrants.coachEmail, user.email))).get();
  if (!grant) throw notFound(`Grant ${grantId}`);
  return grant;
}

function toGrantViews(db: Db, rows: readonly Grant[]): GrantView[] {
  if (rows.length === 0) return [];
  const leaderIds = [...new Set(rows.map((row) => row.leaderId))];
  const coachIds = [...new Set(rows.flatMap((row) => (row.coachUserId === null ? [] : [row.coachUserId])))];
  const leaderById = new Map(
    db
      .select({ id: leaders.id, name: leaders.name, email: leaders.email })
      .from(leaders)
      .where(inArray(leaders.id, leaderIds))
      .all()
      .map((leader) => [leader.id, leader]),
  );
  const coachById = new Map(
    coachIds.length === 0
      ? []
      : db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, coachIds))
          .all()
          .map((coach) => [coach.id, coach.name]),
  );
  return rows.map((row) => ({
    id: row.id,
    leader: leaderById.get(row.leaderId) ?? { id: row.leaderId, name: null, email: '' },
    coachEmail: row.coachEmail,
    coachName: row.coachUserId === null ? null : (coachById.get(row.coachUserId) ?? null),
    canEdit: row.canEdit,
    status: row.status,
    hasInviteCode: row.status === 'invited' && row.inviteCodeHash !== null,
    createdAt: iso(row.createdAt),
    respondedAt: row.respondedAt === null ? null : iso(row.respondedAt),
    endedAt: row.endedAt === null ? null : iso(row.endedAt),
  }));
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
