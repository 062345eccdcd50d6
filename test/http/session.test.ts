import type { Express } from 'express';
import type { Response } from 'supertest';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app.ts';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../server/services/sessions.ts';
import { addUser, clientFor, createTestApp, FIXED_NOW, TEST_PASSWORD, type TestApp } from '../support/test-app.ts';

// Accounts and sessions through the real app: sign-up, sign-in, sign-out, CSRF, throttling.
let t: TestApp;
let clock = FIXED_NOW;
/** The app of `t`, with a clock the test can move (sessions expire). */
let app: Express;

beforeEach(() => {
  t = createTestApp();
  clock = FIXED_NOW;
  app = createApp({ db: t.db, now: () => clock, log: (error) => t.logged.push(error) });
});

afterEach(() => {
  try {
    expect(t.logged).toEqual([]);
  } finally {
    t.close();
  }
});

const anonymous = () => clientFor(app, null);

function sessionCookie(res: Response): { token: string; attributes: string[] } {
  const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('altitude_session='));
  expect(header, 'a session cookie was set').toBeDefined();
  const [pair, ...attributes] = header!.split(';').map((part) => part.trim());
  return { token: pair!.slice('altitude_session='.length), attributes };
}

function signedIn(res: Response) {
  return clientFor(app, { token: sessionCookie(res).token, csrfToken: res.body.csrfToken as string });
}

function expectError(res: Response, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error).toMatchObject({ code, status });
}

describe('sign-up and sign-in', () => {
  test('sign-up starts a session in an HttpOnly, SameSite cookie; the session says who is signed in', async () => {
    const res = await anonymous().post('/api/signup').send({ email: 'coach@example.org', password: TEST_PASSWORD, role: 'coach', name: 'Dana' }).expect(201);
    expect(res.body.user).toEqual({ id: expect.any(Number), email: 'coach@example.org', name: 'Dana', role: 'coach', leaderId: null });
    const { token, attributes } = sessionCookie(res);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/']));
    expect(attributes.some((a) => a.startsWith('Max-Age='))).toBe(true);
    const session = await signedIn(res).get('/api/session').expect(200);
    expect(session.body).toEqual({ user: res.body.user, csrfToken: res.body.csrfToken });
    // Only a hash of the token is stored: the database does not hold a usable cookie.
    const stored = t.db.$client.prepare('select id from sessions').all() as Array<{ id: string }>;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toBe(token);
  });

  test('without a session, /api/session answers no user, and every data route is 401', async () => {
    expect((await anonymous().get('/api/session').expect(200)).body).toEqual({ user: null });
    expectError(await anonymous().get('/api/leaders'), 401, 'not-signed-in');
    expectError(await anonymous().get('/api/leaders/1/summary'), 401, 'not-signed-in');
  });

  test('a wrong password and an unknown address get the very same answer', async () => {
    await addUser(t, { email: 'sam.lee@acme.example' });
    const wrong = await anonymous().post('/api/session').send({ email: 'sam.lee@acme.example', password: 'not the right password' });
    const unknown = await anonymous().post('/api/session').send({ email: 'nobody@acme.example', password: 'not the right password' });
    expectError(wrong, 401, 'invalid-credentials');
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.headers['set-cookie']).toBeUndefined();
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  test('signing in issues a new session each time, and the one sent along is ended, not promoted', async () => {
    await addUser(t, { email: 'sam.lee@acme.example' });
    const first = await anonymous().post('/api/session').send({ email: 'SAM.LEE@acme.example ', password: TEST_PASSWORD }).expect(200);
    const firstToken = sessionCookie(first).token;
    const again = await signedIn(first).post('/api/session').send({ email: 'sam.lee@acme.example', password: TEST_PASSWORD }).expect(200);
    expect(sessionCookie(again).token).not.toBe(firstToken);
    expectError(await clientFor(app, { token: firstToken, csrfToken: first.body.csrfToken }).get('/api/leaders'), 401, 'not-signed-in');
    await signedIn(again).get('/api/leaders').expect(200);
  });

  test('sign-out ends the session on the server: the old cookie is worth nothing afterwards', async () => {
    const res = await anonymous().post('/api/signup').send({ email: 'hr@example.org', password: TEST_PASSWORD, role: 'hr' }).expect(201);
    const client = signedIn(res);
    const out = await client.delete('/api/session').expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/altitude_session=;.*Expires=Thu, 01 Jan 1970/);
    expectError(await client.get('/api/leaders'), 401, 'not-signed-in');
    expect((await client.get('/api/session').expect(200)).body).toEqual({ user: null });
  });

  test('a session ends after 12 idle hours, and 7 days after sign-in however busy', async () => {
    const res = await anonymous().post('/api/signup').send({ email: 'idle@example.org', password: TEST_PASSWORD, role: 'leader' }).expect(201);
    const client = signedIn(res);
    clock += SESSION_IDLE_MS - 60_000;
    await client.get('/api/leaders').expect(200);
    clock += SESSION_IDLE_MS - 60_000; // active a minute ago, so still alive
    await client.get('/api/leaders').expect(200);
    clock += SESSION_IDLE_MS;
    expectError(await client.get('/api/leaders'), 401, 'not-signed-in');

    const busy = signedIn(await anonymous().post('/api/signup').send({ email: 'busy@example.org', password: TEST_PASSWORD, role: 'leader' }).expect(201));
    const started = clock;
    while (clock < started + SESSION_MAX_MS - SESSION_IDLE_MS) {
      clock += SESSION_IDLE_MS / 2;
      await busy.get('/api/leaders').expect(200);
    }
    clock = started + SESSION_MAX_MS;
    expectError(await busy.get('/api/leaders'), 401, 'not-signed-in');
  });

  test('sign-up refuses the administrator role, a taken address and a short password; nothing is stored', async () => {
    expectError(await anonymous().post('/api/signup').send({ email: 'x@example.org', password: TEST_PASSWORD, role: 'admin' }), 400, 'invalid-request');
    expectError(await anonymous().post('/api/signup').send({ email: 'x@example.org', password: 'eleven char', role: 'leader' }), 400, 'weak-password');
    await addUser(t, { email: 'x@example.org', role: 'coach' });
    expectError(await anonymous().post('/api/signup').send({ email: 'X@example.org', password: TEST_PASSWORD, role: 'leader' }), 409, 'account-exists');
    expect((t.db.$client.prepare('select count(*) as n from users').get() as { n: number }).n).toBe(1);
  });

  test('sign-up on the web never takes over calendar data an operator imported for that address', async () => {
    t.db.$client.prepare("insert into leaders (email, name, settings, created_at) values ('sam.lee@acme.example', 'Sam', '{}', 0)").run();
    const res = await anonymous().post('/api/signup').send({ email: 'sam.lee@acme.example', password: TEST_PASSWORD, role: 'leader' });
    expectError(res, 409, 'account-exists');
    // The same answer as for an address with an account: sign-up does not reveal whose calendar is stored.
    await addUser(t, { email: 'noor@acme.example' });
    const withAccount = await anonymous().post('/api/signup').send({ email: 'noor@acme.example', password: TEST_PASSWORD, role: 'leader' });
    expect(res.body.error.message.replace('sam.lee@acme.example', 'X')).toBe(withAccount.body.error.message.replace('noor@acme.example', 'X'));
  });

  test('with sign-up closed, only an administrator creates accounts', async () => {
    const closed = createApp({ db: t.db, now: () => clock, log: (error) => t.logged.push(error), session: { signup: 'closed' } });
    expectError(await clientFor(closed, null).post('/api/signup').send({ email: 'x@example.org', password: TEST_PASSWORD, role: 'leader' }), 403, 'signup-closed');
    const admin = await addUser({ app: closed, db: t.db }, { email: 'admin@example.org', role: 'admin' });
    const leader = await addUser({ app: closed, db: t.db }, { email: 'lee@example.org', role: 'leader' });
    const created = await admin.http.post('/api/users').send({ email: 'new.coach@example.org', password: TEST_PASSWORD, role: 'coach' }).expect(201);
    expect(created.body.user).toMatchObject({ email: 'new.coach@example.org', role: 'coach' });
    expect((await admin.http.get('/api/users').expect(200)).body.users.map((u: { email: string }) => u.email)).toEqual(['admin@example.org', 'lee@example.org', 'new.coach@example.org']);
    expectError(await leader.http.get('/api/users'), 403, 'forbidden');
    expectError(await leader.http.post('/api/users').send({ email: 'y@example.org', password: TEST_PASSWORD, role: 'admin' }), 403, 'forbidden');
    // No response about accounts ever carries a password hash.
    expect(JSON.stringify((await admin.http.get('/api/users')).body)).not.toContain('scrypt$');
  });
});

describe('cross-site requests', () => {
  test('a change without the CSRF token, or with another session’s, is refused with 403 and changes nothing', async () => {
    const sam = await addUser(t, { email: 'sam.lee@acme.example' });
    const other = await addUser(t, { email: 'noor@acme.example' });
    const cookie = `altitude_session=${sessionCookie(await anonymous().post('/api/session').send({ email: 'sam.lee@acme.example', password: TEST_PASSWORD })).token}`;
    const bare = await clientFor(app, null).patch(`/api/leaders/${sam.leaderId}`).set('Cookie', cookie).send({ name: 'Hijacked' });
    expectError(bare, 403, 'csrf-token-invalid');
    const borrowed = await clientFor(app, null)
      .patch(`/api/leaders/${sam.leaderId}`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', (await other.http.get('/api/session')).body.csrfToken)
      .send({ name: 'Hijacked' });
    expectError(borrowed, 403, 'csrf-token-invalid');
    expect((await sam.http.get(`/api/leaders/${sam.leaderId}`)).body.leader.name).toBeNull();
  });

  test('a request from another origin is refused even with a valid token; the same origin passes', async () => {
    const sam = await addUser(t, { email: 'sam.lee@acme.example' });
    expectError(await sam.http.patch(`/api/leaders/${sam.leaderId}`).set('Origin', 'https://evil.example').send({ name: 'x' }), 403, 'cross-origin');
    const host = 'app.altitude.test';
    await sam.http.patch(`/api/leaders/${sam.leaderId}`).set('Host', host).set('Origin', `http://${host}`).send({ name: 'Sam' }).expect(200);
  });

  test('sign-in from another origin is refused, so no one can sign a visitor into their own account', async () => {
    await addUser(t, { email: 'sam.lee@acme.example' });
    expectError(await anonymous().post('/api/session').set('Origin', 'https://evil.example').send({ email: 'sam.lee@acme.example', password: TEST_PASSWORD }), 403, 'cross-origin');
  });
});

describe('sign-in throttling', () => {
  test('after 5 failures for one address, even the right password waits; the wait ends after 15 minutes', async () => {
    await addUser(t, { email: 'sam.lee@acme.example' });
    for (let i = 0; i < 5; i += 1) {
      expectError(await anonymous().post('/api/session').send({ email: 'sam.lee@acme.example', password: `guess number ${i}` }), 401, 'invalid-credentials');
    }
    const blocked = await anonymous().post('/api/session').send({ email: 'sam.lee@acme.example', password: TEST_PASSWORD });
    expectError(blocked, 429, 'too-many-attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address from the same client is not blocked yet (the per-client limit is higher).
    await addUser(t, { email: 'noor@acme.example' });
    await anonymous().post('/api/session').send({ email: 'noor@acme.example', password: TEST_PASSWORD }).expect(200);
    clock += 15 * 60 * 1000 + 1000;
    await anonymous().post('/api/session').send({ email: 'sam.lee@acme.example', password: TEST_PASSWORD }).expect(200);
  });

  test('guesses sent all at once are counted as they arrive, not after the slow check: at most 5 get through', async () => {
    await addUser(t, { email: 'sam.lee@acme.example' });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => anonymous().post('/api/session').send({ email: 'sam.lee@acme.example', password: `parallel guess ${i}` })),
    );
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  test('an unknown address is throttled exactly like a known one, so throttling does not tell them apart', async () => {
    for (let i = 0; i < 5; i += 1) await anonymous().post('/api/session').send({ email: 'ghost@acme.example', password: `guess ${i}` });
    expectError(await anonymous().post('/api/session').send({ email: 'ghost@acme.example', password: 'guess 6' }), 429, 'too-many-attempts');
  });
});
