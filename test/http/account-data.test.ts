import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createSession } from '../../server/services/sessions.ts';
import { SESSION_COOKIE } from '../../server/http/session-cookie.ts';
import { closeExpectingNoServerError, expectError, importCalendar } from '../support/http-checks.ts';
import { allRows, allTables, countPersonRows, othersRows, PERSON_ROWS, type PersonKey } from '../support/person-rows.ts';
import { addUser, clientFor, createTestApp, FIXED_NOW, request, TEST_PASSWORD, type TestApp, type TestUser } from '../support/test-app.ts';

/**
 * A person's data rights over HTTP: GET /api/me/export and DELETE /api/me. The world has two
 * leaders with calendars, a coach of both, a coach who declined, two HR users with cohorts and
 * diagnostics, and two administrators, so that a deletion has neighbours it must not touch.
 */

interface World {
  sam: TestUser;
  noor: TestUser;
  dana: TestUser;
  drew: TestUser;
  hana: TestUser;
  omar: TestUser;
  ops: TestUser;
  ops2: TestUser;
}

let t: TestApp;
let w: World;

const DIAGNOSTIC = Object.fromEntries(
  ['dedicated-programme', 'role-definition', 'expectations-communicated', 'strategy-translation', 'promotion-criteria', 'transition-support', 'leadership-quality', 'protected-planning-time', 'capability-plan', 'executive-feedback-loop'].map(
    (id, i) => [id, i % 3 === 0],
  ),
);

async function ok(request: Promise<{ status: number; body: any }>, status = 200): Promise<any> {
  const res = await request;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

async function buildWorld(): Promise<World> {
  const world: World = {
    sam: await addUser(t, { email: 'sam.lee@acme.example', name: 'Sam Lee' }),
    noor: await addUser(t, { email: 'noor.haddad@acme.example', name: 'Noor Haddad' }),
    dana: await addUser(t, { email: 'dana@coaching.example', name: 'Dana Coach', role: 'coach' }),
    drew: await addUser(t, { email: 'drew@coaching.example', role: 'coach' }),
    hana: await addUser(t, { email: 'hana.hr@acme.example', role: 'hr' }),
    omar: await addUser(t, { email: 'omar.hr@acme.example', role: 'hr' }),
    ops: await addUser(t, { email: 'ops@acme.example', role: 'admin' }),
    ops2: await addUser(t, { email: 'ops2@acme.example', role: 'admin' }),
  };
  const { sam, noor, dana, drew, hana, omar } = world;
  await importCalendar(sam);
  await importCalendar(noor);
  const samEvents = (await ok(sam.http.get(`/api/leaders/${sam.leaderId}/events`).query({ from: '2026-03-02', to: '2026-03-13' }))).events as Array<{ id: number }>;
  await ok(sam.http.put(`/api/leaders/${sam.leaderId}/events/${samEvents[0]!.id}/category`).send({ category: 'strategic' }));
  await ok(sam.http.post(`/api/leaders/${sam.leaderId}/rules`).send({ name: 'Focus', conditions: [{ field: 'title', op: 'contains', value: 'Focus' }], category: 'strategic' }), 201);

  const grant = async (leader: TestUser, coach: TestUser, answer: 'accept' | 'decline') => {
    const { grant: invited, inviteCode } = await ok(leader.http.post('/api/grants').send({ coachEmail: coach.user.email, canEdit: true }), 201);
    await ok(coach.http.post(`/api/grants/${invited.id}/${answer}`).send(answer === 'accept' ? { code: inviteCode } : {}));
    return invited.id as number;
  };
  const samDana = await grant(sam, dana, 'accept');
  const noorDana = await grant(noor, dana, 'accept');
  await grant(noor, drew, 'decline');
  await ok(sam.http.post('/api/grants').send({ coachEmail: 'pending.coach@coaching.example' }), 201);
  await ok(sam.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'Sam: protect Fridays.', grantId: samDana }), 201);
  await ok(dana.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'Dana on Sam: planning days.' }), 201);
  await ok(dana.http.post(`/api/leaders/${noor.leaderId}/notes`).send({ body: 'Dana on Noor.' }), 201);
  await ok(noor.http.post(`/api/leaders/${noor.leaderId}/notes`).send({ body: 'Noor: agenda.', grantId: noorDana }), 201);

  const cohortA = (await ok(hana.http.post('/api/cohorts').send({ name: 'LoL 2026' }), 201)).cohort.id as number;
  await ok(hana.http.post(`/api/cohorts/${cohortA}/invitations`).send({ emails: [sam.user.email, noor.user.email, 'someone@acme.example'] }), 201);
  const cohortB = (await ok(omar.http.post('/api/cohorts').send({ name: 'Other programme' }), 201)).cohort.id as number;
  await ok(omar.http.post(`/api/cohorts/${cohortB}/invitations`).send({ emails: [sam.user.email, noor.user.email] }), 201);
  for (const leader of [sam, noor]) {
    const memberships = (await ok(leader.http.get('/api/memberships'))).memberships as Array<{ id: number; cohort: { id: number } }>;
    const inA = memberships.find((m) => m.cohort.id === cohortA)!;
    await ok(leader.http.post(`/api/memberships/${inA.id}/accept`).send({ shareCoaching: leader === sam }));
  }
  await ok(hana.http.post('/api/diagnostic/answers').send({ answers: DIAGNOSTIC }), 201);
  await ok(omar.http.post('/api/diagnostic/answers').send({ answers: DIAGNOSTIC, note: 'Omar' }), 201);
  // A second browser of Sam's: deleting the account ends it too.
  createSession(t.db, sam.user.id, FIXED_NOW);
  return world;
}

const keyOf = (who: TestUser): PersonKey => ({ userId: who.user.id, leaderId: who.user.leaderId, email: who.user.email });

async function freshWorld(): Promise<void> {
  t = createTestApp();
  w = await buildWorld();
}

describe('DELETE /api/me', () => {
  // Each deletion gets a world of its own.
  beforeEach(freshWorld);
  afterEach(() => closeExpectingNoServerError(t));

  test('the ownership table names every table the database holds', () => {
    expect(Object.keys(PERSON_ROWS).sort()).toEqual(allTables(t.db));
  });

  test.each([
    ['a leader', 'sam', ['users', 'sessions', 'leaders', 'sources', 'imports', 'events', 'rules', 'manual_decisions', 'leader_quarter_figures', 'coach_grants', 'engagement_notes', 'cohort_members']],
    ['a coach', 'dana', ['users', 'sessions', 'coach_grants', 'engagement_notes']],
    ['a coach who declined', 'drew', ['users', 'sessions', 'coach_grants']],
    ['HR', 'hana', ['users', 'sessions', 'cohorts', 'cohort_members', 'diagnostic_answers']],
    ['an administrator', 'ops', ['users', 'sessions']],
  ] as const)('deleting %s removes exactly their rows from every table and leaves every other row as it was', async (_label, name, mustHold) => {
    const who = w[name];
    const person = keyOf(who);
    const before = countPersonRows(t.db, person);
    for (const table of mustHold) expect(before[table]!.theirs, `${name} has rows in ${table} before`).toBeGreaterThan(0);
    const others = othersRows(t.db, person);

    const res = await who.http.delete('/api/me').send({ password: TEST_PASSWORD });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(String(res.headers['set-cookie'])).toContain(`${SESSION_COOKIE}=;`);

    const after = countPersonRows(t.db, person);
    for (const table of allTables(t.db)) {
      expect(after[table], table).toEqual({ all: before[table]!.all - before[table]!.theirs, theirs: 0 });
      if (before[table]!.theirs > 0 && table !== '__drizzle_migrations') expect(res.body.deleted[table], `reported for ${table}`).toBe(before[table]!.theirs);
    }
    // Not just the counts: every other row is byte for byte what it was.
    expect(allRows(t.db)).toEqual(others);
    // Every session ended: this one and the other browser.
    expect((await who.http.get('/api/session')).body).toEqual({ user: null });
    expectError(await clientFor(t.app, null).post('/api/session').send({ email: who.user.email, password: TEST_PASSWORD }), 401, 'invalid-credentials');
  });

  test('the others go on working: the coach of a deleted leader still has the other client', async () => {
    await ok(w.sam.http.delete('/api/me').send({ password: TEST_PASSWORD }));
    const clients = (await ok(w.dana.http.get('/api/coach/clients'))).clients as Array<{ leader: { email: string } }>;
    expect(clients.map((c) => c.leader.email)).toEqual([w.noor.user.email]);
    const members = (await ok(w.hana.http.get(`/api/cohorts/${(await ok(w.hana.http.get('/api/cohorts'))).cohorts[0].id}/members`))).members as Array<{ email: string }>;
    expect(members.map((m) => m.email).sort()).toEqual([w.noor.user.email, 'someone@acme.example']);
  });

  test('refused without the right password, without the CSRF token, or for the last administrator; nothing changes', async () => {
    const session = createSession(t.db, w.sam.user.id, FIXED_NOW);
    const everything = allRows(t.db);
    expectError(await w.sam.http.delete('/api/me').send({ password: 'not my password at all' }), 403, 'wrong-password');
    expectError(await w.sam.http.delete('/api/me').send({}), 400, 'invalid-request');
    const withoutToken = await request(t.app).delete('/api/me').set('Cookie', `${SESSION_COOKIE}=${session.token}`).send({ password: TEST_PASSWORD });
    expectError(withoutToken, 403, 'csrf-token-invalid');
    expectError(await clientFor(t.app, null).delete('/api/me').send({ password: TEST_PASSWORD }), 401, 'not-signed-in');
    expect(allRows(t.db)).toEqual(everything);
    // Of two administrators one may go; the last one stays.
    await ok(w.ops2.http.delete('/api/me').send({ password: TEST_PASSWORD }));
    const rest = allRows(t.db);
    expectError(await w.ops.http.delete('/api/me').send({ password: TEST_PASSWORD }), 409, 'last-administrator');
    expect(allRows(t.db)).toEqual(rest);
  });

  test('five wrong passwords make the next attempt wait, even with the right one', async () => {
    for (let i = 0; i < 5; i++) expectError(await w.noor.http.delete('/api/me').send({ password: `wrong guess number ${i}` }), 403, 'wrong-password');
    const res = await w.noor.http.delete('/api/me').send({ password: TEST_PASSWORD });
    expectError(res, 429, 'too-many-attempts');
    expect(res.headers['retry-after']).toBeDefined();
    expect(countPersonRows(t.db, keyOf(w.noor)).users!.theirs).toBe(1);
  });
});

describe('GET /api/me/export', () => {
  // Exports change nothing: one world for all of them.
  beforeAll(freshWorld);
  afterAll(() => closeExpectingNoServerError(t));

  async function exportOf(who: TestUser) {
    const res = await who.http.get('/api/me/export');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?altitude-export-2026-03-20\.json"?$/);
    expect(res.headers['cache-control']).toContain('no-store');
    return { text: res.text, data: JSON.parse(res.text) };
  }

  const column = (name: string) => name.replace(/_ms$/, '').replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  const columnsOf = (table: string) => (t.db.$client.prepare(`select name from pragma_table_info('${table}')`).all() as Array<{ name: string }>).map((c) => column(c.name)).sort();
  const count = (sql: string, ...args: unknown[]) => (t.db.$client.prepare(sql).get(...args) as { n: number }).n;

  test("a leader's export holds every stored row about them, with every column, and no secret", async () => {
    const { text, data } = await exportOf(w.sam);
    const leaderId = w.sam.leaderId;
    expect(data).toMatchObject({ format: 'altitude-account-export', version: 1, exportedAt: '2026-03-20T12:00:00.000Z', email: w.sam.user.email });
    expect(data.notIncluded.join(' ')).toMatch(/password hash.*Session tokens.*invitation codes/s);
    expect(data.account).toMatchObject({ id: w.sam.user.id, email: w.sam.user.email, role: 'leader', createdAt: '2026-03-20T12:00:00.000Z' });
    expect(data.account).not.toHaveProperty('passwordHash');
    expect(data.leaderProfile).toMatchObject({ id: leaderId, email: w.sam.user.email, timeZone: 'Europe/Berlin' });

    // Each table of the leader's data: all its rows, all its columns.
    const tables = { events: 'events', imports: 'imports', sources: 'sources', rules: 'rules', manualDecisions: 'manual_decisions', quarterFigures: 'leader_quarter_figures' } as const;
    for (const [key, table] of Object.entries(tables)) {
      expect(data[key].length, key).toBe(count(`select count(*) as n from ${table} where leader_id = ?`, leaderId));
      expect(data[key].length, key).toBeGreaterThan(0);
      expect(Object.keys(data[key][0]).sort(), key).toEqual(columnsOf(table));
    }
    const event = data.events.find((e: { summary: string }) => e.summary === 'Focus time');
    expect(event).toMatchObject({ start: expect.stringMatching(/^2026-03-\d\dT\d\d:\d\d:00\.000Z$/), attendees: expect.any(Array), reason: expect.any(Object), description: expect.any(String) });
    expect(data.imports[0].issues).toEqual(expect.any(Array));
    expect(data.events.every((e: { leaderId: number }) => e.leaderId === leaderId)).toBe(true);

    // Coaching: both grants (accepted, pending) without code hashes; the engagement's notes, both sides'.
    expect(data.coachGrants.map((g: { coachEmail: string; status: string }) => `${g.coachEmail} ${g.status}`).sort()).toEqual(['dana@coaching.example active', 'pending.coach@coaching.example invited']);
    expect(Object.keys(data.coachGrants[0])).not.toContain('inviteCodeHash');
    expect(data.engagementNotes.map((n: { body: string; author: { email: string } }) => `${n.author.email}: ${n.body}`).sort()).toEqual([
      'dana@coaching.example: Dana on Sam: planning days.',
      'sam.lee@acme.example: Sam: protect Fridays.',
    ]);
    // Cohorts: the accepted one (sharing figures and the coaching flag), the pending one.
    expect(data.cohortMemberships.map((m: any) => [m.cohortName, m.hr.email, m.status, m.shareCoaching, m.sharesQuarterFigures])).toEqual([
      ['LoL 2026', 'hana.hr@acme.example', 'active', true, true],
      ['Other programme', 'omar.hr@acme.example', 'invited', false, false],
    ]);
    expect(data.sessions).toHaveLength(2);
    expect(Object.keys(data.sessions[0]).sort()).toEqual(['createdAt', 'expiresAt', 'lastSeenAt']);
    expect(data.cohorts).toEqual([]);
    expect(data.diagnosticAnswers).toEqual([]);

    // No secret anywhere in the file, and nothing of the other leader's calendar.
    const secrets = [
      ...(t.db.$client.prepare('select password_hash as s from users where id = ?').all(w.sam.user.id) as Array<{ s: string }>),
      ...(t.db.$client.prepare('select id as s from sessions where user_id = ? union select csrf_token from sessions where user_id = ?').all(w.sam.user.id, w.sam.user.id) as Array<{ s: string }>),
      ...(t.db.$client.prepare('select invite_code_hash as s from coach_grants where leader_id = ? and invite_code_hash is not null').all(leaderId) as Array<{ s: string }>),
    ].map((r) => r.s);
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain('Dana on Noor');
    expect(text).not.toContain(`"leaderId": ${w.noor.leaderId},`);
  });

  test("a coach's export holds their engagements and the notes of them, and no client's calendar", async () => {
    const { data } = await exportOf(w.dana);
    expect(data.account).toMatchObject({ email: 'dana@coaching.example', role: 'coach' });
    expect(data.leaderProfile).toBeNull();
    expect(data.events).toEqual([]);
    expect(data.coachingEngagements.map((g: any) => [g.leader.email, g.status, g.canEdit])).toEqual([
      ['sam.lee@acme.example', 'active', true],
      ['noor.haddad@acme.example', 'active', true],
    ]);
    expect(data.engagementNotes.map((n: { body: string }) => n.body).sort()).toEqual(['Dana on Noor.', 'Dana on Sam: planning days.', 'Noor: agenda.', 'Sam: protect Fridays.']);
  });

  test("HR's export holds their cohorts with the invited addresses and their diagnostic answers", async () => {
    const { data } = await exportOf(w.hana);
    expect(data.cohorts).toHaveLength(1);
    expect(data.cohorts[0]).toMatchObject({ name: 'LoL 2026' });
    expect(data.cohorts[0].members.map((m: { email: string; status: string }) => `${m.email} ${m.status}`).sort()).toEqual([
      'noor.haddad@acme.example active',
      'sam.lee@acme.example active',
      'someone@acme.example invited',
    ]);
    expect(data.diagnosticAnswers).toHaveLength(1);
    expect(data.diagnosticAnswers[0]).toMatchObject({ answers: DIAGNOSTIC, answeredAt: '2026-03-20T12:00:00.000Z' });
    expect(data.events).toEqual([]);
    expect(data.quarterFigures).toEqual([]);
  });

  test('needs a session', async () => {
    expectError(await clientFor(t.app, null).get('/api/me/export'), 401, 'not-signed-in');
  });
});
