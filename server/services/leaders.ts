import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { leaders } from '../db/schema.ts';
import { isValidZone } from '../domain/ics/resolve-time-zone.ts';
import type { LeaderSettings } from '../domain/leaders/leader-settings.ts';
import { notFound, ServiceError } from './service-error.ts';

export type Leader = typeof leaders.$inferSelect;

export function listLeaders(db: Db): Leader[] {
  return db.select().from(leaders).orderBy(asc(leaders.id)).all();
}

export function getLeader(db: Db, id: number): Leader {
  const leader = db.select().from(leaders).where(eq(leaders.id, id)).get();
  if (!leader) throw notFound(`Leader ${id}`);
  return leader;
}

export function findLeaderByEmail(db: Db, email: string): Leader | undefined {
  return db.select().from(leaders).where(eq(leaders.email, email.trim().toLowerCase())).get();
}

export function createLeader(
  db: Db,
  input: { email: string; name?: string | null | undefined; timeZone?: string | null | undefined; settings?: LeaderSettings | undefined },
  nowMs: number,
): Leader {
  const email = input.email.trim().toLowerCase();
  if (findLeaderByEmail(db, email)) throw new ServiceError(409, 'leader-exists', `A leader with the e-mail ${email} already exists.`);
  assertZone(input.timeZone);
  return db
    .insert(leaders)
    .values({ email, name: input.name ?? null, timeZone: input.timeZone ?? null, settings: input.settings ?? {}, createdAt: nowMs })
    .returning()
    .get();
}

/** The leader with this e-mail, created on first use (the CLI's `import --leader`). */
export function ensureLeader(db: Db, email: string, nowMs: number): Leader {
  return findLeaderByEmail(db, email) ?? createLeader(db, { email }, nowMs);
}

export function assertZone(zone: string | null | undefined): void {
  if (zone && !isValidZone(zone)) throw new ServiceError(400, 'invalid-time-zone', `"${zone}" is not a time zone (use an IANA name such as Europe/Berlin).`);
}
