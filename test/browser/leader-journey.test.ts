import { join } from 'node:path';
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COUNTED_IDS, CATEGORY_INFO } from '../../shared/taxonomy.ts';
import { calendar, event } from '../support/ics-builder.ts';
import { HAS_CHROMIUM, SCREENSHOTS, startBrowserApp, type BrowserApp } from './browser-harness.ts';

const NOW = '2026-03-20T12:00:00Z';
const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'leader-week.ics');
const LEADER = 'sam.lee@acme.example';
const PASSWORD = 'a long enough passphrase';

interface SummaryJson {
  period: { from: string; to: string };
  minutes: Record<string, number>;
  shares: Record<string, number>;
}

describe.skipIf(!HAS_CHROMIUM)('a leader in the browser', () => {
  let app: BrowserApp;
  let page: Page;
  let leaderId = 0;

  beforeAll(async () => {
    app = await startBrowserApp(NOW);
    page = await app.newPage();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  /** The API as the signed-in page sees it (the session cookie goes along). */
  async function apiGet<T>(path: string): Promise<T> {
    return (await page.evaluate(async (url) => (await fetch(url)).json(), path)) as T;
  }

  async function apiSummary(): Promise<SummaryJson> {
    return (await apiGet<{ summary: SummaryJson }>(`/api/leaders/${leaderId}/summary`)).summary;
  }

  /** The dashboard's category table, as the user reads it. */
  async function dashboardFigures(): Promise<Record<string, { hours: string; share: string }>> {
    await page.goto(`${app.baseUrl}/#/dashboard`);
    await page.locator('#category-table').waitFor();
    const rows = await page.locator('#category-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ id: tr.getAttribute('data-category')!, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()) })),
    );
    return Object.fromEntries(rows.map((row) => [row.id, { hours: row.cells[0]!, share: row.cells[1]! }]));
  }

  function expectFiguresToMatch(figures: Record<string, { hours: string; share: string }>, summary: SummaryJson): void {
    for (const id of COUNTED_IDS) {
      expect(figures[id], id).toEqual({ hours: `${(summary.minutes[id]! / 60).toFixed(1)} h`, share: `${(summary.shares[id]! * 100).toFixed(1)}%` });
    }
  }

  test('a newcomer creates a leader account, imports a calendar through the page and reads the report', async () => {
    await page.goto(app.baseUrl);
    await page.locator('#auth-email').waitFor();
    await page.getByRole('link', { name: 'Create one' }).click();
    await page.getByLabel('E-mail').fill(LEADER);
    await page.getByLabel('Name').fill('Sam Lee');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('radio', { name: /A leader/ }).check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('main .notice').textContent()).toContain('No calendar imported yet.');
    expect(await page.locator('#account').textContent()).toContain('Sam Lee · leader');
    await page.goto(`${app.baseUrl}/#/import`);
    await page.locator('#ics-files').setInputFiles(FIXTURE);
    const card = page.locator('.import-card').first();
    await card.locator('.counts').waitFor();
    expect(await card.locator('[data-count="added"] strong').textContent()).toBe('16');
    // The honest count: every entry read is added, updated, unchanged or rejected.
    expect(await card.locator('[data-count="read"] strong').textContent()).toBe('16');
    expect(await card.locator('[data-count="rejected"] strong').textContent()).toBe('0');
    await expect.poll(() => card.textContent()).toContain('declined by the leader');
    leaderId = Number(await page.evaluate(async () => ((await (await fetch('/api/leaders')).json()) as { leaders: Array<{ id: number }> }).leaders[0]!.id));
  });

  test('the dashboard shows the figures the API gives, with numbers beside every chart', async () => {
    const figures = await dashboardFigures();
    expectFiguresToMatch(figures, await apiSummary());
    await expect.poll(() => page.locator('#doughnut-chart').evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#weekly-chart').evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(0);
    expect(await page.locator('#card-planning .card-figure').textContent()).toBe('1 of 3');
    const summary = await apiGet<{ summary: { flags: Array<{ message: string }> } }>(`/api/leaders/${leaderId}/summary`);
    expect(await page.locator('.flag-message').allTextContents()).toEqual(summary.summary.flags.map((f) => f.message));
    expect(await page.locator('.quarter-strip .cell-held').first().textContent()).toBe('6 Mar');
  });

  test("changing an event's category moves its time on the dashboard", async () => {
    const before = await apiSummary();
    await page.goto(`${app.baseUrl}/#/events?category=unclassified`);
    const row = page.locator('#events-table tbody tr', { hasText: 'Focus time' });
    await row.waitFor();
    await row.getByRole('combobox', { name: 'Category of “Focus time”' }).selectOption('strategic');
    await row.getByRole('button', { name: 'Set the category of “Focus time”' }).click();
    await expect.poll(() => row.locator('.chip-label').textContent()).toBe('Strategic');
    expect(await row.locator('.reason').textContent()).toContain('manual');

    const after = await apiSummary();
    expect(after.minutes.strategic).toBeGreaterThan(before.minutes.strategic!);
    expect(after.minutes.unclassified).toBeLessThan(before.minutes.unclassified!);
    expectFiguresToMatch(await dashboardFigures(), after);
  });

  test('an excluded event can be set only when its category, its reason or its scope differs', async () => {
    await page.goto(`${app.baseUrl}/#/events?category=excluded`);
    const row = page.locator('#events-table tbody tr', { hasText: 'Lunch' });
    await row.waitFor();
    const set = row.getByRole('button', { name: /^Set the category of/ });
    expect(await set.isDisabled()).toBe(true);
    const reason = row.getByRole('combobox', { name: /^Why “Lunch” is not counted/ });
    const current = await reason.inputValue();
    await reason.selectOption(current === 'travel' ? 'other' : 'travel');
    expect(await set.isDisabled()).toBe(false);
    await reason.selectOption(current);
    expect(await set.isDisabled()).toBe(true);
  });

  test('a rule made from an event shows what it would move before it is saved', async () => {
    await page.goto(`${app.baseUrl}/#/events`);
    const row = page.locator('#events-table tbody tr', { hasText: 'Weekly ops status update' });
    await row.waitFor();
    await row.getByRole('combobox', { name: 'Category of “Weekly ops status update”' }).selectOption('strategic');
    await row.getByRole('button', { name: 'Make a rule from “Weekly ops status update”' }).click();
    const editor = page.locator('.rule-editor');
    await expect.poll(() => editor.locator('#rule-preview-total').textContent()).toBe('This rule would move 1 stored event:');
    expect(await editor.locator('#rule-name').inputValue()).toBe('“Weekly ops status update” is strategic');
    await editor.locator('#rule-save').click();
    await expect.poll(() => page.locator('#announcer').textContent()).toBe('Rule saved: 1 event moved.');

    await page.goto(`${app.baseUrl}/#/rules`);
    await page.locator('#user-rules').waitFor();
    expect(await page.locator('#user-rules .rule-name').allTextContents()).toEqual(['“Weekly ops status update” is strategic']);
    await page.goto(`${app.baseUrl}/#/events?q=weekly%20ops`);
    await expect.poll(() => page.locator('#events-table tbody tr .chip-label').first().textContent()).toBe('Strategic');
  });

  test('hostile titles are shown as text on every page, and nothing runs', async () => {
    const dialogs: string[] = [];
    const onDialog = (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    page.on('dialog', onDialog);
    const hostile = '<img src=x onerror=alert(1)>';
    const scripted = '<script>alert(2)</script> Planning';
    const text = calendar(
      event({ uid: 'x1', summary: hostile, start: ';TZID=Europe/Berlin:20260305T140000', end: ';TZID=Europe/Berlin:20260305T150000' }),
      event({ uid: 'x2', summary: scripted, start: ';TZID=Europe/Berlin:20260306T160000', end: ';TZID=Europe/Berlin:20260306T170000', extra: ['LOCATION:<b onmouseover=alert(3)>Room</b>'] }),
      { timeZone: 'Europe/Berlin' },
    );
    await page.goto(`${app.baseUrl}/#/import`);
    await page.locator('#ics-source').fill('hostile');
    await page.locator('#ics-files').setInputFiles({ name: '<svg onload=alert(4)>.ics', mimeType: 'text/calendar', buffer: Buffer.from(text) });
    await page.locator('.import-card .counts').first().waitFor();
    expect(await page.locator('.import-card h2').first().textContent()).toBe('<svg onload=alert(4)>.ics → “hostile”');

    await page.goto(`${app.baseUrl}/#/events`);
    await page.locator('#filter-q').fill('onerror');
    const row = page.locator('#events-table tbody tr').first();
    await expect.poll(() => row.locator('.event-title').textContent()).toBe(hostile);
    await page.locator('#filter-q').fill('script');
    await expect.poll(() => page.locator('#events-table tbody tr .event-title').first().textContent()).toBe(scripted);
    expect(await page.locator('#events-table .event-meta').first().textContent()).toBe('<b onmouseover=alert(3)>Room</b> · no attendees');
    await page.locator('#events-table tbody tr').first().getByRole('button', { name: /^Make a rule from/ }).click();
    await expect.poll(() => page.locator('.rule-editor .panel-note, .panel .panel-note').first().textContent()).toContain(scripted);

    for (const hash of ['#/dashboard', '#/rules', '#/settings']) {
      await page.goto(`${app.baseUrl}/${hash}`);
      await page.waitForLoadState('networkidle');
    }
    expect(await page.locator('img[src="x"], script:not([src]), b[onmouseover], svg[onload]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    // Later steps answer the page's own confirmations.
    page.off('dialog', onDialog);
  });

  test('the pages are keyboard-usable, labelled, and look finished at desktop and phone widths', async () => {
    await page.goto(`${app.baseUrl}/#/dashboard`);
    await page.reload(); // a fresh load: focus starts at the top of the page
    await page.locator('#category-table').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    // Every form control has a name a screen reader can read.
    for (const hash of ['#/dashboard', '#/events', '#/rules', '#/import', '#/sharing', '#/settings']) {
      await page.goto(`${app.baseUrl}/${hash}`);
      await page.waitForLoadState('networkidle');
      const unnamed = await page.locator('main input, main select, main textarea').evaluateAll((controls) =>
        controls.filter((c) => !(c as HTMLInputElement).labels?.length && !c.getAttribute('aria-label')).map((c) => c.outerHTML),
      );
      expect(unnamed, hash).toEqual([]);
      if (hash === '#/rules') {
        // The rule editor's controls need names too.
        await page.locator('#new-rule').click();
        const editorUnnamed = await page.locator('.rule-editor input, .rule-editor select').evaluateAll((controls) =>
          controls.filter((c) => !(c as HTMLInputElement).labels?.length && !c.getAttribute('aria-label')).map((c) => c.outerHTML),
        );
        expect(editorUnnamed).toEqual([]);
      }
      await page.screenshot({ path: join(SCREENSHOTS, `desktop-${hash.slice(2)}.png`), fullPage: true });
    }
    const phone = await app.newPage({ width: 390, height: 844 });
    await app.signIn(phone, LEADER, PASSWORD);
    for (const hash of ['#/dashboard', '#/events', '#/rules', '#/import', '#/sharing', '#/settings']) {
      await phone.goto(`${app.baseUrl}/${hash}`);
      await phone.waitForLoadState('networkidle');
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${hash} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
      await phone.screenshot({ path: join(SCREENSHOTS, `phone-${hash.slice(2)}.png`), fullPage: true });
    }
    await phone.close();
  });

  test('a file that is not a calendar is refused with the reason, and nothing is imported', async () => {
    const before = (await apiGet<{ total: number }>(`/api/leaders/${leaderId}/events?limit=1`)).total;
    await page.goto(`${app.baseUrl}/#/import`);
    await page.locator('#ics-files').setInputFiles({ name: 'notes.ics', mimeType: 'text/calendar', buffer: Buffer.from('Meeting notes, not a calendar\n') });
    const card = page.locator('.import-card').first();
    await expect.poll(() => card.locator('.notice-error').textContent()).toContain('Not imported: This is not an iCalendar (.ics) file');
    const after = (await apiGet<{ total: number }>(`/api/leaders/${leaderId}/events?limit=1`)).total;
    expect(after).toBe(before);
    expect(app.rejectedRequests.filter((line) => line.includes('status of 400'))).toHaveLength(1);
  });

  test('several files are named one calendar each before they are imported', async () => {
    const one = calendar(event({ uid: 'team-1', summary: 'Team board', start: ';TZID=Europe/Berlin:20260309T090000', end: ';TZID=Europe/Berlin:20260309T100000' }), { timeZone: 'Europe/Berlin' });
    const two = calendar(event({ uid: 'deleg-1', summary: 'Delegate hold', start: ';TZID=Europe/Berlin:20260310T090000', end: ';TZID=Europe/Berlin:20260310T100000' }), { timeZone: 'Europe/Berlin' });
    await page.goto(`${app.baseUrl}/#/import`);
    await page.locator('#ics-files').setInputFiles([
      { name: 'team.ics', mimeType: 'text/calendar', buffer: Buffer.from(one) },
      { name: 'delegate.ics', mimeType: 'text/calendar', buffer: Buffer.from(two) },
    ]);
    expect(await page.getByLabel('Calendar name for team.ics').inputValue()).toBe('team');
    await page.getByLabel('Calendar name for delegate.ics').fill('assistant');
    await page.locator('#plan-import').click();
    await expect.poll(() => page.locator('.import-card .counts').count()).toBe(2);
    expect(await page.locator('.import-card h2').allTextContents()).toEqual(['team.ics → “team”', 'delegate.ics → “assistant”']);
    const imports = await apiGet<{ imports: Array<{ source: string }> }>(`/api/leaders/${leaderId}/imports`);
    expect(imports.imports.map((i) => i.source)).toEqual(expect.arrayContaining(['team', 'assistant', 'primary']));

    // Both are listed under "Your calendars"; one imported by mistake is removed there, after a confirmation.
    const calendars = page.locator('#calendar-sources');
    await expect.poll(() => calendars.locator('.source-card h3').allTextContents()).toEqual(expect.arrayContaining(['primary', 'team', 'assistant']));
    const assistant = calendars.locator('.source-card[data-source="assistant"]');
    expect(await assistant.locator('[data-fact="events"]').textContent()).toBe('1 event stored');
    expect(await assistant.locator('[data-fact="covered"]').textContent()).toBe('10 Mar 2026 to 10 Mar 2026');
    expect(await assistant.locator('[data-count="added"] strong').textContent()).toBe('1');
    await assistant.locator('.source-report summary').click();
    await expect.poll(() => assistant.locator('.source-report-body').textContent()).toContain('delegate.ics held 1 event');
    const eventsBefore = (await apiGet<{ total: number }>(`/api/leaders/${leaderId}/events?from=2026-03-02&to=2026-03-13&limit=1`)).total;
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await assistant.getByRole('button', { name: 'Remove calendar “assistant”' }).click();
    await expect.poll(() => calendars.locator('.source-card h3').allTextContents()).toEqual(expect.not.arrayContaining(['assistant']));
    expect(question).toContain('Remove the calendar “assistant”?');
    expect(question).toContain('Its 1 event and 1 import go');
    expect(question).toContain('kept (by the events’ UIDs)');
    expect(await calendars.locator('.source-card h3').allTextContents()).toEqual(expect.arrayContaining(['primary', 'team']));
    await expect.poll(() => page.locator('#announcer').textContent()).toContain('Calendar “assistant” removed: 1 event and 1 import.');
    const sources = await apiGet<{ sources: Array<{ name: string }> }>(`/api/leaders/${leaderId}/sources`);
    expect(sources.sources.map((s) => s.name)).not.toContain('assistant');
    expect((await apiGet<{ total: number }>(`/api/leaders/${leaderId}/events?from=2026-03-02&to=2026-03-13&limit=1`)).total).toBe(eventsBefore - 1);
  });

  test('a rule cannot be made from an unclassified event without choosing its category', async () => {
    await page.goto(`${app.baseUrl}/#/events?category=unclassified`);
    const row = page.locator('#events-table tbody tr').first();
    await row.waitFor();
    await row.getByRole('button', { name: /^Make a rule from/ }).click();
    const editor = page.locator('.rule-editor');
    expect(await editor.locator('#rule-category').inputValue()).toBe('');
    await editor.locator('#rule-save').click();
    await expect.poll(() => editor.locator('.form-error').textContent()).toBe('Choose the category this rule gives, then preview it.');
    const generatedName = await editor.locator('#rule-name').inputValue();
    await editor.locator('#rule-category').selectOption('strategic');
    // The suggested name follows the chosen category.
    expect(await editor.locator('#rule-name').inputValue()).toBe(generatedName.replace(/ is operational$/, ' is strategic'));
    await editor.locator('#rule-save').click();
    await expect.poll(() => editor.locator('.preview-confirm').textContent()).toBe('Press “Create rule” again to apply it.');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('.rule-editor').count()).toBe(0);
  });

  test('no page logged an error or broke the Content-Security-Policy', () => {
    expect(app.pageErrors).toEqual([]);
  });

  test('the labels on the page are the taxonomy’s', async () => {
    await page.goto(`${app.baseUrl}/#/dashboard`);
    await page.locator('#category-table').waitFor();
    const labels = await page.locator('#category-table tbody th').allTextContents();
    expect(labels).toEqual(COUNTED_IDS.map((id) => CATEGORY_INFO[id].label));
  });
});
