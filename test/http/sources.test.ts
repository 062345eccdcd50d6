import type { Response } from 'supertest';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { RemovedSourceView, SourceView } from '../../shared/sources.ts';
import { calendar, event } from '../support/ics-builder.ts';
import { addUser, createTestApp, readFixture, type TestApp, type TestUser } from '../support/test-app.ts';

// A leader's calendars (sources): the list, and removing one imported by mistake.

const PERIOD = { from: '2026-03-02', to: '2026-03-13' };
/** "Focus time" of leader-week.ics: the delegate's calendar holds a copy of it. */
const FOCUS_UID = '0c5e2b9d6f3a8c1e7b4d0f5a2c@google.com';
const at = (date: string, time: string) => `;TZID=Europe/Berlin:${date.replace(/-/g, '')}T${time.replace(':', '')}00`;

/** A delegate's calendar: one meeting that is also in Sam's own (same UID, same time), two of its own. */
const DELEGATE = calendar(
  event({ uid: FOCUS_UID, summary: 'Focus time', start: at('2026-03-12', '14:00'), end: at('2026-03-12', '16:00') }),
  event({ uid: 'deleg-1', summary: 'Delegate hold', start: at('2026-03-10', '09:00'), end: at('2026-03-10', '10:00') }),
  event({ uid: 'deleg-2', summary: 'Board prep', start: at('2026-03-11', '13:00'), end: at('2026-03-11', '15:00') }),
  { timeZone: 'Europe/Berlin' },
);

let t: TestApp;
let sam: TestUser;
let noor: TestUser;
const L = () => `/api/leaders/${sam.leaderId}`;

beforeEach(async () => {
  t = createTestApp();
  sam = await addUser(t, { email: 'sam.lee@acme.example', name: 'Sam Lee' });
  noor = await addUser(t, { email: 'noor.haddad@acme.example', name: 'Noor Haddad' });
});

afterEach(() => {
  try {
    expect(t.logged, 'no request reached the 500 handler').toEqual([]);
  } finally {
    t.close();
  }
});

function ok(res: Response, status = 200): any {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

function expectError(res: Response, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({ error: { code, message: expect.any(String), status } });
}

async function importInto(who: TestUser, source: string, body: Buffer | string, fileName: string) {
  return ok(await who.http.post(`/api/leaders/${who.leaderId}/imports`).query({ source, fileName }).set('Content-Type', 'text/calendar').send(body), 201).import as { importId: number };
}

async function events(): Promise<Array<{ id: number; summary: string; source: string; category: string; isManual: boolean }>> {
  return ok(await sam.http.get(`${L()}/events`).query({ ...PERIOD, limit: 1000 })).events;
}

async function decide(summary: string, category: string): Promise<void> {
  const found = (await events()).filter((e) => e.summary === summary);
  expect(found, summary).toHaveLength(1);
  ok(await sam.http.put(`${L()}/events/${found[0]!.id}/category`).send({ category }));
}

async function summary() {
  return ok(await sam.http.get(`${L()}/summary`).query(PERIOD)).summary as { countedMinutes: number; minutes: Record<string, number>; eventCount: number };
}

async function sources(): Promise<SourceView[]> {
  return ok(await sam.http.get(`${L()}/sources`)).sources;
}

/** Every row of every table, by table: what a removal may and may not touch. */
function dump(): Record<string, unknown[]> {
  const tables = (t.db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as Array<{ name: string }>).map((r) => r.name);
  return Object.fromEntries(tables.map((name) => [name, t.db.$client.prepare(`select * from "${name}" order by rowid`).all()]));
}

/**
 * Sam's own calendar with a decision on "Focus time"; the figures as they stand (`before`); then
 * the delegate's calendar, with a decision on an event only it holds; Noor has a calendar too.
 */
async function twoCalendars() {
  const primary = await importInto(sam, 'primary', readFixture('leader-week.ics'), 'leader-week.ics');
  await decide('Focus time', 'strategic');
  const before = { summary: await summary(), figures: dump().leader_quarter_figures };
  const delegate = await importInto(sam, 'delegate', DELEGATE, 'delegate.ics');
  await decide('Delegate hold', 'strategic');
  await importInto(noor, 'primary', readFixture('leader-week-v2.ics'), 'leader-week-v2.ics');
  return { primary, delegate, before };
}

describe("a leader's calendars", () => {
  test('each calendar is listed with its events, the days they cover, its last import and what a removal keeps', async () => {
    const { primary, delegate } = await twoCalendars();
    const list = await sources();
    expect(list).toEqual([
      {
        id: expect.any(Number),
        name: 'primary',
        createdAt: '2026-03-20T12:00:00.000Z',
        events: 16,
        alsoElsewhere: 1,
        covered: { from: '2026-03-02', to: '2026-03-13' },
        imports: 1,
        lastImport: {
          id: primary.importId,
          fileName: 'leader-week.ics',
          importedAt: '2026-03-20T12:00:00.000Z',
          window: expect.objectContaining({ from: expect.any(String), to: expect.any(String) }),
          instances: 16,
          added: 16,
          updated: 0,
          unchanged: 0,
          removed: 0,
          // Stored with the import: parsed = added + updated + unchanged + rejected.
          parsed: 16,
          rejected: { total: 0, reasons: {} },
          issues: expect.any(Number),
        },
        // "Focus time" is also in the delegate's calendar: its decision is not this calendar's alone.
        keptDecisions: 0,
      },
      {
        id: expect.any(Number),
        name: 'delegate',
        createdAt: '2026-03-20T12:00:00.000Z',
        events: 3,
        alsoElsewhere: 1,
        covered: { from: '2026-03-10', to: '2026-03-12' },
        imports: 1,
        lastImport: expect.objectContaining({ id: delegate.importId, fileName: 'delegate.ics', instances: 3, added: 3, updated: 0, unchanged: 0, removed: 0 }),
        keptDecisions: 1,
      },
    ]);
    // The issue count is the one of the import's own report.
    const report = ok(await sam.http.get(`${L()}/imports/${primary.importId}`)).import;
    expect(list[0]!.lastImport!.issues).toBe(report.issues.length);
    // A coach with a read-only grant reads the same list.
    const coach = await addUser(t, { email: 'read.coach@coaching.example', role: 'coach' });
    const { grant, inviteCode } = ok(await sam.http.post('/api/grants').send({ coachEmail: coach.user.email }), 201);
    ok(await coach.http.post(`/api/grants/${grant.id}/accept`).send({ code: inviteCode }));
    expect(ok(await coach.http.get(`${L()}/sources`)).sources).toEqual(list);
  });

  test('a re-import of the same calendar counts as its last import, and the list counts both imports', async () => {
    await twoCalendars();
    const again = await importInto(sam, 'delegate', DELEGATE, 'delegate-again.ics');
    const delegate = (await sources()).find((s) => s.name === 'delegate')!;
    expect(delegate).toMatchObject({ events: 3, imports: 2, lastImport: { id: again.importId, fileName: 'delegate-again.ics', added: 0, unchanged: 3 } });
  });

  test('a leader without a calendar has an empty list', async () => {
    expect(await sources()).toEqual([]);
  });
});

describe('removing a calendar', () => {
  test('takes its events and imports; the summary and the stored figures are again those of the remaining calendar', async () => {
    const { delegate, before } = await twoCalendars();
    const withDelegate = await summary();
    // Delegate hold (1 h) and Board prep (2 h) are counted; Focus time is counted once, not twice.
    expect(withDelegate.countedMinutes).toBe(before.summary.countedMinutes + 180);
    const target = (await sources()).find((s) => s.name === 'delegate')!;

    const removed: RemovedSourceView = ok(await sam.http.delete(`${L()}/sources/${target.id}`)).removed;
    expect(removed).toEqual({ id: target.id, name: 'delegate', events: 3, uncounted: 2, imports: 1, keptDecisions: 1 });

    expect((await sources()).map((s) => s.name)).toEqual(['primary']);
    expect(await summary()).toEqual(before.summary);
    expect(dump().leader_quarter_figures!.filter((row: any) => row.leader_id === sam.leaderId)).toEqual(before.figures);
    const left = await events();
    expect(left.filter((e) => e.summary === 'Delegate hold' || e.summary === 'Board prep')).toEqual([]);
    // The copy the delegate's calendar held is gone; Sam's own copy counts, with his decision.
    expect(left.filter((e) => e.summary === 'Focus time')).toEqual([expect.objectContaining({ source: 'primary', category: 'strategic', isManual: true })]);
    const history = ok(await sam.http.get(`${L()}/imports`)).imports as Array<{ source: string }>;
    expect(history.map((i) => i.source)).toEqual(['primary']);
    expectError(await sam.http.get(`${L()}/imports/${delegate.importId}`), 404, 'not-found');
  });

  test('keeps manual decisions by UID: importing the calendar again places its events as the leader decided', async () => {
    await twoCalendars();
    const decisions = dump().manual_decisions;
    const target = (await sources()).find((s) => s.name === 'delegate')!;
    ok(await sam.http.delete(`${L()}/sources/${target.id}`));
    expect(dump().manual_decisions).toEqual(decisions);

    await importInto(sam, 'delegate', DELEGATE, 'delegate.ics');
    expect((await events()).find((e) => e.summary === 'Delegate hold')).toMatchObject({ source: 'delegate', category: 'strategic', isManual: true });
  });

  test("touches nothing but that calendar's events, imports and row, and its leader's figures", async () => {
    await twoCalendars();
    const target = (await sources()).find((s) => s.name === 'delegate')!;
    const before = dump();
    ok(await sam.http.delete(`${L()}/sources/${target.id}`));
    const after = dump();
    const notTarget = (rows: unknown[], column: string) => rows.filter((row: any) => row[column] !== target.id);
    expect(after.events).toEqual(notTarget(before.events!, 'source_id'));
    expect(after.imports).toEqual(notTarget(before.imports!, 'source_id'));
    expect(after.sources).toEqual(notTarget(before.sources!, 'id'));
    const others = (rows: unknown[]) => rows.filter((row: any) => row.leader_id !== sam.leaderId);
    expect(others(after.leader_quarter_figures!)).toEqual(others(before.leader_quarter_figures!));
    // app_state holds the figures epoch, which every rewrite of figures raises.
    const untouched = Object.keys(before).filter((name) => !['events', 'imports', 'sources', 'leader_quarter_figures', 'app_state'].includes(name));
    expect(untouched).toEqual(expect.arrayContaining(['leaders', 'rules', 'manual_decisions', 'users', 'sessions', 'coach_grants']));
    // A leader's revision counts every write to their events (it keeps cached dashboards honest):
    // Sam's rises, and nothing else of any leader's row changes.
    const revisionOf = (rows: unknown[], id: number) => (rows as Array<{ id: number; revision: number }>).find((row) => row.id === id)!.revision;
    expect(revisionOf(after.leaders!, sam.leaderId)).toBeGreaterThan(revisionOf(before.leaders!, sam.leaderId));
    const withoutRevision = (rows: unknown[]) => rows.map(({ revision: _revision, ...row }: any) => row);
    expect(withoutRevision(after.leaders!)).toEqual(withoutRevision(before.leaders!));
    expect(others(after.leaders!.map((row: any) => ({ ...row, leader_id: row.id })))).toEqual(others(before.leaders!.map((row: any) => ({ ...row, leader_id: row.id }))));
    for (const name of untouched.filter((table) => table !== 'leaders')) expect(after[name], name).toEqual(before[name]);
  });

  test('removing the last calendar leaves no events and no figures; the list is empty', async () => {
    await importInto(sam, 'primary', readFixture('leader-week.ics'), 'leader-week.ics');
    const [only] = await sources();
    expect(ok(await sam.http.delete(`${L()}/sources/${only!.id}`)).removed).toMatchObject({ events: 16, uncounted: 16, imports: 1, keptDecisions: 0 });
    expect(await sources()).toEqual([]);
    expect(await summary()).toMatchObject({ countedMinutes: 0, eventCount: 0 });
    expect(dump().leader_quarter_figures).toEqual([]);
  });

  test('is refused to a coach (even one who may edit), to another leader, and for a calendar that is not this leader’s; nothing changes', async () => {
    await twoCalendars();
    const coach = await addUser(t, { email: 'edit.coach@coaching.example', role: 'coach' });
    const { grant, inviteCode } = ok(await sam.http.post('/api/grants').send({ coachEmail: coach.user.email, canEdit: true }), 201);
    ok(await coach.http.post(`/api/grants/${grant.id}/accept`).send({ code: inviteCode }));
    const target = (await sources()).find((s) => s.name === 'delegate')!;
    const noorSource = ok(await noor.http.get(`/api/leaders/${noor.leaderId}/sources`)).sources[0] as SourceView;
    const before = dump();

    const cases: Array<[string, Promise<Response>, number, string]> = [
      ['the coach', coach.http.delete(`${L()}/sources/${target.id}`), 403, 'forbidden'],
      ['another leader', noor.http.delete(`${L()}/sources/${target.id}`), 404, 'not-found'],
      ['an unknown calendar', sam.http.delete(`${L()}/sources/999999`), 404, 'not-found'],
      ["another leader's calendar", sam.http.delete(`${L()}/sources/${noorSource.id}`), 404, 'not-found'],
      ['a calendar id that is not a number', sam.http.delete(`${L()}/sources/delegate`), 400, 'invalid-request'],
      ['another leader reading the list', noor.http.get(`${L()}/sources`), 404, 'not-found'],
    ];
    for (const [who, request, status, code] of cases) {
      const res = await request;
      expect(res.status, who).toBe(status);
      expect(res.body.error, who).toMatchObject({ code, status });
    }
    expect(dump()).toEqual(before);
  });
});
