import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { allRows } from '../support/person-rows.ts';
import { FIXED_NOW_ISO, fixturePath, makeTempDir } from '../support/test-app.ts';
import { ROOT, runAltitude, type Run } from '../support/run-altitude.ts';

// `altitude export`, `delete-account` and `purge` as an operator runs them: child processes on a
// database that `altitude import` filled (two leaders without web accounts), the clock given by --now.
vi.setConfig({ testTimeout: 90_000 });

const SAM = 'sam.lee@acme.example';
const NOOR = 'noor.haddad@acme.example';


let temp: { dir: string; remove: () => void };
let dbPath: string;

function run(args: string[]): Promise<Run> {
  return runAltitude(args, { tempDir: temp.dir });
}

function expectUsageFailure(result: Run, says: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(says);
}

function snapshot() {
  const db = openDatabase(dbPath);
  try {
    return allRows(db);
  } finally {
    db.$client.close();
  }
}

const eventsOf = (rows: ReturnType<typeof snapshot>, leaderEmail: string) => {
  const leader = (rows.leaders as Array<{ id: number; email: string }>).find((l) => l.email === leaderEmail);
  return (rows.events as Array<{ leader_id: number }>).filter((e) => leader && e.leader_id === leader.id);
};

beforeAll(async () => {
  temp = makeTempDir('altitude-data-rights-');
  dbPath = join(temp.dir, 'altitude.db');
  for (const leader of [SAM, NOOR]) {
    const imported = await run(['import', fixturePath('leader-week.ics'), '--leader', leader, '--db', dbPath, '--now', FIXED_NOW_ISO]);
    expect(imported.code, imported.stderr).toBe(0);
  }
});

afterAll(() => {
  expect(existsSync(join(temp.dir, 'never-used'))).toBe(false);
  temp.remove();
});

describe('altitude export', () => {
  test('writes everything about a leader to --out as JSON, the same as on stdout', async () => {
    const out = join(temp.dir, 'sam.json');
    const written = await run(['export', '--leader', SAM, '--db', dbPath, '--out', out]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toMatch(new RegExp(`^Wrote everything stored about ${SAM} to .*sam\\.json \\(\\d+ bytes\\)\\.\\n$`));
    expect(written.stdout).toContain(`(${statSync(out).size} bytes)`);
    const data = JSON.parse(readFileSync(out, 'utf8'));
    expect(data).toMatchObject({ format: 'altitude-account-export', email: SAM, account: null, leaderProfile: { email: SAM } });
    expect(data.events).toHaveLength(eventsOf(snapshot(), SAM).length);
    expect(data.events.length).toBeGreaterThan(0);
    expect(data.imports).toHaveLength(1);
    // No partial file was left beside it.
    expect(readdirSync(temp.dir).filter((name) => name.includes('.partial-'))).toEqual([]);

    const printed = await run(['export', '--leader', SAM, '--db', dbPath]);
    expect(printed.code).toBe(0);
    expect({ ...JSON.parse(printed.stdout), exportedAt: null }).toEqual({ ...data, exportedAt: null });
  });

  test.each([
    [['export', '--db', 'X'], /--leader EMAIL is required/],
    [['export', '--leader', 'not-an-address', '--db', 'X'], /is not an e-mail address/],
    [['export', '--leader', 'nobody@acme.example', '--db', 'X'], /no account or leader nobody@acme\.example/],
    [['export', '--leader', SAM, '--out', '/nonexistent-dir/x.json', '--db', 'X'], /cannot write \/nonexistent-dir\/x\.json: its folder does not exist/],
  ])('%j fails with one line', async (args, says) => {
    expectUsageFailure(await run(args.map((a) => (a === 'X' ? dbPath : a))), says);
  });
});

describe('altitude purge', () => {
  test('--dry-run says what would go and changes nothing; the real run removes exactly that', async () => {
    const before = snapshot();
    const dry = await run(['purge', '--older-than-months', '1', '--dry-run', '--json', '--db', dbPath, '--now', '2026-04-09T15:30:00Z']);
    expect(dry.code, dry.stderr).toBe(0);
    const planned = JSON.parse(dry.stdout);
    expect(planned).toMatchObject({ horizon: '2026-03-09T00:00:00.000Z', dryRun: true, imports: 0, leaders: 2 });
    expect(planned.events).toBeGreaterThan(0);
    expect(snapshot()).toEqual(before);

    const real = await run(['purge', '--older-than-months', '1', '--db', dbPath, '--now', '2026-04-09T15:30:00Z']);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toBe(`Retention (1 months): removed ${planned.events} events that ended before 2026-03-09 and 0 import records; quarter figures rewritten for 2 leaders.\n`);
    expect(snapshot().events!.length).toBe(before.events!.length - planned.events);
  });

  test.each([
    [['purge', '--db', 'X'], /--older-than-months N is required/],
    [['purge', '--older-than-months', '0', '--db', 'X'], /--older-than-months "0" is not a whole number of months from 1 to 1200/],
    [['purge', '--older-than-months', 'six', '--db', 'X'], /--older-than-months "six"/],
    [['purge', '--older-than-months', '6', '--now', 'yesterday', '--db', 'X'], /--now "yesterday"/],
    // node's argument parser answers this one over three lines: stderr still gets one.
    [['purge', '--older-than-months', '-3', '--db', 'X'], /--older-than-months.*ambiguous/],
  ])('%j fails with one line', async (args, says) => {
    expectUsageFailure(await run(args.map((a) => (a === 'X' ? dbPath : a))), says);
  });
});

describe('altitude delete-account', () => {
  test('refuses without --yes, then deletes the leader and leaves the other leader as they were', async () => {
    const before = snapshot();
    expectUsageFailure(await run(['delete-account', '--email', SAM, '--db', dbPath]), /this deletes sam\.lee@acme\.example .* add --yes to confirm/);
    expect(snapshot()).toEqual(before);

    const deleted = await run(['delete-account', '--email', SAM, '--yes', '--db', dbPath]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toMatch(/^Deleted sam\.lee@acme\.example: .*\d+ events.*1 leaders\.\n$/);
    const after = snapshot();
    expect(eventsOf(after, SAM)).toEqual([]);
    expect(eventsOf(after, NOOR)).toEqual(eventsOf(before, NOOR));
    expect((after.leaders as Array<{ email: string }>).map((l) => l.email)).toEqual([NOOR]);

    expectUsageFailure(await run(['delete-account', '--email', SAM, '--yes', '--db', dbPath]), /no account or leader sam\.lee@acme\.example/);
  });
});
