import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { MEMORY_BOMB, SLOW_SERIES } from '../support/hostile-calendars.ts';
import { countRows, FIXED_NOW_ISO, fixturePath, makeTempDir } from '../support/test-app.ts';

// `audit` and `import` read the file in the same isolated reader as the server: a hostile file
// ends in exit 2 with one line on stderr, and `import` stores nothing (not even the new leader).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let temp: { dir: string; remove: () => void };
beforeAll(() => {
  temp = makeTempDir('altitude-isolated-');
  writeFileSync(join(temp.dir, 'bomb.ics'), MEMORY_BOMB());
  writeFileSync(join(temp.dir, 'slow.ics'), SLOW_SERIES());
});
afterAll(() => temp.remove());

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ALTITUDE_DEMO: '0', NODE_OPTIONS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

function expectOneLine(result: { code: number | null; stdout: string; stderr: string }, says: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(says);
}

test('audit of a file that exhausts the reader’s memory: exit 2, one line', async () => {
  const result = await run(['audit', join(temp.dir, 'bomb.ics'), '--now', FIXED_NOW_ISO], { ALTITUDE_IMPORT_MEMORY_MB: '128' });
  expectOneLine(result, /^altitude: Reading the file needed more than 128 MB of memory; it was stopped\./);
}, 180_000);

test('import of a file that takes too long: killed at ALTITUDE_IMPORT_TIMEOUT_MS, exit 2, nothing stored', async () => {
  const db = join(temp.dir, 'slow.db');
  const result = await run(['import', join(temp.dir, 'slow.ics'), '--leader', 'mallory@acme.example', '--db', db, '--now', FIXED_NOW_ISO], { ALTITUDE_IMPORT_TIMEOUT_MS: '300' });
  expectOneLine(result, /^altitude: Reading the file took longer than 300 ms; it was stopped\./);
  expect(existsSync(db)).toBe(true);
  const store = openDatabase(db);
  try {
    expect(countRows(store)).toMatchObject({ leaders: 0, imports: 0, events: 0 });
  } finally {
    store.$client.close();
  }
}, 120_000);

test('an ordinary import goes through the reader and lands', async () => {
  const db = join(temp.dir, 'week.db');
  const result = await run(['import', fixturePath('leader-week.ics'), '--leader', 'sam.lee@acme.example', '--db', db, '--now', FIXED_NOW_ISO, '--json'], {});
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ added: 16, instances: 16 });
}, 120_000);

test('a limit that is not a number is refused by name', async () => {
  const result = await run(['audit', fixturePath('leader-week.ics')], { ALTITUDE_IMPORT_TIMEOUT_MS: 'soon' });
  expectOneLine(result, /^altitude: ALTITUDE_IMPORT_TIMEOUT_MS: "soon" is not a whole number/);
}, 60_000);
