import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { readConfig } from '../../server/config.ts';
import { openDatabase, type AppDatabase } from '../../server/db/open-database.ts';
import { retentionHorizon } from '../../server/domain/retention/retention-horizon.ts';
import { importCalendar } from '../../server/services/import-calendar.ts';
import { createRule } from '../../server/services/leader-rules.ts';
import { createLeader } from '../../server/services/leaders.ts';
import { decideEventCategory } from '../../server/services/manual-decisions.ts';
import { purgeExpiredData, RETENTION_INTERVAL_MS, scheduleRetention } from '../../server/services/retention.ts';
import { calendar, event } from '../support/ics-builder.ts';
import { allRows } from '../support/person-rows.ts';
import { readFixture } from '../support/test-app.ts';

// Sam's and Noor's two weeks (2026-03-02..13, Europe/Berlin), imported on 2026-03-20. The clock is
// the only thing mocked: each purge is told what "now" is, and the daily run uses fake timers.
const IMPORTED = Date.parse('2026-03-20T12:00:00Z');
let db: AppDatabase;
let sam: number;
let noor: number;

const count = (sql: string, ...args: unknown[]) => (db.$client.prepare(sql).get(...args) as { n: number }).n;
const eventsOf = (leaderId: number) => count('select count(*) as n from events where leader_id = ?', leaderId);
const endingBy = (ms: number) => count('select count(*) as n from events where end_ms <= ?', ms);
const figuresOf = (leaderId: number) =>
  db.$client.prepare('select quarter, counted_minutes as counted, data_start as dataStart from leader_quarter_figures where leader_id = ? order by quarter').all(leaderId) as Array<{
    quarter: string;
    counted: number;
    dataStart: string;
  }>;

beforeEach(() => {
  db = openDatabase(':memory:');
  sam = createLeader(db, { email: 'sam.lee@acme.example', timeZone: 'Europe/Berlin' }, IMPORTED).id;
  noor = createLeader(db, { email: 'noor.haddad@acme.example', timeZone: 'Europe/Berlin' }, IMPORTED).id;
  for (const leaderId of [sam, noor]) importCalendar(db, { leaderId, bytes: readFixture('leader-week.ics'), nowMs: IMPORTED });
  const first = db.$client.prepare('select id from events where leader_id = ? order by start_ms limit 1').get(sam) as { id: number };
  decideEventCategory(db, sam, first.id, { category: 'strategic', scope: 'event' }, IMPORTED);
  createRule(db, sam, { name: 'Focus', match: 'all', conditions: [{ field: 'title', op: 'contains', value: 'Focus' }], category: 'strategic', stage: 'classification', enabled: true }, IMPORTED);
});

afterEach(() => {
  vi.useRealTimers();
  db.$client.close();
});

describe('the retention horizon', () => {
  test.each([
    ['2026-04-09T15:30:00Z', 1, '2026-03-09T00:00:00.000Z'],
    ['2026-01-15T00:00:00Z', 1, '2025-12-15T00:00:00.000Z'],
    ['2026-05-31T08:00:00Z', 3, '2026-02-28T00:00:00.000Z'],
    ['2024-05-31T08:00:00Z', 3, '2024-02-29T00:00:00.000Z'],
    ['2026-11-25T23:59:59Z', 24, '2024-11-25T00:00:00.000Z'],
  ])('%s minus %i months is %s', (now, months, horizon) => {
    expect(new Date(retentionHorizon(Date.parse(now), months)).toISOString()).toBe(horizon);
  });

  test.each([[0], [-1], [1.5], [1201]])('%s months is refused', (months) => {
    expect(() => retentionHorizon(IMPORTED, months)).toThrow(RangeError);
  });

  test.each([
    [{}, null],
    [{ ALTITUDE_RETENTION_MONTHS: '' }, null],
    [{ ALTITUDE_RETENTION_MONTHS: '24' }, 24],
    [{ ALTITUDE_RETENTION_MONTHS: ' 6 ' }, 6],
  ])('ALTITUDE_RETENTION_MONTHS %j reads as %s', (env, months) => {
    expect(readConfig(env).retentionMonths).toBe(months);
  });

  test.each([['0'], ['abc'], ['1.5'], ['-3'], ['5000']])('ALTITUDE_RETENTION_MONTHS=%s stops the start with a message naming it', (value) => {
    expect(() => readConfig({ ALTITUDE_RETENTION_MONTHS: value })).toThrow(/^ALTITUDE_RETENTION_MONTHS: a whole number of months from 1 to 1200/);
  });
});

describe('purging data older than the horizon', () => {
  test('removes the events that ended before the horizon, keeps the rest, the import they still come from, rules and decisions', () => {
    const now = Date.parse('2026-04-09T15:30:00Z'); // horizon 2026-03-09T00:00Z: week 1 goes, week 2 stays
    const horizon = retentionHorizon(now, 1);
    const before = { sam: eventsOf(sam), noor: eventsOf(noor), old: endingBy(horizon), figures: figuresOf(sam) };
    expect(before.old).toBeGreaterThan(0);
    expect(before.old).toBeLessThan(before.sam + before.noor);
    const kept = { rules: count('select count(*) as n from rules'), decisions: count('select count(*) as n from manual_decisions'), sources: count('select count(*) as n from sources') };

    const result = purgeExpiredData(db, { months: 1, nowMs: now });

    expect(result).toMatchObject({ horizon: '2026-03-09T00:00:00.000Z', months: 1, dryRun: false, events: before.old, imports: 0, leaders: 2 });
    expect(endingBy(horizon)).toBe(0);
    expect(eventsOf(sam) + eventsOf(noor)).toBe(before.sam + before.noor - before.old);
    expect(eventsOf(sam)).toBeGreaterThan(0);
    expect(count('select count(*) as n from imports')).toBe(2);
    expect({ rules: count('select count(*) as n from rules'), decisions: count('select count(*) as n from manual_decisions'), sources: count('select count(*) as n from sources') }).toEqual(kept);
    // The quarter's figures now count week 2 only, and say the data starts there.
    const after = figuresOf(sam);
    expect(after.map((f) => f.quarter)).toEqual(['2026-Q1']);
    expect(after[0]!.counted).toBeGreaterThan(0);
    expect(after[0]!.counted).toBeLessThan(before.figures[0]!.counted);
    expect(after[0]!.dataStart >= '2026-03-09').toBe(true);
    expect(before.figures[0]!.dataStart).toBe('2026-03-02');
  });

  test('an import record older than the horizon goes once nothing of it remains, and stays while something does', () => {
    // A second calendar of Sam's, imported on the same day, holding one event in June.
    const june = calendar(event({ uid: 'offsite', summary: 'Strategy offsite', start: '20260610T080000Z', end: '20260610T160000Z' }));
    importCalendar(db, { leaderId: sam, bytes: new TextEncoder().encode(june), nowMs: IMPORTED, source: 'planning' });
    const result = purgeExpiredData(db, { months: 1, nowMs: Date.parse('2026-05-01T00:00:00Z') }); // horizon 2026-04-01
    expect(result).toMatchObject({ imports: 2, leaders: 2 });
    expect(db.$client.prepare('select summary from events').all()).toEqual([{ summary: 'Strategy offsite' }]);
    expect(db.$client.prepare('select s.name from imports i join sources s on s.id = i.source_id').all()).toEqual([{ name: 'planning' }]);
    // Figures: Sam's June quarter only; Noor has none left.
    expect(figuresOf(sam).map((f) => f.quarter)).toEqual(['2026-Q2']);
    expect(figuresOf(noor)).toEqual([]);
    expect(count('select count(*) as n from sources')).toBe(3);
    expect(count('select count(*) as n from manual_decisions')).toBe(1);
  });

  test('an import made after the horizon stays, even when all its events are older', () => {
    const result = purgeExpiredData(db, { months: 1, nowMs: Date.parse('2026-04-15T00:00:00Z') }); // horizon 2026-03-15, import on 03-20
    expect(result.events).toBeGreaterThan(0);
    expect(count('select count(*) as n from events')).toBe(0);
    expect(result.imports).toBe(0);
    expect(count('select count(*) as n from imports')).toBe(2);
  });

  test('a dry run counts exactly what a real run removes, and changes nothing', () => {
    const now = Date.parse('2026-04-09T15:30:00Z');
    const everything = allRows(db);
    const dry = purgeExpiredData(db, { months: 1, nowMs: now, dryRun: true });
    expect(allRows(db)).toEqual(everything);
    const real = purgeExpiredData(db, { months: 1, nowMs: now });
    expect({ ...dry, dryRun: false, figureRows: real.figureRows }).toEqual(real);
    expect(dry.events).toBeGreaterThan(0);
  });

  test('purging twice removes nothing the second time', () => {
    const now = Date.parse('2026-04-09T15:30:00Z');
    purgeExpiredData(db, { months: 1, nowMs: now });
    const everything = allRows(db);
    expect(purgeExpiredData(db, { months: 1, nowMs: now })).toMatchObject({ events: 0, imports: 0, leaders: 0 });
    expect(allRows(db)).toEqual(everything);
  });
});

describe('the daily run', () => {
  test('applies the setting at once, then every day with that day’s horizon, until stopped', () => {
    vi.useFakeTimers({ now: Date.parse('2026-04-05T06:00:00Z'), toFake: ['Date', 'setInterval', 'clearInterval'] });
    const log: string[] = [];
    const total = () => count('select count(*) as n from events');
    const all = total();

    const stop = scheduleRetention(db, 1, { log: (m) => log.push(m), onError: (e) => log.push(`error: ${String(e)}`) });
    // At start: the horizon is 2026-03-05.
    expect(endingBy(Date.parse('2026-03-05T00:00:00Z'))).toBe(0);
    const afterStart = total();
    expect(afterStart).toBeLessThan(all);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^Retention \(1 months\): removed \d+ events that ended before 2026-03-05/);

    // Six days later (six daily runs) the horizon is 2026-03-11.
    vi.advanceTimersByTime(6 * RETENTION_INTERVAL_MS);
    expect(endingBy(Date.parse('2026-03-11T00:00:00Z'))).toBe(0);
    expect(total()).toBeLessThan(afterStart);
    expect(log.some((m) => m.startsWith('error'))).toBe(false);

    stop();
    const stopped = total();
    vi.advanceTimersByTime(30 * RETENTION_INTERVAL_MS);
    expect(total()).toBe(stopped);
    expect(stopped).toBeGreaterThan(0);
  });
});
