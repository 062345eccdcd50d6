import { existsSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { createCalendarReader, type ReaderLimits } from '../../server/services/calendar-reader.ts';
import { importCalendar } from '../../server/services/import-calendar.ts';
import { expectError } from '../support/http-checks.ts';
import { manySeriesCalendar, MEMORY_BOMB, readerChildren, SLOW_SERIES } from '../support/hostile-calendars.ts';
import { addUser, countRows, createTestApp, FIXED_NOW, readFixture, request, type TestApp } from '../support/test-app.ts';

// Uploaded calendars are read in a child process with a memory cap and a time limit
// (server/services/calendar-reader.ts): these tests send real files that exhaust memory or take
// too long, and check the answer, the database, the processes, and that the server keeps serving.

const apps: Array<TestApp & { closeReader: () => void }> = [];

function appWith(limits: Partial<ReaderLimits>) {
  const t = createTestApp();
  const reader = createCalendarReader({ memoryMb: 256, timeoutMs: 30_000, concurrency: 2, ...limits });
  const app = createApp({ db: t.db, now: () => FIXED_NOW, log: (error) => t.logged.push(error), calendarReader: reader });
  const built = { ...t, app, closeReader: reader.close };
  apps.push(built);
  return built;
}

afterEach(() => {
  for (const t of apps.splice(0)) {
    t.closeReader();
    expect(t.logged).toEqual([]);
    t.close();
  }
});

const upload = (who: { http: { post: (url: string) => import('supertest').Test }; leaderId: number }, text: string | Buffer) =>
  who.http.post(`/api/leaders/${who.leaderId}/imports`).set('Content-Type', 'text/calendar').send(text);

async function waitForReader(): Promise<void> {
  for (let i = 0; i < 600 && readerChildren().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('a file that would exhaust memory', () => {
  test('is refused with 422 calendar-too-complex, stores nothing, and the server answers others meanwhile', async () => {
    const t = appWith({ memoryMb: 128, timeoutMs: 120_000 });
    const [mallory, sam] = [await addUser(t, { email: 'mallory@acme.example' }), await addUser(t, { email: 'sam@acme.example' })];
    expect((await upload(sam, readFixture('leader-week.ics'))).status).toBe(201);
    const before = countRows(t.db);

    const hostile = upload(mallory, MEMORY_BOMB()).then((res) => res);
    await waitForReader();
    // While the hostile file is being read, the server answers: health, and another user's summary.
    const slowest = { health: 0, summary: 0 };
    let answered = 0;
    let isDone = false;
    void hostile.then(() => (isDone = true));
    while (!isDone || answered === 0) {
      let started = performance.now();
      expect((await request(t.app).get('/api/health')).status).toBe(200);
      slowest.health = Math.max(slowest.health, performance.now() - started);
      started = performance.now();
      const summary = await sam.http.get(`/api/leaders/${sam.leaderId}/summary`).query({ from: '2026-03-02', to: '2026-03-13' });
      expect(summary.status).toBe(200);
      slowest.summary = Math.max(slowest.summary, performance.now() - started);
      answered++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const res = await hostile;
    expectError(res, 422, 'calendar-too-complex');
    expect(res.body.error.message).toMatch(/more than 128 MB of memory/);
    expect(answered).toBeGreaterThan(2);
    // Generous for two shared cores; reading this file in-process blocked the server for 16 s.
    expect(slowest.health).toBeLessThan(1500);
    expect(slowest.summary).toBeLessThan(1500);
    expect(countRows(t.db)).toEqual(before);
  }, 180_000);

  test('more occurrences than an import may store is refused by count, before any write', async () => {
    const t = appWith({});
    const mallory = await addUser(t, { email: 'mallory@acme.example' });
    const before = countRows(t.db);
    // 40 daily series: 62,040 occurrences in the default window, over the 50,000 an import stores.
    const res = await upload(mallory, manySeriesCalendar(40, 'FREQ=DAILY'));
    expectError(res, 422, 'calendar-too-complex');
    expect(res.body.error.message).toMatch(/expands to 62040 occurrences in the import window; at most 50000/);
    expect(countRows(t.db)).toEqual(before);
  }, 120_000);
});

describe('a file that takes too long', () => {
  test('is killed at the time limit: 422 calendar-timeout, and the reading process is gone, not a zombie', async () => {
    const t = appWith({ timeoutMs: 300 });
    const mallory = await addUser(t, { email: 'mallory@acme.example' });
    const before = countRows(t.db);
    const started = performance.now();
    const earlier = new Set(readerChildren().map((child) => child.pid));
    const pending = upload(mallory, SLOW_SERIES()).then((res) => res);
    // This app had no reader before this upload: the one that appears is the one reading it.
    let reading: number[] = [];
    for (let i = 0; i < 600 && reading.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      reading = readerChildren().filter((child) => !earlier.has(child.pid)).map((child) => child.pid);
    }
    expect(reading).toHaveLength(1);
    const res = await pending;
    expectError(res, 422, 'calendar-timeout');
    expect(res.body.error.message).toMatch(/longer than 300 ms/);
    // Killed, not waited out (reading the file takes about 10 s).
    expect(performance.now() - started).toBeLessThan(8000);
    expect(countRows(t.db)).toEqual(before);
    // Gone entirely: reaped, so not even a zombie entry is left in /proc.
    expect(existsSync(`/proc/${reading[0]}`)).toBe(false);
    t.closeReader();
    for (let i = 0; i < 100 && readerChildren().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readerChildren().filter((child) => child.state !== 'Z')).toEqual([]);
  }, 60_000);
});

describe('a reader that dies', () => {
  test('killed from outside while reading: 422 calendar-unreadable, nothing stored, the next import works', async () => {
    const t = appWith({ timeoutMs: 120_000 });
    const sam = await addUser(t, { email: 'sam@acme.example' });
    // A first import leaves a reader started and waiting, so the next file is read at once.
    expect((await upload(sam, readFixture('leader-week.ics'))).status).toBe(201);
    await waitForReader();
    // Time for it to load (well under a second; generous on a shared machine).
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const before = countRows(t.db);
    const pending = upload(sam, SLOW_SERIES()).then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 700));
    // Every reader child: the one reading, and the next spare.
    for (const child of readerChildren()) process.kill(child.pid, 'SIGSEGV');
    const res = await pending;
    expectError(res, 422, 'calendar-unreadable');
    expect(countRows(t.db)).toEqual(before);
    expect((await upload(sam, readFixture('leader-week.ics'))).status).toBe(201);
  }, 120_000);
});

describe('ordinary imports through the reader', () => {
  test('store exactly what an in-process import stores, and run side by side with a hostile one', async () => {
    const t = appWith({ timeoutMs: 500 });
    const [sam, kim, mallory] = [
      await addUser(t, { email: 'sam.lee@acme.example' }),
      await addUser(t, { email: 'kim@acme.example' }),
      await addUser(t, { email: 'mallory@acme.example' }),
    ];
    const [a, b, c] = await Promise.all([upload(sam, readFixture('leader-week.ics')), upload(mallory, SLOW_SERIES()), upload(kim, readFixture('leader-week-v2.ics'))]);
    expect(a.status).toBe(201);
    expect(c.status).toBe(201);
    expectError(b, 422, 'calendar-timeout');

    // The same file imported in-process into another database gives the same report and rows.
    const reference = openDatabase(':memory:');
    try {
      const leaderId = reference.$client.prepare("insert into leaders (email, settings, created_at) values ('sam.lee@acme.example', '{}', ?) returning id").get(FIXED_NOW) as { id: number };
      const direct = importCalendar(reference, { leaderId: leaderId.id, bytes: readFixture('leader-week.ics'), nowMs: FIXED_NOW });
      const { importId: _a, leaderId: _b, ...isolated } = a.body.import;
      const { importId: _c, leaderId: _d, ...inProcess } = direct;
      expect(isolated).toEqual(JSON.parse(JSON.stringify(inProcess)));
      const rows = (db: typeof reference, id: number) =>
        db.$client.prepare('select uid, recurrence_id, start_ms, end_ms, category, reason, content_hash from events where leader_id = ? order by uid, recurrence_id').all(id);
      expect(rows(t.db, sam.leaderId)).toEqual(rows(reference, leaderId.id));
    } finally {
      reference.$client.close();
    }
  }, 120_000);

  test('a rule saved while the file is being read places what the import writes', async () => {
    const t = appWith({ timeoutMs: 120_000 });
    const sam = await addUser(t, { email: 'sam@acme.example' });
    // Three BYHOUR series: 15,000 occurrences, a second or more to read.
    const importing = upload(sam, manySeriesCalendar(3, 'FREQ=DAILY;BYHOUR=9,10,11,12')).then((res) => ({ res, at: performance.now() }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const rule = await sam.http
      .post(`/api/leaders/${sam.leaderId}/rules`)
      .send({ name: 'Syncs are strategy', conditions: [{ field: 'title', op: 'contains', value: 'Sync' }], category: 'strategic' });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const ruleSavedAt = performance.now();
    const { res, at } = await importing;
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // The rule landed while the file was still being read, so the reading used the old rules.
    expect(ruleSavedAt).toBeLessThan(at);
    const categories = t.db.$client.prepare('select category, count(*) as n from events where leader_id = ? group by category').all(sam.leaderId);
    expect(categories).toEqual([{ category: 'strategic', n: 15_000 }]);
  }, 120_000);
});
