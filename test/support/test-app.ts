import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import supertest from 'supertest';
import { createApp } from '../../server/app.ts';
import { openDatabase, type AppDatabase } from '../../server/db/open-database.ts';

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
  const app = createApp({ db, now: () => FIXED_NOW, log: (error) => logged.push(error) });
  return {
    app,
    db,
    dbPath,
    logged,
    close: () => {
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
