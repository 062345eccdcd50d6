import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import supertest from 'supertest';
import { createApp } from '../../server/app.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { openDatabase, type AppDatabase } from '../../server/db/open-database.ts';
import type { UserRole } from '../../server/db/schema.ts';
import { SESSION_COOKIE } from '../../server/http/session-cookie.ts';
import { createCalendarReader } from '../../server/services/calendar-reader.ts';
import { createSession } from '../../server/services/sessions.ts';
import { createUser, type User } from '../../server/services/users.ts';

/** The one clock of the integration tests: a Friday after the fixture's two weeks (2026-03-02..13). */
export const FIXED_NOW = Date.parse('2026-03-20T12:00:00Z');
export const FIXED_NOW_ISO = new Date(FIXED_NOW).toISOString();

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

export function readFixture(name: string): Buffer {
  return readFileSync(fixturePath(name));
}

export interface TestApp {
  app: Express;
  db: AppDatabase;
  /** Where the database file lives (a fresh temp directory per app). */
  dbPath: string;
  /** Errors the app logged as unexpected (500s); a test that expects none checks this is empty. */
  logged: unknown[];
  close: () => void;
}

/**
 * A real app on a real SQLite file in a fresh temp directory, with the clock fixed at FIXED_NOW.
 * A file rather than :memory: so that WAL, foreign keys and migrations run as in production.
 */
export function createTestApp(): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'altitude-http-'));
  const dbPath = join(dir, 'altitude.db');
  const db = openDatabase(dbPath);
  const logged: unknown[] = [];
  // Uploads are read in child processes; closing the app stops the one kept waiting. Tests of
  // other features import more often than one user may (20 in 10 minutes): the limit has its own
  // test (test/http/upload-limits.test.ts).
  const calendarReader = createCalendarReader();
  const app = createApp({ db, now: () => FIXED_NOW, log: (error) => logged.push(error), calendarReader, importsPerWindow: 10_000 });
  return {
    app,
    db,
    dbPath,
    logged,
    close: () => {
      calendarReader.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** supertest's `request(app)`. */
export function request(app: Express) {
  return supertest(app);
}

/** Row counts of every table that an import or a decision writes to. */
export function countRows(db: AppDatabase): Record<'leaders' | 'sources' | 'imports' | 'events' | 'rules' | 'manual_decisions', number> {
  const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return {
    leaders: count('leaders'),
    sources: count('sources'),
    imports: count('imports'),
    events: count('events'),
    rules: count('rules'),
    manual_decisions: count('manual_decisions'),
  };
}

/** A temp directory for tests that need files (the CLI's databases); removed by the returned function. */
export function makeTempDir(prefix = 'altitude-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The password of every account the tests create. */
export const TEST_PASSWORD = 'correct horse battery staple';

// One real scrypt hash per password for the whole run: hashing at full cost for each of hundreds
// of test accounts would add minutes, and the sign-in tests exercise the full path anyway.
const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

/** Requests as one signed-in user: the session cookie and the CSRF header on every call. */
export interface Client {
  get: (url: string) => supertest.Test;
  post: (url: string) => supertest.Test;
  put: (url: string) => supertest.Test;
  patch: (url: string) => supertest.Test;
  delete: (url: string) => supertest.Test;
}

export interface TestUser {
  user: User;
  /** The leader profile of a leader's account (0 for other roles). */
  leaderId: number;
  http: Client;
}

export function clientFor(app: Express, session: { token: string; csrfToken: string } | null): Client {
  const wrap = (method: 'get' | 'post' | 'put' | 'patch' | 'delete') => (url: string) => {
    const test = supertest(app)[method](url);
    return session ? test.set('Cookie', `${SESSION_COOKIE}=${session.token}`).set('X-CSRF-Token', session.csrfToken) : test;
  };
  return { get: wrap('get'), post: wrap('post'), put: wrap('put'), patch: wrap('patch'), delete: wrap('delete') };
}

/** An account created through the service (as sign-up does), with a signed-in session. */
export async function addUser(
  t: { app: Express; db: AppDatabase },
  input: { email: string; role?: UserRole; name?: string; timeZone?: string; password?: string },
): Promise<TestUser> {
  const user = await createUser(t.db, { role: 'leader', password: TEST_PASSWORD, ...input }, FIXED_NOW, { hash: cachedHash, claimExistingProfile: true });
  const session = createSession(t.db, user.id, FIXED_NOW);
  return { user, leaderId: user.leaderId ?? 0, http: clientFor(t.app, { token: session.token, csrfToken: session.csrfToken }) };
}
