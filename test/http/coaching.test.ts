import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { coachGrants } from '../../server/db/schema.ts';
import { SESSION_COOKIE } from '../../server/http/session-cookie.ts';
import { COUNTED_IDS } from '../../shared/taxonomy.ts';
import { calendar, event } from '../support/ics-builder.ts';
import { closeExpectingNoServerError, expectError, importCalendar } from '../support/http-checks.ts';
import { addUser, clientFor, createTestApp, TEST_PASSWORD, type Client, type TestApp, type TestUser } from '../support/test-app.ts';

// The fixture is Sam Lee's Google export for 2026-03-02..13 (Europe/Berlin); the clock is 2026-03-20.
const SAM = 'sam.lee@acme.example';
const COACH = 'casey.coach@coaching.example';
const WEEK_1 = { from: '2026-03-02', to: '2026-03-06' };
const WEEK_2 = { from: '2026-03-09', to: '2026-03-13' };
const BOTH_WEEKS = { from: '2026-03-02', to: '2026-03-13' };
const AUDIT_NOT_AVAILABLE = 'This audit is not available to you: it was never shared with you, or sharing has ended.';

let t: TestApp;
let sam: TestUser;
let coach: TestUser;
/** Each invitation's code, as the leader was shown it. */
let codes: Map<number, string>;

beforeEach(async () => {
  t = createTestApp();
  codes = new Map();
  sam = await addUser(t, { email: SAM, name: 'Sam Lee' });
  coach = await addUser(t, { email: COACH, name: 'Casey Coach', role: 'coach' });
});

afterEach(() => closeExpectingNoServerError(t));

/** The code's shape: XXXX-XXXX from an alphabet without 0/O, 1/I/L. */
const CODE_SHAPE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

async function invite(leader: TestUser, coachEmail: string, canEdit?: boolean): Promise<number> {
  const res = await leader.http.post('/api/grants').send(canEdit === undefined ? { coachEmail } : { coachEmail, canEdit });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.inviteCode).toMatch(CODE_SHAPE);
  codes.set(res.body.grant.id, res.body.inviteCode);
  return res.body.grant.id as number;
}

function codeOf(grantId: number): string {
  const code = codes.get(grantId);
  if (!code) throw new Error(`no code for grant ${grantId}`);
  return code;
}

/** The leader invites the coach and the coach accepts with the code: an active engagement. */
async function engage(leader: TestUser = sam, who: TestUser = coach, canEdit?: boolean): Promise<number> {
  const grantId = await invite(leader, who.user.email, canEdit);
  await who.http.post(`/api/grants/${grantId}/accept`).send({ code: codeOf(grantId) }).expect(200);
  return grantId;
}

/** A code other than the right one, in the right shape. */
function wrongCode(code: string): string {
  return code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`;
}

async function summary(client: Client, leaderId: number, period: { from?: string; to?: string } = {}) {
  const res = await client.get(`/api/leaders/${leaderId}/summary`).query(period);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.summary;
}

/** RFC 4180 as toCsv writes it: BOM, CRLF, quoted cells with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && body[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('grants: the leader invites, the coach answers', () => {
  test('a leader invites a coach: both see the invitation, the leader named, newest first', async () => {
    const res = await sam.http.post('/api/grants').send({ coachEmail: '  Casey.Coach@Coaching.example ' }).expect(201);
    expect(res.body.inviteCode).toMatch(CODE_SHAPE);
    expect(res.body.grant).toEqual({
      id: expect.any(Number),
      leader: { id: sam.leaderId, name: 'Sam Lee', email: SAM },
      coachEmail: COACH,
      coachName: null,
      canEdit: false,
      status: 'invited',
      hasInviteCode: true,
      createdAt: '2026-03-20T12:00:00.000Z',
      respondedAt: null,
      endedAt: null,
    });
    const other = await invite(sam, 'robin@coaching.example', true);
    const mine = await sam.http.get('/api/grants').expect(200);
    expect(mine.body.grants.map((g: { id: number }) => g.id)).toEqual([other, res.body.grant.id]);
    const theirs = await coach.http.get('/api/grants').expect(200);
    expect(theirs.body.grants).toEqual([res.body.grant]);
  });

  test('accepting makes the grant active and opens the audit, read-only unless the leader allowed edits', async () => {
    await importCalendar(sam);
    const grantId = await invite(sam, COACH);
    await coach.http.get(`/api/leaders/${sam.leaderId}/summary`).expect(404);
    const res = await coach.http.post(`/api/grants/${grantId}/accept`).send({ code: codeOf(grantId) }).expect(200);
    expect(res.body.grant).toMatchObject({ status: 'active', coachName: 'Casey Coach', respondedAt: '2026-03-20T12:00:00.000Z', endedAt: null, hasInviteCode: false });
    const leaders = await coach.http.get('/api/leaders').expect(200);
    expect(leaders.body.leaders).toEqual([expect.objectContaining({ id: sam.leaderId, access: 'coach-read' })]);
    expect(await summary(coach.http, sam.leaderId, BOTH_WEEKS)).toEqual(await summary(sam.http, sam.leaderId, BOTH_WEEKS));

    const events = await coach.http.get(`/api/leaders/${sam.leaderId}/events`).query(BOTH_WEEKS).expect(200);
    const eventId = events.body.events[0].id as number;
    expectError(await coach.http.put(`/api/leaders/${sam.leaderId}/events/${eventId}/category`).send({ category: 'strategic' }), 403, 'forbidden');
    const patched = await sam.http.patch(`/api/grants/${grantId}`).send({ canEdit: true }).expect(200);
    expect(patched.body.grant).toMatchObject({ canEdit: true, status: 'active' });
    await coach.http.put(`/api/leaders/${sam.leaderId}/events/${eventId}/category`).send({ category: 'strategic' }).expect(200);
    await sam.http.patch(`/api/grants/${grantId}`).send({ canEdit: false }).expect(200);
    expectError(await coach.http.put(`/api/leaders/${sam.leaderId}/events/${eventId}/category`).send({ category: 'operational' }), 403, 'forbidden');
  });

  test('an invitation to an address with no account yet waits for the coach who signs up with it', async () => {
    const grantId = await invite(sam, 'new.coach@coaching.example');
    const later = await addUser(t, { email: 'New.Coach@coaching.example', role: 'coach', name: 'Nico New' });
    const listed = await later.http.get('/api/grants').expect(200);
    expect(listed.body.grants).toEqual([expect.objectContaining({ id: grantId, status: 'invited', leader: { id: sam.leaderId, name: 'Sam Lee', email: SAM } })]);
    await later.http.post(`/api/grants/${grantId}/accept`).send({ code: codeOf(grantId) }).expect(200);
    expect((await later.http.get('/api/coach/clients').expect(200)).body.clients).toHaveLength(1);
  });

  test('declining needs no code and ends the invitation; the coach still sees it, marked declined', async () => {
    const grantId = await invite(sam, COACH);
    const res = await coach.http.post(`/api/grants/${grantId}/decline`).expect(200);
    expect(res.body.grant).toMatchObject({ status: 'declined', respondedAt: '2026-03-20T12:00:00.000Z', endedAt: '2026-03-20T12:00:00.000Z' });
    expect((await coach.http.get('/api/grants').expect(200)).body.grants).toEqual([res.body.grant]);
    expect((await sam.http.get('/api/grants').expect(200)).body.grants).toEqual([res.body.grant]);
    await coach.http.get(`/api/leaders/${sam.leaderId}/notes`).expect(404);
  });

  test('after a revocation the leader may invite the same coach again: a new grant, the old one kept', async () => {
    const first = await engage();
    await sam.http.delete(`/api/grants/${first}`).expect(200);
    const second = await invite(sam, COACH);
    expect(second).not.toBe(first);
    const grants = (await sam.http.get('/api/grants').expect(200)).body.grants as Array<{ id: number; status: string }>;
    expect(grants.map((g) => [g.id, g.status])).toEqual([
      [second, 'invited'],
      [first, 'revoked'],
    ]);
  });

  describe('refusals', () => {
    test.each([
      ['your own address', { coachEmail: SAM }, 400, 'cannot-invite-self'],
      ['your own address in capitals', { coachEmail: 'SAM.LEE@ACME.EXAMPLE' }, 400, 'cannot-invite-self'],
      ['an address that is not one', { coachEmail: 'casey at coaching' }, 400, 'invalid-email'],
      ['no address', {}, 400, 'invalid-request'],
      ['an empty address', { coachEmail: '  ' }, 400, 'invalid-request'],
      ['canEdit that is not a boolean', { coachEmail: COACH, canEdit: 'yes' }, 400, 'invalid-request'],
      ['an unknown field', { coachEmail: COACH, role: 'admin' }, 400, 'invalid-request'],
    ])('inviting %s is refused and stores nothing', async (_case, body, status, code) => {
      expectError(await sam.http.post('/api/grants').send(body), status, code);
      expect((await sam.http.get('/api/grants').expect(200)).body.grants).toEqual([]);
    });

    test('inviting an address with an open invitation or an active grant is 409 grant-exists', async () => {
      await invite(sam, COACH);
      expectError(await sam.http.post('/api/grants').send({ coachEmail: 'CASEY.coach@coaching.example' }), 409, 'grant-exists');
      const other = await addUser(t, { email: 'alex@acme.example', name: 'Alex' });
      await engage(other);
      expectError(await other.http.post('/api/grants').send({ coachEmail: COACH }), 409, 'grant-exists');
      expect((await sam.http.get('/api/grants').expect(200)).body.grants).toHaveLength(1);
    });

    test.each([
      ['coach', 403, 'forbidden'],
      ['hr', 403, 'forbidden'],
      ['admin', 403, 'forbidden'],
    ] as const)('a %s account cannot invite (%i) nor list grants unless a coach', async (role, status, code) => {
      const who = role === 'coach' ? coach : await addUser(t, { email: `${role}@acme.example`, role });
      expectError(await who.http.post('/api/grants').send({ coachEmail: 'x@y.example' }), status, code);
      if (role !== 'coach') expectError(await who.http.get('/api/grants'), 403, 'forbidden');
    });

    test('without a session every grant route is 401', async () => {
      const anonymous = clientFor(t.app, null);
      const grantId = await invite(sam, COACH);
      for (const res of [
        await anonymous.get('/api/grants'),
        await anonymous.post('/api/grants').send({ coachEmail: COACH }),
        await anonymous.patch(`/api/grants/${grantId}`).send({ canEdit: true }),
        await anonymous.delete(`/api/grants/${grantId}`),
        await anonymous.post(`/api/grants/${grantId}/accept`).send({ code: codeOf(grantId) }),
        await anonymous.post(`/api/grants/${grantId}/decline`),
        await anonymous.post(`/api/grants/${grantId}/code`),
        await anonymous.get('/api/coach/clients'),
      ]) {
        expectError(res, 401, 'not-signed-in');
      }
    });

    test("one leader's grants are invisible to another leader and to other coaches: listed nowhere, 404 to touch", async () => {
      const grantId = await invite(sam, COACH);
      const alex = await addUser(t, { email: 'alex@acme.example', name: 'Alex' });
      const robin = await addUser(t, { email: 'robin@coaching.example', role: 'coach' });
      expect((await alex.http.get('/api/grants').expect(200)).body.grants).toEqual([]);
      expect((await robin.http.get('/api/grants').expect(200)).body.grants).toEqual([]);
      expectError(await alex.http.patch(`/api/grants/${grantId}`).send({ canEdit: true }), 404, 'not-found');
      expectError(await alex.http.delete(`/api/grants/${grantId}`), 404, 'not-found');
      expectError(await alex.http.post(`/api/grants/${grantId}/code`), 404, 'not-found');
      expectError(await robin.http.delete(`/api/grants/${grantId}`), 404, 'not-found');
      // Even with the right code: the code goes with the address, not instead of it.
      expectError(await robin.http.post(`/api/grants/${grantId}/accept`).send({ code: codeOf(grantId) }), 404, 'not-found');
      expectError(await robin.http.post(`/api/grants/${grantId}/decline`), 404, 'not-found');
      expect((await sam.http.get('/api/grants').expect(200)).body.grants[0]).toMatchObject({ status: 'invited', canEdit: false });
    });

    test('only the invited coach answers: the leader, HR and an administrator get 404', async () => {
      const grantId = await invite(sam, COACH);
      const hr = await addUser(t, { email: 'hr@acme.example', role: 'hr' });
      const admin = await addUser(t, { email: 'admin@acme.example', role: 'admin' });
      for (const who of [sam, hr, admin]) {
        expectError(await who.http.post(`/api/grants/${grantId}/accept`).send({ code: codeOf(grantId) }), 404, 'not-found');
        expectError(await who.http.post(`/api/grants/${grantId}/decline`), 404, 'not-found');
      }
      expectError(await hr.http.delete(`/api/grants/${grantId}`), 403, 'forbidden');
      // A new code is the leader's to make.
      for (const who of [coach, hr, admin]) expectError(await who.http.post(`/api/grants/${grantId}/code`), 403, 'forbidden');
    });

    test('a grant is answered once: accepting twice, declining an accepted one or accepting a revoked one is 409', async () => {
      const grantId = await invite(sam, COACH);
      await coach.http.post(`/api/grants/${grantId}/accept`).send({ code: codeOf(grantId) }).expect(200);
      expectError(await coach.http.post(`/api/grants/${grantId}/accept`).send({ code: codeOf(grantId) }), 409, 'grant-not-open');
      expectError(await coach.http.post(`/api/grants/${grantId}/decline`), 409, 'grant-not-open');
      const withdrawn = await invite(sam, 'robin@coaching.example');
      await sam.http.delete(`/api/grants/${withdrawn}`).expect(200);
      const robin = await addUser(t, { email: 'robin@coaching.example', role: 'coach' });
      expectError(await robin.http.post(`/api/grants/${withdrawn}/accept`).send({ code: codeOf(withdrawn) }), 409, 'grant-not-open');
      expectError(await sam.http.delete(`/api/grants/${withdrawn}`), 409, 'grant-not-open');
    });

    test('PATCH: a coach may not change what they are allowed (403); an ended grant is 409; bad bodies are 400', async () => {
      const grantId = await engage();
      expectError(await coach.http.patch(`/api/grants/${grantId}`).send({ canEdit: true }), 403, 'forbidden');
      expectError(await sam.http.patch(`/api/grants/${grantId}`).send({}), 400, 'invalid-request');
      expectError(await sam.http.patch(`/api/grants/${grantId}`).send({ canEdit: 1 }), 400, 'invalid-request');
      expectError(await sam.http.patch('/api/grants/abc').send({ canEdit: true }), 400, 'invalid-request');
      expectError(await sam.http.patch('/api/grants/99999').send({ canEdit: true }), 404, 'not-found');
      await sam.http.delete(`/api/grants/${grantId}`).expect(200);
      expectError(await sam.http.patch(`/api/grants/${grantId}`).send({ canEdit: true }), 409, 'grant-ended');
    });
  });

  describe('ending a grant', () => {
    test("the leader's revocation takes effect on the coach's very next request", async () => {
      await importCalendar(sam);
      const grantId = await engage();
      await coach.http.get(`/api/leaders/${sam.leaderId}/summary`).expect(200);
      const res = await sam.http.delete(`/api/grants/${grantId}`).expect(200);
      expect(res.body.grant).toMatchObject({ status: 'revoked', endedAt: '2026-03-20T12:00:00.000Z' });
      for (const path of ['summary', 'events', 'notes', 'rules', 'events.csv', `compare?aFrom=${WEEK_1.from}&aTo=${WEEK_1.to}&bFrom=${WEEK_2.from}&bTo=${WEEK_2.to}`]) {
        const gone = await coach.http.get(`/api/leaders/${sam.leaderId}/${path}`);
        expectError(gone, 404, 'not-found');
        // Said so a coach understands it, and the same words as for an id that never existed.
        expect(gone.body.error.message, path).toBe(AUDIT_NOT_AVAILABLE);
        expect((await coach.http.get(`/api/leaders/999999/${path}`)).body.error.message, path).toBe(AUDIT_NOT_AVAILABLE);
      }
      expect((await coach.http.get('/api/leaders').expect(200)).body.leaders).toEqual([]);
      expect((await coach.http.get('/api/coach/clients').expect(200)).body.clients).toEqual([]);
      expect((await coach.http.get('/api/grants').expect(200)).body.grants).toEqual([expect.objectContaining({ id: grantId, status: 'revoked' })]);
    });

    test('the coach may end an engagement, and decline an invitation, with DELETE', async () => {
      const active = await engage();
      const ended = await coach.http.delete(`/api/grants/${active}`).expect(200);
      expect(ended.body.grant).toMatchObject({ status: 'revoked', endedAt: '2026-03-20T12:00:00.000Z' });
      await coach.http.get(`/api/leaders/${sam.leaderId}/summary`).expect(404);
      const invited = await invite(sam, COACH);
      const declined = await coach.http.delete(`/api/grants/${invited}`).expect(200);
      expect(declined.body.grant.status).toBe('declined');
    });

    test('the leader may withdraw an invitation before it is answered', async () => {
      const grantId = await invite(sam, COACH);
      await sam.http.delete(`/api/grants/${grantId}`).expect(200);
      expectError(await coach.http.post(`/api/grants/${grantId}/accept`).send({ code: codeOf(grantId) }), 409, 'grant-not-open');
    });
  });
});

describe('invitation codes: the address shows the invitation, only the code accepts it', () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const storedHash = (grantId: number) => t.db.select({ hash: coachGrants.inviteCodeHash }).from(coachGrants).where(eq(coachGrants.id, grantId)).get()!.hash;
  const stillShut = async (who: TestUser, grantId: number) => {
    await who.http.get(`/api/leaders/${sam.leaderId}/summary`).expect(404);
    expect((await who.http.get('/api/leaders').expect(200)).body.leaders).toEqual([]);
    expect((await who.http.get('/api/coach/clients').expect(200)).body.clients).toEqual([]);
    expect((await sam.http.get('/api/grants').expect(200)).body.grants.find((g: { id: number }) => g.id === grantId)).toMatchObject({ status: 'invited', coachName: null });
  };

  test('the code is in the invitation answer only: every code differs, only its SHA-256 is stored, no list shows it', async () => {
    const first = await invite(sam, COACH);
    const second = await invite(sam, 'robin@coaching.example');
    const alex = await addUser(t, { email: 'alex@acme.example', name: 'Alex' });
    const third = await invite(alex, COACH);
    expect(new Set([codeOf(first), codeOf(second), codeOf(third)]).size).toBe(3);
    for (const grantId of [first, second, third]) expect(storedHash(grantId)).toBe(sha256(codeOf(grantId).replace('-', '')));
    const lists = JSON.stringify([(await sam.http.get('/api/grants').expect(200)).body, (await coach.http.get('/api/grants').expect(200)).body, (await alex.http.get('/api/grants').expect(200)).body]);
    for (const code of codes.values()) {
      expect(lists).not.toContain(code);
      expect(lists).not.toContain(code.replace('-', ''));
    }
    expect(lists).not.toContain('inviteCode"');
  });

  test.each([
    ['no body at all', undefined],
    ['no code', {}],
    ['an empty code', { code: '' }],
    ['a blank code', { code: '   ' }],
    ['a wrong code', 'wrong'],
  ] as const)('%s is 400 invalid-invite-code, saying whom to ask; nothing is shared', async (_case, body) => {
    await importCalendar(sam);
    const grantId = await invite(sam, COACH);
    const request = coach.http.post(`/api/grants/${grantId}/accept`);
    const res = await (body === undefined ? request : request.send(body === 'wrong' ? { code: wrongCode(codeOf(grantId)) } : body));
    expectError(res, 400, 'invalid-invite-code');
    expect(res.body.error.message).toMatch(/Sam Lee/);
    expect(res.body.error.message).toMatch(/Sharing page/);
    await stillShut(coach, grantId);
  });

  test.each([
    ['a code that is not a string', { code: 12345678 }],
    ['an unknown field', { code: 'ABCD-EFGH', coachUserId: 1 }],
    ['a code over 64 characters', { code: 'A'.repeat(65) }],
  ])('%s is 400 invalid-request', async (_case, body) => {
    const grantId = await invite(sam, COACH);
    expectError(await coach.http.post(`/api/grants/${grantId}/accept`).send(body), 400, 'invalid-request');
    await stillShut(coach, grantId);
  });

  test('the code may be typed in lower case, with spaces instead of the dash', async () => {
    const grantId = await invite(sam, COACH);
    const typed = ` ${codeOf(grantId).toLowerCase().replace('-', ' ')} `;
    await coach.http.post(`/api/grants/${grantId}/accept`).send({ code: typed }).expect(200);
    expect(storedHash(grantId)).toBeNull();
  });

  test('the attacker who signs up first with the invited address sees the invitation but cannot accept it: guessing locks the code', async () => {
    await importCalendar(sam);
    const address = 'new.coach@coaching.example';
    const grantId = await invite(sam, address);
    // Open sign-up, role coach, the invited address: nothing checks that the address is theirs.
    const signup = await clientFor(t.app, null).post('/api/signup').send({ email: address, password: TEST_PASSWORD, role: 'coach', name: 'Not the coach' }).expect(201);
    const token = ([] as string[]).concat(signup.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!.slice(SESSION_COOKIE.length + 1);
    const attacker = { user: signup.body.user, leaderId: 0, http: clientFor(t.app, { token, csrfToken: signup.body.csrfToken }) } as TestUser;

    const seen = (await attacker.http.get('/api/grants').expect(200)).body.grants;
    expect(seen).toEqual([expect.objectContaining({ id: grantId, status: 'invited', hasInviteCode: true })]);
    expectError(await attacker.http.post(`/api/grants/${grantId}/accept`), 400, 'invalid-invite-code');
    const messages: string[] = [];
    for (const guess of ['AAAA-AAAA', 'BBBB-BBBB', 'CCCC-CCCC', 'DDDD-DDDD', 'EEEE-EEEE'].filter((g) => g !== codeOf(grantId))) {
      const res = await attacker.http.post(`/api/grants/${grantId}/accept`).send({ code: guess });
      expectError(res, 400, 'invalid-invite-code');
      messages.push(res.body.error.message);
      await stillShut(attacker, grantId);
    }
    expect(messages.slice(0, 4).map((m) => m.match(/After (\d) more wrong/)?.[1])).toEqual(['4', '3', '2', '1']);
    expect(messages[4]).toMatch(/after 5 wrong codes it no longer works/);
    // Locked: now even the right code is refused, and both sides see that a new code is needed.
    expectError(await attacker.http.post(`/api/grants/${grantId}/accept`).send({ code: codeOf(grantId) }), 409, 'invite-code-needed');
    expect(storedHash(grantId)).toBeNull();
    expect((await sam.http.get('/api/grants').expect(200)).body.grants[0]).toMatchObject({ id: grantId, status: 'invited', hasInviteCode: false });
    expect((await attacker.http.get('/api/grants').expect(200)).body.grants[0]).toMatchObject({ id: grantId, status: 'invited', hasInviteCode: false });
    await stillShut(attacker, grantId);
    // The leader sees the address was taken and withdraws; declining needed no code either way.
    await sam.http.delete(`/api/grants/${grantId}`).expect(200);
    expectError(await attacker.http.post(`/api/grants/${grantId}/accept`).send({ code: codeOf(grantId) }), 409, 'grant-not-open');
  });

  test('a new code replaces the old one at once, resets the count, and is used up by accepting', async () => {
    const grantId = await invite(sam, COACH);
    const old = codeOf(grantId);
    for (let i = 0; i < 4; i++) expectError(await coach.http.post(`/api/grants/${grantId}/accept`).send({ code: wrongCode(old) }), 400, 'invalid-invite-code');
    const issued = await sam.http.post(`/api/grants/${grantId}/code`).expect(200);
    expect(issued.body.grant).toMatchObject({ id: grantId, status: 'invited', hasInviteCode: true });
    const fresh = issued.body.inviteCode as string;
    expect(fresh).toMatch(CODE_SHAPE);
    expect(fresh).not.toBe(old);
    expect(storedHash(grantId)).toBe(sha256(fresh.replace('-', '')));
    expectError(await coach.http.post(`/api/grants/${grantId}/accept`).send({ code: old }), 400, 'invalid-invite-code');
    // The four wrong codes before went with the old code: the new one starts afresh.
    const res = await coach.http.post(`/api/grants/${grantId}/accept`).send({ code: wrongCode(fresh) });
    expect(res.body.error.message).toMatch(/After 3 more wrong codes/);
    await coach.http.post(`/api/grants/${grantId}/accept`).send({ code: fresh }).expect(200);
    expect(storedHash(grantId)).toBeNull();
    expectError(await coach.http.post(`/api/grants/${grantId}/accept`).send({ code: fresh }), 409, 'grant-not-open');
    expectError(await sam.http.post(`/api/grants/${grantId}/code`), 409, 'grant-not-open');

    // A code belongs to its invitation: after a revocation the next invitation has its own.
    await sam.http.delete(`/api/grants/${grantId}`).expect(200);
    expectError(await sam.http.post(`/api/grants/${grantId}/code`), 409, 'grant-not-open');
    const next = await invite(sam, COACH);
    expectError(await coach.http.post(`/api/grants/${next}/accept`).send({ code: fresh }), 400, 'invalid-invite-code');
    await coach.http.post(`/api/grants/${next}/accept`).send({ code: codeOf(next) }).expect(200);
  });

  test('after a lock the leader issues a new code and the coach accepts with it', async () => {
    const grantId = await invite(sam, COACH);
    for (let i = 0; i < 5; i++) expectError(await coach.http.post(`/api/grants/${grantId}/accept`).send({ code: wrongCode(codeOf(grantId)) }), 400, 'invalid-invite-code');
    expectError(await coach.http.post(`/api/grants/${grantId}/accept`).send({ code: codeOf(grantId) }), 409, 'invite-code-needed');
    const fresh = (await sam.http.post(`/api/grants/${grantId}/code`).expect(200)).body.inviteCode as string;
    await coach.http.post(`/api/grants/${grantId}/accept`).send({ code: fresh }).expect(200);
    await coach.http.get(`/api/leaders/${sam.leaderId}/notes`).expect(200);
  });

  test('an invitation from before codes cannot be accepted until the leader issues one', async () => {
    const grantId = await invite(sam, COACH);
    // A row written before migration 0003 has no hash.
    t.db.update(coachGrants).set({ inviteCodeHash: null }).where(eq(coachGrants.id, grantId)).run();
    expect((await coach.http.get('/api/grants').expect(200)).body.grants[0]).toMatchObject({ status: 'invited', hasInviteCode: false });
    for (const body of [{ code: codeOf(grantId) }, { code: '' }, {}]) {
      const res = await coach.http.post(`/api/grants/${grantId}/accept`).send(body);
      expectError(res, 409, 'invite-code-needed');
      expect(res.body.error.message).toMatch(/Ask Sam Lee to make a new code/);
    }
    await stillShut(coach, grantId);
    const fresh = (await sam.http.post(`/api/grants/${grantId}/code`).expect(200)).body.inviteCode as string;
    await coach.http.post(`/api/grants/${grantId}/accept`).send({ code: fresh }).expect(200);
  });

  test('wrong codes only count for the invitation they were sent to', async () => {
    const alex = await addUser(t, { email: 'alex@acme.example', name: 'Alex' });
    const fromSam = await invite(sam, COACH);
    const fromAlex = await invite(alex, COACH);
    for (let i = 0; i < 5; i++) await coach.http.post(`/api/grants/${fromSam}/accept`).send({ code: wrongCode(codeOf(fromSam)) }).expect(400);
    await coach.http.post(`/api/grants/${fromAlex}/accept`).send({ code: codeOf(fromAlex) }).expect(200);
    expectError(await coach.http.post(`/api/grants/${fromSam}/accept`).send({ code: codeOf(fromSam) }), 409, 'invite-code-needed');
  });

  test('issuing a code: bad ids are 400, unknown ones 404', async () => {
    expectError(await sam.http.post('/api/grants/abc/code'), 400, 'invalid-request');
    expectError(await sam.http.post('/api/grants/99999/code'), 404, 'not-found');
  });
});

describe("the coach's clients", () => {
  test('each active client with the figures the dashboard gives for this quarter and the last 12 months; a client without an import has none', async () => {
    await importCalendar(sam);
    const alex = await addUser(t, { email: 'alex@acme.example', name: 'Alex Quinn' });
    const samGrant = await engage(sam, coach, true);
    const alexGrant = await engage(alex);
    const pending = await addUser(t, { email: 'pat@acme.example', name: 'Pat' });
    await invite(pending, COACH);

    const res = await coach.http.get('/api/coach/clients').expect(200);
    expect(res.body.pendingInvitations).toBe(1);
    expect(res.body.clients.map((c: { grantId: number }) => c.grantId)).toEqual([alexGrant, samGrant]);
    const [alexRow, samRow] = res.body.clients;
    expect(alexRow).toMatchObject({ leader: { id: alex.leaderId, name: 'Alex Quinn' }, figures: null, lastImportAt: null, canEdit: false });

    // 20 March 2026 in Berlin: the quarter is 2026-Q1.
    const quarter = await summary(sam.http, sam.leaderId, { from: '2026-01-01', to: '2026-03-31' });
    const year = await summary(sam.http, sam.leaderId);
    const q1 = quarter.planning.find((p: { quarter: string }) => p.quarter === '2026-Q1');
    expect(samRow).toMatchObject({ canEdit: true, lastImportAt: '2026-03-20T12:00:00.000Z', since: '2026-03-20T12:00:00.000Z' });
    expect(samRow.figures).toEqual({
      quarter: {
        quarter: '2026-Q1',
        from: '2026-01-01',
        to: '2026-03-31',
        countedMinutes: quarter.countedMinutes,
        strategicMinutes: quarter.minutes.strategic,
        strategicShare: quarter.shares.strategic,
        protectedDays: q1.protectedDays,
        heldDays: q1.heldDays,
        scheduledDays: q1.scheduledDays,
        flags: quarter.flags.map((f: { code: string; message: string; advice: string }) => ({ code: f.code, message: f.message, advice: f.advice })),
      },
      last12Months: {
        from: year.period.from,
        to: year.period.to,
        countedMinutes: year.countedMinutes,
        strategicShare: year.shares.strategic,
        isLow: year.shares.strategic < 0.2,
      },
      targets: { strategicShareMin: 0.2, planningDaysPerQuarter: 3 },
    });
    expect(samRow.figures.quarter.countedMinutes).toBeGreaterThan(0);
    expect(samRow.figures.quarter.flags.map((f: { code: string }) => f.code)).toContain('missing-planning-days');
  });

  test('only coaches have clients', async () => {
    expectError(await sam.http.get('/api/coach/clients'), 403, 'forbidden');
    const hr = await addUser(t, { email: 'hr@acme.example', role: 'hr' });
    expectError(await hr.http.get('/api/coach/clients'), 403, 'forbidden');
  });
});

describe('notes on an engagement', () => {
  test('coach and client both write and read them; the leader sees which coach wrote what', async () => {
    const grantId = await engage();
    const written = await coach.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: '  Agreed: a weekly strategy block on Fridays.  ' }).expect(201);
    expect(written.body.note).toEqual({
      id: expect.any(Number),
      grantId,
      body: 'Agreed: a weekly strategy block on Fridays.',
      createdAt: '2026-03-20T12:00:00.000Z',
      author: { id: coach.user.id, name: 'Casey Coach', email: COACH, role: 'coach' },
      coach: { email: COACH, name: 'Casey Coach' },
      isEngagementActive: true,
      canDelete: true,
    });
    await sam.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'Booked the Q2 planning days.' }).expect(201);
    const forSam = (await sam.http.get(`/api/leaders/${sam.leaderId}/notes`).expect(200)).body.notes;
    const forCoach = (await coach.http.get(`/api/leaders/${sam.leaderId}/notes`).expect(200)).body.notes;
    expect(forSam.map((n: { body: string; author: { role: string }; coach: { name: string } }) => [n.body, n.author.role, n.coach.name])).toEqual([
      ['Booked the Q2 planning days.', 'leader', 'Casey Coach'],
      ['Agreed: a weekly strategy block on Fridays.', 'coach', 'Casey Coach'],
    ]);
    expect(forCoach.map((n: { id: number }) => n.id)).toEqual(forSam.map((n: { id: number }) => n.id));
    expect(forSam.map((n: { canDelete: boolean }) => n.canDelete)).toEqual([true, false]);
    expect(forCoach.map((n: { canDelete: boolean }) => n.canDelete)).toEqual([false, true]);
  });

  test('only the author deletes a note', async () => {
    await engage();
    const coachNote = (await coach.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'From the coach' }).expect(201)).body.note.id;
    const samNote = (await sam.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'From Sam' }).expect(201)).body.note.id;
    expectError(await sam.http.delete(`/api/leaders/${sam.leaderId}/notes/${coachNote}`), 403, 'not-author');
    expectError(await coach.http.delete(`/api/leaders/${sam.leaderId}/notes/${samNote}`), 403, 'not-author');
    await coach.http.delete(`/api/leaders/${sam.leaderId}/notes/${coachNote}`).expect(204);
    expectError(await coach.http.delete(`/api/leaders/${sam.leaderId}/notes/${coachNote}`), 404, 'not-found');
    expect((await sam.http.get(`/api/leaders/${sam.leaderId}/notes`).expect(200)).body.notes.map((n: { body: string }) => n.body)).toEqual(['From Sam']);
  });

  test('with two coaches the leader names the engagement; each coach sees only their own', async () => {
    const robin = await addUser(t, { email: 'robin@coaching.example', role: 'coach', name: 'Robin' });
    const caseyGrant = await engage(sam, coach);
    const robinGrant = await engage(sam, robin);
    expectError(await sam.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'For whom?' }), 400, 'grant-required');
    await sam.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'For Casey', grantId: caseyGrant }).expect(201);
    await sam.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'For Robin', grantId: robinGrant }).expect(201);
    await robin.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'Robin writes' }).expect(201);
    // A coach cannot file a note under another coach's engagement.
    expectError(await robin.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'x', grantId: caseyGrant }), 404, 'not-found');
    const bodies = async (who: TestUser) => ((await who.http.get(`/api/leaders/${sam.leaderId}/notes`).expect(200)).body.notes as Array<{ body: string }>).map((n) => n.body).sort();
    expect(await bodies(coach)).toEqual(['For Casey']);
    expect(await bodies(robin)).toEqual(['For Robin', 'Robin writes']);
    expect(await bodies(sam)).toEqual(['For Casey', 'For Robin', 'Robin writes']);
  });

  test('after a revocation the notes stay with the leader and the coach no longer sees them', async () => {
    const grantId = await engage();
    await coach.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'Session 1: planning days.' }).expect(201);
    await sam.http.delete(`/api/grants/${grantId}`).expect(200);
    expectError(await coach.http.get(`/api/leaders/${sam.leaderId}/notes`), 404, 'not-found');
    expectError(await coach.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'Still here?' }), 404, 'not-found');
    const kept = (await sam.http.get(`/api/leaders/${sam.leaderId}/notes`).expect(200)).body.notes;
    expect(kept).toEqual([expect.objectContaining({ body: 'Session 1: planning days.', isEngagementActive: false, coach: { email: COACH, name: 'Casey Coach' } })]);
    // A new engagement with the same coach starts with a clean page: the old notes stay the leader's.
    await engage();
    expect((await coach.http.get(`/api/leaders/${sam.leaderId}/notes`).expect(200)).body.notes).toEqual([]);
    expectError(await sam.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'x', grantId }), 409, 'grant-not-active');
  });

  test.each([
    ['an empty note', { body: '   ' }, 400, 'invalid-request'],
    ['a note over 5000 characters', { body: 'x'.repeat(5001) }, 400, 'invalid-request'],
    ['a grantId that is not a number', { body: 'x', grantId: 'one' }, 400, 'invalid-request'],
    ['an unknown field', { body: 'x', pinned: true }, 400, 'invalid-request'],
    ['a grant that does not exist', { body: 'x', grantId: 99999 }, 404, 'not-found'],
  ])('%s is refused and nothing is stored', async (_case, body, status, code) => {
    await engage();
    expectError(await sam.http.post(`/api/leaders/${sam.leaderId}/notes`).send(body), status, code);
    expect((await sam.http.get(`/api/leaders/${sam.leaderId}/notes`).expect(200)).body.notes).toEqual([]);
  });

  test('a note of exactly 5000 characters is kept whole', async () => {
    await engage();
    const res = await coach.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'y'.repeat(5000) }).expect(201);
    expect(res.body.note.body).toHaveLength(5000);
  });

  test('a leader without an active coach has no engagement to write in', async () => {
    expectError(await sam.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'Hello?' }), 409, 'no-active-coach');
    expect((await sam.http.get(`/api/leaders/${sam.leaderId}/notes`).expect(200)).body.notes).toEqual([]);
  });

  test("nobody else reaches a leader's notes: another leader, HR, an uninvited or only invited coach get 404", async () => {
    const grantId = await engage();
    const note = (await coach.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'Private' }).expect(201)).body.note.id;
    const alex = await addUser(t, { email: 'alex@acme.example' });
    const hr = await addUser(t, { email: 'hr@acme.example', role: 'hr' });
    const robin = await addUser(t, { email: 'robin@coaching.example', role: 'coach' });
    await invite(sam, 'robin@coaching.example');
    for (const who of [alex, hr, robin]) {
      expectError(await who.http.get(`/api/leaders/${sam.leaderId}/notes`), 404, 'not-found');
      expectError(await who.http.post(`/api/leaders/${sam.leaderId}/notes`).send({ body: 'x', grantId }), 404, 'not-found');
      expectError(await who.http.delete(`/api/leaders/${sam.leaderId}/notes/${note}`), 404, 'not-found');
    }
    // A note id under another leader's path is not found either.
    expectError(await alex.http.delete(`/api/leaders/${alex.leaderId}/notes/${note}`), 404, 'not-found');
    expectError(await clientFor(t.app, null).get(`/api/leaders/${sam.leaderId}/notes`), 401, 'not-signed-in');
  });
});

describe('comparing two periods', () => {
  const query = { aFrom: WEEK_1.from, aTo: WEEK_1.to, bFrom: WEEK_2.from, bTo: WEEK_2.to };

  test("each period's figures are the summary's figures for that period, and the changes follow from them", async () => {
    await importCalendar(sam);
    await engage();
    for (const who of [sam, coach]) {
      const res = await who.http.get(`/api/leaders/${sam.leaderId}/compare`).query(query).expect(200);
      const { comparison } = res.body;
      const a = await summary(who.http, sam.leaderId, WEEK_1);
      const b = await summary(who.http, sam.leaderId, WEEK_2);
      expect(comparison.categories.map((c: { id: string }) => c.id)).toEqual([...COUNTED_IDS]);
      for (const category of comparison.categories) {
        const id = category.id as (typeof COUNTED_IDS)[number];
        expect(category.a).toEqual({ minutes: a.minutes[id], hours: Math.round((a.minutes[id] / 60) * 100) / 100, share: a.shares[id] });
        expect(category.b).toEqual({ minutes: b.minutes[id], hours: Math.round((b.minutes[id] / 60) * 100) / 100, share: b.shares[id] });
        expect(category.change.minutes).toBeCloseTo(b.minutes[id] - a.minutes[id], 1);
        expect(category.change.points).toBeCloseTo((b.shares[id] - a.shares[id]) * 100, 1);
      }
      expect(comparison.counted).toMatchObject({ a: a.countedMinutes, b: b.countedMinutes });
      expect(comparison.a).toMatchObject({ period: a.period, countedMinutes: a.countedMinutes, quarters: a.planning });
      expect(comparison.b).toMatchObject({ period: b.period, countedMinutes: b.countedMinutes, quarters: b.planning });
      expect(comparison.a.flags.map((f: { message: string }) => f.message)).toEqual(a.flags.map((f: { message: string }) => f.message));
      expect(comparison.b.flags.map((f: { message: string }) => f.message)).toEqual(b.flags.map((f: { message: string }) => f.message));
      // The fixture's one planning day (6 March) falls in week 1.
      expect(comparison.a.planningDays).toEqual({ protectedDays: 1, heldDays: 1, scheduledDays: 0, dates: ['2026-03-06'] });
      expect(comparison.b.planningDays.protectedDays).toBe(0);
    }
    // The weeks differ, so the comparison has something to say.
    const { comparison } = (await sam.http.get(`/api/leaders/${sam.leaderId}/compare`).query(query).expect(200)).body;
    expect(comparison.categories.some((c: { change: { minutes: number } }) => c.change.minutes !== 0)).toBe(true);
  });

  test.each([
    ['no dates at all', {}, 'invalid-period', /Missing aFrom, aTo, bFrom, bTo/],
    ['period B missing', { aFrom: '2026-03-02', aTo: '2026-03-06' }, 'invalid-period', /Missing bFrom, bTo/],
    ['a date that does not exist', { ...query, aTo: '2026-02-30' }, 'invalid-period', /^Period A: to "2026-02-30" is not a date/],
    ['period B ending before it starts', { ...query, bFrom: '2026-03-13', bTo: '2026-03-09' }, 'invalid-period', /^Period B: from 2026-03-13 is after to 2026-03-09/],
    ['a date in another format', { ...query, bFrom: '13/03/2026' }, 'invalid-request', /bFrom: a date written YYYY-MM-DD/],
    ['an unknown parameter', { ...query, c: '1' }, 'invalid-request', /query/],
    ['a zone that does not exist', { ...query, tz: 'Mars/Olympus' }, 'invalid-time-zone', /Mars\/Olympus/],
  ])('%s is 400 with a clear message', async (_case, params, code, message) => {
    await importCalendar(sam);
    const res = await sam.http.get(`/api/leaders/${sam.leaderId}/compare`).query(params);
    expectError(res, 400, code);
    expect(res.body.error.message).toMatch(message);
  });

  test('a leader with nothing imported has nothing to compare (404 no-data); a stranger gets 404', async () => {
    expectError(await sam.http.get(`/api/leaders/${sam.leaderId}/compare`).query(query), 404, 'no-data');
    expectError(await coach.http.get(`/api/leaders/${sam.leaderId}/compare`).query(query), 404, 'not-found');
  });
});

describe('the events CSV', () => {
  // Anyone who can send an invitation writes its title: these would run as formulas in a spreadsheet.
  const CRAFTED = calendar(
    { timeZone: 'Europe/Berlin' },
    event({ uid: 'evil-1@test', summary: '=HYPERLINK("http://evil.example"\\,"Quarterly review")', start: ';TZID=Europe/Berlin:20260311T130000', end: ';TZID=Europe/Berlin:20260311T133000', extra: ['LOCATION:=cmd|\' /C calc\'!A0'] }),
    event({ uid: 'evil-2@test', summary: '+SUM(1\\,2)', start: ';TZID=Europe/Berlin:20260311T140000', end: ';TZID=Europe/Berlin:20260311T143000' }),
    event({ uid: 'evil-3@test', summary: '-2+3 strategy offsite', start: ';TZID=Europe/Berlin:20260311T150000', end: ';TZID=Europe/Berlin:20260311T153000' }),
    event({ uid: 'evil-4@test', summary: '@SUM(A1:A9)', start: ';TZID=Europe/Berlin:20260311T160000', end: ';TZID=Europe/Berlin:20260311T163000' }),
  );

  test("a download of the period's events in the leader's zone, with the minutes the summary counts and formula titles neutralised", async () => {
    await importCalendar(sam);
    await sam.http.post(`/api/leaders/${sam.leaderId}/imports`).query({ source: 'Crafted' }).set('Content-Type', 'text/calendar').send(CRAFTED).expect(201);
    const res = await sam.http.get(`/api/leaders/${sam.leaderId}/events.csv`).query(BOTH_WEEKS).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="altitude-events-sam-lee-2026-03-02-to-2026-03-13.csv"');
    expect(res.text.startsWith('\uFEFF')).toBe(true);

    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual(['start (Europe/Berlin)', 'end (Europe/Berlin)', 'all day', 'title', 'location', 'category', 'reason', 'exclusion reason', 'minutes counted']);
    const period = await summary(sam.http, sam.leaderId, BOTH_WEEKS);
    expect(rows).toHaveLength(period.eventCount);
    const counted = rows.reduce((sum, row) => sum + Number(row[8]), 0);
    expect(counted).toBeCloseTo(period.countedMinutes, 0);

    const byTitle = new Map(rows.map((row) => [row[3]!, row]));
    for (const title of ["'=HYPERLINK(\"http://evil.example\",\"Quarterly review\")", "'+SUM(1,2)", "'-2+3 strategy offsite", "'@SUM(A1:A9)"]) {
      expect(byTitle.has(title), `${title} in ${[...byTitle.keys()].join(' | ')}`).toBe(true);
    }
    expect(rows.every((row) => !/^[=+\-@]/.test(row[3]!) && !/^[=+\-@]/.test(row[4]!))).toBe(true);
    expect(byTitle.get("'=HYPERLINK(\"http://evil.example\",\"Quarterly review\")")!.slice(0, 5)).toEqual(['2026-03-11 13:00', '2026-03-11 13:30', 'false', expect.any(String), "'=cmd|' /C calc'!A0"]);

    // The fixture's all-day planning day ends on its own date, and a declined meeting says why.
    const planning = rows.find((row) => row[2] === 'true' && row[5] === 'Organisational planning')!;
    expect([planning[0], planning[1]]).toEqual(['2026-03-06', '2026-03-06']);
    expect(rows.some((row) => row[5] === 'Excluded' && row[7] === 'declined by the leader' && row[8] === '0')).toBe(true);
  });

  test('a coach with read access downloads it too; after revocation it is 404', async () => {
    await importCalendar(sam);
    const grantId = await engage();
    const res = await coach.http.get(`/api/leaders/${sam.leaderId}/events.csv`).query(WEEK_1).expect(200);
    expect(res.headers['content-disposition']).toContain('2026-03-02-to-2026-03-06.csv');
    await sam.http.delete(`/api/grants/${grantId}`).expect(200);
    expectError(await coach.http.get(`/api/leaders/${sam.leaderId}/events.csv`).query(WEEK_1), 404, 'not-found');
  });

  test.each([
    ['a date that does not exist', { from: '2026-02-30' }, 'invalid-period'],
    ['a date in another format', { from: '2.3.2026' }, 'invalid-request'],
    ['an unknown parameter', { format: 'xlsx' }, 'invalid-request'],
  ])('%s is 400', async (_case, params, code) => {
    await importCalendar(sam);
    expectError(await sam.http.get(`/api/leaders/${sam.leaderId}/events.csv`).query(params), 400, code);
  });
});
