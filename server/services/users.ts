import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { leaders, users, type UserRole } from '../db/schema.ts';
import { decoyHash, describePasswordProblem, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { isEmail } from '../domain/ics/infer-leader.ts';
import { assertZone, findLeaderByEmail } from './leaders.ts';
import { ServiceError } from './service-error.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export type User = typeof users.$inferSelect;

export interface NewUser {
  email: string;
  password: string;
  name?: string | null | undefined;
  role: UserRole;
  timeZone?: string | null | undefined;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Creates an account. A leader's account owns a leader profile: a new one, or (only when
 * `claimExistingProfile`, which the operator's CLI passes) one the CLI already imported for that
 * address. Sign-up on the web never claims existing data: e-mail addresses are not verified, so
 * whoever typed an address first must not get someone else's calendar.
 */
export async function createUser(
  db: Db,
  input: NewUser,
  nowMs: number,
  options: { claimExistingProfile?: boolean; hash?: (password: string) => Promise<string>; origin?: 'signup' | 'admin' } = {},
): Promise<User> {
  const email = normaliseEmail(input.email);
  if (!isEmail(email)) throw new ServiceError(400, 'invalid-email', `"${input.email.trim()}" is not an e-mail address.`);
  const problem = describePasswordProblem(input.password);
  if (problem) throw new ServiceError(400, 'weak-password', `The password is not accepted: ${problem}.`);
  assertZone(input.timeZone);
  // One answer whether the address has an account or only imported data: sign-up must not tell
  // a stranger whose calendar is stored here.
  const taken =
    options.origin === 'signup'
      ? new ServiceError(409, 'account-exists', `${email} cannot sign up here: if the address is yours, sign in, or ask an administrator for an account.`)
      : new ServiceError(409, 'account-exists', `An account for ${email} already exists.`);
  if (findUserByEmail(db, email)) throw taken;
  const existingProfile = input.role === 'leader' ? findLeaderByEmail(db, email) : undefined;
  if (existingProfile && !options.claimExistingProfile) throw taken;
  const passwordHash = await (options.hash ?? hashPassword)(input.password);
  // Checked again after the (slow) hash: two sign-ups for one address may have raced.
  return writeTransaction(db, (tx) => {
    if (findUserByEmail(tx, email)) throw taken;
    let leaderId: number | null = null;
    if (input.role === 'leader') {
      const profile =
        findLeaderByEmail(tx, email) ??
        tx
          .insert(leaders)
          .values({ email, name: input.name ?? null, timeZone: input.timeZone ?? null, settings: {}, createdAt: nowMs })
          .returning()
          .get();
      leaderId = profile.id;
    }
    return tx
      .insert(users)
      .values({ email, name: input.name?.trim() || null, role: input.role, passwordHash, leaderId, origin: options.origin ?? 'admin', createdAt: nowMs })
      .returning()
      .get();
  });
}

export function findUserByEmail(db: Db, email: string): User | undefined {
  return db.select().from(users).where(eq(users.email, normaliseEmail(email))).get();
}

export function getUser(db: Db, id: number): User | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function listUsers(db: Db): User[] {
  return db.select().from(users).orderBy(asc(users.id)).all();
}

export function countAdmins(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.role, 'admin')).get()!.n;
}

/**
 * The account for these credentials, or null. An unknown address costs the same scrypt work as
 * a wrong password, and both give the same null, so neither the answer nor its timing tells
 * them apart.
 */
export async function authenticate(db: Db, email: string, password: string): Promise<User | null> {
  const user = findUserByEmail(db, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  return user && ok ? user : null;
}

/** What the API says about an account: never the hash. */
export function toUserView(user: User) {
  return { id: user.id, email: user.email, name: user.name, role: user.role, leaderId: user.leaderId };
}
export type UserView = ReturnType<typeof toUserView>;
