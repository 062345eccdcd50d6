import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The one-time code a leader gives their coach with an invitation. Addresses are not verified,
 * so the address alone does not prove who the coach is: the code, passed on by the leader in
 * person or by their own channel, does. Only its SHA-256 is stored.
 */

/** No 0/O, 1/I/L: read aloud or copied from a screen, every character is unmistakable. */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 8;

/** Wrong codes a grant takes before its code stops working and the leader must issue a new one. */
export const MAX_WRONG_INVITE_CODES = 5;

/** XXXX-XXXX from eight picks out of the alphabet (the caller supplies the randomness). */
export function formatInviteCode(pick: (size: number) => number): string {
  const chars = Array.from({ length: INVITE_CODE_LENGTH }, () => INVITE_CODE_ALPHABET[pick(INVITE_CODE_ALPHABET.length)]!);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** What people type varies in case, spaces and dashes; the code does not. */
export function normaliseInviteCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

export function hashInviteCode(code: string): string {
  return createHash('sha256').update(normaliseInviteCode(code)).digest('hex');
}

/** Compares hashes in constant time, so the time taken says nothing about how close a guess was. */
export function inviteCodeMatches(code: string, storedHash: string): boolean {
  const given = Buffer.from(hashInviteCode(code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored);
}

/**
 * Wrong codes per grant and code. In memory: a restart forgets the counts (an attacker then has
 * a few more tries at a code of 31^8 ≈ 8.5·10^11), but a code that reached the limit is cleared
 * in the database and stays unusable.
 */
export class WrongInviteCodes {
  private readonly counts = new Map<string, number>();

  /** Records a wrong code; returns how many the code has had, this one included. */
  record(grantId: number, storedHash: string): number {
    const key = `${grantId}:${storedHash}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    if (this.counts.size > 50_000) this.counts.clear();
    this.counts.set(key, count);
    return count;
  }

  /** The code was used or replaced: its count is of no further use. */
  forget(grantId: number, storedHash: string | null): void {
    if (storedHash !== null) this.counts.delete(`${grantId}:${storedHash}`);
  }
}
