import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openDatabase, type AppDatabase } from '../../server/db/open-database.ts';
import { appState } from '../../server/db/schema.ts';
import { writeTransaction } from '../../server/db/write-transaction.ts';
import { makeTempDir } from '../support/test-app.ts';

// Two connections to one file, as the server and a CLI import have. The second writer runs on a
// worker thread with its own connection and busy timeout: better-sqlite3 is synchronous, so a
// wait on one thread could never be ended by a commit on the same thread.
const SECOND_WRITER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const go = new Int32Array(workerData.go);
Atomics.wait(go, 0, 0);
const started = Date.now();
try {
  db.prepare("insert into app_state (key, value) values ('second-writer', 'done')").run();
  parentPort.postMessage({ ok: true, waitedMs: Date.now() - started });
} catch (error) {
  parentPort.postMessage({ ok: false, code: error.code, waitedMs: Date.now() - started });
}
db.close();
`;
const HOLD_MS = 400;

let temp: { dir: string; remove: () => void };
let db: AppDatabase;

beforeEach(() => {
  temp = makeTempDir('altitude-write-tx-');
  db = openDatabase(join(temp.dir, 'altitude.db'));
});

afterEach(() => {
  db.$client.close();
  temp.remove();
});

/**
 * Runs `transaction` on the main connection; inside it, after a read, the second writer is told
 * to write, and the transaction holds on for HOLD_MS before its own write.
 */
async function raceSecondWriter(transaction: (work: () => void) => void) {
  const go = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(SECOND_WRITER, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), path: db.$client.name, go: go.buffer },
  });
  await once(worker, 'online');
  const answer = once(worker, 'message') as Promise<[{ ok: boolean; code?: string; waitedMs: number }]>;
  let failure: unknown = null;
  try {
    transaction(() => {
      Atomics.store(go, 0, 1);
      Atomics.notify(go, 0);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, HOLD_MS);
    });
  } catch (error) {
    failure = error;
  }
  const [second] = await answer;
  await worker.terminate();
  const keys = db.$client.prepare('select key from app_state order by rowid').pluck().all();
  return { failure, second, keys };
}

test('a second writer waits for a write transaction to commit, and both writes land', async () => {
  const { failure, second, keys } = await raceSecondWriter((hold) =>
    writeTransaction(db, (tx) => {
      // Read first, as every service does: a deferred transaction would now hold a snapshot.
      tx.select().from(appState).all();
      hold();
      tx.insert(appState).values({ key: 'first-writer', value: 'done' }).run();
    }),
  );
  expect(failure).toBeNull();
  expect(second.ok, second.code).toBe(true);
  // It waited for the commit (the busy timeout), rather than writing in the middle.
  expect(second.waitedMs).toBeGreaterThanOrEqual(HOLD_MS - 100);
  expect(keys).toEqual(['first-writer', 'second-writer']);
});

test('why: a deferred transaction that read before another connection wrote cannot write at all', async () => {
  const { failure, second, keys } = await raceSecondWriter((hold) =>
    db.transaction((tx) => {
      tx.select().from(appState).all();
      hold();
      tx.insert(appState).values({ key: 'first-writer', value: 'done' }).run();
    }),
  );
  expect(second.ok).toBe(true);
  expect((failure as { code?: string } | null)?.code).toBe('SQLITE_BUSY_SNAPSHOT');
  expect(keys).toEqual(['second-writer']);
});

test('every write transaction in server/ takes the write lock first', () => {
  const root = fileURLToPath(new URL('../../server/', import.meta.url));
  const offenders: string[] = [];
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
    if (file === join('db', 'write-transaction.ts')) continue;
    const text = readFileSync(join(root, file), 'utf8');
    // drizzle's db.transaction() defaults to a deferred BEGIN; better-sqlite3's needs .immediate().
    if (/\b(db|tx)\.transaction\(/.test(text)) offenders.push(`${file}: use writeTransaction(db, fn)`);
    const raw = (text.match(/\$client\.transaction\(/g) ?? []).length;
    if (raw > (text.match(/\.immediate\(\)/g) ?? []).length) offenders.push(`${file}: call .immediate() on $client.transaction(fn)`);
  }
  expect(offenders).toEqual([]);
});
