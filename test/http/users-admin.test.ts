import type { Response } from 'supertest';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { addUser, clientFor, createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../support/test-app.ts';

// An administrator sets a new password for someone who forgot theirs (Altitude sends no e-mail).

const NEW_PASSWORD = 'a fresh passphrase from the admin';

let t: TestApp;
let admin: TestUser;
let sam: TestUser;

beforeEach(async () => {
  t = createTestApp();
  admin = await addUser(t, { email: 'ops@acme.example', role: 'admin', name: 'Ops' });
  sam = await addUser(t, { email: 'sam.lee@acme.example', name: 'Sam Lee' });
});

afterEach(() => {
  try {
    expect(t.logged, 'no request reached the 500 handler').toEqual([]);
  } finally {
    t.close();
  }
});

const anonymous = () => clientFor(t.app, null);

function expectError(res: Response, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({ error: { code, message: expect.any(String), status, ...(res.body.error?.details ? { details: expect.anything() } : {}) } });
}

/** A second browser of the same person, signed in through the API. */
async function signIn(email: string, password = TEST_PASSWORD) {
  const res = await anonymous().post('/api/session').send({ email, password });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('altitude_session='))!;
  return clientFor(t.app, { token: cookie.split(';')[0]!.slice('altitude_session='.length), csrfToken: res.body.csrfToken as string });
}

async function isSignedIn(client: ReturnType<typeof clientFor>): Promise<boolean> {
  return (await client.get('/api/session').expect(200)).body.user !== null;
}

function sessionsOf(userId: number): number {
  return (t.db.$client.prepare('select count(*) as n from sessions where user_id = ?').get(userId) as { n: number }).n;
}

function accountRows(): unknown[] {
  return t.db.$client.prepare('select * from users order by id').all();
}

describe('an administrator sets a new password', () => {
  test('the old password stops working, the new one works, and every session of that person ends', async () => {
    const laptop = await signIn(sam.user.email);
    expect(sessionsOf(sam.user.id)).toBe(2);
    const res = await admin.http.patch(`/api/users/${sam.user.id}`).send({ password: NEW_PASSWORD }).expect(200);
    expect(res.body).toEqual({ user: { id: sam.user.id, email: 'sam.lee@acme.example', name: 'Sam Lee', role: 'leader', leaderId: sam.leaderId }, sessionsEnded: 2 });
    expect(JSON.stringify(res.body)).not.toContain('scrypt$');

    expect(await isSignedIn(sam.http)).toBe(false);
    expect(await isSignedIn(laptop)).toBe(false);
    expectError(await sam.http.get('/api/leaders'), 401, 'not-signed-in');
    expectError(await anonymous().post('/api/session').send({ email: sam.user.email, password: TEST_PASSWORD }), 401, 'invalid-credentials');
    const fresh = await signIn(sam.user.email, NEW_PASSWORD);
    expect(await isSignedIn(fresh)).toBe(true);
    // The administrator's own session is not touched.
    expect(await isSignedIn(admin.http)).toBe(true);
  });

  test('administrators setting their own password stay signed in on the page they use; their other sessions end', async () => {
    const elsewhere = await signIn(admin.user.email);
    const res = await admin.http.patch(`/api/users/${admin.user.id}`).send({ password: NEW_PASSWORD }).expect(200);
    expect(res.body.sessionsEnded).toBe(1);
    expect(await isSignedIn(admin.http)).toBe(true);
    expect(await isSignedIn(elsewhere)).toBe(false);
    await signIn(admin.user.email, NEW_PASSWORD);
  });

  test('a name alone is changed without ending anyone’s session; an empty name clears it', async () => {
    const renamed = await admin.http.patch(`/api/users/${sam.user.id}`).send({ name: '  Samuel Lee ' }).expect(200);
    expect(renamed.body).toMatchObject({ user: { name: 'Samuel Lee' }, sessionsEnded: 0 });
    expect(await isSignedIn(sam.http)).toBe(true);
    expect((await admin.http.patch(`/api/users/${sam.user.id}`).send({ name: '' }).expect(200)).body.user.name).toBeNull();
    expect((await sam.http.get('/api/session').expect(200)).body.user.name).toBeNull();
  });

  test('is refused to everyone but an administrator, for an unknown account, a weak password, a role change or an empty request; nothing changes', async () => {
    const coach = await addUser(t, { email: 'coach@coaching.example', role: 'coach' });
    const hr = await addUser(t, { email: 'hana.hr@acme.example', role: 'hr' });
    const before = accountRows();
    const sessionsBefore = t.db.$client.prepare('select * from sessions order by id').all();
    const cases: Array<[string, Promise<Response>, number, string]> = [
      ['nobody signed in', anonymous().patch(`/api/users/${sam.user.id}`).send({ password: NEW_PASSWORD }), 401, 'not-signed-in'],
      ['a leader, for themselves', sam.http.patch(`/api/users/${sam.user.id}`).send({ password: NEW_PASSWORD }), 403, 'forbidden'],
      ['a coach', coach.http.patch(`/api/users/${sam.user.id}`).send({ password: NEW_PASSWORD }), 403, 'forbidden'],
      ['HR', hr.http.patch(`/api/users/${admin.user.id}`).send({ password: NEW_PASSWORD }), 403, 'forbidden'],
      ['an unknown account', admin.http.patch('/api/users/999999').send({ password: NEW_PASSWORD }), 404, 'not-found'],
      ['a password of 11 characters', admin.http.patch(`/api/users/${sam.user.id}`).send({ password: 'eleven char' }), 400, 'weak-password'],
      ['a role change', admin.http.patch(`/api/users/${sam.user.id}`).send({ role: 'admin' }), 400, 'invalid-request'],
      ['nothing to change', admin.http.patch(`/api/users/${sam.user.id}`).send({}), 400, 'invalid-request'],
      ['an id that is not a number', admin.http.patch('/api/users/sam').send({ password: NEW_PASSWORD }), 400, 'invalid-request'],
    ];
    for (const [who, request, status, code] of cases) {
      const res = await request;
      expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error, who).toMatchObject({ code, status });
    }
    expect(accountRows()).toEqual(before);
    expect(t.db.$client.prepare('select * from sessions order by id').all()).toEqual(sessionsBefore);
    expect(await isSignedIn(sam.http)).toBe(true);
  });
});
