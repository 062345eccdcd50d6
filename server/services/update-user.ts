import { and, eq, ne, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/open-database.ts';
import { sessions, users } from '../db/schema.ts';
import { describePasswordProblem, hashPassword } from '../auth/passwords.ts';
import { endUserSessions } from './sessions.ts';
import { notFound, ServiceError } from './service-error.ts';
import { getUser, type User } from './users.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export interface UserChange {
  password?: string | undefined;
  name?: string | null | undefined;
}

/**
 * An administrator's change to an account. A new password ends every session of the account, so
 * whoever held the old one is signed out everywhere; when administrators set their own, the
 * session making the change stays (`keepSessionId`), so they are not signed out of the page they
 * are using. The role is not changed here, so no administrator can lock the last one out.
 */
export async function updateUser(
  db: AppDatabase,
  userId: number,
  change: UserChange,
  options: { keepSessionId?: string; hash?: (password: string) => Promise<string> } = {},
): Promise<{ user: User; sessionsEnded: number }> {
  if (!getUser(db, userId)) throw notFound(`Account ${userId}`);
  const problem = change.password === undefined ? null : describePasswordProblem(change.password);
  if (problem) throw new ServiceError(400, 'weak-password', `The password is not accepted: ${problem}.`);
  const passwordHash = change.password === undefined ? undefined : await (options.hash ?? hashPassword)(change.password);
  // Checked again after the (slow) hash: the account may have gone meanwhile.
  return writeTransaction(db, (tx) => {
    if (!getUser(tx, userId)) throw notFound(`Account ${userId}`);
    const set = {
      ...(passwordHash === undefined ? {} : { passwordHash }),
      ...(change.name === undefined ? {} : { name: change.name?.trim() || null }),
    };
    const user = tx.update(users).set(set).where(eq(users.id, userId)).returning().get();
    let sessionsEnded = 0;
    if (passwordHash !== undefined) {
      const others = options.keepSessionId === undefined ? eq(sessions.userId, userId) : and(eq(sessions.userId, userId), ne(sessions.id, options.keepSessionId));
      sessionsEnded = tx.select({ n: sql<number>`count(*)` }).from(sessions).where(others).get()!.n;
      endUserSessions(tx, userId, options.keepSessionId);
    }
    return { user, sessionsEnded };
  });
}
