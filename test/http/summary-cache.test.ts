import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase, type AppDatabase } from '../../server/db/open-database.ts';
import { importCalendar } from '../../server/services/import-calendar.ts';
import { buildLeaderReport } from '../../server/services/leader-report.ts';
import { addUser, createTestApp, FIXED_NOW, readFixture, type TestApp, type TestUser } from '../support/test-app.ts';

/**
 * The dashboard's summary is kept between requests (see server/http/routes/reports.ts). Whatever
 * changes a leader's data, by whatever path, the next summary must equal one computed afresh.
 */
const PERIOD = { from: '2026-03-02', to: '2026-03-13' };

let t: TestApp;
let sam: TestUser;
let noor: TestUser;
const opened: AppDatabase[] = [];

beforeEach(async () => {
  t = createTestApp();
  sam = await addUser(t, { email: 'sam.lee@acme.example', name: 'Sam Lee' });
  noor = await addUser(t, { email: 'noor.haddad@acme.example', name: 'Noor Haddad' });
  for (const who of [sam, noor]) {
    await who.http.post(`/api/leaders/${who.leaderId}/imports`).set('Content-Type', 'text/calendar').send(readFixture('leader-week.ics')).expect(201);
  }
});

afterEach(() => {
  for (const db of opened.splice(0)) db.$client.close();
  try {
    expect(t.logged).toEqual([]);
  } finally {
    t.close();
  }
});

async function summaryOf(who: TestUser) {
  return (await who.http.get(`/api/leaders/${who.leaderId}/summary`).query(PERIOD).expect(200)).body.summary;
}

/** The same figures computed now, without any cache. */
function fresh(who: TestUser) {
  const { countedMinutes, minutes, planning, flags } = buildLeaderReport(t.db, who.leaderId, { ...PERIOD, nowMs: FIXED_NOW });
  return { countedMinutes, minutes, planning, flags };
}

function expectCurrent(summary: any, who: TestUser): void {
  expect({ countedMinutes: summary.countedMinutes, minutes: summary.minutes, planning: summary.planning, flags: summary.flags }).toEqual(fresh(who));
}

describe('the cached summary is never stale', () => {
  test('after a rule, a decision and a settings change made through the API', async () => {
    const first = await summaryOf(sam);
    await sam.http
      .post(`/api/leaders/${sam.leaderId}/rules`)
      .send({ name: 'Focus time is strategic', conditions: [{ field: 'title', op: 'equals', value: 'Focus time' }], category: 'strategic' })
      .expect(201);
    const afterRule = await summaryOf(sam);
    expect(afterRule.minutes.strategic).toBeGreaterThan(first.minutes.strategic);
    expectCurrent(afterRule, sam);

    const events = (await sam.http.get(`/api/leaders/${sam.leaderId}/events`).query({ ...PERIOD, limit: 1000 }).expect(200)).body.events;
    const focus = events.find((e: { summary: string }) => e.summary === 'Focus time');
    await sam.http.put(`/api/leaders/${sam.leaderId}/events/${focus.id}/category`).send({ category: 'operational', scope: 'event' }).expect(200);
    const afterDecision = await summaryOf(sam);
    expect(afterDecision.minutes.strategic).toBeLessThan(afterRule.minutes.strategic);
    expectCurrent(afterDecision, sam);

    await sam.http.patch(`/api/leaders/${sam.leaderId}`).send({ settings: { strategicShareMin: 0.01 } }).expect(200);
    const afterSettings = await summaryOf(sam);
    expect(afterSettings.settings.strategicShareMin).toBe(0.01);
    expect(afterSettings.flags.map((f: { code: string }) => f.code)).not.toContain('low-strategic-share');
    expectCurrent(afterSettings, sam);
  });

  test('after an import by another connection to the same file (the CLI beside the server)', async () => {
    const before = await summaryOf(sam);
    const cli = openDatabase(t.dbPath);
    opened.push(cli);
    importCalendar(cli, { leaderId: sam.leaderId, bytes: readFixture('leader-week-v2.ics'), nowMs: FIXED_NOW });
    const after = await summaryOf(sam);
    expect(after).not.toEqual(before);
    expectCurrent(after, sam);
  });

  test("after removing one of the leader's calendars", async () => {
    await summaryOf(sam);
    const sources = (await sam.http.get(`/api/leaders/${sam.leaderId}/sources`).expect(200)).body.sources;
    await sam.http.delete(`/api/leaders/${sam.leaderId}/sources/${sources[0].id}`).expect(200);
    const after = await summaryOf(sam);
    expect(after.countedMinutes).toBe(0);
    expectCurrent(after, sam);
  });

  test("another leader's changes leave the summary as it was, and it stays right", async () => {
    const before = await summaryOf(sam);
    await noor.http
      .post(`/api/leaders/${noor.leaderId}/imports`)
      .set('Content-Type', 'text/calendar')
      .send(readFixture('leader-week-v2.ics'))
      .expect(201);
    expect(await summaryOf(sam)).toEqual(before);
    expectCurrent(before, sam);
    expectCurrent(await summaryOf(noor), noor);
  });
});
