import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE_DIR, type Digest, type DigestInstance } from '../../support/digest-fixtures.ts';

/**
 * node-ical reads floating times in the process zone and puts all-day dates at the process's
 * local midnight; the import must not. Every real-world fixture is parsed and expanded in three
 * child processes whose only difference is TZ, and the digests must be identical.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SCRIPT = join(ROOT, 'test', 'support', 'digest-fixtures.ts');
// Far east of UTC (across the date line from Los Angeles), UTC itself, and far west.
const ZONES = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles'] as const;

const run = promisify(execFile);

async function digestIn(timeZone: string): Promise<{ timeZone: string; files: Digest }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, TZ: timeZone },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as { timeZone: string; files: Digest };
}

const digests = new Map<string, { timeZone: string; files: Digest }>();

beforeAll(async () => {
  const results = await Promise.all(ZONES.map(digestIn));
  ZONES.forEach((zone, i) => digests.set(zone, results[i]!));
}, 120_000);

function utc(): Digest {
  return digests.get('UTC')!.files;
}

function instancesOf(file: string, window: 'wide' | 'edge' = 'wide'): DigestInstance[] {
  const digest = utc()[file];
  if (!digest) throw new Error(`${file} is not in the digest`);
  return digest.instances[window];
}

describe('results do not depend on the zone of the machine', () => {
  test.each(ZONES)('the child process really ran in %s', (zone) => {
    expect(digests.get(zone)!.timeZone).toBe(zone);
  });

  test('every fixture is in the digest', () => {
    const files = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.ics'));
    expect(files.length).toBeGreaterThanOrEqual(100);
    expect(Object.keys(utc()).sort()).toEqual(files.sort());
  });

  test.each(ZONES.filter((zone) => zone !== 'UTC'))('the digest under TZ=%s equals the digest under TZ=UTC', (zone) => {
    const other = digests.get(zone)!.files;
    // File by file first, so that a failure names the file.
    for (const file of Object.keys(utc())) expect({ file, digest: other[file] }).toEqual({ file, digest: utc()[file] });
    expect(other).toEqual(utc());
  });
});

describe('concrete values in the UTC digest', () => {
  test('an all-day series starting on the first day of the window is there from that day (test_daily_recurring.ics)', () => {
    const instances = instancesOf('node-ical__test__fixtures__test_daily_recurring.ics', 'edge');
    // DAILY;COUNT=30 from 1 January 2025, in a window of January 2025.
    expect(instances).toHaveLength(30);
    expect(instances[0]).toMatchObject({ recurrenceId: '2025-01-01', start: '2025-01-01', end: '2025-01-02' });
    expect(instances.at(-1)).toMatchObject({ recurrenceId: '2025-01-30', start: '2025-01-30', end: '2025-01-31' });
  });

  test('a floating event is read in its X-WR-TIMEZONE (mixed-timezone-handling.ics)', () => {
    const noZone = instancesOf('node-ical__test__fixtures__mixed-timezone-handling.ics').find((i) => i.summary === 'No Timezone');
    // DTSTART:20021028T012030 in US/Pacific, which left summer time the day before.
    expect(noZone).toMatchObject({ start: '2002-10-28T09:20:30.000Z', end: '2002-10-29T09:20:30.000Z' });
  });

  test('a floating episode of tv-show-episode.ics is read in US/Eastern, its X-WR-TIMEZONE', () => {
    const episode = instancesOf('node-ical__test__fixtures__tv-show-episode.ics').find((i) => i.uid === '20110519T200000Z-79@tvcountdown.com');
    // DTSTART;VALUE=DATE-TIME:20110519T200000: 20:00 summer time in New York.
    expect(episode).toMatchObject({ start: '2011-05-20T00:00:00.000Z', end: '2011-05-20T00:30:00.000Z' });
  });

  test('a multi-day all-day event keeps its dates (sabredav-school-holidays.ics)', () => {
    expect(instancesOf('node-ical__test__fixtures__sabredav-school-holidays.ics')).toEqual([
      expect.objectContaining({ start: '2018-07-02', end: '2018-08-11', summary: 'Sommerferien Sachsen' }),
    ]);
  });

  test('the moved all-day Exchange instance is counted once, on its new date', () => {
    const moved = instancesOf('node-ical__test__fixtures__exchange_whole_day_moved_recurrence.ics').filter((i) => i.recurrenceId === '2026-02-26');
    expect(moved).toEqual([expect.objectContaining({ start: '2026-02-27', end: '2026-02-28' })]);
  });

  test('issues are part of the digest: the invalid date of ICal.ics and the bad RRULE of badRRULE.ics', () => {
    expect(utc()['ics-parser__examples__ICal.ics']!.issues).toContain('invalid-date@21');
    expect(utc()['node-ical__test__fixtures__badRRULE.ics']!.issues).toEqual(['invalid-recurrence@47']);
  });
});
