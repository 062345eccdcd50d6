import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClientView, Comparison } from '../../shared/coaching.ts';
import { COUNTED_IDS } from '../../shared/taxonomy.ts';
import { hours, percent } from '../../web/src/format.ts';
import { hoursChange, pointsChange } from '../../web/src/format-change.ts';
import { readFixture, type TestUser } from '../support/test-app.ts';
import { HAS_CHROMIUM, SCREENSHOTS, startBrowserApp, type BrowserApp } from './browser-harness.ts';

const NOW = '2026-03-20T12:00:00Z';
const SAM = 'sam.lee@acme.example';
const COACH = 'casey.coach@coaching.example';
const WEEK_1 = { from: '2026-03-02', to: '2026-03-06' };
const WEEK_2 = { from: '2026-03-09', to: '2026-03-13' };

describe.skipIf(!HAS_CHROMIUM)('a coach in the browser', () => {
  let app: BrowserApp;
  let leader: TestUser;
  let coach: TestUser;
  let leaderPage: Page;
  let coachPage: Page;
  /** The invitation code as the leader's page showed it. */
  let inviteCode: string;

  beforeAll(async () => {
    app = await startBrowserApp(NOW);
    leader = await app.addUser({ email: SAM, role: 'leader', name: 'Sam Lee' });
    coach = await app.addUser({ email: COACH, role: 'coach', name: 'Casey Coach' });
    const imported = await leader.http.post(`/api/leaders/${leader.leaderId}/imports`).set('Content-Type', 'text/calendar').send(readFixture('leader-week.ics'));
    expect(imported.status).toBe(201);
    // Two browsers' worth of sessions: each page has its own cookies.
    leaderPage = await app.newPage();
    coachPage = await app.newPage();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  async function shot(page: Page, name: string): Promise<void> {
    // The last toast would cover part of the page in the picture.
    await page.evaluate(() => document.getElementById('announcer')?.classList.add('toast-hidden'));
    await page.screenshot({ path: join(SCREENSHOTS, `coach-${name}.png`), fullPage: true });
  }

  test('the leader invites the coach on the Sharing page, read-only, with what the coach will see spelled out and the code shown once', async () => {
    await app.signIn(leaderPage, SAM);
    await leaderPage.goto(`${app.baseUrl}/#/sharing`);
    await expect.poll(() => leaderPage.locator('#coach-grants').textContent()).toContain('You share your audit with no coach.');
    expect(await leaderPage.locator('.sharing-scope').textContent()).toContain('every event with its title');
    await leaderPage.locator('#invite-coach-email').fill(COACH);
    await leaderPage.locator('#invite-coach').click();
    const row = leaderPage.locator(`li[data-coach="${COACH}"]`);
    await expect.poll(() => row.locator('.status-badge').textContent()).toBe('Invited, not yet accepted');
    expect(await row.locator('input[type=checkbox]').isChecked()).toBe(false);
    const shown = row.locator('.invite-code');
    expect(await shown.textContent()).toContain('Give this code to your coach; they enter it to accept. It is shown only now');
    inviteCode = (await shown.locator('.invite-code-value').textContent())!;
    expect(inviteCode).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    await shot(leaderPage, 'sharing-invited');
    // Shown only now: after a reload the page has no copy, only the way to a new code.
    await leaderPage.reload();
    await expect.poll(() => row.locator('.invite-code-note').textContent()).toContain('Lost it? Make a new code');
    expect(await row.locator('.invite-code').count()).toBe(0);
    expect(await leaderPage.locator('body').textContent()).not.toContain(inviteCode);
    expect(await row.getByRole('button', { name: 'New code' }).isVisible()).toBe(true);
  });

  test('the coach signs in, finds the invitation on Clients, accepts it and sees the headline figures the API gives', async () => {
    await app.signIn(coachPage, COACH);
    await expect.poll(() => coachPage.url()).toContain('#/clients');
    const invitation = coachPage.locator('.invitations li.grant');
    await invitation.waitFor();
    expect(await invitation.textContent()).toContain('Sam Lee (sam.lee@acme.example)');
    await shot(coachPage, 'clients-invitation');
    // A wrong code is refused with whom to ask; nothing is shared.
    const code = invitation.getByLabel('Invitation code');
    await code.fill('ABCD-EFGH' === inviteCode ? 'ABCD-EFGJ' : 'ABCD-EFGH');
    await invitation.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => invitation.locator('.form-error').textContent()).toContain('Ask Sam Lee for the code on their Sharing page');
    expect(await coachPage.locator('.client-card').count()).toBe(0);
    // The coach types the code the leader read out, as people do: lower case, a space for the dash.
    await code.fill(inviteCode.toLowerCase().replace('-', ' '));
    await invitation.getByRole('button', { name: 'Accept' }).click();

    const card = coachPage.locator(`.client-card[data-leader="${leader.leaderId}"]`);
    await card.waitFor();
    expect(await coachPage.locator('.invitations').isHidden()).toBe(true);
    const api = (await coach.http.get('/api/coach/clients').expect(200)).body as { clients: ClientView[] };
    const figures = api.clients[0]!.figures!;
    expect(await card.locator('[data-figure="strategic"] .figure-value').textContent()).toBe(percent(figures.quarter.strategicShare));
    expect(await card.locator('[data-figure="counted"] .figure-value').textContent()).toBe(hours(figures.quarter.countedMinutes));
    expect(await card.locator('[data-figure="planning"] .figure-value').textContent()).toBe(`${figures.quarter.protectedDays} of 3`);
    expect(await card.locator('[data-figure="year"] .figure-value').textContent()).toBe(percent(figures.last12Months.strategicShare));
    expect(await card.locator('.flag-chip').allTextContents()).toEqual(figures.quarter.flags.map((f) => f.message));
    // The header's client picker knows the new client without a reload.
    await expect.poll(() => coachPage.locator('#leader-select option').allTextContents()).toEqual(['Sam Lee (sam.lee@acme.example)']);
    await shot(coachPage, 'clients');
  });

  test("the coach opens the client's dashboard from the list, read-only", async () => {
    await coachPage.locator(`.client-card[data-leader="${leader.leaderId}"] a[data-open="dashboard"]`).click();
    await expect.poll(() => coachPage.url()).toContain('#/dashboard');
    await coachPage.locator('#category-table').waitFor();
    expect(await coachPage.locator('#leader-select').inputValue()).toBe(String(leader.leaderId));
    await shot(coachPage, 'dashboard');
    await coachPage.goto(`${app.baseUrl}/#/events`);
    await coachPage.locator('#events-table').waitFor();
    // Read-only: no column to change a category.
    expect(await coachPage.locator('#events-table thead th').allTextContents()).not.toContain('Change');
    await shot(coachPage, 'events');
    expect(await coachPage.locator('#export-events-csv').getAttribute('href')).toMatch(new RegExp(`^/api/leaders/${leader.leaderId}/events\\.csv\\?from=\\d{4}-\\d{2}-\\d{2}&to=\\d{4}-\\d{2}-\\d{2}$`));
  });

  test('the coach compares two periods: the page shows the figures the API gives, with a chart beside the table', async () => {
    await coachPage.goto(`${app.baseUrl}/#/compare`);
    await coachPage.locator('#compare-a-preset').waitFor();
    for (const [prefix, period] of [['a', WEEK_1], ['b', WEEK_2]] as const) {
      await coachPage.locator(`#compare-${prefix}-preset`).selectOption('custom');
      await coachPage.locator(`#compare-${prefix}-from`).fill(period.from);
      await coachPage.locator(`#compare-${prefix}-to`).fill(period.to);
    }
    await coachPage.locator('#compare-submit').click();
    await expect.poll(() => coachPage.locator('#compare-table thead').textContent()).toContain('A: 2 Mar 2026 – 6 Mar 2026');
    expect(coachPage.url()).toContain(`aFrom=${WEEK_1.from}&aTo=${WEEK_1.to}&bFrom=${WEEK_2.from}&bTo=${WEEK_2.to}`);

    const api = (
      await coach.http.get(`/api/leaders/${leader.leaderId}/compare`).query({ aFrom: WEEK_1.from, aTo: WEEK_1.to, bFrom: WEEK_2.from, bTo: WEEK_2.to }).expect(200)
    ).body.comparison as Comparison;
    const rows = await coachPage.locator('#compare-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ id: tr.getAttribute('data-category')!, cells: Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.getAttribute('data-col'), td.textContent!.trim()])) })),
    );
    expect(rows.map((r) => r.id)).toEqual([...COUNTED_IDS]);
    for (const row of rows) {
      const category = api.categories.find((c) => c.id === row.id)!;
      expect(row.cells, row.id).toEqual({
        'a-hours': hours(category.a.minutes),
        'a-share': percent(category.a.share),
        'b-hours': hours(category.b.minutes),
        'b-share': percent(category.b.share),
        'change-hours': hoursChange(category.change.minutes),
        'change-points': pointsChange(category.change.points),
        // Per week: the periods' minutes over their lengths in weeks, comparable when lengths differ.
        'a-week': hours(category.perWeek.a),
        'b-week': hours(category.perWeek.b),
        'change-week': hoursChange(category.perWeek.change),
      });
    }
    expect(await coachPage.locator('#compare-period-a [data-fact="counted"]').textContent()).toBe(hours(api.a.countedMinutes));
    expect(await coachPage.locator('#compare-period-a [data-fact="planning"]').textContent()).toBe('1 day (1 held, 0 booked ahead)');
    expect(await coachPage.locator('#compare-period-b .flag-message').allTextContents()).toEqual(api.b.flags.map((f) => f.message));
    await expect.poll(() => coachPage.locator('#compare-chart').evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(0);
    await shot(coachPage, 'compare');
    // On a phone the table scrolls inside its panel; the page itself does not.
    await coachPage.setViewportSize({ width: 390, height: 844 });
    expect(await coachPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(coachPage, 'compare-phone');
    await coachPage.setViewportSize({ width: 1280, height: 900 });
  });

  test('the coach adds a note; the client sees it, signed by the coach', async () => {
    await coachPage.goto(`${app.baseUrl}/#/notes`);
    await coachPage.locator('#note-body').fill('Agreed: one protected strategy block every Friday morning.\nNext session: look at Q2 planning days.');
    await coachPage.locator('#note-submit').click();
    const note = coachPage.locator('#notes-list .note').first();
    await expect.poll(() => note.locator('.note-body').textContent()).toContain('Friday morning');
    expect(await note.locator('.note-author').textContent()).toBe('You');
    await shot(coachPage, 'notes');

    await leaderPage.goto(`${app.baseUrl}/#/notes`);
    const seen = leaderPage.locator('#notes-list .note').first();
    await expect.poll(() => seen.locator('.note-author').textContent()).toBe('Casey Coach');
    expect(await seen.locator('.note-role').textContent()).toBe('coach');
  });

  test('the session report prints cleanly to an A4 PDF: figures, table, chart, planning days, flags and notes; no navigation', async () => {
    await coachPage.goto(`${app.baseUrl}/#/print`);
    await coachPage.locator('#period-preset').selectOption('custom');
    await coachPage.locator('#period-from').fill('2026-03-02');
    await coachPage.locator('#period-to').fill('2026-03-13');
    await coachPage.locator('.period-custom button[type=submit]').click();
    await expect.poll(() => coachPage.locator('.report-meta').textContent()).toContain('2 Mar 2026 – 13 Mar 2026 (Europe/Berlin)');
    const summary = (await coach.http.get(`/api/leaders/${leader.leaderId}/summary`).query({ from: '2026-03-02', to: '2026-03-13' }).expect(200)).body.summary;
    expect(await coachPage.locator('[data-fact="strategic"] .figure-value').textContent()).toBe(percent(summary.shares.strategic));
    const tableHours = await coachPage.locator('#report-category-table tbody tr td:first-of-type').allTextContents();
    expect(tableHours).toEqual(COUNTED_IDS.map((id) => hours(summary.minutes[id])));
    expect(await coachPage.locator('.report-flags .flag-advice').count()).toBe(summary.flags.length);
    expect(await coachPage.locator('.report-notes .note-body').first().textContent()).toContain('Friday morning');
    await expect.poll(() => coachPage.locator('#report-doughnut').evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(0);
    await shot(coachPage, 'report-screen');

    await coachPage.emulateMedia({ media: 'print' });
    expect(await coachPage.locator('.app-header').isVisible()).toBe(false);
    expect(await coachPage.locator('#print-report').isVisible()).toBe(false);
    expect(await coachPage.locator('#session-report').isVisible()).toBe(true);
    await coachPage.setViewportSize({ width: 794, height: 1123 });
    await shot(coachPage, 'report-print');
    const pdfPath = join(SCREENSHOTS, 'coach-session-report.pdf');
    await coachPage.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    await coachPage.emulateMedia({ media: 'screen' });
    await coachPage.setViewportSize({ width: 1280, height: 900 });
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(pdfPath).size).toBeGreaterThan(20_000);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(3);
  });

  test("the leader revokes; the coach's next page load no longer shows the client", async () => {
    await leaderPage.goto(`${app.baseUrl}/#/sharing`);
    const row = leaderPage.locator(`li[data-coach="${COACH}"]`);
    await expect.poll(() => row.locator('.status-badge').textContent()).toBe('Active');
    leaderPage.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Revoke access' }).click();
    await expect.poll(() => leaderPage.locator('.ended-grants summary').textContent()).toBe('Ended (1)');
    await shot(leaderPage, 'sharing-revoked');

    await coachPage.goto(`${app.baseUrl}/#/clients`);
    await coachPage.reload();
    await expect.poll(() => coachPage.locator('.clients .notice').textContent()).toContain('No leader shares an audit with you yet.');
    expect(await coachPage.locator(`.client-card[data-leader="${leader.leaderId}"]`).count()).toBe(0);
    expect(await coachPage.locator('.leader-picker').isHidden()).toBe(true);
    await shot(coachPage, 'clients-after-revocation');

    // The leader keeps the notes of the ended engagement.
    await leaderPage.goto(`${app.baseUrl}/#/notes`);
    await expect.poll(() => leaderPage.locator('#notes-list .note-engagement').first().textContent()).toBe('engagement with Casey Coach (ended)');
    await shot(leaderPage, 'notes-after-revocation');
  });

  test('no page logged an error', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
