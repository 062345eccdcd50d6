import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { generateLeaderCalendar } from '../../server/demo/generate-calendar.ts';
import { ensureCurrentPlacements } from '../../server/services/ensure-current-placements.ts';
import { importCalendar } from '../../server/services/import-calendar.ts';
import { buildLeaderReport } from '../../server/services/leader-report.ts';
import { ensureLeader, findLeaderByEmail } from '../../server/services/leaders.ts';
import { FIXED_NOW, makeTempDir, readFixture } from '../support/test-app.ts';
import { tableDigest } from '../support/table-digest.ts';
import { ROOT, runAltitude, type Run } from '../support/run-altitude.ts';

// `altitude backup` while another process imports without pause, and `altitude restore`, through
// the real CLI. Each command is a node process with tsx: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });



function altitude(args: string[]): Promise<Run> {
  return runAltitude(args, { tempDir: temp.dir });
}

/** Every row of every table, hashed: two files with the same digest hold the same data. */
function digest(path: string): { counts: Record<string, number>; hash: string } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return tableDigest(db);
  } finally {
    db.close();
  }
}

let temp: { dir: string; remove: () => void };
let live: string;
let calendars: string[];
const backups: { path: string; importsBefore: number; importsAfter: number }[] = [];

beforeAll(() => {
  temp = makeTempDir('altitude-backup-');
  live = join(temp.dir, 'altitude.db');
  // Two versions of two months of a leader's calendar: importing them in turn adds, updates and removes.
  calendars = [1, 2].map((seed) => {
    const path = join(temp.dir, `writer-${seed}.ics`);
    writeFileSync(path, generateLeaderCalendar({ seed, now: new Date(FIXED_NOW), email: 'writer@northwind.example', name: 'Writer', timeZone: 'Europe/Berlin', monthsBack: 2, monthsAhead: 1 }));
    return path;
  });
  const db = openDatabase(live);
  const sam = ensureLeader(db, 'sam.lee@acme.example', FIXED_NOW);
  importCalendar(db, { leaderId: sam.id, bytes: readFixture('leader-week.ics'), nowMs: FIXED_NOW });
  db.$client.close();
});

let writer: ChildProcess | undefined;

afterAll(() => {
  // A failed test must not leave the writer running.
  if (writer && writer.exitCode === null) writer.kill('SIGKILL');
  temp?.remove();
});

describe('backup under load', () => {
  let imported = 0;

  async function importsReach(n: number): Promise<void> {
    while (imported < n) {
      if (writer!.exitCode !== null) throw new Error(`the writer stopped (exit ${writer!.exitCode})`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  test('backups taken while another process imports without pause are consistent snapshots', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/keep-importing.ts', live, ...calendars], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    writer = child;
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const last = chunk.trim().split('\n').pop()!.match(/imported (\d+)/);
      if (last) imported = Number(last[1]);
    });
    await importsReach(2);

    for (const name of ['one', 'two', 'three']) {
      const path = join(temp.dir, `backup-${name}.db`);
      const importsBefore = imported;
      const run = await altitude(['backup', path, '--db', live]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Backed up ${live} to ${path}: \\d+ leaders?, \\d+ events?, \\d+ imports?, 0 accounts\\.\\n$`));
      backups.push({ path, importsBefore, importsAfter: imported });
    }
    // The writer went on committing while the backups were taken: they ran under load.
    expect(backups.some((b) => b.importsAfter > b.importsBefore)).toBe(true);

    for (const backup of backups) {
      // One file, for its owner's eyes only, no -wal or -shm to carry along, and undamaged.
      expect(statSync(backup.path).mode & 0o777).toBe(0o600);
      expect(readdirSync(temp.dir).filter((f) => f.startsWith(`${backup.path.split('/').pop()}-`))).toEqual([]);
      const db = new Database(backup.path, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        // A state that existed: the writer's imports counted before the command started, at
        // most one more than it had printed when the command ended (printed after each commit)...
        const writerImports = (db.prepare(`select count(*) from imports join leaders on leaders.id = imports.leader_id where leaders.email like 'writer-%'`).pluck().get() as number);
        expect(writerImports).toBeGreaterThanOrEqual(backup.importsBefore);
        expect(writerImports).toBeLessThanOrEqual(backup.importsAfter + 1);
        // ...and whole: each calendar holds exactly what its imports added and did not remove.
        const sources = db
          .prepare(
            `select s.id, (select count(*) from events e where e.source_id = s.id) as stored,
                    (select coalesce(sum(added), 0) - coalesce(sum(removed), 0) from imports i where i.source_id = s.id) as expected
             from sources s`,
          )
          .all() as { id: number; stored: number; expected: number }[];
        expect(sources.length).toBeGreaterThanOrEqual(2);
        for (const source of sources) expect(source.stored, `source ${source.id}`).toBe(source.expected);
      } finally {
        db.close();
      }
    }
  });

  test('restore is refused while another process has the database open, and changes nothing', async () => {
    const seen = imported;
    const run = await altitude(['restore', backups[0]!.path, '--db', live]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`altitude: the database ${live} is open in another process (a running server?); stop it before restoring\n`);
    // The writer was not disturbed, and nothing was set aside or left behind.
    await importsReach(seen + 1);
    expect(readdirSync(temp.dir).filter((f) => f.includes('before-restore') || f.endsWith('.tmp'))).toEqual([]);
    writer!.kill('SIGTERM');
    await once(writer!, 'exit');
    expect(writer!.exitCode).toBe(0);
  });
});

describe('restore', () => {
  test('brings a backup back, keeps the database it replaced, and the app opens it', async () => {
    const replaced = digest(live);
    const backup = backups[1]!.path;
    const run = await altitude(['restore', backup, '--db', live]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const kept = run.stdout.match(/The database it replaced is kept as (\S+)\.\n$/)?.[1];
    expect(run.stdout).toMatch(new RegExp(`^Restored ${live} from ${backup}: \\d+ leaders?, \\d+ events?, \\d+ imports?, 0 accounts\\. `));
    expect(kept).toMatch(/altitude\.db\.before-restore-\d{4}-\d{2}-\d{2}T/);
    expect(statSync(kept!).mode & 0o777).toBe(0o600);

    // Nothing the user had is lost: the replaced database, whole, in the kept file.
    expect(digest(kept!).hash).toBe(replaced.hash);
    expect(digest(live).hash).toBe(digest(backup).hash);
    expect(digest(live).hash).not.toBe(replaced.hash);
    expect(readdirSync(temp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const db = openDatabase(live);
    try {
      expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
      ensureCurrentPlacements(db, FIXED_NOW);
      const leader = findLeaderByEmail(db, 'writer-0@northwind.example')!;
      const report = buildLeaderReport(db, leader.id, { from: '2026-01-01', to: '2026-03-31', nowMs: FIXED_NOW });
      expect(report.countedMinutes).toBeGreaterThan(0);
    } finally {
      db.$client.close();
    }
  });

  test('restore onto a path with no database creates it', async () => {
    const fresh = join(temp.dir, 'new', 'altitude.db');
    const run = await altitude(['restore', backups[2]!.path, '--db', fresh]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/There was no database there before\.\n$/);
    expect(digest(fresh).hash).toBe(digest(backups[2]!.path).hash);
  });
});

// Concurrently: none of them may change anything, and each is a node start of its own.
describe('bad usage: exit 2, one line, nothing changed', () => {
  let state: string;
  let files: string[];

  beforeAll(() => {
    foreignDatabase();
    damagedBackup();
    state = digest(live).hash;
    files = readdirSync(temp.dir).sort();
  });

  afterAll(() => {
    expect(digest(live).hash).toBe(state);
    expect(readdirSync(temp.dir).sort()).toEqual(files);
  });

  test.concurrent.for([
    ['backup without a file', () => ['backup', '--db', live], /^usage: altitude backup <file>/],
    ['backup over an existing file', () => ['backup', backups[0]!.path, '--db', live], /already exists; a backup never overwrites a file/],
    ['backup into a directory that does not exist', () => ['backup', join(temp.dir, 'missing', 'b.db'), '--db', live], /^cannot write .*: the directory .* does not exist$/],
    ['backup into a path under a file', () => ['backup', join(calendars[0]!, 'b.db'), '--db', live], /^cannot write .*writer-1\.ics is not a directory$/],
    ['backup of no database', () => ['backup', join(temp.dir, 'b.db'), '--db', join(temp.dir, 'nothing.db')], /^there is no database at .*nothing\.db/],
    ['backup of a file that is not a database', () => ['backup', join(temp.dir, 'b.db'), '--db', calendars[0]!], /writer-1\.ics is not an Altitude database \(not a SQLite file\)$/],
    ['restore of a missing file', () => ['restore', join(temp.dir, 'nope.db'), '--db', live], /^cannot read .*nope\.db: no such file$/],
    ['restore of a calendar file', () => ['restore', calendars[0]!, '--db', live], /writer-1\.ics is not an Altitude database \(not a SQLite file\)$/],
    ['restore of another application\'s SQLite file', () => ['restore', foreignDatabase(), '--db', live], /foreign\.db is not an Altitude database \(it has no __drizzle_migrations table\)$/],
    ['restore of a damaged backup', () => ['restore', damagedBackup(), '--db', live], /damaged\.db is damaged: /],
    ['restore into a path under a file', () => ['restore', backups[0]!.path, '--db', join(calendars[0]!, 'x.db')], /^cannot write .*writer-1\.ics is not a directory$/],
  ] as const)('%s', async ([, args, says], { expect }) => {
    const run = await altitude([...args()]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.replace(/\n$/, '').split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]!.replace(/^altitude: /, '')).toMatch(says);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+|node_modules|Error:/);
  });
});

function foreignDatabase(): string {
  const path = join(temp.dir, 'foreign.db');
  if (!existsSync(path)) {
    const db = new Database(path);
    db.exec('create table notes (id integer primary key, text text)');
    db.close();
  }
  return path;
}

/** A backup with garbage written over pages in its middle. */
function damagedBackup(): string {
  const path = join(temp.dir, 'damaged.db');
  if (!existsSync(path)) {
    copyFileSync(backups[0]!.path, path);
    const fd = openSync(path, 'r+');
    const pageSize = 4096;
    for (let page = 3; page < 40; page += 3) writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, page * pageSize);
    closeSync(fd);
  }
  return path;
}
