import { afterAll, describe, expect, test } from 'vitest';
import { listRoutes, type RouteKey } from '../support/list-routes.ts';
import { addUser, clientFor, createTestApp, readFixture, TEST_PASSWORD, type Client, type TestApp, type TestUser } from '../support/test-app.ts';

/**
 * Who may call what: every API route × every kind of caller → the status they get. The world is
 * one leader (Sam, the owner) with an imported calendar, a rule, a manual decision and a note;
 * coaches with an editing grant, a read-only grant and a revoked one; HR whose cohort Sam joined,
 * and HR who has nothing to do with Sam; another leader; an administrator; nobody signed in.
 * A route the app serves that this table does not list fails the last test.
 */

const ACTORS = ['anonymous', 'owner', 'otherLeader', 'coachEdit', 'coachRead', 'coachRevoked', 'hr', 'otherHr', 'admin'] as const;
type Actor = (typeof ACTORS)[number];
type Expected = Record<Actor, number>;

interface World {
  t: TestApp;
  as: Record<Actor, Client>;
  users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
  leaderId: number;
  eventId: number;
  ruleId: number;
  importId: number;
  /** Sam's calendar, the one his import made. */
  sourceId: number;
  noteId: number;
  editGrant: number;
  /** An invitation from the other leader to the revoked coach: the one that coach may accept. */
  openGrant: number;
  /** Its code, as the other leader was shown it. */
  openGrantCode: string;
  cohortId: number;
  /** Sam's accepted membership of HR's cohort. */
  samMembership: number;
  /** HR's invitation to the other leader, not answered yet. */
  openMembership: number;
  memberToRemove: number;
}

async function buildWorld(): Promise<World> {
  const t = createTestApp();
  const users = {
    owner: await addUser(t, { email: 'sam.lee@acme.example', name: 'Sam Lee' }),
    otherLeader: await addUser(t, { email: 'noor.haddad@acme.example', name: 'Noor Haddad' }),
    coachEdit: await addUser(t, { email: 'edit.coach@coaching.example', role: 'coach' }),
    coachRead: await addUser(t, { email: 'read.coach@coaching.example', role: 'coach' }),
    coachRevoked: await addUser(t, { email: 'gone.coach@coaching.example', role: 'coach' }),
    hr: await addUser(t, { email: 'hana.hr@acme.example', role: 'hr' }),
    otherHr: await addUser(t, { email: 'omar.hr@acme.example', role: 'hr' }),
    admin: await addUser(t, { email: 'ops@acme.example', role: 'admin' }),
  };
  const sam = users.owner.http;
  const leaderId = users.owner.leaderId;
  const ok = async (request: Promise<{ status: number; body: any }>, status = 200) => {
    const res = await request;
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  const importId = (await ok(sam.post(`/api/leaders/${leaderId}/imports`).set('Content-Type', 'text/calendar').send(readFixture('leader-week.ics')), 201)).import.importId as number;
  const events = (await ok(sam.get(`/api/leaders/${leaderId}/events`).query({ from: '2026-03-02', to: '2026-03-13' }))).events as Array<{ id: number; summary: string }>;
  const eventId = events.find((e) => e.summary === 'Focus time')!.id;
  const sourceId = (await ok(sam.get(`/api/leaders/${leaderId}/sources`))).sources[0].id as number;
  await ok(sam.put(`/api/leaders/${leaderId}/events/${eventId}/category`).send({ category: 'strategic' }));
  const rule = (await ok(sam.post(`/api/leaders/${leaderId}/rules`).send(RULE), 201)).rule as { id: string };
  const grant = async (coach: TestUser, canEdit: boolean) => {
    const { grant: invited, inviteCode } = await ok(sam.post('/api/grants').send({ coachEmail: coach.user.email, canEdit }), 201);
    await ok(coach.http.post(`/api/grants/${invited.id}/accept`).send({ code: inviteCode }));
    return invited.id as number;
  };
  const editGrant = await grant(users.coachEdit, true);
  await grant(users.coachRead, false);
  await ok(sam.delete(`/api/grants/${await grant(users.coachRevoked, true)}`), 200);
  const invitation = await ok(users.otherLeader.http.post('/api/grants').send({ coachEmail: users.coachRevoked.user.email }), 201);
  const openGrant = invitation.grant.id as number;
  const openGrantCode = invitation.inviteCode as string;
  const noteId = (await ok(sam.post(`/api/leaders/${leaderId}/notes`).send({ body: 'Protect Fridays.', grantId: editGrant }), 201)).note.id as number;

  const hr = users.hr.http;
  const cohortId = (await ok(hr.post('/api/cohorts').send({ name: 'LoL 2026' }), 201)).cohort.id as number;
  await ok(hr.post(`/api/cohorts/${cohortId}/invitations`).send({ emails: ['sam.lee@acme.example', 'noor.haddad@acme.example', 'someone@acme.example'] }), 201);
  const memberships = async (who: TestUser) => (await ok(who.http.get('/api/memberships'))).memberships as Array<{ id: number }>;
  const samMembership = (await memberships(users.owner))[0]!.id;
  await ok(sam.post(`/api/memberships/${samMembership}/accept`));
  const openMembership = (await memberships(users.otherLeader))[0]!.id;
  const members = (await ok(hr.get(`/api/cohorts/${cohortId}/members`))).members as Array<{ id: number; email: string }>;
  const memberToRemove = members.find((m) => m.email === 'someone@acme.example')!.id;

  const as = { anonymous: clientFor(t.app, null) } as Record<Actor, Client>;
  for (const actor of ACTORS) if (actor !== 'anonymous') as[actor] = users[actor].http;
  return { t, as, users, leaderId, eventId, ruleId: Number(rule.id.replace('user:', '')), importId, sourceId, noteId, editGrant, openGrant, openGrantCode, cohortId, samMembership, openMembership, memberToRemove };
}

const RULE = { name: 'Focus is strategic', match: 'all', conditions: [{ field: 'title', op: 'contains', value: 'Focus' }], category: 'strategic', stage: 'classification' };
const DIAGNOSTIC_IDS = ['dedicated-programme', 'role-definition', 'expectations-communicated', 'strategy-translation', 'promotion-criteria', 'transition-support', 'leadership-quality', 'protected-planning-time', 'capability-plan', 'executive-feedback-loop'];

// Patterns that most routes follow.
const everyone = (status: number): Expected => Object.fromEntries(ACTORS.map((a) => [a, status])) as Expected;
const signedIn = (status: number): Expected => ({ ...everyone(status), anonymous: 401 });
/** Sam's data: Sam and his coaches (editing coach included) may read; no one else even learns it exists. */
const leaderRead = (status = 200): Expected => ({ anonymous: 401, owner: status, otherLeader: 404, coachEdit: status, coachRead: status, coachRevoked: 404, hr: 404, otherHr: 404, admin: 404 });
/** Re-classifying: Sam and the coach he allowed to edit. */
const leaderEdit = (status = 200): Expected => ({ ...leaderRead(status), coachRead: 403 });
/** Importing, settings: Sam alone. */
const leaderOwn = (status = 200): Expected => ({ ...leaderRead(status), coachEdit: 403, coachRead: 403 });
const onlyRoles = (status: number, allowed: Actor[]): Expected => ({ ...signedIn(403), ...Object.fromEntries(allowed.map((a) => [a, status])) });
const hrOwnCohort = (status = 200): Expected => ({ ...signedIn(403), hr: status, otherHr: 404 });

interface Call {
  path: string;
  body?: unknown;
  /** The body is a calendar, not JSON. */
  calendar?: boolean;
}

interface Row {
  call: (w: World, actor: Actor) => Call;
  expect: Expected;
  /** Allowed calls change what the next allowed call would act on: give each its own world. */
  mutates?: boolean;
}

const L = (w: World) => `/api/leaders/${w.leaderId}`;

const TABLE: Record<RouteKey, Row> = {
  // Open to all: health, reference data, the session itself, the demo's accounts.
  'GET /api/health': { call: () => ({ path: '/api/health' }), expect: everyone(200) },
  'GET /api/taxonomy': { call: () => ({ path: '/api/taxonomy' }), expect: everyone(200) },
  'GET /api/rules/vocabulary': { call: () => ({ path: '/api/rules/vocabulary' }), expect: everyone(200) },
  'GET /api/rules/defaults': { call: () => ({ path: '/api/rules/defaults' }), expect: everyone(200) },
  'GET /api/demo-accounts': { call: () => ({ path: '/api/demo-accounts' }), expect: everyone(200) },
  'GET /api/session': { call: () => ({ path: '/api/session' }), expect: everyone(200) },
  'POST /api/session': { call: (w, actor) => ({ path: '/api/session', body: { email: actor === 'anonymous' ? w.users.owner.user.email : w.users[actor].user.email, password: TEST_PASSWORD } }), expect: everyone(200) },
  'POST /api/signup': { call: (_w, actor) => ({ path: '/api/signup', body: { email: `new.${actor}@example.org`, password: TEST_PASSWORD, role: 'leader' } }), expect: everyone(201) },
  'DELETE /api/session': { call: () => ({ path: '/api/session' }), expect: signedIn(204) },
  'DELETE /api/sessions/others': { call: () => ({ path: '/api/sessions/others' }), expect: signedIn(204) },

  // One's own data: everyone signed in, for themselves only (the path names no one else).
  'GET /api/me/export': { call: () => ({ path: '/api/me/export' }), expect: signedIn(200) },
  // Each caller deletes only their own account, so one world serves them all; the only administrator stays.
  'DELETE /api/me': { call: () => ({ path: '/api/me', body: { password: TEST_PASSWORD } }), expect: { ...signedIn(200), admin: 409 } },

  // Accounts: administrators only.
  'GET /api/users': { call: () => ({ path: '/api/users' }), expect: onlyRoles(200, ['admin']) },
  'POST /api/users': { call: () => ({ path: '/api/users', body: { email: 'made.by.admin@example.org', password: TEST_PASSWORD, role: 'coach' } }), expect: onlyRoles(201, ['admin']) },
  'PATCH /api/users/:userId': {
    call: (w) => ({ path: `/api/users/${w.users.otherLeader.user.id}`, body: { password: 'a new passphrase from the admin' } }),
    expect: onlyRoles(200, ['admin']),
  },

  // A leader's own data.
  'GET /api/leaders': { call: () => ({ path: '/api/leaders' }), expect: signedIn(200) },
  'GET /api/leaders/:leaderId': { call: (w) => ({ path: L(w) }), expect: leaderRead() },
  'PATCH /api/leaders/:leaderId': { call: (w) => ({ path: L(w), body: { name: 'Samuel Lee' } }), expect: leaderOwn() },
  'GET /api/leaders/:leaderId/summary': { call: (w) => ({ path: `${L(w)}/summary` }), expect: leaderRead() },
  'GET /api/leaders/:leaderId/events': { call: (w) => ({ path: `${L(w)}/events` }), expect: leaderRead() },
  'GET /api/leaders/:leaderId/events.csv': { call: (w) => ({ path: `${L(w)}/events.csv` }), expect: leaderRead() },
  'GET /api/leaders/:leaderId/compare': {
    call: (w) => ({ path: `${L(w)}/compare?aFrom=2026-03-02&aTo=2026-03-06&bFrom=2026-03-09&bTo=2026-03-13` }),
    expect: leaderRead(),
  },
  'PUT /api/leaders/:leaderId/events/:eventId/category': { call: (w) => ({ path: `${L(w)}/events/${w.eventId}/category`, body: { category: 'operational' } }), expect: leaderEdit() },
  'DELETE /api/leaders/:leaderId/events/:eventId/category': { call: (w) => ({ path: `${L(w)}/events/${w.eventId}/category` }), expect: leaderEdit(), mutates: true },
  'GET /api/leaders/:leaderId/imports': { call: (w) => ({ path: `${L(w)}/imports` }), expect: leaderRead() },
  'GET /api/leaders/:leaderId/imports/:importId': { call: (w) => ({ path: `${L(w)}/imports/${w.importId}` }), expect: leaderRead() },
  'POST /api/leaders/:leaderId/imports': { call: (w) => ({ path: `${L(w)}/imports`, calendar: true }), expect: leaderOwn(201) },
  'GET /api/leaders/:leaderId/sources': { call: (w) => ({ path: `${L(w)}/sources` }), expect: leaderRead() },
  'DELETE /api/leaders/:leaderId/sources/:sourceId': { call: (w) => ({ path: `${L(w)}/sources/${w.sourceId}` }), expect: leaderOwn(), mutates: true },
  'GET /api/leaders/:leaderId/rules': { call: (w) => ({ path: `${L(w)}/rules` }), expect: leaderRead() },
  'POST /api/leaders/:leaderId/rules': { call: (w) => ({ path: `${L(w)}/rules`, body: RULE }), expect: leaderEdit(201) },
  'POST /api/leaders/:leaderId/rules/preview': { call: (w) => ({ path: `${L(w)}/rules/preview`, body: { rule: RULE } }), expect: leaderEdit() },
  'PUT /api/leaders/:leaderId/rules/:ruleId': { call: (w) => ({ path: `${L(w)}/rules/${w.ruleId}`, body: { ...RULE, name: 'Renamed' } }), expect: leaderEdit() },
  'DELETE /api/leaders/:leaderId/rules/:ruleId': { call: (w) => ({ path: `${L(w)}/rules/${w.ruleId}` }), expect: leaderEdit(), mutates: true },
  'PUT /api/leaders/:leaderId/rules/order': { call: (w) => ({ path: `${L(w)}/rules/order`, body: { ruleIds: [w.ruleId] } }), expect: leaderEdit() },

  // Notes: both sides of an active engagement; a note is deleted by its author only.
  'GET /api/leaders/:leaderId/notes': { call: (w) => ({ path: `${L(w)}/notes` }), expect: leaderRead() },
  'POST /api/leaders/:leaderId/notes': {
    call: (w, actor) => ({ path: `${L(w)}/notes`, body: actor === 'owner' ? { body: 'Agenda', grantId: w.editGrant } : { body: 'Agenda' } }),
    expect: leaderRead(201),
  },
  'DELETE /api/leaders/:leaderId/notes/:noteId': {
    call: (w) => ({ path: `${L(w)}/notes/${w.noteId}` }),
    // The read-only coach's engagement holds no such note; the editing coach sees it but did not write it.
    expect: { ...leaderRead(204), coachEdit: 403, coachRead: 404 },
    mutates: true,
  },

  // Coach grants: the leader's consent.
  'GET /api/grants': { call: () => ({ path: '/api/grants' }), expect: onlyRoles(200, ['owner', 'otherLeader', 'coachEdit', 'coachRead', 'coachRevoked']) },
  'POST /api/grants': { call: () => ({ path: '/api/grants', body: { coachEmail: 'new.coach@coaching.example' } }), expect: onlyRoles(201, ['owner', 'otherLeader']) },
  'PATCH /api/grants/:grantId': {
    call: (w) => ({ path: `/api/grants/${w.editGrant}`, body: { canEdit: false } }),
    expect: { ...signedIn(403), owner: 200, otherLeader: 404, coachEdit: 403, coachRead: 403, coachRevoked: 403 },
  },
  'DELETE /api/grants/:grantId': {
    call: (w) => ({ path: `/api/grants/${w.editGrant}` }),
    // The leader revokes; the coach of the engagement may end it; no one else touches it.
    expect: { ...signedIn(403), owner: 200, otherLeader: 404, coachEdit: 200, coachRead: 404, coachRevoked: 404 },
    mutates: true,
  },
  'POST /api/grants/:grantId/accept': {
    // Everyone sends the right code: the code goes with the address, it does not stand for it.
    call: (w) => ({ path: `/api/grants/${w.openGrant}/accept`, body: { code: w.openGrantCode } }),
    // An invitation is visible to the address it was sent to, and to no one else.
    expect: { ...signedIn(404), coachRevoked: 200 },
  },
  'POST /api/grants/:grantId/decline': {
    // Declining needs no code.
    call: (w) => ({ path: `/api/grants/${w.openGrant}/decline` }),
    expect: { ...signedIn(404), coachRevoked: 200 },
  },
  'POST /api/grants/:grantId/code': {
    // A new code for an open invitation: the leader who sent it alone; another leader learns nothing.
    call: (w) => ({ path: `/api/grants/${w.openGrant}/code` }),
    expect: { ...signedIn(403), otherLeader: 200, owner: 404 },
  },
  'GET /api/coach/clients': { call: () => ({ path: '/api/coach/clients' }), expect: onlyRoles(200, ['coachEdit', 'coachRead', 'coachRevoked']) },

  // HR: its own cohorts, derived figures only.
  'GET /api/cohorts': { call: () => ({ path: '/api/cohorts' }), expect: onlyRoles(200, ['hr', 'otherHr']) },
  'POST /api/cohorts': { call: () => ({ path: '/api/cohorts', body: { name: 'Another programme' } }), expect: onlyRoles(201, ['hr', 'otherHr']) },
  'PATCH /api/cohorts/:cohortId': { call: (w) => ({ path: `/api/cohorts/${w.cohortId}`, body: { name: 'Renamed programme' } }), expect: hrOwnCohort() },
  'DELETE /api/cohorts/:cohortId': { call: (w) => ({ path: `/api/cohorts/${w.cohortId}` }), expect: hrOwnCohort(204), mutates: true },
  'GET /api/cohorts/:cohortId/members': { call: (w) => ({ path: `/api/cohorts/${w.cohortId}/members` }), expect: hrOwnCohort() },
  'POST /api/cohorts/:cohortId/invitations': { call: (w) => ({ path: `/api/cohorts/${w.cohortId}/invitations`, body: { emails: ['fresh@acme.example'] } }), expect: hrOwnCohort(201) },
  'DELETE /api/cohorts/:cohortId/members/:memberId': { call: (w) => ({ path: `/api/cohorts/${w.cohortId}/members/${w.memberToRemove}` }), expect: hrOwnCohort(204), mutates: true },
  'GET /api/cohorts/:cohortId/compliance': { call: (w) => ({ path: `/api/cohorts/${w.cohortId}/compliance` }), expect: hrOwnCohort() },
  'GET /api/cohorts/:cohortId/compliance.csv': { call: (w) => ({ path: `/api/cohorts/${w.cohortId}/compliance.csv` }), expect: hrOwnCohort() },
  'GET /api/cohorts/:cohortId/charts': { call: (w) => ({ path: `/api/cohorts/${w.cohortId}/charts` }), expect: hrOwnCohort() },
  'GET /api/diagnostic': { call: () => ({ path: '/api/diagnostic' }), expect: onlyRoles(200, ['hr', 'otherHr']) },
  'POST /api/diagnostic/answers': {
    call: () => ({ path: '/api/diagnostic/answers', body: { answers: Object.fromEntries(DIAGNOSTIC_IDS.map((id, i) => [id, i % 2 === 0])) } }),
    expect: onlyRoles(201, ['hr', 'otherHr']),
  },

  // A leader's answer to HR's invitation: theirs alone.
  'GET /api/memberships': { call: () => ({ path: '/api/memberships' }), expect: onlyRoles(200, ['owner', 'otherLeader']) },
  'POST /api/memberships/:memberId/accept': { call: (w) => ({ path: `/api/memberships/${w.openMembership}/accept` }), expect: { ...onlyRoles(200, ['otherLeader']), owner: 404 } },
  'POST /api/memberships/:memberId/decline': { call: (w) => ({ path: `/api/memberships/${w.openMembership}/decline` }), expect: { ...onlyRoles(200, ['otherLeader']), owner: 404 } },
  'POST /api/memberships/:memberId/leave': { call: (w) => ({ path: `/api/memberships/${w.samMembership}/leave` }), expect: { ...onlyRoles(200, ['owner']), otherLeader: 404 } },
  'PATCH /api/memberships/:memberId': { call: (w) => ({ path: `/api/memberships/${w.samMembership}`, body: { shareCoaching: true } }), expect: { ...onlyRoles(200, ['owner']), otherLeader: 404 } },
};

const METHODS = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete' } as const;

async function send(w: World, route: RouteKey, actor: Actor): Promise<{ status: number; body: unknown }> {
  const method = route.split(' ')[0] as keyof typeof METHODS;
  const call = TABLE[route]!.call(w, actor);
  const request = w.as[actor][METHODS[method]](call.path);
  if (call.calendar) return request.set('Content-Type', 'text/calendar').send(readFixture('leader-week-v2.ics'));
  return call.body === undefined ? request : request.send(call.body as object);
}

const worlds: World[] = [];
afterAll(() => {
  for (const w of worlds) w.t.close();
});

describe('the access table', () => {
  test.each(Object.keys(TABLE) as RouteKey[])('%s', async (route) => {
    const row = TABLE[route]!;
    const fresh = async () => {
      const w = await buildWorld();
      worlds.push(w);
      return w;
    };
    let world = await fresh();
    let used = false;
    // Refusals first: they must change nothing, so they share one world; then each allowed call.
    const order = [...ACTORS].sort((a, b) => Number(row.expect[a] < 300) - Number(row.expect[b] < 300));
    const seen: Partial<Record<Actor, number>> = {};
    for (const actor of order) {
      const allowed = row.expect[actor] < 300;
      if (allowed && used && row.mutates) world = await fresh();
      const res = await send(world, route, actor);
      seen[actor] = res.status;
      if (allowed) used = true;
      else expect((res.body as { error?: { code?: string } }).error?.code, `${actor}: refusals use the error envelope`).toEqual(expect.any(String));
    }
    expect(seen).toEqual(row.expect);
    for (const w of worlds) expect(w.t.logged, 'no request reached the 500 handler').toEqual([]);
  }, 60_000);

  test('every route the app serves is in the table, and the table lists no route the app lacks', () => {
    const t = createTestApp();
    try {
      const served = listRoutes(t.app).filter((route) => route.includes(' /api'));
      expect([...served].sort()).toEqual((Object.keys(TABLE) as RouteKey[]).sort());
    } finally {
      t.close();
    }
  });
});
