import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase, type AppDatabase } from '../../server/db/open-database.ts';
import { importCalendar } from '../../server/services/import-calendar.ts';
import { createLeader } from '../../server/services/leaders.ts';
import { calendar, event } from '../support/ics-builder.ts';

const NOW = Date.parse('2026-03-20T12:00:00Z');
const LEADER = 'sam.lee@acme.example';
let db: AppDatabase;
let leaderId: number;

beforeEach(() => {
  db = openDatabase(':memory:');
  leaderId = createLeader(db, { email: LEADER, timeZone: 'Europe/Berlin' }, NOW).id;
});
afterEach(() => db.$client.close());

const bytes = (text: string) => new TextEncoder().encode(text);
const importText = (text: string, nowMs = NOW) => importCalendar(db, { leaderId, bytes: bytes(text), nowMs });
const storedStarts = (uid: string) =>
  (db.$client.prepare('select start_ms from events where uid = ? order by start_ms').all(uid) as Array<{ start_ms: number }>).map((r) =>
    new Date(r.start_ms).toISOString().slice(0, 10),
  );

describe('a newer export of the same calendar', () => {
  const weekly = (extraRule = '') =>
    event({ uid: 'one-on-one', summary: '1:1 Sam / Priya', start: ';TZID=Europe/Berlin:20260105T100000', end: ';TZID=Europe/Berlin:20260105T104500', rrule: `FREQ=WEEKLY;BYDAY=MO${extraRule}` });
  const single = event({ uid: 'kickoff', summary: 'Kick-off', start: '20260302T090000Z', end: '20260302T100000Z' });

  test('removes the later instances of a series that now ends earlier, though they lie past the file’s last event', () => {
    importText(calendar(weekly(), single));
    expect(storedStarts('one-on-one')).toContain('2026-06-01');
    const result = importText(calendar(weekly(';UNTIL=20260301T235959Z'), single));
    expect(storedStarts('one-on-one').at(-1)).toBe('2026-02-23');
    expect(result.removed).toBeGreaterThan(40); // about a year and a quarter of Mondays, still in the window
    expect(result.added).toBe(0);
  });

  test('keeps what the new file does not speak for: another series, outside the span it covers', () => {
    const old = event({ uid: 'old', summary: 'Old project review', start: '20250601T090000Z', end: '20250601T100000Z' });
    importText(calendar(old, single));
    const result = importText(calendar(single));
    expect(result.removed).toBe(0);
    expect(storedStarts('old')).toEqual(['2025-06-01']);
  });

  test('an Outlook export that declares its range removes what disappeared inside that range only', () => {
    const april = event({ uid: 'april', summary: 'Budget review', start: '20260415T090000Z', end: '20260415T100000Z' });
    const may = event({ uid: 'may', summary: 'Ops review', start: '20260512T090000Z', end: '20260512T100000Z' });
    importText(calendar(single, april, may));
    // The new export covers March and April only, and holds the kick-off alone.
    const result = importText(calendar(single, { extra: ['X-CALSTART:20260301T000000Z', 'X-CALEND:20260501T000000Z'] }));
    expect(result.removed).toBe(1);
    expect(storedStarts('april')).toEqual([]);
    expect(storedStarts('may')).toEqual(['2026-05-12']);
  });
});

test('a re-import of unchanged events places them by the current rules', () => {
  const text = calendar(event({ uid: 'sync', summary: 'Sync', start: '20260302T090000Z', end: '20260302T100000Z' }));
  importText(text);
  // A rule saved without a re-classification (as after an upgrade of the default rules):
  db.$client.prepare("update events set category = 'operational' where uid = 'sync'").run();
  const result = importText(text);
  expect(result.unchanged).toBe(1);
  expect((db.$client.prepare("select category from events where uid = 'sync'").get() as { category: string }).category).toBe('unclassified');
});

test('a new version of the default rules places stored events again, once', async () => {
  const { ensureCurrentPlacements } = await import('../../server/services/ensure-current-placements.ts');
  importText(calendar(event({ uid: 'sync', summary: 'Talent review', start: '20260302T090000Z', end: '20260302T100000Z' })));
  expect(ensureCurrentPlacements(db)).toBe(0); // the first run stores the fingerprint; nothing moves
  // As if an older version had placed it, under other default rules:
  db.$client.prepare("update events set category = 'operational'").run();
  db.$client.prepare("update app_state set value = 'an older fingerprint'").run();
  expect(ensureCurrentPlacements(db)).toBe(1);
  expect((db.$client.prepare("select category from events").get() as { category: string }).category).toBe('organisational-planning');
  expect(ensureCurrentPlacements(db)).toBe(0);
});

test('a category set for a whole series leaves its declined and cancelled instances excluded', async () => {
  const { decideEventCategory } = await import('../../server/services/manual-decisions.ts');
  const declined = (recurrenceId: string) =>
    event({
      uid: 'weekly',
      summary: 'Weekly sync',
      recurrenceId: `;TZID=Europe/Berlin:${recurrenceId}`,
      start: `;TZID=Europe/Berlin:${recurrenceId}`,
      end: `;TZID=Europe/Berlin:${recurrenceId.replace('T090000', 'T100000')}`,
      extra: [`ATTENDEE;PARTSTAT=DECLINED:mailto:${LEADER}`, 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:kim@acme.example'],
    });
  const text = calendar(
    event({
      uid: 'weekly',
      summary: 'Weekly sync',
      start: ';TZID=Europe/Berlin:20260302T090000',
      end: ';TZID=Europe/Berlin:20260302T100000',
      rrule: 'FREQ=WEEKLY;COUNT=4',
      extra: [`ATTENDEE;PARTSTAT=ACCEPTED:mailto:${LEADER}`, 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:kim@acme.example'],
    }),
    declined('20260309T090000'),
  );
  importText(text);
  const first = db.$client.prepare("select id from events where uid = 'weekly' order by start_ms").get() as { id: number };
  decideEventCategory(db, leaderId, first.id, { category: 'strategic', scope: 'series' }, NOW);
  const categories = (db.$client.prepare("select category from events where uid = 'weekly' order by start_ms").all() as Array<{ category: string }>).map((r) => r.category);
  expect(categories).toEqual(['strategic', 'excluded', 'strategic', 'strategic']);
});
