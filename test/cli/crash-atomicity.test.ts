import { spawn } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { generateLeaderCalendar } from '../../server/demo/generate-calendar.ts';
import { FIXED_NOW, FIXED_NOW_ISO, makeTempDir } from '../support/test-app.ts';
import { tableDigest } from '../support/table-digest.ts';

// An import killed with SIGKILL halfway through its writes leaves the database exactly as it was.
// The real CLI runs in a child process of its own group (its parser child dies with it); the kill
// lands inside the write transaction by watching the -wal file grow: a transaction larger than
// SQLite's page cache (2 MB) spills its uncommitted pages there long before it commits. The import
// that is finally let through proves the kill points were early: its -wal grows far beyond them.
// Each run is a whole CLI start and parse (a few seconds, more on a loaded machine).
vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LEADER = 'kai.brenner@northwind.example';
const MB = 1024 * 1024;
/** The -wal sizes at which the imports are killed: the first kill, then the loop's. */
const KILL_POINTS = [2 * MB, 0.5 * MB, 1 * MB, 3 * MB];

let temp: { dir: string; remove: () => void };
let dbPath: string;
let bigFile: string;

function writeCalendar(name: string, monthsBack: number): string {
  const path = join(temp.dir, name);
  const ics = generateLeaderCalendar({ seed: 5, now: new Date(FIXED_NOW), email: LEADER, name: 'Kai Brenner', timeZone: 'Europe/Berlin', monthsBack, monthsAhead: 6, density: 1.6 });
  writeFileSync(path, ics);
  return path;
}

function walSize(path: string): number {
  return existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0;
}

interface ImportRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The largest -wal seen while it ran, and its size when the kill was sent. */
  peakWal: number;
  walAtKill: number | null;
  ms: number;
}

/** `altitude import` on `db`; with `killAtWal`, SIGKILL to its process group once the -wal reaches that size. */
function runImport(db: string, file: string, killAtWal?: number): Promise<ImportRun> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'import', file, '--leader', LEADER, '--db', db, '--now', FIXED_NOW_ISO, '--json'], {
    cwd: ROOT,
    env: { ...process.env, ALTITUDE_DEMO: '0', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let peakWal = 0;
  let walAtKill: number | null = null;
  const watch = setInterval(() => {
    const size = walSize(db);
    peakWal = Math.max(peakWal, size);
    if (killAtWal !== undefined && walAtKill === null && size >= killAtWal) {
      walAtKill = size;
      process.kill(-child.pid!, 'SIGKILL');
    }
  }, 1);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(watch);
      resolve({ code, signal, stdout, stderr, peakWal, walAtKill, ms: Date.now() - started });
    });
  });
}

interface DatabaseState {
  integrity: string;
  counts: Record<string, number>;
  digest: string;
}

/** Opens the file as the app does (recovery, migrations) and reads every row of every table. */
function readState(path: string): DatabaseState {
  const db = openDatabase(path);
  try {
    const client = db.$client;
    const integrity = (client.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ');
    const { counts, hash } = tableDigest(client);
    return { integrity, counts, digest: hash };
  } finally {
    db.$client.close();
  }
}

let before: DatabaseState;

beforeAll(async () => {
  temp = makeTempDir('altitude-crash-');
  dbPath = join(temp.dir, 'altitude.db');
  // The first calendar: one month back and 6 ahead (2,070 events). The large one, for the same
  // leader and source: 12 months back and 6 ahead (5,804 events, 3.8 MB; it adds 4,052, updates
  // 702 and removes 318 of the first one's).
  const first = await runImport(dbPath, writeCalendar('first.ics', 1));
  expect(first.code, first.stderr).toBe(0);
  bigFile = writeCalendar('large.ics', 12);
  before = readState(dbPath);
  expect(before.integrity).toBe('ok');
  expect(before.counts.events).toBeGreaterThan(400);
  expect(before.counts.imports).toBe(1);
  // The closing connection checkpointed and removed the -wal: each run starts from an empty one.
  expect(existsSync(`${dbPath}-wal`)).toBe(false);
});

afterAll(() => temp?.remove());

async function killDuringWrite(walBytes: number): Promise<ImportRun> {
  const run = await runImport(dbPath, bigFile, walBytes);
  expect(run.signal, `the import finished (exit ${run.code}) before its -wal reached ${walBytes} bytes: ${run.stderr}`).toBe('SIGKILL');
  expect(run.walAtKill).not.toBeNull();
  // Uncommitted pages were on disk when it died: recovery has something to throw away.
  expect(walSize(dbPath)).toBeGreaterThanOrEqual(run.walAtKill!);
  return run;
}

test('an import killed (SIGKILL) in the middle of its writes leaves exactly the data from before', async () => {
  await killDuringWrite(KILL_POINTS[0]!);
  const after = readState(dbPath);
  expect(after.integrity).toBe('ok');
  expect(after.counts).toEqual(before.counts);
  expect(after.digest).toBe(before.digest);
});

test('kill and restart, again and again, finds the same; then an import that is not killed lands whole', async () => {
  for (const walBytes of KILL_POINTS.slice(1)) {
    await killDuringWrite(walBytes);
    const after = readState(dbPath);
    const when = `after a kill at ${walBytes} bytes of -wal`;
    expect(after.integrity, when).toBe('ok');
    expect(after.counts, when).toEqual(before.counts);
    expect(after.digest, when).toBe(before.digest);
  }

  const finished = await runImport(dbPath, bigFile);
  expect(finished.code, finished.stderr).toBe(0);
  // The kills came early in the writes: the whole transaction spills far beyond the last kill point.
  expect(finished.peakWal).toBeGreaterThan(3 * Math.max(...KILL_POINTS));
  const result = JSON.parse(finished.stdout) as { added: number; updated: number; removed: number };
  expect(result.added).toBeGreaterThan(1000);
  expect(result.updated + result.removed).toBeGreaterThan(0);
  const done = readState(dbPath);
  expect(done.integrity).toBe('ok');
  expect(done.counts.imports).toBe(2);
  // Exactly this import's changes on top of the state from before: nothing of the killed attempts.
  expect(done.counts.events).toBe(before.counts.events! + result.added - result.removed);
});
