import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFixture, TEST_PASSWORD, type TestUser } from '../support/test-app.ts';
import { HAS_CHROMIUM, SCREENSHOTS, startBrowserApp, type BrowserApp } from './browser-harness.ts';

// "Your data" in the page: the leader's Settings download the JSON; a coach deletes their account
// from the header's "Your data" page and lands on sign-in.
describe.skipIf(!HAS_CHROMIUM)('your data', () => {
  let app: BrowserApp;
  let leader: TestUser;
  let coach: TestUser;

  beforeAll(async () => {
    app = await startBrowserApp('2026-03-20T12:00:00Z');
    leader = await app.addUser({ email: 'sam.lee@acme.example', name: 'Sam Lee' });
    coach = await app.addUser({ email: 'casey@coaching.example', name: 'Casey Coach', role: 'coach' });
    const imported = await leader.http.post(`/api/leaders/${leader.leaderId}/imports`).set('Content-Type', 'text/calendar').send(readFixture('leader-week.ics'));
    expect(imported.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  test("the leader's Settings page downloads all their data as JSON", async () => {
    const page = await app.newPage();
    try {
      await app.signIn(page, leader.user.email);
      await page.goto(`${app.baseUrl}/#/settings`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-data').click()]);
      expect(download.suggestedFilename()).toBe('altitude-export-2026-03-20.json');
      const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      expect(data.email).toBe(leader.user.email);
      expect(data.events.length).toBeGreaterThan(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'your-data-leader-settings.png'), fullPage: true });
      expect(app.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('a coach deletes their account with their password and is back at sign-in', async () => {
    const page = await app.newPage();
    try {
      await app.signIn(page, coach.user.email);
      await page.locator('#your-data-link').click();
      await page.locator('#delete-password').fill('not the password at all');
      await page.locator('#delete-account').click();
      // Checking a password takes a deliberate scrypt's time.
      await expect.poll(() => page.locator('#your-data .form-error').textContent(), { timeout: 15_000 }).toContain('not your current password');
      await page.locator('#delete-password').fill(TEST_PASSWORD);
      await page.locator('#delete-account').click();
      await page.locator('#auth-email').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator('#announcer').textContent()).toContain('deleted');
      expect((await coach.http.get('/api/session')).body).toEqual({ user: null });
      expect(app.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
