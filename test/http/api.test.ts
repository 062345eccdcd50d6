import type { Response } from 'supertest';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { COUNTED_IDS, PLACEMENT_IDS } from '../../shared/taxonomy.ts';
import { addUser, clientFor, countRows, createTestApp, readFixture, TEST_PASSWORD, type Client, type TestApp } from '../support/test-app.ts';

// The fixture is Sam Lee's Google export for 2026-03-02..13 (Europe/Berlin); the clock is 2026-03-20.
const SAM = 'sam.lee@acme.example';
const PERIOD = { from: '2026-03-02', to: '2026-03-13' };
const FIXTURE_INSTANCES = 16;

let t: TestApp;
/** Who the requests are made as: nobody until a test creates a leader's account. */
let current: Client;

beforeEach(() => {
  t = createTestApp();
  current = clientFor(t.app, null);
});

afterEach(() => {
  try {
    // Every failure these tests provoke is an expected one: nothing may reach the 500 handler.
    expect(t.logged).toEqual([]);
  } finally {
    t.close();
  }
});

interface EventView {
  id: number;
  uid: string;
  recurrenceId: string | null;
  isRecurring: boolean;
  start: string;
  end: string;
  allDay: boolean;
  summary: string;
  category: string;
  reason: string;
  reasonDetail: { kind: string; scope?: string; ruleId?: string };
  ruleId: string | null;
  exclusionReason: string | null;
  isManual: boolean;
}

function api(): Client {
  return current;
}

/** A leader's account (and so their profile), signed in: the requests that follow are theirs. */
async function createLeader(body: { email: string; name?: string } = { email: SAM, name: 'Sam Lee' }): Promise<number> {
  const who = await addUser(t, body);
  current = who.http;
  return who.leaderId;
}

function sessionToken(res: Response): string {
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('altitude_session='))!;
  return cookie.split(';')[0]!.split('=')[1]!;
}

function postCalendar(leaderId: number, body: Buffer | string, contentType = 'text/calendar') {
  return api().post(`/api/leaders/${leaderId}/imports`).set('Content-Type', contentType).send(body);
}

async function importFixture(leaderId: number, name = 'leader-week.ics') {
  const res = await postCalendar(leaderId, readFixture(name));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.import as { added: number; updated: number; unchanged: number; removed: number; [key: string]: unknown };
}

async function listEvents(leaderId: number, query: Record<string, string | number> = {}): Promise<EventView[]> {
  const res = await api()
    .get(`/api/leaders/${leaderId}/events`)
    .query({ ...PERIOD, limit: 1000, ...query })
    .expect(200);
  return res.body.events as EventView[];
}

async function findEvent(leaderId: number, summary: string, start?: string): Promise<EventView> {
  const found = (await listEvents(leaderId)).filter((e) => e.summary === summary && (!start || e.start.startsWith(start)));
  expect(found, `exactly one "${summary}"${start ? ` on ${start}` : ''}`).toHaveLength(1);
  return found[0]!;
}

async function summary(leaderId: number, query: Record<string, string> = PERIOD) {
  const res = await api().get(`/api/leaders/${leaderId}/summary`).query(query).expect(200);
  return res.body.summary;
}

function expectError(res: Response, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({ error: { code, message: expect.any(String), status, ...(res.body.error?.details ? { details: expect.anything() } : {}) } });
  expect(res.body.error.message.length).toBeGreaterThan(0);
  expectNoStackTrace(res);
}

function expectNoStackTrace(res: Response): void {
  const text = res.text ?? '';
  expect(text).not.toMatch(/\n\s+at\s/);
  expect(text).not.toMatch(/\bat [^\s]+ \(|node_modules|\.ts:\d+|file:\/\//);
}

/** Minutes an event stands for when nothing overlaps it: its length, or a working day per weekday. */
function plainMinutes(event: EventView): number {
  if (!event.allDay) return (Date.parse(event.end) - Date.parse(event.start)) / 60_000;
  let minutes = 0;
  for (let day = Date.parse(`${event.start}T00:00:00Z`); day < Date.parse(`${event.end}T00:00:00Z`); day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) minutes += 480;
  }
  return minutes;
}

describe('health and the home page', () => {
  test('GET /api/health answers ok from the database and is not cached', async () => {
    const res = await api().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  test('GET / serves the web app: HTML that loads its script from a file, with a CSP forbidding inline scripts', async () => {
    const res = await api().get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toMatch(/^<!doctype html>/i);
    expect(res.text).toMatch(/<script type="module"[^>]* src="\/assets\/[^"]+\.js">/);
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  test('a page of the web app other than / is the app too (the browser routes it)', async () => {
    const res = await api().get('/settings').expect(200);
    expect(res.text).toContain('id="main"');
  });
});

describe('leaders', () => {
  test("signing up as a leader creates the leader's profile, returned by list and get, with the e-mail normalised", async () => {
    const res = await clientFor(t.app, null).post('/api/signup').send({ email: '  Sam.Lee@ACME.example ', name: 'Sam Lee', password: TEST_PASSWORD, role: 'leader' }).expect(201);
    expect(res.body.user).toEqual({ id: expect.any(Number), email: SAM, name: 'Sam Lee', role: 'leader', leaderId: expect.any(Number) });
    expect(res.headers['cache-control']).toBe('no-store');
    current = clientFor(t.app, { token: sessionToken(res), csrfToken: res.body.csrfToken });

    const list = await api().get('/api/leaders').expect(200);
    const leader = { id: res.body.user.leaderId, email: SAM, name: 'Sam Lee', timeZone: null, settings: {} };
    expect(list.body.leaders).toEqual([{ ...leader, access: 'owner' }]);
    const one = await api().get(`/api/leaders/${leader.id}`).expect(200);
    expect(one.body.leader).toEqual(leader);
  });

  test('PATCH changes name, zone and settings and keeps what it was not given', async () => {
    const id = await createLeader();
    const res = await api()
      .patch(`/api/leaders/${id}`)
      .send({ timeZone: 'Europe/Lisbon', settings: { planningDaysPerQuarter: 2 } })
      .expect(200);
    expect(res.body.leader).toMatchObject({ id, email: SAM, name: 'Sam Lee', timeZone: 'Europe/Lisbon', settings: { planningDaysPerQuarter: 2 } });
    const renamed = await api().patch(`/api/leaders/${id}`).send({ name: 'Samantha Lee' }).expect(200);
    expect(renamed.body.leader).toMatchObject({ name: 'Samantha Lee', timeZone: 'Europe/Lisbon', settings: { planningDaysPerQuarter: 2 } });
    const stored = await api().get(`/api/leaders/${id}`).expect(200);
    expect(stored.body.leader).toEqual(renamed.body.leader);
  });

  test("changing who is in the leader's unit re-classifies the stored events at once", async () => {
    const id = await createLeader();
    await importFixture(id);
    expect((await findEvent(id, 'Meeting with Globex')).category).toBe('cross-functional');
    // Globex joins the unit (say, after an acquisition): the meeting is no longer with another unit.
    await api().patch(`/api/leaders/${id}`).send({ settings: { unitDomains: ['acme.example', 'globex.example'] } }).expect(200);
    expect(await findEvent(id, 'Meeting with Globex')).toMatchObject({ category: 'unclassified', ruleId: null });
    await api().patch(`/api/leaders/${id}`).send({ settings: { unitDomains: ['acme.example'] } }).expect(200);
    expect((await findEvent(id, 'Meeting with Globex')).category).toBe('cross-functional');
  });

  test('a second account with the same e-mail, in any case, is refused with 409 and not stored', async () => {
    await createLeader();
    const res = await clientFor(t.app, null).post('/api/signup').send({ email: 'SAM.LEE@acme.example', password: TEST_PASSWORD, role: 'leader' });
    expectError(res, 409, 'account-exists');
    expect(countRows(t.db).leaders).toBe(1);
  });

  test.each([
    ['an e-mail that is not an address', { email: 'sam.lee', password: TEST_PASSWORD, role: 'leader' }, 400, 'invalid-email'],
    ['no e-mail', { password: TEST_PASSWORD, role: 'leader' }, 400, 'invalid-request'],
    ['an unknown field', { email: SAM, password: TEST_PASSWORD, role: 'leader', admin: true }, 400, 'invalid-request'],
    ['the administrator role', { email: SAM, password: TEST_PASSWORD, role: 'admin' }, 400, 'invalid-request'],
    ['a short password', { email: SAM, password: 'short', role: 'leader' }, 400, 'weak-password'],
    ['a zone that does not exist', { email: SAM, password: TEST_PASSWORD, role: 'leader', timeZone: 'Europe/Atlantis' }, 400, 'invalid-time-zone'],
  ])('signing up with %s is refused and stores nothing', async (_case, body, status, code) => {
    expectError(await clientFor(t.app, null).post('/api/signup').send(body), status, code);
    expect(countRows(t.db).leaders).toBe(0);
  });

  test('a zone that does not exist is refused on patch', async () => {
    const id = await createLeader();
    expectError(await api().patch(`/api/leaders/${id}`).send({ timeZone: 'Mars/Olympus' }), 400, 'invalid-time-zone');
    expect((await api().get(`/api/leaders/${id}`)).body.leader.timeZone).toBeNull();
  });

  test('settings that are out of range are refused naming the setting', async () => {
    const id = await createLeader();
    const res = await api().patch(`/api/leaders/${id}`).send({ settings: { strategicShareMin: 2 } });
    expectError(res, 400, 'invalid-request');
    expect(res.body.error.message).toContain('body.settings.strategicShareMin');
  });

  test('an unknown leader id is 404 on get, patch and every nested route; a non-numeric id is 400', async () => {
    await createLeader();
    expectError(await api().get('/api/leaders/999'), 404, 'not-found');
    expectError(await api().patch('/api/leaders/999').send({ name: 'x' }), 404, 'not-found');
    expectError(await api().get('/api/leaders/999/summary'), 404, 'not-found');
    expectError(await api().get('/api/leaders/999/events'), 404, 'not-found');
    expectError(await api().get('/api/leaders/999/rules'), 404, 'not-found');
    expectError(await api().get('/api/leaders/999/imports'), 404, 'not-found');
    const bad = await api().get('/api/leaders/abc');
    expectError(bad, 400, 'invalid-request');
    expect(bad.body.error.message).toContain('path.leaderId');
  });
});

describe('imports', () => {
  test('importing the export stores every instance and reports the counts', async () => {
    const id = await createLeader();
    const result = await importFixture(id);
    expect(result).toMatchObject({
      leaderId: id,
      source: 'primary',
      timeZone: 'Europe/Berlin',
      blocks: 16,
      instances: FIXTURE_INSTANCES,
      added: FIXTURE_INSTANCES,
      updated: 0,
      unchanged: 0,
      removed: 0,
      excluded: { personal: 1, declined: 1, cancelled: 1, free: 1 },
      unclassified: 1,
    });
    // The only entry says which zone days are counted in: the file's declared one.
    expect(result.issues).toEqual([{ severity: 'info', code: 'time-zone', message: 'Days and periods are counted in Europe/Berlin (the calendar’s declared zone).' }]);
    expect(countRows(t.db)).toMatchObject({ sources: 1, imports: 1, events: FIXTURE_INSTANCES });
    // The first import gives the leader the calendar's zone.
    expect((await api().get(`/api/leaders/${id}`)).body.leader.timeZone).toBe('Europe/Berlin');
  });

  test('the series is stored as its instances: the EXDATE is gone and the override is at its new time', async () => {
    const id = await createLeader();
    await importFixture(id);
    const oneOnOnes = (await listEvents(id, { from: '2026-03-01', to: '2026-03-31' })).filter((e) => e.summary === '1:1 Sam / Priya');
    expect(oneOnOnes.map((e) => [e.start, e.recurrenceId !== null, e.isRecurring])).toEqual([
      ['2026-03-02T10:00:00+01:00', true, true],
      ['2026-03-10T15:00:00+01:00', true, true],
    ]);
    expect(new Set(oneOnOnes.map((e) => e.uid)).size).toBe(1);
  });

  test('re-importing the same file adds nothing: 0 added, 0 updated, all unchanged', async () => {
    const id = await createLeader();
    await importFixture(id);
    const before = await listEvents(id);
    const again = await importFixture(id);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: FIXTURE_INSTANCES, removed: 0 });
    expect(countRows(t.db)).toMatchObject({ imports: 2, events: FIXTURE_INSTANCES });
    expect(await listEvents(id)).toEqual(before);
  });

  test('importing a newer export updates the changed event in place, removes the deleted one and adds the new one', async () => {
    const id = await createLeader();
    await importFixture(id);
    const globex = await findEvent(id, 'Meeting with Globex');

    // v2 was exported two days later: every DTSTAMP differs, only three events really changed.
    const result = await importFixture(id, 'leader-week-v2.ics');
    expect(result).toMatchObject({ added: 1, updated: 1, unchanged: FIXTURE_INSTANCES - 2, removed: 1 });

    const events = await listEvents(id);
    const renamed = events.find((e) => e.uid === globex.uid)!;
    expect(renamed).toMatchObject({ id: globex.id, summary: 'Meeting with Globex (Hamburg)', category: 'cross-functional' });
    expect(events.some((e) => e.summary === 'Inbox & approvals')).toBe(false);
    expect(events.find((e) => e.summary === 'Succession planning prep')).toMatchObject({ category: 'organisational-planning' });
    expect(events).toHaveLength(FIXTURE_INSTANCES);
    expect(countRows(t.db).events).toBe(FIXTURE_INSTANCES);
  });

  test('a manual category decision set before a re-import survives it, also when the event changed', async () => {
    const id = await createLeader();
    await importFixture(id);
    const globex = await findEvent(id, 'Meeting with Globex');
    const focus = await findEvent(id, 'Focus time');
    await api().put(`/api/leaders/${id}/events/${globex.id}/category`).send({ category: 'operational' }).expect(200);
    await api().put(`/api/leaders/${id}/events/${focus.id}/category`).send({ category: 'strategic' }).expect(200);

    await importFixture(id);
    await importFixture(id, 'leader-week-v2.ics');

    const events = await listEvents(id);
    expect(events.find((e) => e.uid === globex.uid)).toMatchObject({ summary: 'Meeting with Globex (Hamburg)', category: 'operational', isManual: true });
    expect(events.find((e) => e.uid === focus.uid)).toMatchObject({ category: 'strategic', isManual: true });
  });

  test('the same meeting imported from two of the leader\'s calendars is counted once', async () => {
    const id = await createLeader();
    await importFixture(id);
    const before = await summary(id);
    const delegate = await api()
      .post(`/api/leaders/${id}/imports`)
      .query({ source: 'assistant-copy' })
      .set('Content-Type', 'text/calendar')
      .send(readFixture('leader-week.ics'))
      .expect(201);
    expect(delegate.body.import).toMatchObject({ source: 'assistant-copy', added: FIXTURE_INSTANCES });
    expect(countRows(t.db)).toMatchObject({ sources: 2, events: 2 * FIXTURE_INSTANCES });
    // The figures are the same; the report now has each calendar's entries.
    const { issues: _issues, ...figures } = await summary(id);
    const { issues: _before, ...figuresBefore } = before;
    expect(figures).toEqual(figuresBefore);
    expect(await listEvents(id)).toHaveLength(FIXTURE_INSTANCES);
  });

  test("importing someone else's calendar stores it and warns that it looks like theirs", async () => {
    const id = await createLeader({ email: 'noor.haddad@acme.example' });
    const result = await importFixture(id);
    expect(result.added).toBe(FIXTURE_INSTANCES);
    expect((result.issues as Array<{ code: string }>).filter((i) => i.code !== 'time-zone')).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'identity-mismatch', message: expect.stringContaining(SAM) }),
    ]);
    expect((await summary(id)).issues).toEqual(result.issues);
  });

  test('an import window that holds none of the events adds nothing, removes nothing and says why', async () => {
    const id = await createLeader();
    await importFixture(id);
    const res = await api()
      .post(`/api/leaders/${id}/imports`)
      .query({ from: '2026-04-01', to: '2026-06-30' })
      .set('Content-Type', 'text/calendar')
      .send(readFixture('leader-week-v2.ics'))
      .expect(201);
    expect(res.body.import).toMatchObject({ window: { from: '2026-04-01', to: '2026-06-30' }, instances: 0, added: 0, updated: 0, unchanged: 0, removed: 0 });
    // 15: the 16 VEVENTs of v2 less the override, which belongs to its series.
    expect(res.body.import.issues.filter((i: { code: string }) => i.code !== 'time-zone')).toEqual([
      expect.objectContaining({ code: 'outside-window', message: expect.stringContaining('15 events or series have no occurrence inside the import window') }),
    ]);
    expect(await listEvents(id)).toHaveLength(FIXTURE_INSTANCES);
  });

  test('the imports of a leader are listed newest first, each with its counts and report', async () => {
    const id = await createLeader();
    await importFixture(id);
    const second = (await api()
      .post(`/api/leaders/${id}/imports`)
      .query({ fileName: 'sam-v2.ics' })
      .set('Content-Type', 'text/calendar; charset=utf-8')
      .send(readFixture('leader-week-v2.ics'))
      .expect(201)).body.import;
    const list = await api().get(`/api/leaders/${id}/imports`).expect(200);
    expect(list.body.imports.map((i: { id: number; fileName: string | null; added: number }) => [i.id, i.fileName, i.added])).toEqual([
      [second.importId, 'sam-v2.ics', 1],
      [expect.any(Number), null, FIXTURE_INSTANCES],
    ]);
    const one = await api().get(`/api/leaders/${id}/imports/${second.importId}`).expect(200);
    expect(one.body.import).toMatchObject({ id: second.importId, source: 'primary', calendarZone: 'Europe/Berlin', issues: [expect.objectContaining({ code: 'time-zone' })] });
    // The honest count is stored with the import: read = added + updated + unchanged + rejected.
    expect(one.body.import).toMatchObject({ parsed: FIXTURE_INSTANCES, added: 1, updated: 1, unchanged: FIXTURE_INSTANCES - 2, rejected: { total: 0, reasons: {} } });
    expectError(await api().get(`/api/leaders/${id}/imports/9999`), 404, 'not-found');
  });

  describe('a refused upload writes nothing at all', () => {
    const LARGE = 20 * 1024 * 1024 + 1; // one byte over MAX_CALENDAR_BYTES in server/domain/ics/decode-text.ts

    function oversized(): Buffer {
      const body = Buffer.alloc(LARGE, 'X');
      body.write('BEGIN:VCALENDAR\r\nX-PADDING:');
      return body;
    }

    test.each([
      ['text that is not a calendar', () => postCalendar(1, 'Subject: minutes of the board meeting\r\n\r\nHello all,'), 400, 'not-a-calendar'],
      ['a binary file sent as a calendar', () => postCalendar(1, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'application/octet-stream'), 400, 'not-a-calendar'],
      ['an empty body', () => postCalendar(1, Buffer.alloc(0)), 400, 'empty-file'],
      ['a form upload instead of the file', () => postCalendar(1, readFixture('leader-week.ics'), 'multipart/form-data; boundary=xyz'), 415, 'unsupported-media-type'],
      ['JSON instead of the file', () => postCalendar(1, JSON.stringify({ ics: 'BEGIN:VCALENDAR' }), 'application/json'), 415, 'unsupported-media-type'],
      ['a body over the size limit', () => postCalendar(1, oversized()), 413, 'file-too-large'],
      ['an unknown query parameter', () => api().post('/api/leaders/1/imports?overwrite=1').set('Content-Type', 'text/calendar').send(readFixture('leader-week.ics')), 400, 'invalid-request'],
      ['an import window that ends before it starts', () => api().post('/api/leaders/1/imports?from=2026-04-01&to=2026-03-01').set('Content-Type', 'text/calendar').send(readFixture('leader-week.ics')), 400, 'invalid-period'],
    ] as const)('%s is refused and leaves every table as it was', async (_case, send, status, code) => {
      const id = await createLeader();
      expect(id).toBe(1);
      const before = countRows(t.db);
      expectError(await send(), status, code);
      expect(countRows(t.db)).toEqual(before);
      expect((await api().get(`/api/leaders/${id}`)).body.leader.timeZone).toBeNull();
    });

    test('a refused re-import leaves the stored events and their categories untouched', async () => {
      const id = await createLeader();
      await importFixture(id);
      const before = countRows(t.db);
      const events = await listEvents(id);
      expectError(await postCalendar(id, 'BEGIN:VCARD\r\nFN:Sam Lee\r\nEND:VCARD\r\n'), 400, 'not-a-calendar');
      expect(countRows(t.db)).toEqual(before);
      expect(await listEvents(id)).toEqual(events);
    });

    test('an import for an unknown leader is 404 and creates nothing', async () => {
      await createLeader();
      expectError(await postCalendar(42, readFixture('leader-week.ics')), 404, 'not-found');
      expect(countRows(t.db)).toEqual({ leaders: 1, sources: 0, imports: 0, events: 0, rules: 0, manual_decisions: 0 });
    });
  });
});

describe('summary', () => {
  test('the summary has minutes and shares for the five categories plus unclassified, planning per quarter and flags', async () => {
    const id = await createLeader();
    await importFixture(id);
    const s = await summary(id);
    expect(s.period).toEqual({ ...PERIOD, timeZone: 'Europe/Berlin' });
    expect(Object.keys(s.minutes).sort()).toEqual([...COUNTED_IDS].sort());
    expect(Object.keys(s.shares).sort()).toEqual([...COUNTED_IDS].sort());
    expect(s.minutes).toEqual({
      operational: 180, // status update, leadership team meeting, inbox
      strategic: 120, // strategy session
      developmental: 150, // two 1:1s and coaching
      'cross-functional': 120, // Globex, steering committee
      'organisational-planning': 600, // talent review and the all-day planning day
      unclassified: 120, // focus time
    });
    expect(s.countedMinutes).toBe(1290);
    for (const id of COUNTED_IDS) expect(s.shares[id]).toBeCloseTo(s.minutes[id] / s.countedMinutes, 10);
    expect(COUNTED_IDS.reduce((sum, id) => sum + s.shares[id], 0)).toBeCloseTo(1, 10);
    expect(s.planning).toEqual([{ quarter: '2026-Q1', protectedDays: 1, heldDays: 1, scheduledDays: 0, dates: ['2026-03-06'] }]);
    expect(s.flags.map((f: { code: string }) => f.code)).toEqual(['low-strategic-share', 'missing-planning-days']);
    expect(s.flags[0]).toMatchObject({ share: 120 / 1290, threshold: 0.2 });
    expect(s.flags[1]).toMatchObject({ quarter: '2026-Q1', protectedDays: 1, target: 3 });
    expect(s.eventCount).toBe(FIXTURE_INSTANCES);
    expect(s).not.toHaveProperty('events');
  });

  test('the summary figures agree with the events list', async () => {
    const id = await createLeader();
    await importFixture(id);
    const s = await summary(id);
    const events = await listEvents(id);
    expect(events).toHaveLength(s.eventCount);
    const fromList = Object.fromEntries(COUNTED_IDS.map((c) => [c, 0])) as Record<string, number>;
    // Nothing in the fixture overlaps, so each counted event stands for its full length.
    for (const event of events) if (event.category !== 'excluded') fromList[event.category]! += plainMinutes(event);
    expect(fromList).toEqual(s.minutes);
  });

  test('a later period without events has no counted time and no share flag, and still judges the quarter', async () => {
    const id = await createLeader();
    await importFixture(id);
    const s = await summary(id, { from: '2026-03-16', to: '2026-03-20' });
    expect(s.countedMinutes).toBe(0);
    expect(Object.values(s.shares)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(s.flags.map((f: { code: string }) => f.code)).toEqual(['missing-planning-days']);
    expect(s.planning[0]).toMatchObject({ quarter: '2026-Q1', heldDays: 1 });
  });

  test('a summary before anything was imported is 404 no-data', async () => {
    const id = await createLeader();
    expectError(await api().get(`/api/leaders/${id}/summary`), 404, 'no-data');
  });

  test.each([
    ['a date that is not YYYY-MM-DD', { from: '02.03.2026' }, 'invalid-request', 'query.from'],
    ['a date that does not exist', { from: '2026-02-30' }, 'invalid-period', 'from'],
    ['from after to', { from: '2026-03-13', to: '2026-03-02' }, 'invalid-period', 'after'],
    ['an unknown zone', { tz: 'Mars/Olympus' }, 'invalid-time-zone', 'Mars/Olympus'],
    ['an unknown parameter', { start: '2026-03-02' }, 'invalid-request', 'query'],
  ])('a summary with %s is 400 and names the problem', async (_case, query, code, named) => {
    const id = await createLeader();
    await importFixture(id);
    const res = await api().get(`/api/leaders/${id}/summary`).query(query);
    expectError(res, 400, code);
    expect(res.body.error.message).toContain(named);
  });
});

describe('events', () => {
  test('every event carries its category and the reason it is there', async () => {
    const id = await createLeader();
    await importFixture(id);
    const res = await api().get(`/api/leaders/${id}/events`).query(PERIOD).expect(200);
    expect(res.body.period).toEqual({ ...PERIOD, timeZone: 'Europe/Berlin' });
    expect(res.body.total).toBe(FIXTURE_INSTANCES);
    for (const event of res.body.events as EventView[]) {
      expect(PLACEMENT_IDS).toContain(event.category);
      expect(event.reason.length).toBeGreaterThan(10);
      if (event.category === 'unclassified') expect(event.reasonDetail).toEqual({ kind: 'none' });
      else expect(event.reasonDetail.kind).toBe('rule');
    }
    const talent = (res.body.events as EventView[]).find((e) => e.summary === 'Talent review Q1')!;
    expect(talent).toMatchObject({ category: 'organisational-planning', ruleId: 'default:purpose-unit-talent-and-design' });
    expect(talent.reason).toContain('talent');
  });

  test('the category filter returns that category only, with the exclusion reason of each excluded event', async () => {
    const id = await createLeader();
    await importFixture(id);
    const excluded = await listEvents(id, { category: 'excluded' });
    expect(excluded.map((e) => [e.summary, e.exclusionReason])).toEqual([
      ['Lunch', 'personal'],
      ['Budget review FY27', 'declined'],
      ['Vendor escalation call', 'cancelled'],
      ['Webinar: AI in manufacturing', 'free'],
    ]);
    const developmental = await listEvents(id, { category: 'developmental' });
    expect(developmental.map((e) => e.summary)).toEqual(['1:1 Sam / Priya', '1:1 Sam / Priya', 'Coaching with Marta']);
    expect(await listEvents(id, { category: 'unclassified' })).toEqual([expect.objectContaining({ summary: 'Focus time' })]);
  });

  test('the search text matches titles and locations whatever the case', async () => {
    const id = await createLeader();
    await importFixture(id);
    expect((await listEvents(id, { q: 'GLOBEX' })).map((e) => e.summary)).toEqual(['Meeting with Globex']);
    expect((await listEvents(id, { q: 'room alster' })).map((e) => e.summary)).toEqual([
      'Strategy session: 2027 priorities',
      'Talent review Q1',
      'Leadership team meeting',
    ]);
    expect((await listEvents(id, { q: 'review', category: 'excluded' })).map((e) => e.summary)).toEqual(['Budget review FY27']);
    expect(await listEvents(id, { q: 'nothing like this' })).toEqual([]);
  });

  test('limit and offset page through the list while total stays the full count', async () => {
    const id = await createLeader();
    await importFixture(id);
    const all = await listEvents(id);
    const page = await api().get(`/api/leaders/${id}/events`).query({ ...PERIOD, limit: 5, offset: 5 }).expect(200);
    expect(page.body.total).toBe(FIXTURE_INSTANCES);
    expect(page.body.events).toEqual(all.slice(5, 10));
  });

  test('the events list in another zone shows the same events at that wall clock; an unknown zone is 400', async () => {
    const id = await createLeader();
    await importFixture(id);
    const inNewYork = await listEvents(id, { tz: 'America/New_York' });
    expect(inNewYork.find((e) => e.summary === 'Strategy session: 2027 priorities')!.start).toBe('2026-03-04T03:00:00-05:00');
    const res = await api().get(`/api/leaders/${id}/events`).query({ tz: 'Europe/Atlantis' });
    expectError(res, 400, 'invalid-time-zone');
    expect(res.body.error.message).toContain('Europe/Atlantis');
  });

  test('an unknown category filter is 400 invalid-request naming query.category', async () => {
    const id = await createLeader();
    await importFixture(id);
    const res = await api().get(`/api/leaders/${id}/events`).query({ category: 'meetings' });
    expectError(res, 400, 'invalid-request');
    expect(res.body.error.message).toContain('query.category');
  });
});

describe('manual category decisions', () => {
  test('a decision for one event moves that event only and the summary follows', async () => {
    const id = await createLeader();
    await importFixture(id);
    const focus = await findEvent(id, 'Focus time');
    const res = await api().put(`/api/leaders/${id}/events/${focus.id}/category`).send({ category: 'strategic', scope: 'event' }).expect(200);
    expect(res.body.moved).toBe(1);
    expect(res.body.event).toMatchObject({ id: focus.id, category: 'strategic', isManual: true, reasonDetail: { kind: 'manual', scope: 'event' } });
    expect(res.body.event.reason).toContain('manual');
    const s = await summary(id);
    expect(s.minutes).toMatchObject({ strategic: 240, unclassified: 0 });
  });

  test('a decision for the series moves every instance, the moved override included', async () => {
    const id = await createLeader();
    await importFixture(id);
    const first = await findEvent(id, '1:1 Sam / Priya', '2026-03-02');
    const res = await api().put(`/api/leaders/${id}/events/${first.id}/category`).send({ category: 'operational', scope: 'series' }).expect(200);
    expect(res.body.moved).toBe(2);
    const instances = (await listEvents(id)).filter((e) => e.uid === first.uid);
    expect(instances).toHaveLength(2);
    for (const instance of instances) expect(instance).toMatchObject({ category: 'operational', reasonDetail: { kind: 'manual', scope: 'series' } });
    // An event decision outranks the series decision.
    const moved = instances.find((e) => e.start.startsWith('2026-03-10'))!;
    await api().put(`/api/leaders/${id}/events/${moved.id}/category`).send({ category: 'developmental' }).expect(200);
    const after = (await listEvents(id)).filter((e) => e.uid === first.uid).map((e) => e.category);
    expect(after).toEqual(['operational', 'developmental']);
  });

  test('a series decision survives a rule change, and clearing it lets the rules place the series again', async () => {
    const id = await createLeader();
    await importFixture(id);
    const first = await findEvent(id, '1:1 Sam / Priya', '2026-03-02');
    await api().put(`/api/leaders/${id}/events/${first.id}/category`).send({ category: 'operational', scope: 'series' }).expect(200);

    const rule = await api()
      .post(`/api/leaders/${id}/rules`)
      .send({ name: '1:1s are strategic', conditions: [{ field: 'title', op: 'contains', value: '1:1' }], category: 'strategic' })
      .expect(201);
    expect(rule.body.moved).toBe(0);
    expect((await listEvents(id)).filter((e) => e.uid === first.uid).map((e) => e.category)).toEqual(['operational', 'operational']);

    const cleared = await api().delete(`/api/leaders/${id}/events/${first.id}/category`).query({ scope: 'series' }).expect(200);
    expect(cleared.body.moved).toBe(2);
    expect(cleared.body.event).toMatchObject({ category: 'strategic', isManual: false, ruleId: rule.body.rule.id });
    expect((await listEvents(id)).filter((e) => e.uid === first.uid).map((e) => e.category)).toEqual(['strategic', 'strategic']);
    // Gone for good: clearing again finds nothing to clear.
    expectError(await api().delete(`/api/leaders/${id}/events/${first.id}/category`).query({ scope: 'series' }), 404, 'not-found');
  });

  test('clearing an event decision returns the event to its default rule', async () => {
    const id = await createLeader();
    await importFixture(id);
    const talent = await findEvent(id, 'Talent review Q1');
    await api().put(`/api/leaders/${id}/events/${talent.id}/category`).send({ category: 'developmental' }).expect(200);
    const res = await api().delete(`/api/leaders/${id}/events/${talent.id}/category`).expect(200);
    expect(res.body).toMatchObject({ moved: 1, event: { category: 'organisational-planning', ruleId: 'default:purpose-unit-talent-and-design' } });
    expect(countRows(t.db).manual_decisions).toBe(0);
  });

  test('excluding an event by hand records the exclusion reason and takes it out of counted time', async () => {
    const id = await createLeader();
    await importFixture(id);
    const coaching = await findEvent(id, 'Coaching with Marta');
    const res = await api()
      .put(`/api/leaders/${id}/events/${coaching.id}/category`)
      .send({ category: 'excluded', exclusionReason: 'personal' })
      .expect(200);
    expect(res.body.event).toMatchObject({ category: 'excluded', exclusionReason: 'personal', isManual: true });
    expect((await summary(id)).minutes.developmental).toBe(90);
  });

  test('bad decisions are refused and change nothing', async () => {
    const id = await createLeader();
    await importFixture(id);
    const talent = await findEvent(id, 'Talent review Q1');
    const url = `/api/leaders/${id}/events/${talent.id}/category`;
    expectError(await api().put(url).send({ category: 'operational', scope: 'series' }), 400, 'not-a-series');
    const unassignable = await api().put(url).send({ category: 'unclassified' });
    expectError(unassignable, 400, 'invalid-request');
    expect(unassignable.body.error.message).toContain('body.category');
    expectError(await api().put(`/api/leaders/${id}/events/99999/category`).send({ category: 'operational' }), 404, 'not-found');
    expectError(await api().delete(url), 404, 'not-found');
    expect(countRows(t.db).manual_decisions).toBe(0);
    expect(await findEvent(id, 'Talent review Q1')).toEqual(talent);
  });
});

describe('rules', () => {
  const focusIsStrategic = { name: 'Focus time is strategic', conditions: [{ field: 'title', op: 'equals', value: 'Focus time' }], category: 'strategic' };

  test('creating, changing and deleting a rule re-classifies the stored events at once', async () => {
    const id = await createLeader();
    await importFixture(id);
    const created = await api().post(`/api/leaders/${id}/rules`).send(focusIsStrategic).expect(201);
    expect(created.body).toMatchObject({ moved: 1, rule: { id: expect.stringMatching(/^user:\d+$/), origin: 'user', name: 'Focus time is strategic', enabled: true, match: 'all', stage: 'classification' } });
    const ruleId = Number(created.body.rule.id.slice('user:'.length));
    const focus = await findEvent(id, 'Focus time');
    expect(focus).toMatchObject({ category: 'strategic', ruleId: `user:${ruleId}` });
    expect(focus.reason).toContain('Focus time is strategic');

    const listed = await api().get(`/api/leaders/${id}/rules`).expect(200);
    expect(listed.body.rules).toEqual([created.body.rule]);
    expect(listed.body.defaults.length).toBeGreaterThan(10);

    const changed = await api()
      .put(`/api/leaders/${id}/rules/${ruleId}`)
      .send({ ...focusIsStrategic, name: 'Focus time develops me', category: 'developmental' })
      .expect(200);
    expect(changed.body).toMatchObject({ moved: 1, rule: { id: `user:${ruleId}`, category: 'developmental' } });
    expect((await findEvent(id, 'Focus time')).category).toBe('developmental');

    const deleted = await api().delete(`/api/leaders/${id}/rules/${ruleId}`).expect(200);
    expect(deleted.body).toEqual({ moved: 1 });
    expect(await findEvent(id, 'Focus time')).toMatchObject({ category: 'unclassified', ruleId: null });
    expect(countRows(t.db).rules).toBe(0);
  });

  test('a rule that places an event where it already is moves nothing but becomes its reason', async () => {
    const id = await createLeader();
    await importFixture(id);
    const res = await api()
      .post(`/api/leaders/${id}/rules`)
      .send({ name: 'Talent reviews build the unit', conditions: [{ field: 'title', op: 'starts-with', value: 'talent review' }], category: 'organisational-planning' })
      .expect(201);
    expect(res.body.moved).toBe(0);
    expect(await findEvent(id, 'Talent review Q1')).toMatchObject({ category: 'organisational-planning', ruleId: res.body.rule.id });
  });

  test('a disabled rule places nothing', async () => {
    const id = await createLeader();
    await importFixture(id);
    const res = await api().post(`/api/leaders/${id}/rules`).send({ ...focusIsStrategic, enabled: false }).expect(201);
    expect(res.body.moved).toBe(0);
    expect((await findEvent(id, 'Focus time')).category).toBe('unclassified');
  });

  test('an exclusion rule with its reason takes events out of counted time', async () => {
    const id = await createLeader();
    await importFixture(id);
    const res = await api()
      .post(`/api/leaders/${id}/rules`)
      .send({ name: 'Globex is not my job', stage: 'exclusion', conditions: [{ field: 'attendeeDomain', op: 'one-of', value: ['globex.example'] }], category: 'excluded', exclusionReason: 'other' })
      .expect(201);
    expect(res.body.moved).toBe(1);
    expect(await findEvent(id, 'Meeting with Globex')).toMatchObject({ category: 'excluded', exclusionReason: 'other' });
    expect((await summary(id)).minutes['cross-functional']).toBe(60);
  });

  test('PUT rules/order sets which of two matching rules wins', async () => {
    const id = await createLeader();
    await importFixture(id);
    const statusRule = await api()
      .post(`/api/leaders/${id}/rules`)
      .send({ name: 'Status is strategic', conditions: [{ field: 'title', op: 'contains', value: 'status' }], category: 'strategic' })
      .expect(201);
    const weeklyRule = await api()
      .post(`/api/leaders/${id}/rules`)
      .send({ name: 'Weekly is developmental', conditions: [{ field: 'title', op: 'contains', value: 'weekly' }], category: 'developmental' })
      .expect(201);
    expect((await findEvent(id, 'Weekly ops status update')).category).toBe('strategic');

    const [a, b] = [statusRule, weeklyRule].map((r) => Number(r.body.rule.id.slice('user:'.length)));
    const res = await api().put(`/api/leaders/${id}/rules/order`).send({ ruleIds: [b, a] }).expect(200);
    expect(res.body.moved).toBe(1);
    expect(res.body.rules.map((r: { id: string }) => r.id)).toEqual([`user:${b}`, `user:${a}`]);
    expect(await findEvent(id, 'Weekly ops status update')).toMatchObject({ category: 'developmental', ruleId: `user:${b}` });

    expectError(await api().put(`/api/leaders/${id}/rules/order`).send({ ruleIds: [b] }), 400, 'invalid-order');
    expectError(await api().put(`/api/leaders/${id}/rules/order`).send({ ruleIds: [a, a] }), 400, 'invalid-order');
  });

  test.each([
    ['an operator that does not apply to the field', { conditions: [{ field: 'attendeeCount', op: 'contains', value: 'x' }] }, 'body.conditions.0', 'attendeeCount'],
    ['an operator that does not exist', { conditions: [{ field: 'title', op: 'like', value: 'x' }] }, 'body.conditions.0.op', ''],
    ['an unknown field', { conditions: [{ field: 'colour', op: 'equals', value: 'red' }] }, 'body.conditions.0.field', ''],
    ['a regular expression that does not compile', { conditions: [{ field: 'title', op: 'matches', value: '(focus' }] }, 'body.conditions.0.value', 'not a valid regular expression'],
    ['a value of the wrong type', { conditions: [{ field: 'durationMinutes', op: 'at-least', value: 'sixty' }] }, 'body.conditions.0.value', 'number'],
    ['a value outside the enum', { conditions: [{ field: 'status', op: 'is', value: 'postponed' }] }, 'body.conditions.0.value', 'postponed'],
    ['no conditions', { conditions: [] }, 'body.conditions', ''],
    ['an exclusion without exclusionReason', { category: 'excluded' }, 'body.exclusionReason', ''],
    ['an exclusionReason on a category', { exclusionReason: 'personal' }, 'body.exclusionReason', ''],
    ['unclassified as the category', { category: 'unclassified' }, 'body.category', ''],
  ])('a rule with %s is 400 invalid-request naming the field, and nothing is stored', async (_case, patch, field, detail) => {
    const id = await createLeader();
    await importFixture(id);
    const before = await listEvents(id);
    const res = await api().post(`/api/leaders/${id}/rules`).send({ ...focusIsStrategic, ...patch });
    expectError(res, 400, 'invalid-request');
    expect(res.body.error.message).toContain(field);
    expect(res.body.error.message).toContain(detail);
    expect(countRows(t.db).rules).toBe(0);
    expect(await listEvents(id)).toEqual(before);
    // The same rule is refused as an update and as a preview.
    const preview = await api().post(`/api/leaders/${id}/rules/preview`).send({ rule: { ...focusIsStrategic, ...patch } });
    expectError(preview, 400, 'invalid-request');
    expect(preview.body.error.message).toContain(field.replace(/^body/, 'body.rule'));
  });

  test('an invalid rule sent as an update leaves the stored rule and the events as they were', async () => {
    const id = await createLeader();
    await importFixture(id);
    const created = await api().post(`/api/leaders/${id}/rules`).send(focusIsStrategic).expect(201);
    const ruleId = created.body.rule.id.slice('user:'.length);
    const res = await api()
      .put(`/api/leaders/${id}/rules/${ruleId}`)
      .send({ ...focusIsStrategic, conditions: [{ field: 'title', op: 'matches', value: '[' }] });
    expectError(res, 400, 'invalid-request');
    expect((await api().get(`/api/leaders/${id}/rules`)).body.rules).toEqual([created.body.rule]);
    expect((await findEvent(id, 'Focus time')).category).toBe('strategic');
  });

  test('changing or deleting a rule that does not exist is 404', async () => {
    const id = await createLeader();
    expectError(await api().put(`/api/leaders/${id}/rules/77`).send(focusIsStrategic), 404, 'not-found');
    expectError(await api().delete(`/api/leaders/${id}/rules/77`), 404, 'not-found');
    expectError(await api().post(`/api/leaders/999/rules`).send(focusIsStrategic), 404, 'not-found');
  });

  test("a rule of another leader can be neither changed nor deleted", async () => {
    const sam = await addUser(t, { email: SAM });
    const noor = await addUser(t, { email: 'noor.haddad@acme.example' });
    const created = await sam.http.post(`/api/leaders/${sam.leaderId}/rules`).send(focusIsStrategic).expect(201);
    const ruleId = created.body.rule.id.slice('user:'.length);
    // Through Noor's own profile the rule is not hers; through Sam's, Noor is not allowed in.
    expectError(await noor.http.put(`/api/leaders/${noor.leaderId}/rules/${ruleId}`).send(focusIsStrategic), 404, 'not-found');
    expectError(await noor.http.delete(`/api/leaders/${noor.leaderId}/rules/${ruleId}`), 404, 'not-found');
    expectError(await noor.http.put(`/api/leaders/${sam.leaderId}/rules/${ruleId}`).send(focusIsStrategic), 404, 'not-found');
    expectError(await noor.http.delete(`/api/leaders/${sam.leaderId}/rules/${ruleId}`), 404, 'not-found');
    expect(countRows(t.db).rules).toBe(1);
  });

  test('a preview lists the events that would move and writes nothing', async () => {
    const id = await createLeader();
    await importFixture(id);
    const before = countRows(t.db);
    const events = await listEvents(id);
    const res = await api()
      .post(`/api/leaders/${id}/rules/preview`)
      .send({ rule: { name: 'Reviews are strategic', conditions: [{ field: 'title', op: 'contains', value: 'review' }], category: 'strategic' } })
      .expect(200);
    // The talent review moves; the declined budget review stays excluded (exclusions run first).
    expect(res.body.preview).toEqual({
      total: 1,
      moves: { 'organisational-planning -> strategic': 1 },
      changes: [{ eventId: (await findEvent(id, 'Talent review Q1')).id, summary: 'Talent review Q1', start: '2026-03-05T13:00:00+01:00', from: 'organisational-planning', to: 'strategic' }],
    });
    expect(countRows(t.db)).toEqual(before);
    expect(await listEvents(id)).toEqual(events);
  });

  test('a preview of an edit compares the edited rule with the stored one', async () => {
    const id = await createLeader();
    await importFixture(id);
    const created = await api().post(`/api/leaders/${id}/rules`).send(focusIsStrategic).expect(201);
    const ruleId = Number(created.body.rule.id.slice('user:'.length));
    const res = await api()
      .post(`/api/leaders/${id}/rules/preview`)
      .send({ rule: { ...focusIsStrategic, category: 'operational' }, replacing: ruleId })
      .expect(200);
    expect(res.body.preview).toMatchObject({ total: 1, moves: { 'strategic -> operational': 1 } });
    expect((await findEvent(id, 'Focus time')).category).toBe('strategic');
    expectError(await api().post(`/api/leaders/${id}/rules/preview`).send({ rule: focusIsStrategic, replacing: 4242 }), 404, 'not-found');
  });
});

describe('errors and headers', () => {
  test('an unknown API route is 404 in the error envelope, not cached', async () => {
    const res = await api().get('/api/reports/latest');
    expectError(res, 404, 'not-found');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expectError(await api().delete('/api/leaders'), 404, 'not-found');
  });

  test('an unknown API route is 404 in the error envelope', async () => {
    expectError(await api().get('/api/reports/2026'), 404, 'not-found');
  });

  test('a non-GET request outside the API is 404 in the error envelope', async () => {
    expectError(await api().post('/reports/2026'), 404, 'not-found');
  });

  test('invalid JSON is 400 invalid-json in the error envelope', async () => {
    const res = await api().post('/api/leaders').set('Content-Type', 'application/json').send('{"email": "sam.lee@acme.example",');
    expectError(res, 400, 'invalid-json');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(countRows(t.db).leaders).toBe(0);
  });

  test('a JSON body over the limit is 413 in the error envelope', async () => {
    const res = await api()
      .post('/api/leaders')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: SAM, name: 'x'.repeat(1024 * 1024 + 10) }));
    expectError(res, 413, 'body-too-large');
  });

  test('reference routes answer with the taxonomy and the rule vocabulary', async () => {
    const taxonomy = await api().get('/api/taxonomy').expect(200);
    expect(taxonomy.body.categories.map((c: { id: string }) => c.id)).toEqual([...PLACEMENT_IDS]);
    expect(taxonomy.headers['cache-control']).toBe('no-store');
    const vocabulary = await api().get('/api/rules/vocabulary').expect(200);
    expect(vocabulary.body.fields.title).toBe('text');
  });

  test('no response, success or failure, contains a stack trace or a source path', async () => {
    const id = await createLeader();
    await importFixture(id);
    const responses = await Promise.all([
      api().get('/'),
      api().get(`/api/leaders/${id}/summary`),
      api().get(`/api/leaders/${id}/events`).query({ limit: 1000 }),
      api().get(`/api/leaders/${id}/rules`),
      api().get(`/api/leaders/${id}/imports`),
      api().get('/api/rules/defaults'),
      api().get('/api/leaders/0'),
      api().get('/api/leaders/1e99'),
      api().get(`/api/leaders/${id}/summary?from=2026-13-01`),
      api().get(`/api/leaders/${id}/summary?from[a]=1`),
      api().get(`/api/leaders/${id}/summary`).query({ tz: '+05:30' }),
      api().get(`/api/leaders/${id}/events`).query({ tz: '-03:00', category: 'excluded' }),
      api().get(`/api/leaders/${id}/events?category=excluded&category=strategic`),
      api().put(`/api/leaders/${id}/events/1/category`).set('Content-Type', 'text/plain').send('strategic'),
      api().put(`/api/leaders/${id}/rules/order`).send({ ruleIds: [1.5] }),
      api().post('/api/leaders').set('Content-Type', 'application/json').send('nope'),
      api().post(`/api/leaders/${id}/rules`).send({ name: 'x', conditions: [{ field: 'title', op: 'matches', value: '(' }], category: 'strategic' }),
      postCalendar(id, Buffer.from([0, 1, 2, 3, 4])),
      postCalendar(id, 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'),
    ]);
    for (const res of responses) {
      expect(res.status, `${res.status} ${res.text.slice(0, 200)}`).toBeLessThan(500);
      expectNoStackTrace(res);
    }
  });
});

describe('real-world exports', () => {
  test('each of the real-world fixtures imports (or is refused with a 4xx) and re-importing it adds and updates nothing', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(new URL('../fixtures/real-world/', import.meta.url)).filter((f) => f.endsWith('.ics')).sort();
    expect(files.length).toBe(104);
    const outcomes: string[] = [];
    for (const [index, file] of files.entries()) {
      const id = await createLeader({ email: `leader-${index}@fixtures.example` });
      const bytes = readFixture(`real-world/${file}`);
      // A window wide enough for the fixtures' own years (most are from 2010-2024).
      const window = { from: '2012-01-01', to: '2023-12-31' };
      const first = await api().post(`/api/leaders/${id}/imports`).query(window).set('Content-Type', 'text/calendar').send(bytes);
      expectNoStackTrace(first);
      if (first.status !== 201) {
        expect([400], `${file}: ${first.text}`).toContain(first.status);
        expect(['not-a-calendar', 'empty-file']).toContain(first.body.error.code);
        outcomes.push(`${file}: refused`);
        continue;
      }
      const stored = countRows(t.db).events;
      const again = await api().post(`/api/leaders/${id}/imports`).query(window).set('Content-Type', 'text/calendar').send(bytes).expect(201);
      expect(again.body.import, file).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: first.body.import.added });
      expect(countRows(t.db).events, file).toBe(stored);
      outcomes.push(`${file}: ${first.body.import.added}`);
    }
    expect(outcomes.filter((o) => !o.endsWith('refused')).length).toBeGreaterThan(90);
  });
});
