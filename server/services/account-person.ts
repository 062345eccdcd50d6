import type { Db } from '../db/open-database.ts';
import { findLeaderByEmail, getLeader, type Leader } from './leaders.ts';
import { ServiceError } from './service-error.ts';
import { findUserByEmail, getUser, normaliseEmail, type User } from './users.ts';

/**
 * Whose data an export or a deletion is about: an account (any role), the leader profile it owns,
 * or a leader profile the CLI imported for an address that has no account yet.
 */
export interface Person {
  email: string;
  user: User | null;
  leader: Leader | null;
}

export function personOfUser(db: Db, userId: number): Person {
  const user = getUser(db, userId);
  if (!user) throw new ServiceError(404, 'not-found', `Account ${userId} was not found.`);
  return { email: user.email, user, leader: user.leaderId === null ? null : getLeader(db, user.leaderId) };
}

/**
 * The account with this address and its leader profile; without an account, the leader profile
 * with this address. A coach's or HR's account does not own a profile that merely shares its address.
 */
export function personOfEmail(db: Db, email: string): Person {
  const address = normaliseEmail(email);
  const user = findUserByEmail(db, address);
  if (user) return personOfUser(db, user.id);
  const leader = findLeaderByEmail(db, address);
  if (!leader) throw new ServiceError(404, 'not-found', `There is no account or leader ${address} in this database.`);
  return { email: address, user: null, leader };
}
