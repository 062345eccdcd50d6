import { afterEach, beforeEach, expect, test } from 'vitest';
import { bootstrapAdmin } from '../../server/bootstrap-admin.ts';
import { authenticate, listUsers } from '../../server/services/users.ts';
import { createTestApp, FIXED_NOW, TEST_PASSWORD, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

test('the first start creates the administrator from the environment, once; later starts leave accounts alone', async () => {
  const env = { ALTITUDE_ADMIN_EMAIL: 'Ops@Example.org', ALTITUDE_ADMIN_PASSWORD: TEST_PASSWORD };
  expect(await bootstrapAdmin(t.db, env, FIXED_NOW)).toBe('ops@example.org');
  expect((await authenticate(t.db, 'ops@example.org', TEST_PASSWORD))?.role).toBe('admin');
  expect(await bootstrapAdmin(t.db, { ...env, ALTITUDE_ADMIN_EMAIL: 'second@example.org' }, FIXED_NOW)).toBeNull();
  expect(listUsers(t.db).map((u) => u.email)).toEqual(['ops@example.org']);
});

test('without both variables nothing is created; a weak password is refused with the reason', async () => {
  expect(await bootstrapAdmin(t.db, { ALTITUDE_ADMIN_EMAIL: 'ops@example.org' }, FIXED_NOW)).toBeNull();
  expect(listUsers(t.db)).toEqual([]);
  await expect(bootstrapAdmin(t.db, { ALTITUDE_ADMIN_EMAIL: 'ops@example.org', ALTITUDE_ADMIN_PASSWORD: 'short' }, FIXED_NOW)).rejects.toThrow(/at least 12 characters/);
});
