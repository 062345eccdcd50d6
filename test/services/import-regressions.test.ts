import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openDatabase, type AppDatabase } from '../../server/db/open-database.ts';
import { auditCalendar } from '../../server/domain/audit/audit-calendar.ts';
import { decodeCalendarBytes } from '../../server/domain/ics/decode-text.ts';
import { DEFAULT_COUNTING_SETTINGS } from '../../server/domain/metrics/counting-settings.ts';
import { importCalendar, type ImportResult } from '../../server/services/import-calendar.ts';
import { createLeader } from '../../server/services/leaders.ts';
import { fixturePath } from '../support/test-app.ts';

// Every problem test/services/import-properties.test.ts found, as the smallest file that showed
// it: each must import (and audit) with the outcome written here, never crash again.

const NOW = Date.parse('2026-11-25T12:00:00Z');
const DIR = fixturePath('regressions');

interface Expected {
  /** The import window. */
  from: string;
  to: string;
  result: Partial<ImportResult>;
  /** Report entries that must be there. */
  codes?: string[];
  /** A bound on the import's time, for files that once took far longer. */
  maxMs?: number;
}

const EXPECTED: Record<string, Expected> = {
  // node-ical threw for the whole file on an observance with two DTSTARTs: a TypeError-like crash (500).
  'vtimezone-duplicate-dtstart.ics': { from: '2023-01-01', to: '2023-12-31', result: { parsed: 1, added: 1, rejected: { total: 0, reasons: {} } } },
  // A 60,000-letter X-WR-TIMEZONE (folded) made a zone pattern backtrack quadratically: 3 s an import.
  // A 120 kB X-WR-CALNAME of "a@b.b.b… x" made the e-mail pattern backtrack quadratically: 9 s an import.
  'long-calendar-name.ics': { from: '2023-01-01', to: '2023-12-31', result: { parsed: 1, added: 1 }, maxMs: 1_000 },
  // An end in year 9999 (or a DURATION of a billion weeks) crashed the import with a RangeError.
  'end-in-year-9999.ics': { from: '2026-01-01', to: '2026-12-31', result: { parsed: 3, added: 3 }, codes: ['end-too-far'] },
  'long-folded-tzid.ics': { from: '2023-01-01', to: '2023-12-31', result: { parsed: 1, added: 1, timeZone: 'UTC' }, codes: ['time-zone'], maxMs: 1_000 },
};

let db: AppDatabase;
let leaderId: number;
beforeEach(() => {
  db = openDatabase(':memory:');
  leaderId = createLeader(db, { email: 'leader@example.com' }, NOW).id;
});
afterEach(() => db.$client.close());

test('every regression file has its expectation here', () => {
  expect(readdirSync(DIR).filter((f) => f.endsWith('.ics')).sort()).toEqual(Object.keys(EXPECTED).sort());
});

test.each(Object.entries(EXPECTED))('%s imports and audits as expected', (file, expected) => {
  const bytes = readFileSync(`${DIR}/${file}`);
  const started = performance.now();
  const result = importCalendar(db, { leaderId, bytes, nowMs: NOW, from: expected.from, to: expected.to });
  if (expected.maxMs) expect(performance.now() - started).toBeLessThan(expected.maxMs);
  expect(result).toMatchObject(expected.result);
  expect(result.parsed).toBe(result.added + result.updated + result.unchanged + result.rejected.total);
  for (const code of expected.codes ?? []) expect(result.issues.map((i) => i.code)).toContain(code);

  const report = auditCalendar(decodeCalendarBytes(bytes), { nowMs: NOW, from: expected.from, to: expected.to, settings: DEFAULT_COUNTING_SETTINGS });
  expect(report.events).toHaveLength(result.instances);
});
