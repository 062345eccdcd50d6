import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase, type AppDatabase } from '../../server/db/open-database.ts';
import { decodeCalendarBytes } from '../../server/domain/ics/decode-text.ts';
import { expandEvents } from '../../server/domain/ics/expand-events.ts';
import { parseCalendar } from '../../server/domain/ics/parse-calendar.ts';
import { importCalendar, type ImportResult } from '../../server/services/import-calendar.ts';
import { createLeader } from '../../server/services/leaders.ts';
import { calendar, event } from '../support/ics-builder.ts';

// The import's honest count: parsed = added + updated + unchanged + rejected, with a reason for
// every rejected entry. Tested on hand-made files whose numbers are known, and on the real-world
// exports (test/domain/real-world-fixtures.test.ts checks the identity on every one of them).

const NOW = Date.parse('2026-03-20T12:00:00Z');
const WINDOW = { from: '2026-01-01', to: '2026-06-30' };
let db: AppDatabase;
let leaderId: number;

beforeEach(() => {
  db = openDatabase(':memory:');
  leaderId = createLeader(db, { email: 'sam.lee@acme.example', timeZone: 'Europe/Berlin' }, NOW).id;
});
afterEach(() => db.$client.close());

const importText = (text: string) => importCalendar(db, { leaderId, bytes: new TextEncoder().encode(text), nowMs: NOW, ...WINDOW });
const storedEvents = () => (db.$client.prepare('select count(*) as n from events').get() as { n: number }).n;

function expectIdentity(result: ImportResult): void {
  expect(result.parsed).toBe(result.added + result.updated + result.unchanged + result.rejected.total);
  const row = db.$client.prepare('select parsed, rejected, added, updated, unchanged from imports where id = ?').get(result.importId) as Record<string, unknown>;
  expect({ ...row, rejected: JSON.parse(row.rejected as string) }).toEqual({
    parsed: result.parsed,
    rejected: result.rejected,
    added: result.added,
    updated: result.updated,
    unchanged: result.unchanged,
  });
}

const single = (uid: string, day: string, extra: string[] = []) =>
  event({ uid, summary: `Review ${uid}`, start: `${day}T090000Z`, end: `${day}T100000Z`, extra });
// Ten Mondays from 5 January 2026, all inside the window.
const weekly = event({ uid: 'weekly', summary: 'Staff meeting', start: '20260105T080000Z', end: '20260105T090000Z', rrule: 'FREQ=WEEKLY;COUNT=10' });

describe('a file with known good and bad entries', () => {
  const file = calendar(
    single('a', '20260302'),
    single('b', '20260303'),
    single('declined', '20260304', ['ATTENDEE;PARTSTAT=DECLINED:mailto:sam.lee@acme.example', 'ORGANIZER:mailto:boss@acme.example']),
    weekly,
    // Refused before expansion: each counts once, whatever it would have yielded.
    event({ uid: 'bad-date', summary: 'Bad date', start: '20260332T090000Z', end: '20260332T100000Z' }),
    event({ uid: 'bad-rule', summary: 'Bad rule', start: '20260306T090000Z', end: '20260306T100000Z', rrule: 'FREQ=WEEKLY;COUNT=x' }),
    event({ uid: 'no-start', summary: 'No start' }),
    // The same UID and SEQUENCE twice: the later entry is kept, the earlier one rejected.
    single('b', '20260303'),
    // Outside the window: neither parsed nor rejected, reported as outside-window.
    single('old', '20250302'),
  );

  test('parsed = added + updated + unchanged + rejected, each rejection with its reason', () => {
    const result = importText(file);
    expect(result).toMatchObject({
      parsed: 3 + 10 + 4,
      added: 13,
      updated: 0,
      unchanged: 0,
      rejected: { total: 4, reasons: { 'invalid-date': 1, 'invalid-recurrence': 1, 'missing-start': 1, 'duplicate-uid': 1 } },
    });
    expectIdentity(result);
    // Excluded events (declined here) are stored and counted as added, with their reason.
    expect(result.excluded).toEqual({ declined: 1 });
    expect(storedEvents()).toBe(13);
    expect(result.issues.find((i) => i.code === 'outside-window')?.message).toMatch(/^1 event or series has no occurrence/);
  });

  test('a re-import counts the same entries as unchanged; an edited one as updated', () => {
    const first = importText(file);
    const again = importText(file);
    expect(again).toMatchObject({ parsed: first.parsed, added: 0, updated: 0, unchanged: 13, removed: 0, rejected: first.rejected });
    expectIdentity(again);

    const edited = importText(file.replace('SUMMARY:Review a', 'SUMMARY:Review a (moved)').replace('BEGIN:VEVENT\r\nUID:no-start', 'BEGIN:VEVENT\r\nUID:no-start\r\nDTSTART:20260310T090000Z'));
    expect(edited).toMatchObject({ parsed: 17, added: 1, updated: 1, unchanged: 12, removed: 0, rejected: { total: 3 } });
    expect(edited.rejected.reasons['missing-start']).toBeUndefined();
    expectIdentity(edited);
  });
});

test('the same occurrence twice in a file is stored once and rejected once as a duplicate', () => {
  // An all-day override written once as a date and once as Exchange's midnight date-time.
  const master = event({ uid: 'offsite', summary: 'Offsite', start: ';VALUE=DATE:20260302', end: ';VALUE=DATE:20260303', rrule: 'FREQ=WEEKLY;COUNT=3' });
  const asDate = event({ uid: 'offsite', summary: 'Offsite (moved room)', recurrenceId: ';VALUE=DATE:20260309', start: ';VALUE=DATE:20260309', end: ';VALUE=DATE:20260310' });
  const asMidnight = event({ uid: 'offsite', summary: 'Offsite (moved room)', recurrenceId: ';TZID=Europe/Berlin:20260309T000000', start: ';VALUE=DATE:20260309', end: ';VALUE=DATE:20260310' });
  const result = importText(calendar({ timeZone: 'Europe/Berlin' }, master, asDate, asMidnight));
  expect(result).toMatchObject({ parsed: 4, added: 3, rejected: { total: 1, reasons: { 'duplicate-instance': 1 } } });
  expectIdentity(result);
});

test('a whole file twice over: every second copy is rejected as a duplicate, nothing is stored twice', () => {
  const body = [single('a', '20260302'), single('b', '20260303'), weekly];
  const once = importText(calendar(...body));
  db.$client.prepare('delete from events').run();
  const twice = importText(calendar(...body, ...body));
  expect(twice).toMatchObject({ parsed: once.parsed + 3, added: once.added, rejected: { total: 3, reasons: { 'duplicate-uid': 3 } } });
  expectIdentity(twice);
  expect(storedEvents()).toBe(12);
});

describe('a series beyond the cap', () => {
  const slots = (n: number) => Array.from({ length: n }, (_, i) => `2026-03-${String(2 + i).padStart(2, '0')}`);
  const window = { fromMs: Date.UTC(2026, 0, 1), toMs: Date.UTC(2026, 6, 1), fromDate: '2026-01-01', toDate: '2026-06-30' };
  const limits = { maxInstancesPerSeries: 4, maxIterations: 100_000, maxCandidateEvaluations: 2_000_000 };

  test('counts exactly the occurrences it cut, not an override it still places', () => {
    const text = calendar(
      event({ uid: 's', summary: 'Daily', start: '20260302T090000Z', end: '20260302T093000Z', rrule: 'FREQ=DAILY;COUNT=10' }),
      // Overrides the seventh slot, beyond the cap: still placed, so not counted as cut.
      event({ uid: 's', summary: 'Daily (late)', recurrenceId: '20260308T090000Z', start: '20260308T150000Z', end: '20260308T153000Z' }),
    );
    const parsed = parseCalendar(text);
    const expansion = expandEvents(parsed.events, window, limits);
    expect(expansion.instances.map((i) => i.start.kind === 'time' && new Date(i.start.ms).toISOString().slice(0, 10))).toEqual([...slots(4), '2026-03-08']);
    const capped = expansion.issues.find((i) => i.code === 'series-capped');
    expect(capped?.dropped).toBe(10 - 4 - 1);
  });
});

test('every real-world export: each VEVENT block is read, or rejected once with a reason', () => {
  const dir = new URL('../fixtures/real-world/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.ics'));
  let rejectedBlocks = 0;
  for (const file of files) {
    const calendarRead = parseCalendar(decodeCalendarBytes(readFileSync(new URL(file, dir))));
    // An invalid RDATE rejects a value of a block that is itself read: not a block.
    const blockRejections = calendarRead.issues.filter((i) => i.code !== 'invalid-rdate').reduce((sum, i) => sum + (i.dropped ?? 0), 0);
    expect(calendarRead.events.length + blockRejections, file).toBe(calendarRead.blockCount);
    rejectedBlocks += blockRejections;
  }
  expect(rejectedBlocks).toBeGreaterThan(20);
});
