import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi, type ExpectStatic } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { createUser } from '../../server/services/users.ts';
import { COUNTED_IDS } from '../../shared/taxonomy.ts';
import { clientFor, countRows, FIXED_NOW, FIXED_NOW_ISO, fixturePath, makeTempDir, request, TEST_PASSWORD } from '../support/test-app.ts';
import { ROOT, runAltitude, type Run } from '../support/run-altitude.ts';

// Each test spawns node with tsx; on a loaded machine a test of four commands takes seconds.
vi.setConfig({ testTimeout: 90_000 });

// The CLI as a user runs it: a child process from the project root, the clock passed with --now.
const WEEK = fixturePath('leader-week.ics');
const WEEK_V2 = fixturePath('leader-week-v2.ics');
const SAM = 'sam.lee@acme.example';
const PERIOD_ARGS = ['--now', FIXED_NOW_ISO, '--from', '2026-03-02', '--to', '2026-03-13'];


let temp: { dir: string; remove: () => void };

beforeAll(() => {
  temp = makeTempDir('altitude-cli-');
});

afterAll(() => {
  try {
    // Every command that needs a database was given --db: none fell back on $ALTITUDE_DB.
    expect(existsSync(join(temp.dir, 'never-used'))).toBe(false);
  } finally {
    temp.remove();
  }
});

function run(args: string[], options: { viaBin?: boolean; env?: Record<string, string>; stdin?: string } = {}): Promise<Run> {
  return runAltitude(args, { ...options, tempDir: temp.dir });
}

// any: the CLI's JSON is checked field by field below, as a user's script would read it.
function parseJson(result: Run): any {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

/** Bad input or usage: exit 2, nothing on stdout, one line on stderr, and no stack trace. */
function expectUsageFailure(result: Run, says: string | RegExp, check: ExpectStatic = expect): void {
  check(result.code, result.stderr).toBe(2);
  check(result.stdout).toBe('');
  check(result.stderr.endsWith('\n')).toBe(true);
  const lines = result.stderr.slice(0, -1).split('\n');
  check(lines, result.stderr).toHaveLength(1);
  check(lines[0]).toMatch(/^altitude: /);
  check(lines[0]).toMatch(says);
  check(result.stderr).not.toMatch(/\bat .+:\d+:\d+|node_modules|Error:/);
}

let dbCounter = 0;
function freshDbPath(): string {
  dbCounter += 1;
  return join(temp.dir, `cli-${dbCounter}.db`);
}

describe('audit', () => {
  test('audit --json prints the period, minutes, shares, planning, flags, events and issues', async () => {
    const report = parseJson(await run(['audit', WEEK, '--json', ...PERIOD_ARGS]));
    expect(report.period).toEqual({ from: '2026-03-02', to: '2026-03-13', timeZone: 'Europe/Berlin' });
    expect(report.leader).toEqual({ email: SAM, inferredFrom: expect.stringContaining('X-WR-CALNAME') });
    expect(Object.keys(report.minutes).sort()).toEqual([...COUNTED_IDS].sort());
    expect(report.minutes).toEqual({
      operational: 180,
      strategic: 120,
      developmental: 150,
      'cross-functional': 120,
      'organisational-planning': 600,
      unclassified: 120,
    });
    expect(Object.keys(report.shares).sort()).toEqual([...COUNTED_IDS].sort());
    expect(report.shares.strategic).toBeCloseTo(120 / 1290, 10);
    expect(report.planning).toEqual([{ quarter: '2026-Q1', protectedDays: 1, heldDays: 1, scheduledDays: 0, dates: ['2026-03-06'] }]);
    expect(report.flags.map((f: { code: string }) => f.code)).toEqual(['low-strategic-share', 'missing-planning-days']);

    expect(report.events).toHaveLength(16);
    for (const event of report.events) {
      expect(event).toMatchObject({
        uid: expect.any(String),
        start: expect.any(String),
        end: expect.any(String),
        summary: expect.any(String),
        category: expect.any(String),
        reason: expect.any(String),
      });
      expect(event).toHaveProperty('recurrenceId');
    }
    const moved = report.events.find((e: { start: string }) => e.start === '2026-03-10T15:00:00+01:00');
    expect(moved).toMatchObject({ summary: '1:1 Sam / Priya', recurrenceId: expect.stringContaining('2026-03-09'), category: 'developmental' });
    expect(report.events.find((e: { summary: string }) => e.summary === 'Planning day')).toMatchObject({ start: '2026-03-06', end: '2026-03-07', category: 'organisational-planning' });
    expect(report.events.find((e: { summary: string }) => e.summary === 'Budget review FY27')).toMatchObject({ category: 'excluded', exclusionReason: 'declined', countedMinutes: 0 });

    expect(report.issues.map((i: { code: string }) => i.code)).toEqual(['time-zone', 'identity-inferred']);
  });

  test('the text report prints the category table with hours and shares, the planning days and the flags', async () => {
    const result = await run(['audit', WEEK, ...PERIOD_ARGS]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const text = result.stdout;
    expect(text).toContain(`Altitude audit of ${SAM}`);
    expect(text).toContain('Period 2026-03-02 to 2026-03-13, days in Europe/Berlin');
    expect(text).toMatch(/^Category\s+Hours\s+Share$/m);
    expect(text).toMatch(/^Operational\s+3\.0\s+14\.0%$/m);
    expect(text).toMatch(/^Strategic\s+2\.0\s+9\.3%$/m);
    expect(text).toMatch(/^Developmental\s+2\.5\s+11\.6%$/m);
    expect(text).toMatch(/^Cross-functional\s+2\.0\s+9\.3%$/m);
    expect(text).toMatch(/^Organisational planning\s+10\.0\s+46\.5%$/m);
    expect(text).toMatch(/^Unclassified\s+2\.0\s+9\.3%$/m);
    expect(text).toMatch(/^Counted work time\s+21\.5\s+100\.0%$/m);
    expect(text).toContain('(16 events in the period, 4 excluded from counting)');
    expect(text).toMatch(/^ {2}2026-Q1 {2}held 1 {2}scheduled 0 {2}2026-03-06$/m);
    expect(text).toMatch(/^ {2}! low-strategic-share: Strategic time is 9\.3%/m);
    expect(text).toMatch(/^ {2}! missing-planning-days: 2026-Q1 /m);
  });

  test('--tz counts the days in the given zone, whatever the machine zone', async () => {
    const report = parseJson(await run(['audit', WEEK, '--json', '--tz', 'Asia/Tokyo', ...PERIOD_ARGS]));
    expect(report.period.timeZone).toBe('Asia/Tokyo');
    expect(report.events.find((e: { summary: string }) => e.summary === 'Strategy session: 2027 priorities').start).toBe('2026-03-04T17:00:00+09:00');
    expect(report.issues).toContainEqual({ severity: 'info', code: 'time-zone', message: 'Days and periods are counted in Asia/Tokyo (as asked).' });
  });

  test('--now decides which planning days are held and which are still scheduled', async () => {
    const report = parseJson(await run(['audit', WEEK, '--json', '--now', '2026-03-04T12:00:00Z', '--from', '2026-03-02', '--to', '2026-03-13']));
    expect(report.planning).toEqual([{ quarter: '2026-Q1', protectedDays: 1, heldDays: 0, scheduledDays: 1, dates: ['2026-03-06'] }]);
  });
});

describe('import and report', () => {
  let db: string;

  beforeEach(() => {
    db = freshDbPath();
  });

  test('import --json prints the counts and the issues; a second import of the same file adds nothing', async () => {
    const first = parseJson(await run(['import', WEEK, '--leader', SAM, '--db', db, '--now', FIXED_NOW_ISO, '--json']));
    const zoneOnly = [expect.objectContaining({ code: 'time-zone' })];
    expect(first).toMatchObject({ source: 'primary', timeZone: 'Europe/Berlin', parsed: 16, added: 16, updated: 0, unchanged: 0, removed: 0, rejected: { total: 0, reasons: {} }, issues: zoneOnly });
    const second = parseJson(await run(['import', WEEK, '--leader', SAM, '--db', db, '--now', FIXED_NOW_ISO, '--json']));
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 16, removed: 0, issues: zoneOnly });
    expect(second.importId).toBeGreaterThan(first.importId);

    const text = await run(['import', WEEK_V2, '--leader', SAM, '--db', db, '--now', FIXED_NOW_ISO]);
    expect(text.code).toBe(0);
    // The honest count: every entry read is added, updated, unchanged or rejected; removals apart.
    expect(text.stdout).toContain('16 read = 1 added + 1 updated + 14 unchanged + 0 rejected; 1 removed');
    expect(text.stdout).toContain(`for ${SAM}`);

    const store = openDatabase(db);
    try {
      expect(countRows(store)).toMatchObject({ leaders: 1, imports: 3, events: 16 });
    } finally {
      store.$client.close();
    }
  });

  test('import says what every entry of the file became, rejected ones by reason', async () => {
    const withBadEntries = join(temp.dir, 'week-with-bad-entries.ics');
    const bad = ['BEGIN:VEVENT', 'UID:bad-date', 'DTSTART:20260332T090000Z', 'SUMMARY:Bad date', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:no-start', 'SUMMARY:No start', 'END:VEVENT'];
    writeFileSync(withBadEntries, readFileSync(WEEK, 'utf8').replace(/END:VCALENDAR/, `${bad.join('\r\n')}\r\nEND:VCALENDAR`));
    const text = await run(['import', withBadEntries, '--leader', SAM, '--db', db, '--now', FIXED_NOW_ISO]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('18 read = 16 added + 0 updated + 0 unchanged + 2 rejected (1 invalid-date, 1 missing-start); 0 removed');
  });

  test('import --leader takes the address in any case and stores one leader', async () => {
    parseJson(await run(['import', WEEK, '--leader', 'Sam.Lee@ACME.example', '--db', db, '--now', FIXED_NOW_ISO, '--json']));
    const report = parseJson(await run(['report', '--leader', SAM, '--db', db, '--json', ...PERIOD_ARGS]));
    expect(report.leader.email).toBe(SAM);
  });

  test('report --json gives the same figures as the API summary and as auditing the file', async () => {
    parseJson(await run(['import', WEEK, '--leader', SAM, '--db', db, '--now', FIXED_NOW_ISO, '--json']));
    const report = parseJson(await run(['report', '--leader', SAM, '--db', db, '--json', ...PERIOD_ARGS]));
    // The operator gives Sam an account, which takes over the profile the import created.
    const added = await run(['user', 'add', '--email', SAM, '--name', 'Sam Lee', '--db', db], { env: { ALTITUDE_PASSWORD: TEST_PASSWORD } });
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^Created the leader account sam\.lee@acme\.example \(leader profile \d+\)\.\n$/);

    const store = openDatabase(db);
    try {
      const app = createApp({ db: store, now: () => FIXED_NOW, log: (error) => expect.fail(String(error)) });
      const signIn = await request(app).post('/api/session').send({ email: SAM, password: TEST_PASSWORD }).expect(200);
      const sam = clientFor(app, { token: String(signIn.headers['set-cookie']).split(';')[0]!.split('=')[1]!, csrfToken: signIn.body.csrfToken });
      const leaderId = (await sam.get('/api/leaders').expect(200)).body.leaders[0].id;
      const summary = (await sam.get(`/api/leaders/${leaderId}/summary`).query({ from: '2026-03-02', to: '2026-03-13' }).expect(200)).body.summary;
      const { events, ...figures } = report;
      const { settings: _settings, excludedEvents, unclassifiedEvents, ...summaryFigures } = summary;
      expect({ ...figures, eventCount: events.length }).toEqual(summaryFigures);
      expect(excludedEvents).toBe(events.filter((e: { category: string }) => e.category === 'excluded').length);
      expect(unclassifiedEvents).toBe(events.filter((e: { category: string }) => e.category === 'unclassified').length);
      const listed = (await sam.get(`/api/leaders/${leaderId}/events`).query({ from: '2026-03-02', to: '2026-03-13' }).expect(200)).body.events;
      expect(events.map((e: { uid: string; start: string; category: string; reason: string }) => [e.uid, e.start, e.category, e.reason])).toEqual(
        listed.map((e: { uid: string; start: string; category: string; reason: string }) => [e.uid, e.start, e.category, e.reason]),
      );
    } finally {
      store.$client.close();
    }

    const audit = parseJson(await run(['audit', WEEK, '--json', ...PERIOD_ARGS]));
    for (const key of ['period', 'countedMinutes', 'minutes', 'shares', 'weekly', 'planning', 'flags'] as const) expect(report[key]).toEqual(audit[key]);
    expect(report.events.map((e: { uid: string; start: string; category: string }) => [e.uid, e.start, e.category])).toEqual(
      audit.events.map((e: { uid: string; start: string; category: string }) => [e.uid, e.start, e.category]),
    );
  });

  test('report without --json prints the same table as audit', async () => {
    parseJson(await run(['import', WEEK, '--leader', SAM, '--db', db, '--now', FIXED_NOW_ISO, '--json']));
    const result = await run(['report', '--leader', SAM, '--db', db, ...PERIOD_ARGS]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Organisational planning\s+10\.0\s+46\.5%$/m);
    expect(result.stdout).toMatch(/^Counted work time\s+21\.5\s+100\.0%$/m);
    expect(result.stdout).toContain('Protected planning days (target 3 per quarter)');
  });

  test('an import that is refused exits 2 and stores nothing, not even the new leader', async () => {
    const notCalendar = join(temp.dir, 'notes.txt');
    writeFileSync(notCalendar, 'Agenda for Monday\n- budget\n- hiring\n');
    expectUsageFailure(await run(['import', notCalendar, '--leader', SAM, '--db', db, '--now', FIXED_NOW_ISO]), /not an iCalendar/);
    expectUsageFailure(await run(['import', WEEK, '--leader', SAM, '--db', db, '--now', FIXED_NOW_ISO, '--from', '2026-04-01', '--to', '2026-03-01']), /after/);
    expectUsageFailure(await run(['report', '--leader', SAM, '--db', db, '--now', FIXED_NOW_ISO]), /no leader sam\.lee@acme\.example/);
    const store = openDatabase(db);
    try {
      expect(countRows(store)).toEqual({ leaders: 0, sources: 0, imports: 0, events: 0, rules: 0, manual_decisions: 0 });
    } finally {
      store.$client.close();
    }
  });
});

describe('conveniences', () => {
  test('the thresholds of the flags can be set for an audit', async () => {
    const strict = parseJson(await run(['audit', WEEK, '--json', ...PERIOD_ARGS]));
    expect(strict.flags.map((f: { code: string }) => f.code)).toContain('low-strategic-share');
    const lenient = parseJson(await run(['audit', WEEK, '--json', ...PERIOD_ARGS, '--strategic-share', '0.05', '--planning-days', '1']));
    expect(lenient.flags).toEqual([]);
  });

  test('a relative path is read from the directory the user ran npm in (INIT_CWD)', async () => {
    const result = await run(['audit', 'leader-week.ics', '--json', ...PERIOD_ARGS], { env: { INIT_CWD: join(ROOT, 'test', 'fixtures') } });
    expect(result.code).toBe(0);
    expect(parseJson(result).events).toHaveLength(16);
  });

  test('a reader that closes the pipe early gets no stack trace', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      // 180 kB of JSON: more than a pipe holds, so the writer meets the closed pipe.
      const large = fixturePath('real-world/node-ical__test__fixtures__large-file-with-late-error.ics');
      const args = `audit ${large} --json --from 2023-06-01 --to 2024-12-31 --now 2025-01-01T00:00:00Z`;
      const child = spawn('bash', ['-c', `node --import tsx server/cli/main.ts ${args} | head -c 10`], {
        cwd: ROOT,
        env: { ...process.env, ALTITUDE_DEMO: '0', NODE_OPTIONS: '' },
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.stderr).toBe('');
  });
});

describe('bad input and usage exit 2 with one line on stderr', () => {
  let emptyDb: string;
  let existingDb: string;
  let binary: string;
  let empty: string;

  beforeAll(() => {
    emptyDb = freshDbPath();
    existingDb = freshDbPath();
    openDatabase(existingDb).$client.close();
    empty = join(temp.dir, 'empty.ics');
    writeFileSync(empty, '');
    binary = join(temp.dir, 'photo.ics');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  });

  test.concurrent.for([
    ['a missing file', () => ['audit', join(temp.dir, 'nope.ics')], /cannot read .*nope\.ics: no such file/],
    ['a directory', () => ['audit', temp.dir], /it is a directory/],
    ['a file that is not a calendar', () => ['audit', join(ROOT, 'package.json')], /not an iCalendar \(\.ics\) file/],
    ['a binary file', () => ['audit', binary], /The file is a PNG image, not an iCalendar/],
    ['an empty file', () => ['audit', empty], /The file is empty/],
    ['an unknown command', () => ['analyse', WEEK], /unknown command "analyse"/],
    ['no command', () => [], /a command is needed/],
    ['an unknown option', () => ['audit', WEEK, '--verbose'], /--verbose/],
    ['an option without its value', () => ['audit', WEEK, '--from'], /--from/],
    ['two files', () => ['audit', WEEK, WEEK_V2], /usage: altitude audit/],
    ['no file', () => ['audit', '--json'], /usage: altitude audit/],
    ['a --from that is not a date', () => ['audit', WEEK, '--from', '2026-13-01'], /--from "2026-13-01" is not a date/],
    ['--from after --to', () => ['audit', WEEK, '--from', '2026-03-13', '--to', '2026-03-02'], /--from 2026-03-13 is after --to 2026-03-02/],
    ['an unknown --tz', () => ['audit', WEEK, '--tz', 'Mars/Olympus'], /"Mars\/Olympus" is not a time zone/],
    ['a --now that is not a date-time', () => ['audit', WEEK, '--now', 'yesterday'], /--now "yesterday"/],
    ['a --me that is not an address', () => ['audit', WEEK, '--me', 'sam'], /--me "sam"/],
    ['import without --leader', () => ['import', WEEK, '--db', emptyDb], /--leader EMAIL is required/],
    ['a --leader that is not an address', () => ['import', WEEK, '--leader', 'sam lee', '--db', emptyDb], /--leader "sam lee" is not an e-mail address/],
    ['report for an unknown leader', () => ['report', '--leader', 'nobody@acme.example', '--db', existingDb, '--now', FIXED_NOW_ISO], /no leader nobody@acme\.example/],
    ['report on a database that does not exist', () => ['report', '--leader', SAM, '--db', emptyDb], /there is no database at /],
    ['a --now without its offset', () => ['audit', WEEK, '--now', '2026-03-06T23:30'], /--now "2026-03-06T23:30" is not an ISO date-time with Z or an offset/],
    ['a threshold that is not a number', () => ['audit', WEEK, '--strategic-share', 'lots'], /--strategic-share "lots" is not a number/],
    ['a threshold out of range', () => ['audit', WEEK, '--strategic-share', '1.5'], /--strategic-share: /],
    ['a --db that is a directory', () => ['import', WEEK, '--leader', SAM, '--db', temp.dir, '--now', FIXED_NOW_ISO], /cannot open the database/],
    ['report with a stray argument', () => ['report', WEEK, '--leader', SAM, '--db', emptyDb], /unexpected argument/],
  ] as const)('%s', async ([, args, says], context) => {
    // Independent child processes: run side by side, each asserting through its own expect.
    expectUsageFailure(await run(args()), says, context.expect);
  });

  test('report with an unknown --tz for a stored leader', async () => {
    const db = freshDbPath();
    parseJson(await run(['import', WEEK, '--leader', SAM, '--db', db, '--now', FIXED_NOW_ISO, '--json']));
    expectUsageFailure(await run(['report', '--leader', SAM, '--db', db, '--tz', 'Mars/Olympus', '--now', FIXED_NOW_ISO]), /"Mars\/Olympus" is not a time zone/);
  });

  test('report with --from after --to for a stored leader', async () => {
    const db = freshDbPath();
    parseJson(await run(['import', WEEK, '--leader', SAM, '--db', db, '--now', FIXED_NOW_ISO, '--json']));
    expectUsageFailure(await run(['report', '--leader', SAM, '--db', db, '--from', '2026-04-01', '--to', '2026-03-01', '--now', FIXED_NOW_ISO]), /after/);
  });
});

describe('accounts', () => {
  test('user add creates an administrator from a piped password; user list shows it; sign-in works', async () => {
    const db = join(temp.dir, 'accounts.db');
    const added = await run(['user', 'add', '--admin', '--email', 'Ops@Example.org', '--db', db], { stdin: `${TEST_PASSWORD}\n`, env: { ALTITUDE_PASSWORD: '' } });
    expect(added).toEqual({ code: 0, stdout: 'Created the administrator account ops@example.org.\n', stderr: '' });
    const listed = await run(['user', 'list', '--db', db]);
    expect(listed.stdout).toBe('ops@example.org\tadmin\t\n');
    const store = openDatabase(db);
    try {
      const app = createApp({ db: store, now: () => FIXED_NOW, log: (error) => expect.fail(String(error)) });
      const signIn = await request(app).post('/api/session').send({ email: 'ops@example.org', password: TEST_PASSWORD }).expect(200);
      expect(signIn.body.user).toMatchObject({ email: 'ops@example.org', role: 'admin', leaderId: null });
    } finally {
      store.$client.close();
    }
  });

  test.each([
    [['user'], /user needs an action/],
    [['user', 'remove'], /unknown user action "remove"/],
    [['user', 'add'], /--email EMAIL is required/],
    [['user', 'add', '--email', 'x@example.org', '--role', 'boss'], /--role "boss" is not one of/],
    [['user', 'add', '--email', 'x@example.org', '--admin', '--role', 'coach'], /contradict/],
    [['user', 'add', '--email', 'not-an-address'], /is not an e-mail address/],
  ])('user %j is refused with exit 2 and one line', async (args, says) => {
    const db = join(temp.dir, 'refused.db');
    expectUsageFailure(await run([...args, '--db', db], { env: { ALTITUDE_PASSWORD: TEST_PASSWORD } }), says);
  });

  test('import into an account the person created on the web needs --force: an address is not proof', async () => {
    const db = join(temp.dir, 'self-registered.db');
    const store = openDatabase(db);
    try {
      await createUser(store, { email: SAM, password: TEST_PASSWORD, role: 'leader' }, FIXED_NOW, { origin: 'signup' });
    } finally {
      store.$client.close();
    }
    expectUsageFailure(await run(['import', WEEK, '--leader', SAM, '--db', db, '--now', FIXED_NOW_ISO]), /signed up on the web themselves.*--force/);
    const forced = parseJson(await run(['import', WEEK, '--leader', SAM, '--db', db, '--now', FIXED_NOW_ISO, '--json', '--force']));
    expect(forced.added).toBe(16);
  });

  test('a weak password, a missing one and an existing account are refused with exit 2', async () => {
    const db = join(temp.dir, 'weak.db');
    expectUsageFailure(await run(['user', 'add', '--email', 'a@example.org', '--db', db], { env: { ALTITUDE_PASSWORD: 'short' } }), /at least 12 characters/);
    expectUsageFailure(await run(['user', 'add', '--email', 'a@example.org', '--db', db]), /no password/);
    expect((await run(['user', 'add', '--email', 'a@example.org', '--db', db], { env: { ALTITUDE_PASSWORD: TEST_PASSWORD } })).code).toBe(0);
    expectUsageFailure(await run(['user', 'add', '--email', 'A@example.org', '--db', db], { env: { ALTITUDE_PASSWORD: TEST_PASSWORD } }), /already exists/);
  });
});

describe('serve', () => {
  test('on a port another program holds: exit 2 with one line, never "listening"', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const result = await run(['serve', '--port', String(port), '--host', '127.0.0.1', '--db', join(temp.dir, 'serve', 'altitude.db')]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toEqual([`altitude: cannot start: port ${port} is already in use (--port or $PORT picks another)`]);
      expect(result.stdout).not.toContain('is listening');
    } finally {
      holder.close();
    }
  });
});

describe('help and the installed command', () => {
  test('help prints the usage on stdout and exits 0', async () => {
    for (const word of ['help', '--help']) {
      const result = await run([word]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^Usage: altitude <command> \[options\]/);
      for (const command of ['audit', 'import', 'report', 'serve', 'user add', 'user list']) expect(result.stdout).toContain(`  ${command} `);
    }
  });

  test('node bin/altitude.js runs the same CLI: the same audit, and the same exit 2 for bad usage', async () => {
    const viaBin = parseJson(await run(['audit', WEEK, '--json', ...PERIOD_ARGS], { viaBin: true }));
    const viaTsx = parseJson(await run(['audit', WEEK, '--json', ...PERIOD_ARGS]));
    expect(viaBin).toEqual(viaTsx);
    expectUsageFailure(await run(['audit', WEEK, '--from', 'March'], { viaBin: true }), /--from "March"/);
  });
});
