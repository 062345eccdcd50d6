import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { generateLeaderCalendar } from '../../server/demo/generate-calendar.ts';
import { eq } from 'drizzle-orm';
import { appState, coachGrants, leaderQuarterFigures } from '../../server/db/schema.ts';
import { ensureCurrentPlacements } from '../../server/services/ensure-current-placements.ts';
import { quartersEndingWith } from '../../server/domain/cohorts/cohort-charts.ts';
import { quarterRange } from '../../server/domain/metrics/calendar-days.ts';
import { DIAGNOSTIC_IDS } from '../../shared/diagnostic.ts';
import { event } from '../support/ics-builder.ts';
import { teamCalendar } from '../support/team-calendar.ts';
import { closeExpectingNoServerError, expectError, importCalendar } from '../support/http-checks.ts';
import { addUser, clientFor, createTestApp, FIXED_NOW, type Client, type TestApp, type TestUser } from '../support/test-app.ts';

// The clock: 2026-03-20 12:00 UTC, in 2026-Q1. The fixture is Sam Lee's two weeks of March 2026.

let t: TestApp;

beforeEach(() => {
  t = createTestApp();
});

afterEach(() => closeExpectingNoServerError(t));

async function hrUser(email = 'hana.hr@acme.example', name = 'Hana Ruiz'): Promise<TestUser> {
  return addUser(t, { email, role: 'hr', name });
}

async function leader(email: string, name: string): Promise<TestUser> {
  return addUser(t, { email, name, role: 'leader', timeZone: 'Europe/Berlin' });
}

async function createCohort(hr: TestUser, name = 'LoL programme 2026'): Promise<number> {
  const res = await hr.http.post('/api/cohorts').send({ name }).expect(201);
  return res.body.cohort.id as number;
}

async function invite(hr: TestUser, cohortId: number, emails: string[]) {
  const res = await hr.http.post(`/api/cohorts/${cohortId}/invitations`).send({ emails });
  expect([200, 201]).toContain(res.status);
  return res.body as { invited: string[]; alreadyInvited: string[]; invalid: string[] };
}

async function membershipOf(who: TestUser, cohortId: number): Promise<number> {
  const res = await who.http.get('/api/memberships').expect(200);
  return (res.body.memberships as Array<{ id: number; cohort: { id: number } }>).find((m) => m.cohort.id === cohortId)!.id;
}

async function join(who: TestUser, cohortId: number, choice?: { shareCoaching: boolean }): Promise<number> {
  const memberId = await membershipOf(who, cohortId);
  const accept = who.http.post(`/api/memberships/${memberId}/accept`);
  await (choice ? accept.send(choice) : accept).expect(200);
  return memberId;
}

/** Six leaders with data in 2025-Q4 and 2026-Q1, strategic shares 10% to 35%, who all joined. */
async function cohortOfSix(hr: TestUser): Promise<{ cohortId: number; leaders: TestUser[] }> {
  const cohortId = await createCohort(hr);
  const leaders: TestUser[] = [];
  for (let i = 0; i < 6; i++) {
    const who = await leader(`leader${i}@acme.example`, `Leader ${i}`);
    // 4 + 3i strategic hours, 20 - 2i operational hours and i % 4 planning days of 8 hours:
    // only Leader 3 (13 of 51 hours, 3 days) meets both targets.
    const q1 = teamCalendar(`q1-${i}`, '2026-01-04', 4 + 3 * i, 20 - 2 * i, i % 4);
    await importCalendar(who, q1);
    leaders.push(who);
  }
  await invite(hr, cohortId, leaders.map((l) => l.user.email));
  for (const who of leaders) await join(who, cohortId);
  return { cohortId, leaders };
}

describe('quarter figures', () => {
  async function expectFiguresMatchSummary(who: TestUser): Promise<Record<string, { strategic: number; counted: number; planning: string[] }>> {
    const rows = t.db.select().from(leaderQuarterFigures).all().filter((row) => row.leaderId === who.leaderId);
    expect(rows.length).toBeGreaterThan(0);
    const seen: Record<string, { strategic: number; counted: number; planning: string[] }> = {};
    for (const row of rows) {
      const range = quarterRange(row.quarter);
      const res = await who.http.get(`/api/leaders/${who.leaderId}/summary`).query(range).expect(200);
      const summary = res.body.summary;
      expect(row.timeZone).toBe(summary.period.timeZone);
      expect({ quarter: row.quarter, minutes: row.minutes, counted: row.countedMinutes, dates: row.planningDates }).toEqual({
        quarter: row.quarter,
        minutes: summary.minutes,
        counted: summary.countedMinutes,
        dates: summary.planning[0].dates,
      });
      seen[row.quarter] = { strategic: row.minutes.strategic!, counted: row.countedMinutes, planning: row.planningDates };
    }
    return seen;
  }

  test('equal the summary of each quarter after an import, a rule change, a decision and a settings change', async () => {
    const who = await leader('maya.okafor@northwind.example', 'Maya Okafor');
    const text = generateLeaderCalendar({ seed: 42, now: new Date(FIXED_NOW), email: who.user.email, name: 'Maya Okafor', timeZone: 'Europe/Berlin', monthsBack: 9, monthsAhead: 3 });
    await importCalendar(who, text);
    const afterImport = await expectFiguresMatchSummary(who);
    // From the first stored event (series that began before the nine months) to the last, no gap.
    const quarters = Object.keys(afterImport).sort();
    expect(quarters).toEqual(expect.arrayContaining(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']));
    expect(quarters).toEqual(quartersEndingWith(quarters.at(-1)!, quarters.length));
    const talent = t.db.select().from(leaderQuarterFigures).all().reduce((sum, row) => sum + row.talentEvents, 0);
    expect(talent).toBeGreaterThan(0);

    await who.http
      .post(`/api/leaders/${who.leaderId}/rules`)
      .send({ name: 'Status updates set direction', conditions: [{ field: 'title', op: 'contains', value: 'status' }], category: 'strategic' })
      .expect(201);
    const afterRule = await expectFiguresMatchSummary(who);
    expect(afterRule['2026-Q1']!.strategic).toBeGreaterThan(afterImport['2026-Q1']!.strategic);

    const events = await who.http.get(`/api/leaders/${who.leaderId}/events`).query({ from: '2026-01-01', to: '2026-03-31', category: 'operational', limit: 1 }).expect(200);
    const target = events.body.events[0] as { id: number };
    await who.http.put(`/api/leaders/${who.leaderId}/events/${target.id}/category`).send({ category: 'excluded', exclusionReason: 'other' }).expect(200);
    const afterDecision = await expectFiguresMatchSummary(who);
    expect(afterDecision['2026-Q1']!.counted).toBeLessThan(afterRule['2026-Q1']!.counted);

    await who.http.patch(`/api/leaders/${who.leaderId}`).send({ settings: { workingDayMinutes: 420, planningDayMinutes: 180 } }).expect(200);
    const afterSettings = await expectFiguresMatchSummary(who);
    expect(afterSettings).not.toEqual(afterDecision);

    await who.http.patch(`/api/leaders/${who.leaderId}`).send({ timeZone: 'America/New_York' }).expect(200);
    await expectFiguresMatchSummary(who);
    expect(new Set(t.db.select().from(leaderQuarterFigures).all().map((row) => row.timeZone))).toEqual(new Set(['America/New_York']));
  }, 60_000);

  test('a database from before figures existed gets them once, at start', async () => {
    const sam = await leader('sam.lee@acme.example', 'Sam Lee');
    await importCalendar(sam);
    const stored = t.db.select().from(leaderQuarterFigures).all();
    t.db.delete(leaderQuarterFigures).run();
    t.db.delete(appState).where(eq(appState.key, 'leader-figures')).run();
    ensureCurrentPlacements(t.db, FIXED_NOW);
    expect(t.db.select().from(leaderQuarterFigures).all()).toEqual(stored);
    // Once only: a second start rewrites nothing.
    t.db.delete(leaderQuarterFigures).run();
    ensureCurrentPlacements(t.db, FIXED_NOW);
    expect(t.db.select().from(leaderQuarterFigures).all()).toEqual([]);
  });

  test('the fixture: one planning day and one talent review in 2026-Q1', async () => {
    const sam = await leader('sam.lee@acme.example', 'Sam Lee');
    await importCalendar(sam);
    const rows = t.db.select().from(leaderQuarterFigures).all();
    expect(rows.map((row) => [row.quarter, row.planningDates, row.talentEvents, row.dataStart])).toEqual([['2026-Q1', ['2026-03-06'], 1, '2026-03-02']]);
    await expectFiguresMatchSummary(sam);
  });
});

describe('cohorts (HR)', () => {
  test('create, list with counts, rename, members, invitations, remove, delete', async () => {
    const hr = await hrUser();
    const created = await hr.http.post('/api/cohorts').send({ name: '  Leaders of Leaders 2026 ' }).expect(201);
    expect(created.body.cohort).toMatchObject({ name: 'Leaders of Leaders 2026', counts: { invited: 0, active: 0, declined: 0, left: 0 } });
    const id = created.body.cohort.id as number;

    const invited = await hr.http
      .post(`/api/cohorts/${id}/invitations`)
      .send({ emails: ['Ana.Ruiz@acme.example', ' tom.berg@acme.example ', 'ana.ruiz@acme.example', 'not an address', '', 'lena@'] })
      .expect(201);
    expect(invited.body).toEqual({ invited: ['ana.ruiz@acme.example', 'tom.berg@acme.example'], alreadyInvited: [], invalid: ['not an address', 'lena@'] });
    const again = await hr.http.post(`/api/cohorts/${id}/invitations`).send({ emails: ['tom.berg@acme.example'] }).expect(200);
    expect(again.body).toEqual({ invited: [], alreadyInvited: ['tom.berg@acme.example'], invalid: [] });

    const ana = await leader('ana.ruiz@acme.example', 'Ana Ruiz');
    const tom = await leader('tom.berg@acme.example', 'Tom Berg');
    await join(ana, id);
    await tom.http.post(`/api/memberships/${await membershipOf(tom, id)}/decline`).expect(200);

    const members = await hr.http.get(`/api/cohorts/${id}/members`).expect(200);
    expect(members.body.members).toEqual([
      { id: expect.any(Number), email: 'ana.ruiz@acme.example', status: 'active', name: 'Ana Ruiz', invitedAt: new Date(FIXED_NOW).toISOString(), respondedAt: new Date(FIXED_NOW).toISOString() },
      { id: expect.any(Number), email: 'tom.berg@acme.example', status: 'declined', name: null, invitedAt: new Date(FIXED_NOW).toISOString(), respondedAt: new Date(FIXED_NOW).toISOString() },
    ]);
    const list = await hr.http.get('/api/cohorts').expect(200);
    expect(list.body.cohorts).toEqual([{ id, name: 'Leaders of Leaders 2026', createdAt: new Date(FIXED_NOW).toISOString(), counts: { invited: 0, active: 1, declined: 1, left: 0 } }]);

    // A leader who declined can be invited again; they decide once more.
    const reinvite = await hr.http.post(`/api/cohorts/${id}/invitations`).send({ emails: ['tom.berg@acme.example'] }).expect(201);
    expect(reinvite.body.invited).toEqual(['tom.berg@acme.example']);

    const renamed = await hr.http.patch(`/api/cohorts/${id}`).send({ name: 'LoL 2026' }).expect(200);
    expect(renamed.body.cohort).toMatchObject({ id, name: 'LoL 2026', counts: { invited: 1, active: 1 } });

    const anaMember = (members.body.members as Array<{ id: number; email: string }>).find((m) => m.email === 'ana.ruiz@acme.example')!;
    await hr.http.delete(`/api/cohorts/${id}/members/${anaMember.id}`).expect(204);
    expect((await ana.http.get('/api/memberships').expect(200)).body.memberships).toEqual([]);
    expectError(await hr.http.delete(`/api/cohorts/${id}/members/${anaMember.id}`), 404, 'not-found');

    await hr.http.delete(`/api/cohorts/${id}`).expect(204);
    expect((await hr.http.get('/api/cohorts').expect(200)).body.cohorts).toEqual([]);
    expect((await tom.http.get('/api/memberships').expect(200)).body.memberships).toEqual([]);
  });

  test('bad input gets a specific 4xx and changes nothing', async () => {
    const hr = await hrUser();
    const id = await createCohort(hr, 'Programme A');
    expectError(await hr.http.post('/api/cohorts').send({}), 400, 'invalid-request');
    expectError(await hr.http.post('/api/cohorts').send({ name: '   ' }), 400, 'invalid-request');
    expectError(await hr.http.post('/api/cohorts').send({ name: 'x'.repeat(201) }), 400, 'invalid-request');
    expectError(await hr.http.post('/api/cohorts').send({ name: 'B', owner: 3 }), 400, 'invalid-request');
    expectError(await hr.http.post('/api/cohorts').send({ name: 'programme a' }), 409, 'cohort-exists');
    expectError(await hr.http.patch(`/api/cohorts/${id}`).send({ name: '' }), 400, 'invalid-request');
    expectError(await hr.http.patch('/api/cohorts/abc').send({ name: 'C' }), 400, 'invalid-request');
    expectError(await hr.http.post(`/api/cohorts/${id}/invitations`).send({ emails: [] }), 400, 'invalid-request');
    expectError(await hr.http.post(`/api/cohorts/${id}/invitations`).send({ emails: 'a@b.example' }), 400, 'invalid-request');
    const tooMany = Array.from({ length: 1001 }, (_, i) => `p${i}@acme.example`);
    const refused = await hr.http.post(`/api/cohorts/${id}/invitations`).send({ emails: tooMany });
    expectError(refused, 400, 'invalid-request');
    expect(refused.body.error.message).toContain('at most 1000');
    const thousand = await hr.http.post(`/api/cohorts/${id}/invitations`).send({ emails: tooMany.slice(0, 1000) }).expect(201);
    expect(thousand.body.invited).toHaveLength(1000);
    expectError(await hr.http.get(`/api/cohorts/${id}/compliance`).query({ quarter: '2026-Q5' }), 400, 'invalid-request');
    expectError(await hr.http.get(`/api/cohorts/${id}/compliance`).query({ sort: 'salary' }), 400, 'invalid-request');
    expectError(await hr.http.get(`/api/cohorts/${id}/compliance`).query({ flagged: 'yes' }), 400, 'invalid-request');
    expectError(await hr.http.get(`/api/cohorts/${id}/compliance.csv`).query({ quarter: 'Q1' }), 400, 'invalid-request');
    expectError(await hr.http.get(`/api/cohorts/${id}/charts`).query({ quarter: '26-Q1', extra: 1 }), 400, 'invalid-request');
    const all = Object.fromEntries(DIAGNOSTIC_IDS.map((key) => [key, true]));
    const { 'role-definition': _missing, ...nine } = all;
    expectError(await hr.http.post('/api/diagnostic/answers').send({ answers: nine }), 400, 'invalid-request');
    expectError(await hr.http.post('/api/diagnostic/answers').send({ answers: { ...all, 'made-up': true } }), 400, 'invalid-request');
    expectError(await hr.http.post('/api/diagnostic/answers').send({ answers: { ...all, 'role-definition': 'yes' } }), 400, 'invalid-request');
    expectError(await hr.http.post('/api/diagnostic/answers').send({ answers: all, note: 'n'.repeat(2001) }), 400, 'invalid-request');
    expect((await hr.http.get('/api/diagnostic').expect(200)).body.history).toEqual([]);
    expect((await hr.http.get('/api/cohorts').expect(200)).body.cohorts).toEqual([expect.objectContaining({ name: 'Programme A' })]);
  });

  test('who may call what: anonymous 401, other roles 403, another HR user’s cohort 404', async () => {
    const hr = await hrUser();
    const other = await hrUser('otto.hr@acme.example', 'Otto');
    const lead = await leader('lee@acme.example', 'Lee');
    const coach = await addUser(t, { email: 'coach@acme.example', role: 'coach' });
    const admin = await addUser(t, { email: 'admin@acme.example', role: 'admin' });
    const id = await createCohort(hr);
    await invite(hr, id, [lead.user.email]);
    const memberId = await membershipOf(lead, id);
    const anonymous = clientFor(t.app, null);

    type Call = [method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: object];
    const hrRoutes: Call[] = [
      ['get', '/api/cohorts'],
      ['post', '/api/cohorts', { name: 'X' }],
      ['patch', `/api/cohorts/${id}`, { name: 'Y' }],
      ['delete', `/api/cohorts/${id}`],
      ['get', `/api/cohorts/${id}/members`],
      ['post', `/api/cohorts/${id}/invitations`, { emails: ['a@b.example'] }],
      ['delete', `/api/cohorts/${id}/members/${memberId}`],
      ['get', `/api/cohorts/${id}/compliance`],
      ['get', `/api/cohorts/${id}/compliance.csv`],
      ['get', `/api/cohorts/${id}/charts`],
      ['get', '/api/diagnostic'],
      ['post', '/api/diagnostic/answers', { answers: Object.fromEntries(DIAGNOSTIC_IDS.map((key) => [key, false])) }],
    ];
    const leaderRoutes: Call[] = [
      ['get', '/api/memberships'],
      ['post', `/api/memberships/${memberId}/accept`],
      ['post', `/api/memberships/${memberId}/decline`],
      ['post', `/api/memberships/${memberId}/leave`],
      ['patch', `/api/memberships/${memberId}`, { shareCoaching: true }],
    ];
    const call = (client: Client, [method, path, body]: Call) => (body ? client[method](path).send(body) : client[method](path));

    for (const route of [...hrRoutes, ...leaderRoutes]) expectError(await call(anonymous, route), 401, 'not-signed-in');
    for (const who of [lead, coach, admin]) for (const route of hrRoutes) expectError(await call(who.http, route), 403, 'forbidden');
    for (const who of [hr, coach, admin]) for (const route of leaderRoutes) expectError(await call(who.http, route), 403, 'forbidden');
    // Cohort-scoped routes of someone else's cohort: as if it did not exist.
    for (const route of hrRoutes.filter(([, path]) => path.includes(`/cohorts/${id}`))) expectError(await call(other.http, route), 404, 'not-found');
    for (const route of hrRoutes.filter(([, path]) => path.includes(`/cohorts/${id}`))) {
      expectError(await call(hr.http, [route[0], route[1].replace(`/cohorts/${id}`, '/cohorts/9999'), route[2]]), 404, 'not-found');
    }
    // Nothing was changed by any of the refused calls.
    expect((await hr.http.get(`/api/cohorts/${id}/members`).expect(200)).body.members).toMatchObject([{ status: 'invited', email: 'lee@acme.example' }]);
    expect((await other.http.get('/api/cohorts').expect(200)).body.cohorts).toEqual([]);
  });
});

describe('memberships (leader)', () => {
  test('a leader sees the invitation with who asks and what is shared, accepts, and leaves', async () => {
    const hr = await hrUser();
    const id = await createCohort(hr, 'Operations LoL');
    const lee = await leader('lee@acme.example', 'Lee');
    await invite(hr, id, ['LEE@acme.example']);
    const list = await lee.http.get('/api/memberships').expect(200);
    expect(list.body.memberships).toEqual([
      {
        id: expect.any(Number),
        cohort: { id, name: 'Operations LoL' },
        hr: { name: 'Hana Ruiz', email: 'hana.hr@acme.example' },
        status: 'invited',
        invitedAt: new Date(FIXED_NOW).toISOString(),
        respondedAt: null,
        shareCoaching: false,
        shares: { sees: expect.any(Array), ifChosen: expect.any(Array), neverSees: expect.any(Array), aggregates: expect.stringContaining('at least 5 people') },
      },
    ]);
    const shares = list.body.memberships[0].shares as { sees: string[]; ifChosen: string[]; neverSees: string[] };
    expect(shares.neverSees.join(' ')).toContain('titles');
    // Everything the compliance row and its CSV carry is in the statement the leader reads.
    expect(shares.sees.join(' ')).toContain('first day of your calendar data');
    expect(shares.sees.join(' ')).toContain('talent review');
    expect(shares.ifChosen.join(' ')).toContain('work with a coach');
    const memberId = list.body.memberships[0].id as number;

    expectError(await lee.http.post(`/api/memberships/${memberId}/leave`), 409, 'not-a-member');
    expectError(await lee.http.patch(`/api/memberships/${memberId}`).send({ shareCoaching: true }), 409, 'not-a-member');
    for (const bad of [{ shareCoaching: 'yes' }, { shareCoaching: true, extra: 1 }, { share: true }]) {
      expectError(await lee.http.post(`/api/memberships/${memberId}/accept`).send(bad), 400, 'invalid-request');
    }
    expect((await lee.http.get('/api/memberships').expect(200)).body.memberships[0]).toMatchObject({ status: 'invited', shareCoaching: false });
    const accepted = await lee.http.post(`/api/memberships/${memberId}/accept`).expect(200);
    // No choice sent: the coaching status is not shared.
    expect(accepted.body.membership).toMatchObject({ id: memberId, status: 'active', shareCoaching: false });

    // The member changes their mind, and back; only a boolean will do.
    expect((await lee.http.patch(`/api/memberships/${memberId}`).send({ shareCoaching: true }).expect(200)).body.membership).toMatchObject({ id: memberId, status: 'active', shareCoaching: true });
    for (const bad of [{}, { shareCoaching: 1 }, { shareCoaching: false, status: 'left' }]) {
      expectError(await lee.http.patch(`/api/memberships/${memberId}`).send(bad), 400, 'invalid-request');
    }
    expectError(await lee.http.patch(`/api/memberships/${memberId}`), 400, 'invalid-request');
    expect((await lee.http.get('/api/memberships').expect(200)).body.memberships[0]).toMatchObject({ status: 'active', shareCoaching: true });
    expect((await lee.http.patch(`/api/memberships/${memberId}`).send({ shareCoaching: false }).expect(200)).body.membership.shareCoaching).toBe(false);
    expectError(await lee.http.post(`/api/memberships/${memberId}/accept`), 409, 'already-member');
    expectError(await lee.http.post(`/api/memberships/${memberId}/decline`), 409, 'already-member');
    const left = await lee.http.post(`/api/memberships/${memberId}/leave`).expect(200);
    expect(left.body.membership.status).toBe('left');
    expectError(await lee.http.post(`/api/memberships/${memberId}/accept`), 409, 'already-left');
    expectError(await lee.http.post(`/api/memberships/${memberId}/leave`), 409, 'already-left');
    expect((await hr.http.get(`/api/cohorts/${id}/members`).expect(200)).body.members[0]).toMatchObject({ status: 'left', name: null });

    expectError(await lee.http.patch(`/api/memberships/${memberId}`).send({ shareCoaching: true }), 409, 'already-left');

    // Another leader cannot answer Lee's invitation, change it, nor learn that it exists.
    const mo = await leader('mo@acme.example', 'Mo');
    expectError(await mo.http.post(`/api/memberships/${memberId}/accept`), 404, 'not-found');
    expectError(await mo.http.patch(`/api/memberships/${memberId}`).send({ shareCoaching: true }), 404, 'not-found');
    expectError(await mo.http.post('/api/memberships/999999/accept'), 404, 'not-found');
    expectError(await mo.http.post('/api/memberships/abc/accept'), 400, 'invalid-request');
  });
});

describe('compliance', () => {
  test('one row per active member with share, hours, planning held and scheduled, target and flags', async () => {
    const hr = await hrUser();
    const { cohortId, leaders } = await cohortOfSix(hr);
    // One more who was invited but never answered, and one without data who joined.
    await invite(hr, cohortId, ['pending@acme.example']);
    const empty = await leader('nodata@acme.example', 'Nora Data');
    await invite(hr, cohortId, [empty.user.email]);
    await join(empty, cohortId);

    const res = await hr.http.get(`/api/cohorts/${cohortId}/compliance`).expect(200);
    expect(res.body).toMatchObject({ quarter: '2026-Q1', currentQuarter: '2026-Q1', sort: 'name', flagged: 'all', counts: { active: 7, withData: 6, noData: 1 } });
    const rows = res.body.rows as Array<Record<string, unknown> & { flags: Array<{ code: string }> }>;
    expect(rows.map((row) => row.email)).toEqual([...leaders.map((l) => l.user.email), 'nodata@acme.example']);
    // Leader 0: 4 strategic hours, 20 ops hours, no planning day: 240 / 1440 minutes.
    expect(rows[0]).toMatchObject({ name: 'Leader 0', hasData: true, countedHours: 24, planningHeld: 0, planningScheduled: 0, planningTarget: 3, strategicTarget: 0.2 });
    expect(rows[0]!.strategicShare).toBeCloseTo(240 / 1440, 10);
    expect(rows[0]!.flags.map((f) => f.code)).toEqual(['low-strategic-share', 'missing-planning-days']);
    // Leader 3: 13 strategic, 14 ops, 3 planning days (held: all before 20 March).
    expect(rows[3]).toMatchObject({ countedHours: 13 + 14 + 24, planningHeld: 3, planningScheduled: 0 });
    expect(rows[3]!.flags, JSON.stringify(rows[3])).toEqual([]);
    expect(rows[6]).toMatchObject({ name: 'Nora Data', hasData: false, strategicShare: null, flags: [] });

    const flagged = await hr.http.get(`/api/cohorts/${cohortId}/compliance`).query({ flagged: 'only', sort: '-strategic-share' }).expect(200);
    const shares = (flagged.body.rows as Array<{ strategicShare: number; flags: unknown[] }>).map((row) => row.strategicShare);
    expect(flagged.body.rows.length).toBe(res.body.counts.flagged);
    expect(flagged.body.rows.length).toBe(5);
    expect(flagged.body.rows.every((row: { flags: unknown[] }) => row.flags.length > 0)).toBe(true);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));

    const older = await hr.http.get(`/api/cohorts/${cohortId}/compliance`).query({ quarter: '2025-Q4' }).expect(200);
    expect(older.body.counts).toMatchObject({ active: 7, withData: 0, noData: 7 });
  });

  test('the CSV is the table, and a name that would run as a formula is written as text', async () => {
    const hr = await hrUser();
    const { cohortId, leaders } = await cohortOfSix(hr);
    await leaders[0]!.http.patch(`/api/leaders/${leaders[0]!.leaderId}`).send({ name: "=cmd|' /C calc'!A0" }).expect(200);
    const res = await hr.http.get(`/api/cohorts/${cohortId}/compliance.csv`).query({ flagged: 'only' }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="lol-programme-2026-2026-Q1-compliance-flagged.csv"');
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Name,E-mail,Quarter,Data,Strategic share \(%\)/);
    expect(lines[1]).toMatch(/^'=cmd\|' \/C calc'!A0,leader0@acme\.example,2026-Q1,yes,16\.7,20,24,0,0,3,yes,yes,/);
    const json = await hr.http.get(`/api/cohorts/${cohortId}/compliance`).query({ flagged: 'only' }).expect(200);
    expect(lines.length - 1).toBe(json.body.rows.length);
  });
  test('the table follows a member’s new import, rule and name on the next request', async () => {
    const hr = await hrUser();
    const { cohortId, leaders } = await cohortOfSix(hr);
    const rowOf = async (email: string) =>
      ((await hr.http.get(`/api/cohorts/${cohortId}/compliance`).expect(200)).body.rows as Array<{ email: string; name: string; countedHours: number; strategicShare: number }>).find(
        (row) => row.email === email,
      )!;
    const who = leaders[0]!;
    const before = await rowOf(who.user.email);
    await importCalendar(who, teamCalendar('more', '2026-02-01', 5, 0, 0));
    const afterImport = await rowOf(who.user.email);
    expect(afterImport.countedHours).toBe(before.countedHours + 5);
    await who.http
      .post(`/api/leaders/${who.leaderId}/rules`)
      .send({ name: 'Ops updates steer', conditions: [{ field: 'title', op: 'contains', value: 'ops status' }], category: 'strategic' })
      .expect(201);
    expect((await rowOf(who.user.email)).strategicShare).toBe(1);
    await who.http.patch(`/api/leaders/${who.leaderId}`).send({ name: 'Leader Zero' }).expect(200);
    expect((await rowOf(who.user.email)).name).toBe('Leader Zero');
  });
});

describe('privacy', () => {
  test('HR never receives a title, an attendee, a description or a place from any route', async () => {
    const hr = await hrUser();
    const sam = await leader('sam.lee@acme.example', 'Sam Lee');
    await importCalendar(sam);
    const { cohortId, leaders } = await cohortOfSix(hr);
    await invite(hr, cohortId, [sam.user.email]);
    await join(sam, cohortId);
    await t.db.insert(coachGrants).values({ leaderId: sam.leaderId, coachEmail: 'coach@acme.example', canEdit: false, status: 'active', createdAt: FIXED_NOW }).run();
    await hr.http.post('/api/diagnostic/answers').send({ answers: Object.fromEntries(DIAGNOSTIC_IDS.map((key) => [key, true])) }).expect(201);

    const texts: string[] = [];
    for (const path of [
      '/api/cohorts',
      `/api/cohorts/${cohortId}/members`,
      `/api/cohorts/${cohortId}/compliance`,
      `/api/cohorts/${cohortId}/compliance?flagged=only`,
      `/api/cohorts/${cohortId}/compliance.csv`,
      `/api/cohorts/${cohortId}/charts`,
      `/api/cohorts/${cohortId}/charts?quarter=2025-Q4`,
      '/api/diagnostic',
    ]) {
      const res = await hr.http.get(path).expect(200);
      texts.push(res.text);
    }
    const all = texts.join('\n');
    // The row is there: the check below is about what it leaves out.
    expect(all).toContain('sam.lee@acme.example');
    for (const secret of ['Talent review Q1', 'Weekly ops status update', 'Strategy session', '1:1 Sam / Priya', 'Globex', 'priya.nair', 'tom.berg', 'Running notes', 'meet.google.com', 'coach@acme.example', 'summary', 'attendee']) {
      expect(all, secret).not.toContain(secret);
    }
    // And HR has no way into the leader's own routes.
    expectError(await hr.http.get(`/api/leaders/${sam.leaderId}/events`), 404, 'not-found');
    expectError(await hr.http.get(`/api/leaders/${leaders[0]!.leaderId}/summary`), 404, 'not-found');
  });

  test('leaving takes a leader out of the table and every aggregate on the next request', async () => {
    const hr = await hrUser();
    const { cohortId, leaders } = await cohortOfSix(hr);
    const before = await hr.http.get(`/api/cohorts/${cohortId}/charts`).expect(200);
    expect(before.body.distribution).toMatchObject({ suppression: null, people: 6 });
    const q1 = (body: { trend: Array<{ quarter: string; median: number | null }> }) => body.trend.find((x) => x.quarter === '2026-Q1')!;

    const leaving = leaders[5]!;
    await leaving.http.post(`/api/memberships/${await membershipOf(leaving, cohortId)}/leave`).expect(200);
    const table = await hr.http.get(`/api/cohorts/${cohortId}/compliance`).expect(200);
    expect(table.body.rows.map((row: { email: string }) => row.email)).not.toContain(leaving.user.email);
    expect(table.body.counts.active).toBe(5);
    const after = await hr.http.get(`/api/cohorts/${cohortId}/charts`).expect(200);
    expect(after.body.distribution).toMatchObject({ suppression: null, people: 5 });
    expect(q1(after.body).median).not.toBe(q1(before.body).median);
    expect(after.body.distribution.buckets.reduce((sum: number, b: { count: number }) => sum + b.count, 0)).toBe(5);

    // Four left: under K, every aggregate is hidden.
    await leaders[4]!.http.post(`/api/memberships/${await membershipOf(leaders[4]!, cohortId)}/leave`).expect(200);
    const hidden = await hr.http.get(`/api/cohorts/${cohortId}/charts`).expect(200);
    expect(hidden.body.distribution).toMatchObject({ suppression: 'fewer-than-k', people: null, median: null, below: null });
    expect(hidden.body.distribution.buckets.every((b: { count: number }) => b.count === 0)).toBe(true);
    expect(q1(hidden.body)).toMatchObject({ suppression: 'fewer-than-k', median: null });
    expect(hidden.body.planningTarget.every((p: { share: number | null }) => p.share === null)).toBe(true);
  });

  test('a quarter where one more leader has data than in another: the other quarter is hidden', async () => {
    const hr = await hrUser();
    const { cohortId, leaders } = await cohortOfSix(hr);
    // Five of the six also have 2025-Q4 data; the sixth started in 2026.
    for (const who of leaders.slice(0, 5)) {
      await importCalendar(who, teamCalendar(`q4-${who.leaderId}`, '2025-10-05', 4, 10, 1));
    }
    const charts = await hr.http.get(`/api/cohorts/${cohortId}/charts`).expect(200);
    const q4 = charts.body.trend.find((x: { quarter: string }) => x.quarter === '2025-Q4');
    expect(q4).toMatchObject({ suppression: 'difference', median: null, mean: null, people: null });
    expect(charts.body.distribution.suppression).toBeNull();
    // Asked about 2025-Q4, the five are shown; the six of 2026-Q1 are not in that view at all.
    const older = await hr.http.get(`/api/cohorts/${cohortId}/charts`).query({ quarter: '2025-Q4' }).expect(200);
    expect(older.body.distribution).toMatchObject({ suppression: null, people: 5 });
    expect(older.body.trend.map((x: { quarter: string }) => x.quarter)).not.toContain('2026-Q1');
  });
});

describe('charts', () => {
  test('distribution in 5-point buckets with the 20% line, planning target per quarter, trend of median and mean', async () => {
    const hr = await hrUser();
    const { cohortId } = await cohortOfSix(hr);
    const compliance = await hr.http.get(`/api/cohorts/${cohortId}/compliance`).expect(200);
    const shares = (compliance.body.rows as Array<{ strategicShare: number }>).map((row) => row.strategicShare).sort((a, b) => a - b);
    const res = await hr.http.get(`/api/cohorts/${cohortId}/charts`).expect(200);
    expect(res.body).toMatchObject({ cohort: { id: cohortId, name: 'LoL programme 2026' }, quarter: '2026-Q1', minGroup: 5, threshold: 0.2 });
    expect(res.body.distribution.buckets).toHaveLength(11);
    expect(res.body.distribution.below).toBe(shares.filter((s) => s < 0.2).length);
    expect(res.body.distribution.median).toBeCloseTo((shares[2]! + shares[3]!) / 2, 10);
    const meeting = (compliance.body.rows as Array<{ flags: Array<{ code: string }> }>).filter((row) => !row.flags.some((f) => f.code === 'missing-planning-days')).length;
    expect(res.body.planningTarget.at(-1)).toMatchObject({ quarter: '2026-Q1', people: 6, meeting });
    expect(res.body.planningTarget.map((p: { quarter: string }) => p.quarter)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(res.body.trend.at(-1).mean).toBeCloseTo(shares.reduce((a, b) => a + b, 0) / 6, 10);
  });
});

describe('diagnostic', () => {
  test('statements, dated answers newest first with score and band, and evidence from the cohorts', async () => {
    const hr = await hrUser();
    const first = await hr.http.get('/api/diagnostic').expect(200);
    expect(first.body.statements.map((s: { id: string }) => s.id)).toEqual([...DIAGNOSTIC_IDS]);
    expect(first.body).toMatchObject({ latest: null, history: [], minGroup: 5 });
    expect(first.body.evidence['dedicated-programme']).toMatchObject({ kind: 'shown', text: 'No cohort yet: Altitude has no programme to show.' });
    expect(first.body.evidence['strategy-translation']).toMatchObject({ kind: 'hidden', suppression: 'fewer-than-k' });
    expect(Object.keys(first.body.evidence).sort()).toEqual(
      ['capability-plan', 'dedicated-programme', 'leadership-quality', 'protected-planning-time', 'strategy-translation', 'transition-support'],
    );

    const answers = Object.fromEntries(DIAGNOSTIC_IDS.map((key, index) => [key, index < 4]));
    const one = await hr.http.post('/api/diagnostic/answers').send({ answers, note: 'Before the programme' }).expect(201);
    expect(one.body.entry).toMatchObject({ score: 4, band: { id: 'significant-gap' }, note: 'Before the programme', answeredAt: new Date(FIXED_NOW).toISOString() });
    const more = Object.fromEntries(DIAGNOSTIC_IDS.map((key, index) => [key, index < 8]));
    const two = await hr.http.post('/api/diagnostic/answers').send({ answers: more }).expect(201);
    expect(two.body.entry).toMatchObject({ score: 8, band: { id: 'ahead' }, note: '' });
    const seven = Object.fromEntries(DIAGNOSTIC_IDS.map((key, index) => [key, index < 7]));
    await hr.http.post('/api/diagnostic/answers').send({ answers: seven }).expect(201);

    const view = await hr.http.get('/api/diagnostic').expect(200);
    expect(view.body.history.map((e: { score: number; band: { id: string } }) => [e.score, e.band.id])).toEqual([
      [7, 'some-support'],
      [8, 'ahead'],
      [4, 'significant-gap'],
    ]);
    expect(view.body.latest).toEqual(view.body.history[0]);
    // Another HR user has a history of their own.
    const other = await hrUser('otto.hr@acme.example', 'Otto');
    expect((await other.http.get('/api/diagnostic').expect(200)).body.history).toEqual([]);
  });

  test('evidence: medians and talent reviews over the cohort last quarter, each over K people or hidden', async () => {
    const hr = await hrUser();
    const { cohortId, leaders } = await cohortOfSix(hr);
    // Last quarter (2025-Q4): all six have data; three hold a talent review.
    for (const [index, who] of leaders.entries()) {
      const talent = index < 3 ? [event({ uid: `talent-${index}`, summary: 'Talent review Finance', start: '20251110T09:00:00Z', end: '20251110T11:00:00Z' })] : [];
      await importCalendar(who, teamCalendar(`q4-${index}`, '2025-10-05', 2 + index, 10, index % 4, talent));
    }
    // The same people in a second cohort count once.
    const second = await createCohort(hr, 'Second programme');
    await invite(hr, second, [leaders[0]!.user.email]);
    await join(leaders[0]!, second);

    const view = await hr.http.get('/api/diagnostic').expect(200);
    const evidence = view.body.evidence;
    expect(evidence['dedicated-programme'].text).toBe('2 cohorts with 6 active members (7 people invited in all).');
    expect(evidence['strategy-translation']).toMatchObject({ kind: 'shown', people: 6, quarter: '2025-Q4' });
    expect(evidence['strategy-translation'].text).toMatch(/^Median strategic share in 2025-Q4: \d+\.\d% across 6 leaders; \d of 6 under their target\.$/);
    expect(evidence['leadership-quality']).toMatchObject({ kind: 'shown', value: 0, people: 6 });
    expect(evidence['protected-planning-time']).toMatchObject({ kind: 'shown', people: 6 });
    // Each leader's talent reviews are on their row of the table: the share of them is no secret.
    expect(evidence['capability-plan']).toMatchObject({
      kind: 'shown',
      value: 0.5,
      people: 6,
      text: '3 of 6 leaders (50.0%) had a talent review, succession or calibration session in 2025-Q4.',
    });
    const q4 = await hr.http.get(`/api/cohorts/${cohortId}/compliance`).query({ quarter: '2025-Q4' }).expect(200);
    expect((q4.body.rows as Array<{ email: string; talentReviews: number }>).map((row) => [row.email, row.talentReviews])).toEqual(
      leaders.map((who, index) => [who.user.email, index < 3 ? 1 : 0]),
    );
    // Nobody shares whether they have a coach: nothing to count.
    expect(evidence['transition-support']).toMatchObject({ kind: 'hidden', suppression: 'fewer-than-k' });
    expect(evidence['transition-support'].text).toBe('Members working with a coach: fewer than 5 members share whether they do, so it is hidden to protect individuals.');

    // Two leave: five with data is still K; four is not.
    await leaders[5]!.http.post(`/api/memberships/${await membershipOf(leaders[5]!, cohortId)}/leave`).expect(200);
    expect((await hr.http.get('/api/diagnostic').expect(200)).body.evidence['capability-plan']).toMatchObject({ kind: 'shown', people: 5 });
    await leaders[4]!.http.post(`/api/memberships/${await membershipOf(leaders[4]!, cohortId)}/leave`).expect(200);
    expect((await hr.http.get('/api/diagnostic').expect(200)).body.evidence['capability-plan']).toMatchObject({ kind: 'hidden', suppression: 'fewer-than-k' });
  });
});

describe('coaching status: only what the leader shares', () => {
  /** Leaders without calendars: coaching does not need figures. */
  async function members(hr: TestUser, cohortId: number, prefix: string, count: number, share: boolean, coachedCount: number): Promise<TestUser[]> {
    const made: TestUser[] = [];
    for (let i = 0; i < count; i++) made.push(await leader(`${prefix}${i}@acme.example`, `${prefix} ${i}`));
    await invite(hr, cohortId, made.map((who) => who.user.email));
    for (const [i, who] of made.entries()) {
      if (i < coachedCount) giveCoach(who);
      await join(who, cohortId, { shareCoaching: share });
    }
    return made;
  }

  function giveCoach(who: TestUser): void {
    t.db.insert(coachGrants).values({ leaderId: who.leaderId, coachEmail: 'coach@acme.example', canEdit: false, status: 'active', createdAt: FIXED_NOW }).run();
  }

  async function coachingEvidence(hr: TestUser) {
    return (await hr.http.get('/api/diagnostic').expect(200)).body.evidence['transition-support'];
  }

  async function coachingColumn(hr: TestUser, cohortId: number): Promise<Record<string, string>> {
    const res = await hr.http.get(`/api/cohorts/${cohortId}/compliance`).expect(200);
    return Object.fromEntries((res.body.rows as Array<{ email: string; coaching: string }>).map((row) => [row.email, row.coaching]));
  }

  test('a member who joins, is removed or leaves without sharing changes nothing HR sees about coaching', async () => {
    const hr = await hrUser();
    const cohortId = await createCohort(hr);
    // Six share (two of them coached); four do not (one of them coached).
    const sharing = await members(hr, cohortId, 'share', 6, true, 2);
    const private_ = await members(hr, cohortId, 'quiet', 4, false, 1);
    const before = await coachingEvidence(hr);
    expect(before).toEqual({ kind: 'shown', text: '2 of 6 members who share it work with a coach through Altitude.', value: 2 / 6, people: 6, quarter: null });
    const column = await coachingColumn(hr, cohortId);
    expect(column).toEqual({
      ...Object.fromEntries(sharing.map((who, i) => [who.user.email, i < 2 ? 'coached' : 'not-coached'])),
      ...Object.fromEntries(private_.map((who) => [who.user.email, 'not-shared'])),
    });

    // The review's repro: a leader joins. Without sharing, with a coach or without, nothing moves.
    const newcomer = (await members(hr, cohortId, 'new', 1, false, 0))[0]!;
    expect(await coachingEvidence(hr)).toEqual(before);
    const coachedNewcomer = (await members(hr, cohortId, 'newcoached', 1, false, 1))[0]!;
    expect(await coachingEvidence(hr)).toEqual(before);
    expect(await coachingColumn(hr, cohortId)).toMatchObject({ [newcomer.user.email]: 'not-shared', [coachedNewcomer.user.email]: 'not-shared' });

    // HR removes a member who does not share (the coached one): no count moves, nothing is hidden.
    const listed = (await hr.http.get(`/api/cohorts/${cohortId}/members`).expect(200)).body.members as Array<{ id: number; email: string }>;
    await hr.http.delete(`/api/cohorts/${cohortId}/members/${listed.find((m) => m.email === private_[0]!.user.email)!.id}`).expect(204);
    expect(await coachingEvidence(hr)).toEqual(before);
    // Nor when one leaves, nor when one with a coach ends it.
    await private_[1]!.http.post(`/api/memberships/${await membershipOf(private_[1]!, cohortId)}/leave`).expect(200);
    t.db.update(coachGrants).set({ status: 'revoked' }).where(eq(coachGrants.leaderId, coachedNewcomer.leaderId)).run();
    expect(await coachingEvidence(hr)).toEqual(before);
  });

  test('a member who shares appears in the count and on their row; the choice can change at any time', async () => {
    const hr = await hrUser();
    const cohortId = await createCohort(hr);
    await members(hr, cohortId, 'share', 4, true, 1);
    const quiet = (await members(hr, cohortId, 'quiet', 1, false, 1))[0]!;
    // Four who share: under K, hidden.
    expect(await coachingEvidence(hr)).toMatchObject({ kind: 'hidden', suppression: 'fewer-than-k' });

    const newcomer = (await members(hr, cohortId, 'new', 1, true, 0))[0]!;
    expect(await coachingEvidence(hr)).toMatchObject({ kind: 'shown', text: '1 of 5 members who share it work with a coach through Altitude.', people: 5 });
    expect((await coachingColumn(hr, cohortId))[newcomer.user.email]).toBe('not-coached');

    // The quiet member ticks the box later: their status and the count follow on the next request.
    const quietMembership = await membershipOf(quiet, cohortId);
    expect((await coachingColumn(hr, cohortId))[quiet.user.email]).toBe('not-shared');
    await quiet.http.patch(`/api/memberships/${quietMembership}`).send({ shareCoaching: true }).expect(200);
    expect((await coachingColumn(hr, cohortId))[quiet.user.email]).toBe('coached');
    expect(await coachingEvidence(hr)).toMatchObject({ kind: 'shown', text: '2 of 6 members who share it work with a coach through Altitude.' });
    const csv = (await hr.http.get(`/api/cohorts/${cohortId}/compliance.csv`).expect(200)).text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]!.endsWith(',Talent reviews,Calendar starts,Coaching')).toBe(true);
    expect(csv.find((line) => line.includes(quiet.user.email))!.endsWith(',coached')).toBe(true);

    // The coach engagement ends: the row says so at once (the table's cache does not hold it).
    t.db.update(coachGrants).set({ status: 'revoked' }).where(eq(coachGrants.leaderId, quiet.leaderId)).run();
    expect((await coachingColumn(hr, cohortId))[quiet.user.email]).toBe('not-coached');
    // And unticked: not shared, and out of the count.
    await quiet.http.patch(`/api/memberships/${quietMembership}`).send({ shareCoaching: false }).expect(200);
    expect((await coachingColumn(hr, cohortId))[quiet.user.email]).toBe('not-shared');
    expect(await coachingEvidence(hr)).toMatchObject({ kind: 'shown', text: '1 of 5 members who share it work with a coach through Altitude.' });

    // Leaving clears the choice: accepting again asks afresh.
    await newcomer.http.post(`/api/memberships/${await membershipOf(newcomer, cohortId)}/leave`).expect(200);
    await invite(hr, cohortId, [newcomer.user.email]);
    await join(newcomer, cohortId);
    expect((await coachingColumn(hr, cohortId))[newcomer.user.email]).toBe('not-shared');
  });
});
