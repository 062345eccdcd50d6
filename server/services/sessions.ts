import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { sessions } from '../db/schema.ts';
import { getUser, type User } from './users.ts';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface NewSession {
  /** Goes into the cookie; only its hash is stored, so a copied database holds no usable session. */
  token: string;
  csrfToken: string;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh session (a new id at every sign-in, so a session id planted before sign-in is useless). */
export function createSession(db: Db, userId: number, nowMs: number): NewSession {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  db.delete(sessions).where(or(lt(sessions.expiresAt, nowMs), lt(sessions.lastSeenAt, nowMs - SESSION_IDLE_MS))).run();
  db.insert(sessions).values({ id: hashToken(token), userId, csrfToken, createdAt: nowMs, lastSeenAt: nowMs, expiresAt: nowMs + SESSION_MAX_MS }).run();
  return { token, csrfToken };
}

export interface ActiveSession {
  user: User;
  csrfToken: string;
  sessionId: string;
}

/** The live session for a cookie's token, or null (unknown, expired or idle too long). */
export function findSession(db: Db, token: string, nowMs: number): ActiveSession | null {
  const id = hashToken(token);
  const row = db.select().from(sessions).where(eq(sessions.id, id)).get();
  if (!row) return null;
  if (row.expiresAt <= nowMs || row.lastSeenAt + SESSION_IDLE_MS <= nowMs) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  const user = getUser(db, row.userId);
  if (!user) return null;
  if (nowMs - row.lastSeenAt >= TOUCH_EVERY_MS) db.update(sessions).set({ lastSeenAt: nowMs }).where(eq(sessions.id, id)).run();
  return { user, csrfToken: row.csrfToken, sessionId: id };
}

export function endSession(db: Db, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a user but, optionally, one. */
export function endUserSessions(db: Db, userId: number, keep?: string): void {
  const rows = db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)).all();
  for (const row of rows) if (row.id !== keep) db.delete(sessions).where(and(eq(sessions.id, row.id), eq(sessions.userId, userId))).run();
}
