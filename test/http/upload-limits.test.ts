import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app.ts';
import { MAX_CALENDAR_BYTES } from '../../server/domain/ics/decode-text.ts';
import { createCalendarReader } from '../../server/services/calendar-reader.ts';
import { expectError } from '../support/http-checks.ts';
import { addUser, countRows, createTestApp, FIXED_NOW, readFixture, type TestApp, type TestUser } from '../support/test-app.ts';

// Uploads: the size limit holds after decompression, the bytes (not the name or the
// Content-Type) decide what a file is, and one user can start only so many imports.

const apps: Array<TestApp & { closeReader: () => void }> = [];
let clock = FIXED_NOW;

function appWith(importsPerWindow?: number) {
  const t = createTestApp();
  const reader = createCalendarReader();
  const app = createApp({ db: t.db, now: () => clock, log: (error) => t.logged.push(error), calendarReader: reader, ...(importsPerWindow ? { importsPerWindow } : {}) });
  const built = { ...t, app, closeReader: reader.close };
  apps.push(built);
  return built;
}

afterEach(() => {
  clock = FIXED_NOW;
  for (const t of apps.splice(0)) {
    t.closeReader();
    expect(t.logged).toEqual([]);
    t.close();
  }
});

const post = (who: TestUser, body: Buffer | string, type = 'text/calendar', encoding?: string, fileName = 'calendar.ics') => {
  const req = who.http.post(`/api/leaders/${who.leaderId}/imports?fileName=${encodeURIComponent(fileName)}`).set('Content-Type', type);
  return (encoding ? req.set('Content-Encoding', encoding) : req).send(body);
};

describe('the size limit holds after decompression', () => {
  // 24 MB of calendar-looking text, over the 20 MB limit once inflated.
  const bomb = Buffer.alloc(24 * 1024 * 1024, 'BEGIN:VCALENDAR\r\nX-PAD:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n');

  test.each([
    ['gzip', gzipSync(bomb)],
    ['deflate', deflateSync(bomb)],
    ['br', brotliCompressSync(bomb)],
  ] as const)('a %s bomb (small compressed, over 20 MB inflated) gets 413 file-too-large, fast', async (encoding, compressed) => {
    expect(compressed.length).toBeLessThan(MAX_CALENDAR_BYTES / 100);
    const t = appWith();
    const sam = await addUser(t, { email: 'sam@acme.example' });
    const before = countRows(t.db);
    const started = performance.now();
    const res = await post(sam, compressed, 'text/calendar', encoding);
    expectError(res, 413, 'file-too-large');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(countRows(t.db)).toEqual(before);
  });

  test('a 1 GB gzip bomb is cut off at the limit, never inflated whole', async () => {
    // 64 gzip members of 16 MB each: one valid gzip stream of 1 GiB in about 1 MB.
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024, 'BEGIN:VEVENT\r\n'));
    const compressed = Buffer.concat(Array.from({ length: 64 }, () => member));
    const t = appWith();
    const sam = await addUser(t, { email: 'sam@acme.example' });
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const res = await post(sam, compressed, 'text/calendar', 'gzip');
    expectError(res, 413, 'file-too-large');
    // Inflating 1 GiB takes seconds and a gigabyte; stopping at 20 MB takes neither.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
  });

  test('a compressed real calendar is inflated and imported', async () => {
    const t = appWith();
    const sam = await addUser(t, { email: 'sam.lee@acme.example' });
    const res = await post(sam, gzipSync(readFixture('leader-week.ics')), 'text/calendar', 'gzip');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.import.added).toBe(16);
  });
});

describe('the content decides, not the name or the Content-Type', () => {
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]), Buffer.from('word/document.xml')]);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
  test.each([
    ['a ZIP archive (an Office document) named .ics', zip, /is a ZIP archive/],
    ['a gzip file sent as text/calendar', gzipSync(readFixture('leader-week.ics')), /is gzip-compressed/],
    ['a PDF named .ics', pdf, /is a PDF document/],
    ['a PNG named .ics', png, /is a PNG image/],
    ['binary bytes with NULs', Buffer.from([0x42, 0x45, 0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0x47, 0x49]), /binary, not an iCalendar/],
  ] as const)('%s: 400 not-a-calendar saying what it is', async (_name, bytes, says) => {
    const t = appWith();
    const sam = await addUser(t, { email: 'sam@acme.example' });
    const before = countRows(t.db);
    const res = await post(sam, bytes, 'text/calendar', undefined, 'calendar.ics');
    expectError(res, 400, 'not-a-calendar');
    expect(res.body.error.message).toMatch(says);
    expect(countRows(t.db)).toEqual(before);
  });

  test('a real .ics sent as application/octet-stream with another name is imported', async () => {
    const t = appWith();
    const sam = await addUser(t, { email: 'sam.lee@acme.example' });
    const res = await post(sam, readFixture('leader-week.ics'), 'application/octet-stream', undefined, 'export.bin');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.import.added).toBe(16);
  });
});

describe('imports per user are limited', () => {
  test('the 4th import in 10 minutes gets 429 too-many-imports with Retry-After; others are not limited; the window slides', async () => {
    const t = appWith(3);
    const [sam, kim] = [await addUser(t, { email: 'sam.lee@acme.example' }), await addUser(t, { email: 'kim@acme.example' })];
    const week = readFixture('leader-week.ics');
    expect((await post(sam, week)).status).toBe(201);
    clock += 60_000;
    // A refused file counts too: a hostile file costs as much as a good one.
    expectError(await post(sam, Buffer.from([0x89, 0x50, 0x4e, 0x47])), 400, 'not-a-calendar');
    clock += 60_000;
    expect((await post(sam, week)).status).toBe(201);
    const before = countRows(t.db);

    const limited = await post(sam, week);
    expectError(limited, 429, 'too-many-imports');
    // The first of the three leaves the window 8 minutes from now.
    expect(limited.headers['retry-after']).toBe(String(8 * 60));
    expect(limited.body.error.message).toMatch(/3 imports in the last 10 minutes; try again in 8 minutes/);
    expect(countRows(t.db)).toEqual(before);

    expect((await post(kim, readFixture('leader-week-v2.ics'))).status).toBe(201);

    clock += 8 * 60_000;
    expect((await post(sam, week)).status).toBe(201);
    expectError(await post(sam, week), 429, 'too-many-imports');
  });
});
