import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserRole as Role } from '../../server/db/schema.ts';
import { PAGES } from '../../web/src/pages.ts';
import { readFixture, type TestUser } from '../support/test-app.ts';
import { HAS_CHROMIUM, SCREENSHOTS, startBrowserApp, type BrowserApp } from './browser-harness.ts';

const NOW = '2026-03-20T12:00:00Z';
// Long names on purpose: the header must hold them at every width.
const ACCOUNTS: Record<Role, { email: string; name: string }> = {
  leader: { email: 'sam.lee@acme.example', name: 'Samuel Alexander Lee-Fitzgerald' },
  coach: { email: 'casey.montgomery-whitfield@coaching-partners.example', name: 'Casey Alexandra Montgomery-Whitfield' },
  hr: { email: 'hana.ruiz@acme.example', name: 'Hana Ruiz-Castellanos' },
  admin: { email: 'admin@acme.example', name: 'Ada Admin' },
};
const WIDTHS = [1600, 1280, 900, 390] as const;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface HeaderLayout {
  /** How far the page scrolls sideways (0: not at all). */
  overflowX: number;
  /** Distinct rows the navigation links stand on. */
  navRows: number;
  boxes: Record<'brand' | 'nav' | 'picker' | 'account', Box | null>;
  /** The account name is cut with an ellipsis but its tooltip says it all. */
  accountTitle: string | null;
}

describe.skipIf(!HAS_CHROMIUM)('the app shell', () => {
  let app: BrowserApp;
  const users = {} as Record<Role, TestUser>;

  beforeAll(async () => {
    app = await startBrowserApp(NOW);
    for (const role of Object.keys(ACCOUNTS) as Role[]) users[role] = await app.addUser({ ...ACCOUNTS[role], role });
    const imported = await users.leader.http.post(`/api/leaders/${users.leader.leaderId}/imports`).set('Content-Type', 'text/calendar').send(readFixture('leader-week.ics'));
    expect(imported.status).toBe(201);
    // The coach has two clients, so the header's client picker shows; one with a long name.
    const other = await app.addUser({ email: 'maximiliane.oberhauser-lindqvist@northwind-industries.example', name: 'Maximiliane Oberhauser-Lindqvist', role: 'leader' });
    for (const client of [users.leader, other]) {
      const grant = await client.http.post('/api/grants').send({ coachEmail: ACCOUNTS.coach.email });
      expect(grant.status, JSON.stringify(grant.body)).toBe(201);
      await users.coach.http.post(`/api/grants/${grant.body.grant.id}/accept`).send({ code: grant.body.inviteCode }).expect(200);
    }
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  async function headerLayout(page: Page): Promise<HeaderLayout> {
    return page.evaluate(() => {
      const box = (selector: string) => {
        const element = document.querySelector<HTMLElement>(selector);
        if (!element || element.hidden || element.offsetParent === null) return null;
        const { left, right, top, bottom } = element.getBoundingClientRect();
        return { left, right, top, bottom };
      };
      const tops = new Set([...document.querySelectorAll<HTMLElement>('.app-nav a')].map((a) => Math.round(a.getBoundingClientRect().top)));
      return {
        overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        navRows: tops.size,
        boxes: { brand: box('.brand'), nav: box('.app-nav'), picker: box('.leader-picker'), account: box('.account') },
        accountTitle: document.querySelector('.account-name')?.getAttribute('title') ?? null,
      };
    });
  }

  const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  describe.each(Object.keys(ACCOUNTS) as Role[])('as %s', (role) => {
    test.each(WIDTHS)('at %i px every page has a header that fits: no sideways scroll, nothing overlapping, the navigation on one line on a desktop', async (width) => {
      const page = await app.newPage({ width, height: 900 });
      try {
        await app.signIn(page, ACCOUNTS[role].email);
        const pages = PAGES.filter((p) => p.roles.includes(role) && !p.hidden);
        for (const { id } of pages) {
          await page.goto(`${app.baseUrl}/#/${id}`);
          await expect.poll(() => page.locator('main .notice-loading').count()).toBe(0);
          await page.screenshot({ path: join(SCREENSHOTS, `shell-${role}-${id}-${width}.png`) });
          const layout = await headerLayout(page);
          expect(layout.overflowX, `${id}: sideways scroll`).toBeLessThanOrEqual(0);
          const shown = Object.entries(layout.boxes).filter((entry): entry is [string, Box] => entry[1] !== null);
          for (const [i, [name, box]] of shown.entries()) {
            expect(box.right, `${id}: ${name} runs off the screen`).toBeLessThanOrEqual(width);
            for (const [other, otherBox] of shown.slice(i + 1)) expect(overlaps(box, otherBox), `${id}: ${name} overlaps ${other}`).toBe(false);
          }
          if (width >= 1280) expect(layout.navRows, `${id}: navigation rows`).toBe(1);
          expect(layout.boxes.picker !== null, `${id}: client picker shown`).toBe(role === 'coach');
          expect(layout.accountTitle).toContain(ACCOUNTS[role].name);
        }
      } finally {
        await page.close();
      }
    });
  });

  test("signing out clears the toast: the next user in the tab never reads the previous user's message", async () => {
    const page = await app.newPage();
    try {
      await app.signIn(page, ACCOUNTS.leader.email);
      await page.goto(`${app.baseUrl}/#/sharing`);
      await page.locator('#invite-coach-email').fill('someone.else@coaching.example');
      await page.locator('#invite-coach').click();
      const toast = page.locator('#announcer');
      await expect.poll(() => toast.textContent()).toContain('someone.else@coaching.example');
      expect(await toast.isVisible()).toBe(true);

      await app.signOut(page);
      expect(await toast.isVisible()).toBe(false);
      expect(await toast.textContent()).toBe('');
      await app.signIn(page, ACCOUNTS.hr.email);
      expect(await toast.isVisible()).toBe(false);
      expect(await toast.textContent()).toBe('');
    } finally {
      await page.close();
    }
  });

  test('no page logged an error or broke the Content-Security-Policy', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
