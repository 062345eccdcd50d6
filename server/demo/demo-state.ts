import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { appState } from '../db/schema.ts';
import { findUserByEmail } from '../services/users.ts';
import { DEMO_ACCOUNTS, toDemoAccount, type DemoAccount } from './demo-accounts.ts';

const KEY = 'demo-seeded';

interface DemoState {
  seededAt: number;
  /** The demo password's hash as the seed stored it on every demo account. */
  passwordHash: string;
}

export function markDemoSeeded(db: Db, state: DemoState): void {
  const value = JSON.stringify(state);
  db.insert(appState).values({ key: KEY, value }).onConflictDoUpdate({ target: appState.key, set: { value } }).run();
}

/**
 * The demo accounts to offer on the sign-in page: none unless this database was seeded with the
 * demo, and only those that still exist with their role and the demo password. Comparing the
 * stored hash (not verifying the password) keeps this free of scrypt work on an anonymous route,
 * and an account whose password was changed is no longer offered with the old one.
 */
export function offeredDemoAccounts(db: Db): DemoAccount[] {
  const row = db.select().from(appState).where(eq(appState.key, KEY)).get();
  if (!row) return [];
  const state = JSON.parse(row.value) as DemoState;
  return DEMO_ACCOUNTS.filter((spec) => {
    const user = findUserByEmail(db, spec.email);
    return user !== undefined && user.role === spec.role && user.passwordHash === state.passwordHash;
  }).map(toDemoAccount);
}
