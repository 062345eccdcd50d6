import { and, desc, eq, inArray } from 'drizzle-orm';
import type { NoteView } from '../../shared/coaching.ts';
import type { Db } from '../db/open-database.ts';
import { coachGrants, engagementNotes, users } from '../db/schema.ts';
import type { LeaderAccess } from './leader-access.ts';
import type { Grant } from './coach-grants.ts';
import { notFound, ServiceError } from './service-error.ts';
import type { User } from './users.ts';

/**
 * The engagements whose notes the user may read on this leader: the owner all of theirs (notes of
 * an ended engagement stay with the leader), a coach only their own active one.
 */
function readableGrants(db: Db, user: User, leaderId: number, access: LeaderAccess): Grant[] {
  const where =
    access === 'owner'
      ? eq(coachGrants.leaderId, leaderId)
      : and(eq(coachGrants.leaderId, leaderId), eq(coachGrants.coachUserId, user.id), eq(coachGrants.status, 'active'));
  return db.select().from(coachGrants).where(where).all();
}

/** Notes visible to the user on this leader, newest first. */
export function listNotes(db: Db, user: User, leaderId: number, access: LeaderAccess): NoteView[] {
  const grants = readableGrants(db, user, leaderId, access);
  if (grants.length === 0) return [];
  const rows = db
    .select()
    .from(engagementNotes)
    .where(inArray(engagementNotes.grantId, grants.map((g) => g.id)))
    .orderBy(desc(engagementNotes.createdAt), desc(engagementNotes.id))
    .all();
  return toNoteViews(db, user, rows, grants);
}

export function addNote(db: Db, user: User, leaderId: number, access: LeaderAccess, input: { body: string; grantId?: number | undefined }, nowMs: number): NoteView {
  const grant = engagementFor(db, user, leaderId, access, input.grantId);
  const row = db.insert(engagementNotes).values({ grantId: grant.id, authorUserId: user.id, body: input.body, createdAt: nowMs }).returning().get();
  return toNoteViews(db, user, [row], [grant])[0]!;
}

/** Only the note's author deletes it; a note the user cannot read is "not found". */
export function deleteNote(db: Db, user: User, leaderId: number, access: LeaderAccess, noteId: number): void {
  const grants = readableGrants(db, user, leaderId, access);
  const note = db.select().from(engagementNotes).where(eq(engagementNotes.id, noteId)).get();
  if (!note || !grants.some((g) => g.id === note.grantId)) throw notFound(`Note ${noteId}`);
  if (note.authorUserId !== user.id) throw new ServiceError(403, 'not-author', 'Only the person who wrote a note can delete it.');
  db.delete(engagementNotes).where(eq(engagementNotes.id, noteId)).run();
}

/** The active engagement a new note belongs to. */
function engagementFor(db: Db, user: User, leaderId: number, access: LeaderAccess, grantId: number | undefined): Grant {
  const active = readableGrants(db, user, leaderId, access).filter((g) => g.status === 'active');
  if (grantId !== undefined) {
    const grant = active.find((g) => g.id === grantId);
    if (grant) return grant;
    const ended = access === 'owner' && db.select({ id: coachGrants.id }).from(coachGrants).where(and(eq(coachGrants.id, grantId), eq(coachGrants.leaderId, leaderId))).get();
    if (ended) throw new ServiceError(409, 'grant-not-active', 'That coaching engagement is not active: notes can be added only while it runs.');
    throw notFound(`Grant ${grantId}`);
  }
  if (active.length === 1) return active[0]!;
  if (active.length === 0) throw new ServiceError(409, 'no-active-coach', 'Notes belong to a coaching engagement, and you have no active coach.');
  throw new ServiceError(400, 'grant-required', 'You have more than one coach: say which engagement the note is for (grantId).');
}

function toNoteViews(db: Db, user: User, rows: ReadonlyArray<typeof engagementNotes.$inferSelect>, grants: readonly Grant[]): NoteView[] {
  if (rows.length === 0) return [];
  const userIds = [...new Set([...rows.map((r) => r.authorUserId), ...grants.flatMap((g) => (g.coachUserId === null ? [] : [g.coachUserId]))])];
  const people = new Map(
    db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role })
      .from(users)
      .where(inArray(users.id, userIds))
      .all()
      .map((p) => [p.id, p]),
  );
  const grantById = new Map(grants.map((g) => [g.id, g]));
  return rows.map((row) => {
    const grant = grantById.get(row.grantId)!;
    const author = people.get(row.authorUserId);
    const coach = grant.coachUserId === null ? undefined : people.get(grant.coachUserId);
    return {
      id: row.id,
      grantId: row.grantId,
      body: row.body,
      createdAt: new Date(row.createdAt).toISOString(),
      author: {
        id: row.authorUserId,
        name: author?.name ?? null,
        email: author?.email ?? '',
        role: author?.role === 'coach' ? 'coach' : 'leader',
      },
      coach: { email: grant.coachEmail, name: coach?.name ?? null },
      isEngagementActive: grant.status === 'active',
      canDelete: row.authorUserId === user.id,
    };
  });
}
