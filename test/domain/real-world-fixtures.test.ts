import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { decodeCalendarBytes } from '../../server/domain/ics/decode-text.ts';
import { expandEvents } from '../../server/domain/ics/expand-events.ts';
import { ImportRejected } from '../../server/domain/ics/import-rejected.ts';
import { parseCalendar } from '../../server/domain/ics/parse-calendar.ts';
import { importCalendar } from '../../server/services/import-calendar.ts';
import { createLeader } from '../../server/services/leaders.ts';

const DIR = new URL('../fixtures/real-world/', import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.ics')).sort();
const WINDOW = { fromMs: Date.UTC(1990, 0, 1), toMs: Date.UTC(2031, 0, 1), fromDate: '1990-01-01', toDate: '2030-12-31' };

test('all 104 real-world fixtures are here', () => {
  expect(FILES).toHaveLength(104);
});

describe.each(FILES)('%s', (file) => {
  const bytes = readFileSync(new URL(file, DIR));

  test('every VEVENT in the file is imported or reported: no unreported loss', () => {
    const text = decodeCalendarBytes(bytes);
    // An independent count of the blocks: the lines that open an event.
    const blockLines = text
      .split(/\r\n|\n|\r/)
      .map((line, index) => ({ line: line.trim().toUpperCase(), number: index + 1 }))
      .filter(({ line }) => line === 'BEGIN:VEVENT')
      .map(({ number }) => number);
    const calendar = parseCalendar(text);
    expect(calendar.blockCount).toBe(blockLines.length);

    const keptLines = new Set(calendar.events.map((e) => e.line));
    const reportedLines = new Set(calendar.issues.map((i) => i.line));
    const unaccounted = blockLines.filter((line) => !keptLines.has(line) && !reportedLines.has(line));
    expect(unaccounted).toEqual([]);

    const expansion = expandEvents(calendar.events, WINDOW);
    const withInstances = new Set(expansion.instances.map((i) => i.uid));
    const failedUids = new Set(expansion.issues.filter((i) => i.severity === 'error').map((i) => i.uid));
    // Masters, and overrides whose series is not in the file: each is an event of its own.
    const standalone = calendar.events.filter((e) => !e.recurrenceId || !calendar.events.some((m) => m.uid === e.uid && !m.recurrenceId));
    const withoutInstance = standalone.filter((e) => !withInstances.has(e.uid) && !failedUids.has(e.uid));
    // Every event without an occurrence in the window is counted as such, exactly: the import
    // reports that count (outside-window), so none of them is lost silently.
    expect(withoutInstance.length).toBe(expansion.outsideWindow);
  });

  test('imports into a database without failing, counting every instance once', () => {
    const db = openDatabase(':memory:');
    const now = Date.parse('2026-11-25T12:00:00Z');
    const leader = createLeader(db, { email: 'leader@example.com' }, now);
    try {
      const result = importCalendar(db, { leaderId: leader.id, bytes, nowMs: now, from: '2015-01-01', to: '2026-12-31' });
      expect(result.added + result.updated + result.unchanged).toBe(result.instances);
      // Honest counting: every entry the file yields inside the window is stored or rejected
      // with a reason, and every entry of the report that refused something counted it.
      expect(result.parsed).toBe(result.added + result.updated + result.unchanged + result.rejected.total);
      expect(Object.values(result.rejected.reasons).reduce((a, b) => a + b, 0)).toBe(result.rejected.total);
      expect(result.issues.filter((i) => i.severity === 'error' && !(i.dropped! > 0))).toEqual([]);
      const stored = db.$client.prepare('select count(*) as n from events').get() as { n: number };
      expect(stored.n).toBe(result.instances);
      const row = db.$client.prepare('select parsed, rejected from imports where id = ?').get(result.importId) as { parsed: number; rejected: string };
      expect({ parsed: row.parsed, rejected: JSON.parse(row.rejected) }).toEqual({ parsed: result.parsed, rejected: result.rejected });
      const again = importCalendar(db, { leaderId: leader.id, bytes, nowMs: now, from: '2015-01-01', to: '2026-12-31' });
      expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: result.instances, parsed: result.parsed, rejected: result.rejected });
    } catch (error) {
      // Only a file that is not a calendar at all may be refused, with one clear message.
      expect(error).toBeInstanceOf(ImportRejected);
    } finally {
      db.$client.close();
    }
  });
});
