import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestUser } from '../support/test-app.ts';
import { teamCalendar } from '../support/team-calendar.ts';
import { HAS_CHROMIUM, SCREENSHOTS, startBrowserApp, type BrowserApp } from './browser-harness.ts';

const NOW = '2026-03-20T12:00:00Z';
const HR = 'hana.hr@northwind.example';
const EVIL_NAME = "=cmd|' /C calc'!A0";

describe.skipIf(!HAS_CHROMIUM)('HR in the browser', () => {
  let app: BrowserApp;
  let page: Page;
  const leaders: TestUser[] = [];

  beforeAll(async () => {
    app = await startBrowserApp(NOW);
    page = await app.newPage();
    await app.addUser({ email: HR, role: 'hr', name: 'Hana Ruiz' });
    // Six leaders with a quarter each: strategic 4 + 3i hours, ops 20 - 2i hours, i % 4 planning days.
    for (let i = 0; i < 6; i++) {
      const who = await app.addUser({ email: `leader${i}@northwind.example`, name: i === 2 ? EVIL_NAME : `Leader ${i}`, role: 'leader', timeZone: 'Europe/Berlin' });
      const res = await who.http.post(`/api/leaders/${who.leaderId}/imports`).set('Content-Type', 'text/calendar').send(teamCalendar(`l${i}`, '2026-01-04', 4 + 3 * i, 20 - 2 * i, i % 4));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      leaders.push(who);
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  async function dismissToast(): Promise<void> {
    // A toast covers what is under it; a click dismisses it, as a user would.
    const toast = page.locator('#announcer.toast:not(.toast-hidden)');
    if (await toast.isVisible()) await toast.click();
  }

  async function shot(name: string): Promise<void> {
    await dismissToast();
    await page.screenshot({ path: join(SCREENSHOTS, `hr-${name}.png`), fullPage: true });
  }

  test('HR creates a cohort and invites six leaders by pasting a list', async () => {
    await app.signIn(page, HR);
    // HR lands on the compliance page, which points to the cohorts page while there are none.
    await expect.poll(() => page.locator('main .notice').textContent()).toContain('No cohort yet.');
    await page.goto(`${app.baseUrl}/#/cohorts`);
    await page.locator('#new-cohort-name').fill('Leaders of Leaders 2026');
    await page.locator('#create-cohort').click();
    await page.locator('#invite-emails').waitFor();
    expect(await page.locator('#cohort-heading').textContent()).toBe('Leaders of Leaders 2026');
    const pasted = `${leaders.map((l, i) => (i === 0 ? `Leader 0 <${l.user.email}>` : l.user.email)).join(', ')}\nnot-an-address`;
    await page.locator('#invite-emails').fill(pasted);
    await page.locator('#send-invitations').click();
    await expect.poll(() => page.locator('#invite-result').textContent()).toContain('6 leaders invited.');
    expect(await page.locator('#invite-result').textContent()).toContain('not-an-address');
    await expect.poll(() => page.locator('#member-table tbody tr').count()).toBe(6);
    expect(await page.locator('#member-table tbody tr[data-status="invited"]').count()).toBe(6);
    await shot('cohorts');
    await app.signOut(page);
  });

  test('a leader accepts on their Sharing page, reading what HR sees and never sees', async () => {
    await app.signIn(page, leaders[0]!.user.email);
    await page.goto(`${app.baseUrl}/#/sharing`);
    const invitation = page.locator('.membership-invited');
    await invitation.waitFor();
    expect(await invitation.textContent()).toContain('Leaders of Leaders 2026');
    expect(await invitation.textContent()).toContain('Hana Ruiz (hana.hr@northwind.example)');
    const statement = (await page.locator('#what-hr-sees').textContent()) ?? '';
    expect(statement).toContain('They never see');
    expect(statement).toContain('titles');
    expect(statement).toContain('first day of your calendar data');
    expect(statement).toContain('talent review');
    expect(statement).toContain('Only if you tick “Let HR know whether I work with a coach through Altitude”');
    // Off unless the leader ticks it; they tick it before accepting.
    const share = invitation.locator('input.share-coaching');
    expect(await share.isChecked()).toBe(false);
    expect(await invitation.locator('label').textContent()).toBe('Let HR know whether I work with a coach through Altitude');
    await share.check();
    await shot('leader-invitation');
    await invitation.locator('[data-action="accept"]').click();
    await page.locator('.membership-active').waitFor();
    expect(await page.locator('#no-invitations').textContent()).toBe('No invitation waiting.');
    expect(await page.locator('.membership-active input.share-coaching').isChecked()).toBe(true);
    const membershipId = Number(await page.locator('.membership-active input.share-coaching').getAttribute('data-membership'));
    // Later, on the same page, they untick it: HR no longer sees it.
    await dismissToast();
    await page.locator('.membership-active input.share-coaching').uncheck();
    await expect.poll(() => page.locator('#announcer').textContent()).toContain('no longer sees whether you work with a coach');
    const after = await leaders[0]!.http.get('/api/memberships').expect(200);
    expect(after.body.memberships.find((m: { id: number }) => m.id === membershipId)).toMatchObject({ status: 'active', shareCoaching: false });
    await dismissToast();
    await page.locator('.membership-active input.share-coaching').check();
    await expect.poll(() => page.locator('#announcer').textContent()).toContain('now sees whether you work with a coach');
    await shot('leader-sharing');
    await app.signOut(page);

    // The other five accept through the API; two of them share their coaching status.
    for (const [index, who] of leaders.slice(1).entries()) {
      const list = await who.http.get('/api/memberships').expect(200);
      await who.http.post(`/api/memberships/${list.body.memberships[0].id}/accept`).send({ shareCoaching: index < 2 }).expect(200);
    }
  });

  test('HR reads the table, sorts it, filters flagged only and downloads the CSV', async () => {
    await app.signIn(page, HR);
    await page.goto(`${app.baseUrl}/#/compliance`);
    await page.locator('#compliance-table').waitFor();
    expect(await page.locator('#compliance-table tbody tr').count()).toBe(6);
    expect(await page.locator('#compliance-summary').textContent()).toBe('6 sharing · 6 with data in 2026-Q1 · 0 without · 5 flagged');
    // Leader 3: 13 of 51 hours strategic, 3 planning days held: on target.
    const onTarget = page.locator('#compliance-table tr[data-email="leader3@northwind.example"]');
    expect(await onTarget.locator('td').allTextContents()).toEqual(['25.5% target 20%', '51.0 h', '3 held · 0 scheduled of 3', '0', 'On target', 'Not shared']);
    expect(await page.locator('#compliance-table tr[data-email="leader0@northwind.example"] td.coach-cell').textContent()).toBe('Not coached');
    expect(await page.locator('#compliance-table').textContent()).not.toContain('Strategy session');

    await page.locator('button.sort[data-sort="strategic-share"]').click();
    await expect.poll(() => page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    await page.locator('#compliance-table tbody tr').first().waitFor();
    expect(await page.locator('#compliance-table tbody tr').first().getAttribute('data-email')).toBe('leader0@northwind.example');
    await page.locator('button.sort[data-sort="strategic-share"]').click();
    await expect.poll(() => page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('#compliance-table tbody tr').first().getAttribute('data-email')).toBe('leader4@northwind.example');
    await shot('compliance');

    await page.locator('#flagged-only').check();
    await expect.poll(() => page.locator('#compliance-table tbody tr').count()).toBe(5);
    expect(await page.locator('#compliance-table tr[data-email="leader3@northwind.example"]').count()).toBe(0);
    await shot('compliance-flagged');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('compliance-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
    expect(download.suggestedFilename()).toBe('leaders-of-leaders-2026-2026-Q1-compliance-flagged.csv');
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]!.startsWith('Name,E-mail,Quarter,Data,Strategic share (%)')).toBe(true);
    expect(lines[1]!.startsWith('Leader 4,leader4@northwind.example,2026-Q1,yes,57.1,')).toBe(true);
    // The name that would run as a formula is text in the file.
    expect(lines.some((line) => line.startsWith(`'${EVIL_NAME},leader2@northwind.example`))).toBe(true);
    expect(csv).not.toContain('Strategy session');
  });

  test('HR sees the three charts with their numbers, and hidden groups say why', async () => {
    await page.goto(`${app.baseUrl}/#/cohort-charts`);
    await page.locator('#distribution-table').waitFor();
    expect(await page.locator('#distribution-people').textContent()).toBe('6');
    expect(await page.locator('#distribution-below').textContent()).toBe('1 of 6');
    expect(await page.locator('#planning-table tr[data-quarter="2026-Q1"] td').textContent()).toBe('1 of 6 (16.7%)');
    expect(await page.locator('#trend-table tr[data-quarter="2025-Q4"] td').textContent()).toBe('no data');
    for (const id of ['#distribution-chart', '#planning-chart', '#trend-chart']) {
      await expect.poll(() => page.locator(id).evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(0);
    }
    await shot('charts');

    // Two leave: four is under five, and every figure of the cohort is hidden.
    for (const who of leaders.slice(4)) {
      const list = await who.http.get('/api/memberships').expect(200);
      await who.http.post(`/api/memberships/${list.body.memberships[0].id}/leave`).expect(200);
    }
    await page.reload();
    await page.locator('#distribution .hr-hidden').waitFor();
    expect(await page.locator('#distribution .hr-hidden').textContent()).toBe('Fewer than 5 people: hidden to protect individuals.');
    expect(await page.locator('#planning-table tr[data-quarter="2026-Q1"] td').textContent()).toBe('fewer than 5 people: hidden to protect individuals');
    expect(await page.locator('#distribution-chart').count()).toBe(0);
    await shot('charts-hidden');
    // They come back, so the rest of the journey has a cohort to look at.
    for (const who of leaders.slice(4)) {
      const list = await who.http.get('/api/memberships').expect(200);
      expect(list.body.memberships[0].status).toBe('left');
    }
  });

  test('HR answers the diagnostic twice and compares the dated answers', async () => {
    await page.goto(`${app.baseUrl}/#/diagnostic`);
    await page.locator('#save-diagnostic').waitFor();
    expect(await page.locator('.diag-item').count()).toBe(10);
    expect(await page.locator('#diagnostic-score').textContent()).toBe('0 of 10');
    // Evidence sits beside the statements that have it, never ticking them.
    expect(await page.locator('.diag-item[data-statement="dedicated-programme"] .diag-evidence').textContent()).toContain('1 cohort with 4 active members (6 people invited in all).');
    expect(await page.locator('.diag-item[data-statement="strategy-translation"] .diag-evidence').textContent()).toContain('hidden to protect individuals');
    expect(await page.locator('.diag-item[data-statement="role-definition"] .diag-evidence').textContent()).toBe('The calendars say nothing about this one.');
    expect(await page.locator('#diag-dedicated-programme').isChecked()).toBe(false);

    for (const id of ['dedicated-programme', 'role-definition', 'expectations-communicated']) await page.locator(`#diag-${id}`).check();
    expect(await page.locator('#diagnostic-score').textContent()).toBe('3 of 10');
    expect(await page.locator('#diagnostic-band').textContent()).toBe('Fewer than 5: significant gap');
    await page.locator('#diagnostic-note').fill('Before the programme');
    await page.locator('#save-diagnostic').click();
    await expect.poll(() => page.locator('#history-table thead th').count()).toBe(2);

    for (const id of ['strategy-translation', 'transition-support', 'protected-planning-time']) await page.locator(`#diag-${id}`).check();
    expect(await page.locator('#diagnostic-score').textContent()).toBe('6 of 10');
    expect(await page.locator('#diagnostic-band').textContent()).toBe('5 to 7: some support, clear gaps');
    await page.locator('#diagnostic-note').fill('After the first quarter');
    await page.locator('#save-diagnostic').click();
    await expect.poll(() => page.locator('#history-table thead th').count()).toBe(3);
    expect(await page.locator('#history-table td[data-score]').allTextContents()).toEqual(['6 / 10', '3 / 10']);
    expect(await page.locator('#history-table tr[data-statement="transition-support"] td').allTextContents()).toEqual(['✓ yes', '– no']);
    // The form starts from the latest answers.
    expect(await page.locator('#diag-protected-planning-time').isChecked()).toBe(true);
    await shot('diagnostic');
  });

  test('nothing went wrong on any page', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
