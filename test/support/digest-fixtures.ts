/**
 * Parses and expands every real-world fixture and prints one JSON digest on stdout. Run in child
 * processes under different TZ values by test/domain/ics/time-zone-independence.test.ts: the
 * digests must be identical, whatever the zone of the machine that runs the import.
 *
 *   node --import tsx test/support/digest-fixtures.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandEvents, type ExpansionWindow } from '../../server/domain/ics/expand-events.ts';
import { ImportRejected } from '../../server/domain/ics/import-rejected.ts';
import { parseCalendar } from '../../server/domain/ics/parse-calendar.ts';
import type { When } from '../../server/domain/ics/when.ts';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real-world');

/** Fixed windows given as instants and dates, never derived from the clock or the process zone. */
export const DIGEST_WINDOWS = {
  /** Wide enough for every fixture's events. */
  wide: {
    fromDate: '2000-01-01',
    toDate: '2030-12-31',
    fromMs: Date.parse('2000-01-01T00:00:00Z'),
    toMs: Date.parse('2031-01-01T00:00:00Z'),
  },
  /** Starts on the first day of an all-day daily series (test_daily_recurring.ics): the edge
   * where reading a date as the process's local midnight would drop or add a day. */
  edge: {
    fromDate: '2025-01-01',
    toDate: '2025-01-31',
    fromMs: Date.parse('2025-01-01T00:00:00Z'),
    toMs: Date.parse('2025-02-01T00:00:00Z'),
  },
} satisfies Record<string, ExpansionWindow>;

export interface DigestInstance {
  uid: string;
  recurrenceId: string | null;
  start: string;
  end: string;
  summary: string;
}

export interface FileDigest {
  /** The rejection code when the whole file was refused. */
  rejected: string | null;
  zone: string | null;
  floatingZone: string | null;
  /** `code@line` for every parse and expansion issue. */
  issues: string[];
  instances: Record<keyof typeof DIGEST_WINDOWS, DigestInstance[]>;
}

export type Digest = Record<string, FileDigest>;

function show(when: When): string {
  return when.kind === 'date' ? when.date : new Date(when.ms).toISOString();
}

export function digestFile(text: string): FileDigest {
  const digest: FileDigest = { rejected: null, zone: null, floatingZone: null, issues: [], instances: { wide: [], edge: [] } };
  let calendar;
  try {
    calendar = parseCalendar(text);
  } catch (error) {
    if (error instanceof ImportRejected) return { ...digest, rejected: error.code };
    throw error;
  }
  digest.zone = calendar.zone;
  digest.floatingZone = calendar.floatingZone;
  digest.issues = calendar.issues.map((i) => `${i.code}@${i.line ?? '-'}`);
  for (const name of Object.keys(DIGEST_WINDOWS) as Array<keyof typeof DIGEST_WINDOWS>) {
    const expansion = expandEvents(calendar.events, DIGEST_WINDOWS[name]);
    if (name === 'wide') digest.issues.push(...expansion.issues.map((i) => `${i.code}@${i.line ?? '-'}`));
    digest.instances[name] = expansion.instances.map((instance) => ({
      uid: instance.uid,
      recurrenceId: instance.recurrenceId,
      start: show(instance.start),
      end: show(instance.end),
      summary: instance.event.summary,
    }));
  }
  return digest;
}

export function digestFixtures(): Digest {
  const digest: Digest = {};
  for (const file of readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.ics')).sort()) {
    digest[file] = digestFile(readFileSync(join(FIXTURE_DIR, file), 'utf8'));
  }
  return digest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(JSON.stringify({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, files: digestFixtures() }));
}
