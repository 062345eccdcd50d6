import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../server/app.ts';
import { openDatabase, type AppDatabase } from '../../server/db/open-database.ts';
import type { UserRole } from '../../server/db/schema.ts';
import { addUser, TEST_PASSWORD, type TestUser } from '../support/test-app.ts';

/** Debian's Chromium (`apt-get install -y chromium`); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

if (!HAS_CHROMIUM) {
  // Loud on purpose: a skipped browser test must not pass unnoticed.
  const message = `\n*** Browser tests SKIPPED: no Chromium at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium ***\n`;
  if (process.env.CI) throw new Error(`${message}CI is set, so a missing browser is a failure.`);
  console.warn(message);
}

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

export interface BrowserApp {
  baseUrl: string;
  db: AppDatabase;
  browser: Browser;
  newPage: (options?: { width?: number; height?: number }) => Promise<Page>;
  /** Console errors, uncaught exceptions and CSP violations seen on any page; a finished page has none. */
  pageErrors: string[];
  /** Console notes of 4xx answers; each should be one a test provoked on purpose. */
  rejectedRequests: string[];
  /** An account (password TEST_PASSWORD) made through the users service; `http` calls the API as it. */
  addUser: (input: { email: string; role?: UserRole; name?: string; timeZone?: string }) => Promise<TestUser>;
  /** Signs in through the page's own form and waits for the signed-in header. */
  signIn: (page: Page, email: string, password?: string) => Promise<void>;
  /** Signs out through the header's button and waits for the sign-in form. */
  signOut: (page: Page) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * The real server (the app `npm start` serves, web app included) on a temporary database and
 * a free loopback port, with the clock fixed on both sides: the server's `now` and the page's.
 */
export async function startBrowserApp(nowIso: string): Promise<BrowserApp> {
  const dir = mkdtempSync(join(tmpdir(), 'altitude-browser-'));
  const db = openDatabase(join(dir, 'altitude.db'));
  const now = Date.parse(nowIso);
  const app = createApp({ db, now: () => now, log: () => undefined });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const pageErrors: string[] = [];
  const rejectedRequests: string[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    baseUrl,
    db,
    browser,
    pageErrors,
    rejectedRequests,
    async newPage({ width = 1280, height = 900 } = {}) {
      // Reduced motion: the charts draw at once (their animation would wait on the frozen clock).
      const page = await browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
      await page.clock.setFixedTime(new Date(now));
      // Whatever the Content-Security-Policy blocks (an inline script or style, a foreign load, a
      // string written as HTML under Trusted Types) is reported as an error like any other.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
        });
      });
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // A 4xx answer the page then explains (a rejected file) is the app working, not an error;
        // tests that cause one check the message shown instead.
        if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) rejectedRequests.push(message.text());
        else pageErrors.push(message.text());
      });
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      return page;
    },
    addUser: (input) => addUser({ app, db }, input),
    async signIn(page, email, password = TEST_PASSWORD) {
      await page.goto(`${baseUrl}/#/sign-in`);
      await page.locator('#auth-email').fill(email);
      await page.locator('#auth-password').fill(password);
      await page.locator('#auth-submit').click();
      await page.locator('#sign-out').waitFor();
    },
    async signOut(page) {
      await page.locator('#sign-out').click();
      await page.locator('#auth-email').waitFor();
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
