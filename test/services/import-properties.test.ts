import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type AppDatabase } from '../../server/db/open-database.ts';
import { auditCalendar } from '../../server/domain/audit/audit-calendar.ts';
import { InvalidPeriod } from '../../server/domain/audit/resolve-period.ts';
import { countRejected } from '../../server/domain/ics/count-rejected.ts';
import { decodeCalendarBytes } from '../../server/domain/ics/decode-text.ts';
import { ImportRejected } from '../../server/domain/ics/import-rejected.ts';
import { DEFAULT_COUNTING_SETTINGS } from '../../server/domain/metrics/counting-settings.ts';
import { importCalendar, type ImportResult } from '../../server/services/import-calendar.ts';
import { createLeader } from '../../server/services/leaders.ts';
import { ServiceError } from '../../server/services/service-error.ts';
import { fixturePath } from '../support/test-app.ts';

// Property-based tests: real exports, mutated the way files break in the wild (cut off, lines lost
// or repeated, dates and rules corrupted, other encodings and line endings, huge values, stray
// bytes, property names that are JavaScript's own), go through the real import and the stateless
// audit. Whatever the file, the outcome is a report whose counts add up or a clear rejection;
// never a crash, a hang, a partial import or a polluted prototype.
//
// The seed is fixed, so CI sees the same cases every run; PROPERTY_RUNS=2000 (and PROPERTY_SEED)
// explore further locally.

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261125);
/** Per-case bound: the largest seed imports in well under a second; ten times that is a hang. */
const CASE_BUDGET_MS = 5_000;
const NOW = Date.parse('2026-11-25T12:00:00Z');
/** Room for every case at its budget's tenth (about 0.1 s each on a 2-core machine), and then some. */
const TEST_TIMEOUT_MS = 60_000 + RUNS * 500;

interface Seed {
  name: string;
  text: string;
  /** A two-year import window around the file's first date, so its events are inside it. */
  from: string;
  to: string;
}

/** Small real exports with events in them: mutations of them stay fast to import. */
function loadSeeds(): Seed[] {
  const dir = fixturePath('real-world');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ics') && statSync(`${dir}/${f}`).size <= 12_000)
    .map((f) => `real-world/${f}`);
  const seeds: Seed[] = [];
  for (const name of ['leader-week.ics', ...files].sort()) {
    const text = decodeCalendarBytes(readFileSync(fixturePath(name)));
    const year = Number(/DTSTART[^:\r\n]*:(\d{4})/.exec(text)?.[1]);
    if (!/BEGIN:VEVENT/i.test(text) || !Number.isFinite(year)) continue;
    const first = Math.min(2198, Math.max(1971, year));
    seeds.push({ name, text, from: `${first}-01-01`, to: `${first + 1}-12-31` });
  }
  return seeds;
}

// ---- Mutations -------------------------------------------------------------------------------

type Mutation = (lines: string[]) => string[];

const DATE_LINE = /^(DTSTART|DTEND|RECURRENCE-ID|EXDATE|RDATE|DUE|X-CALSTART|X-CALEND)\b/i;
const RULE_LINE = /^(RRULE|EXRULE)\b/i;

const hostileDate = fc.oneof(
  fc.constantFrom(
    '00000000',
    '00000101T000000Z',
    '99991231',
    '99991231T235959Z',
    '20261332',
    '20260230',
    '20260229T090000',
    '20260101T246000',
    '20260101T090060Z',
    '2026',
    '',
    'garbage',
    '20260101T090000Z,',
    ',,,',
    '19691231T235959Z',
    '+2757600913',
    '20260101T090000+0100',
    '-0001-01-01',
    '20260101/20260102',
    '20260101T090000Z/PT1H',
  ),
  fc.stringMatching(/^[0-9TZ+\-,:/]{0,20}$/),
);

const hostileParams = fc.constantFrom(
  '',
  ';VALUE=DATE',
  ';VALUE=DATE-TIME',
  ';VALUE=PERIOD',
  ';TZID=__proto__',
  ';TZID=constructor',
  ';TZID=prototype',
  ';TZID="(UTC+01:00) Amsterdam, Berlin"',
  ';TZID=W. Europe Standard Time',
  ';TZID=UTC+14',
  ';TZID=Mars/Olympus_Mons',
  `;TZID=${'Z'.repeat(5_000)}`,
);

const rulePart = fc.oneof(
  fc.constantFrom('SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'FORTNIGHTLY', '').map((f) => `FREQ=${f}`),
  fc.constantFrom('0', '-1', '1', '3', '2147483648', '1000000000000000', '99999999999999999999', 'x').map((n) => `COUNT=${n}`),
  fc.constantFrom('0', '-5', '1', '2', '52', '1000000', '9007199254740993', '1.5').map((n) => `INTERVAL=${n}`),
  hostileDate.map((d) => `UNTIL=${d}`),
  fc.constantFrom('MO', '1MO', '-1FR', '-53FR', '99TU', 'XX', 'MO,TU,WE,TH,FR,SA,SU', '+2WE', '').map((d) => `BYDAY=${d}`),
  fc.constantFrom('-400', '31', '0', '1,15', '-1', '29,30,31').map((d) => `BYMONTHDAY=${d}`),
  fc.constantFrom('-366', '1', '0', '-1', '500').map((d) => `BYSETPOS=${d}`),
  fc.constantFrom('13', '0', '2', '1,2,3,4,5,6,7,8,9,10,11,12').map((d) => `BYMONTH=${d}`),
  fc.constantFrom('366', '-366', '0', '60', '-1').map((d) => `BYYEARDAY=${d}`),
  fc.constantFrom('54', '-53', '0', '1').map((d) => `BYWEEKNO=${d}`),
  fc.constantFrom('25', '0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23', '9').map((d) => `BYHOUR=${d}`),
  fc.constantFrom('SU', 'XX').map((d) => `WKST=${d}`),
  fc.constantFrom('__proto__=1', 'constructor=x', 'X-NAME=1', '=', ';;'),
);
const hostileRule = fc.array(rulePart, { minLength: 0, maxLength: 6 }).map((parts) => parts.join(';'));

const HOSTILE_LINES = [
  'UID:__proto__',
  'UID:constructor',
  'UID:prototype',
  'X-WR-TIMEZONE:__proto__',
  'X-WR-TIMEZONE:constructor',
  'X-WR-CALNAME:__proto__',
  'DTSTART;TZID=__proto__:20260105T090000',
  'DTSTART;TZID=constructor:20260105T090000',
  'RECURRENCE-ID;TZID=prototype:20260105T090000',
  '__proto__:polluted',
  'constructor;prototype=1:polluted',
  'ATTENDEE;__proto__=polluted;CN=constructor;PARTSTAT=__proto__:mailto:__proto__@example.com',
  'ORGANIZER;CN=__proto__:mailto:constructor@example.com',
  'CATEGORIES:__proto__,constructor,prototype',
  'X-PROP;__proto__={"polluted":1}:{"__proto__":{"polluted":1}}',
  'SUMMARY;LANGUAGE=__proto__:__proto__',
  'STATUS:__proto__',
  'TRANSP:constructor',
  'X-MICROSOFT-CDO-BUSYSTATUS:__proto__',
  'RRULE:FREQ=DAILY;__proto__=1;COUNT=2',
  'BEGIN:__proto__',
  'END:__proto__',
  'BEGIN:VTIMEZONE',
  'TZID:__proto__',
  'END:VTIMEZONE',
  'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
];

const HOSTILE_EVENT = [
  'BEGIN:VTIMEZONE',
  'TZID:__proto__',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:__proto__',
  'DTSTART;TZID=__proto__:20260105T090000',
  'DTEND;TZID=constructor:20260105T100000',
  'RRULE:FREQ=WEEKLY;COUNT=3',
  'SUMMARY:constructor',
  'ATTENDEE;CN=__proto__;PARTSTAT=DECLINED:mailto:prototype@example.com',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:__proto__',
  'RECURRENCE-ID;TZID=__proto__:20260112T090000',
  'DTSTART;TZID=__proto__:20260112T110000',
  'DTEND;TZID=__proto__:20260112T120000',
  'SUMMARY:prototype',
  'END:VEVENT',
];

const at = (lines: string[], n: number) => (lines.length === 0 ? 0 : n % (lines.length + 1));

/** Replaces the value (and maybe the parameters) of the n-th line that matches. */
function onMatchingLine(pattern: RegExp, n: number, rewrite: (name: string) => string): Mutation {
  return (lines) => {
    const indices = lines.flatMap((line, i) => (pattern.test(line) ? [i] : []));
    if (indices.length === 0) return lines;
    const index = indices[n % indices.length]!;
    const name = /^[A-Za-z-]+/.exec(lines[index]!)?.[0] ?? 'X';
    return lines.with(index, rewrite(name));
  };
}

/** Inserts a line after the n-th DTSTART of the file (inside that event). */
function afterStart(n: number, line: string): Mutation {
  return (lines) => {
    const starts = lines.flatMap((l, i) => (/^DTSTART\b/i.test(l) ? [i] : []));
    if (starts.length === 0) return lines;
    return lines.toSpliced(starts[n % starts.length]! + 1, 0, line);
  };
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Cut off anywhere: a download that stopped.
  fc.nat().map((n): Mutation => (lines) => {
    const text = lines.join('\n');
    return text.slice(0, n % (text.length + 1)).split('\n');
  }),
  // Lines lost.
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 6 })).map(([n, count]): Mutation => (lines) => lines.toSpliced(at(lines, n), count)),
  // Lines repeated: one, or a whole run (an event twice).
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(([n, count]): Mutation => (lines) => {
    const start = at(lines, n);
    return lines.toSpliced(start, 0, ...lines.slice(start, start + count));
  }),
  // Lines swapped: a property moved out of its component, an END before its BEGIN.
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (lines) => {
    if (lines.length < 2) return lines;
    const [i, j] = [a % lines.length, b % lines.length];
    return lines.with(i, lines[j]!).with(j, lines[i]!);
  }),
  // Dates corrupted.
  fc.tuple(fc.nat(), hostileParams, hostileDate).map(([n, params, value]) => onMatchingLine(DATE_LINE, n, (name) => `${name}${params}:${value}`)),
  // Rules corrupted, or a rule added to an event that had none.
  fc.tuple(fc.nat(), hostileRule).map(([n, rule]) => onMatchingLine(RULE_LINE, n, (name) => `${name}:${rule}`)),
  fc.tuple(fc.nat(), hostileRule).map(([n, rule]): Mutation => (lines) => {
    const starts = lines.flatMap((line, i) => (/^DTSTART\b/i.test(line) ? [i] : []));
    if (starts.length === 0) return lines;
    return lines.toSpliced(starts[n % starts.length]! + 1, 0, `RRULE:${rule}`);
  }),
  // A date property added to an event: an override of itself, an EXDATE, an RDATE, an end, a duration.
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom('DTEND', 'RECURRENCE-ID', 'EXDATE', 'RDATE', 'DTSTART'),
      hostileParams,
      hostileDate,
    )
    .map(([n, name, params, value]) => afterStart(n, `${name}${params}:${value}`)),
  fc
    .tuple(fc.nat(), fc.constantFrom('P99999999W', 'PT-1H', '-P1D', 'P1Y', 'P', 'PT99999999999H', 'P1DT', 'PT0S', 'P0D', '+P1W'))
    .map(([n, value]) => afterStart(n, `DURATION:${value}`)),
  fc.nat().map((n) => afterStart(n, 'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE')),
  // JavaScript's own names as property names, parameters, UIDs and TZIDs.
  fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE_LINES)).map(([n, line]): Mutation => (lines) => lines.toSpliced(at(lines, n), 0, line)),
  fc.nat().map((n): Mutation => (lines) => {
    const end = lines.findLastIndex((line) => /^END:VCALENDAR/i.test(line));
    return lines.toSpliced(end >= 0 ? end : at(lines, n), 0, ...HOSTILE_EVENT);
  }),
  // Huge values: a long line, a long folded value, thousands of attendees or parameters.
  fc.tuple(fc.nat(), fc.integer({ min: 1_000, max: 300_000 })).map(([n, size]): Mutation => (lines) => lines.toSpliced(at(lines, n), 0, `SUMMARY:${'x'.repeat(size)}`)),
  fc.tuple(fc.nat(), fc.integer({ min: 100, max: 5_000 })).map(([n, count]): Mutation => (lines) =>
    lines.toSpliced(at(lines, n), 0, 'DESCRIPTION:start', ...Array.from({ length: count }, () => ` ${'y'.repeat(74)}`)),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 100, max: 3_000 })).map(([n, count]): Mutation => (lines) => {
    const where = lines.findIndex((line, i) => i >= at(lines, n) && /^END:VEVENT/i.test(line));
    if (where < 0) return lines;
    return lines.toSpliced(where, 0, ...Array.from({ length: count }, (_, i) => `ATTENDEE;CN=P${i};PARTSTAT=ACCEPTED:mailto:p${i}@example.com`));
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 100, max: 5_000 })).map(([n, count]) =>
    onMatchingLine(/^SUMMARY\b/i, n, () => `SUMMARY${';X-P=1'.repeat(count)}:many parameters`),
  ),
  // Long values where a pattern reads them: addresses, zone names, calendar names (backtracking).
  fc
    .tuple(
      fc.nat(),
      fc.integer({ min: 1_000, max: 60_000 }),
      fc.constantFrom(
        (n: number) => `X-WR-CALNAME:a@${'b.'.repeat(n)} x`,
        (n: number) => `ATTENDEE;CN=${'c.'.repeat(n)}:mailto:a@${'b.'.repeat(n)} x`,
        (n: number) => `ORGANIZER:mailto:${'o@'.repeat(n)}`,
        (n: number) => `X-WR-TIMEZONE:${'Z'.repeat(n)}`,
        (n: number) => `DTSTART;TZID=(UTC+01:00) ${'Amsterdam, '.repeat(n / 10)}:20260105T090000`,
        (n: number) => `RRULE:FREQ=WEEKLY;BYDAY=${'MO,'.repeat(n / 3)}TU`,
        (n: number) => `DURATION:P${'1'.repeat(n)}D`,
        (n: number) => `EXDATE:${'20260105T090000Z,'.repeat(n / 17)}20260105T090000Z`,
      ),
    )
    .map(([n, size, line]): Mutation => (lines) => lines.toSpliced(at(lines, n), 0, line(size))),
  // Stray characters anywhere, control characters included.
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 12 })).map(([n, junk]): Mutation => (lines) => {
    const text = lines.join('\n');
    const cut = n % (text.length + 1);
    return (text.slice(0, cut) + junk + text.slice(cut)).split('\n');
  }),
);

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-16le-no-bom' | 'latin-1';
const encodings: Encoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'utf-16le-no-bom', 'latin-1'];

function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'utf-16le-no-bom':
      return Buffer.from(text, 'utf16le');
    case 'latin-1':
      return Buffer.from(text, 'latin1');
  }
}

interface Case {
  seed: Seed;
  mutations: Mutation[];
  lineEnding: '\r\n' | '\n' | '\r';
  encoding: Encoding;
  junkBytes: Uint8Array | null;
  /** Occasionally an import window that is itself wrong. */
  window: { from: string; to: string } | null;
}

function caseArbitrary(seeds: Seed[]): fc.Arbitrary<Case> {
  return fc.record({
    seed: fc.constantFrom(...seeds),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    lineEnding: fc.constantFrom('\r\n' as const, '\n' as const, '\r' as const),
    encoding: fc.constantFrom(...encodings),
    junkBytes: rarely(fc.uint8Array({ minLength: 1, maxLength: 8 })),
    window: rarely(
      fc.record({
        from: fc.constantFrom('1969-12-31', '0000-01-01', '2026-02-30', '2026-01-01', 'yesterday', ''),
        to: fc.constantFrom('9999-12-31', '2026-12-31', '2025-01-01', '2200-12-31', '2026-13-01'),
      }),
    ),
  });
}

/** Null nine times in ten: a mutation that usually refuses the whole file must not drown the rest. */
function rarely<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
}

/** The bytes of a case: mutated lines, the chosen line ending and encoding, maybe stray bytes. */
function bytesOf(c: Case): Uint8Array {
  let lines = c.seed.text.split(/\r\n|\n|\r/);
  for (const mutate of c.mutations) lines = mutate(lines);
  const bytes = encode(lines.join(c.lineEnding), c.encoding);
  if (!c.junkBytes) return bytes;
  const cut = c.junkBytes[0]! % (bytes.length + 1);
  return Buffer.concat([bytes.subarray(0, cut), c.junkBytes, bytes.subarray(cut)]);
}

/**
 * With PROPERTY_KEEP=path, the bytes of each failing case are written to path.import.ics or
 * path.audit.ics: after fast-check's shrinking the file holds the smallest failing one, ready to
 * become a regression fixture.
 */
function keepFailing(bytes: Uint8Array, which: 'import' | 'audit', check: () => void): void {
  try {
    check();
  } catch (error) {
    if (process.env.PROPERTY_KEEP) writeFileSync(`${process.env.PROPERTY_KEEP}.${which}.ics`, bytes);
    throw error;
  }
}

// ---- Checks ----------------------------------------------------------------------------------

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };
let prototypeKeys: Record<string, string[]>;

function ownKeys(): Record<string, string[]> {
  return Object.fromEntries(Object.entries(PROTOTYPES).map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort()]));
}

function expectNoPollution(): void {
  expect(ownKeys()).toEqual(prototypeKeys);
  const plain = {} as Record<string, unknown>;
  expect(plain.polluted).toBeUndefined();
  expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
}

/** A clear rejection: one of the errors the edges turn into a 4xx or exit 2, with its message. */
function expectClearRejection(error: unknown): void {
  const known = error instanceof ImportRejected || error instanceof ServiceError || error instanceof InvalidPeriod;
  if (!known) throw new Error(`not a clear rejection: ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`);
  expect((error as Error).message.length).toBeGreaterThan(0);
  if (!(error instanceof InvalidPeriod)) expect((error as ImportRejected | ServiceError).code).toMatch(/^[a-z]+(-[a-z]+)*$/);
}

function tableCounts(db: AppDatabase): Record<string, number> {
  const tables = db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as Array<{ name: string }>;
  return Object.fromEntries(tables.map(({ name }) => [name, (db.$client.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
}

function timed<T>(run: () => T): { value?: T; error?: unknown; ms: number } {
  const started = performance.now();
  try {
    const value = run();
    return { value, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

function expectHonestCounts(db: AppDatabase, result: ImportResult, before: Record<string, number>, sourceEventsBefore: number): void {
  expect(result.parsed).toBe(result.added + result.updated + result.unchanged + result.rejected.total);
  expect(result.rejected).toEqual(countRejected(result.issues));
  expect(result.issues.filter((i) => i.severity === 'error' && !(i.dropped! > 0))).toEqual([]);
  const touched = db.$client.prepare('select count(*) as n from events where last_import_id = ?').get(result.importId) as { n: number };
  expect(touched.n).toBe(result.added + result.updated + result.unchanged);
  const inSource = db.$client.prepare('select count(*) as n from events e join imports i on i.source_id = e.source_id where i.id = ?').get(result.importId) as { n: number };
  expect(inSource.n).toBe(sourceEventsBefore + result.added - result.removed);
  const after = tableCounts(db);
  expect(after.imports).toBe(before.imports! + 1);
}

// ---- Properties ------------------------------------------------------------------------------

let seeds: Seed[];
beforeAll(() => {
  seeds = loadSeeds();
  prototypeKeys = ownKeys();
});

describe('mutated real exports', () => {
  test('the seeds are real exports with events', () => {
    expect(seeds.length).toBeGreaterThan(40);
  });

  test('import: a report whose counts add up, or a clear rejection that changed nothing; in bounded time; no pollution', () => {
    const db = openDatabase(':memory:');
    const outcomes = { imported: 0, rejected: 0 };
    try {
      fc.assert(
        fc.property(caseArbitrary(seeds), (c) => {
          const bytes = bytesOf(c);
          keepFailing(bytes, 'import', () => void outcomes[checkImport(db, bytes, c.window ?? c.seed)]++);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    } finally {
      db.$client.close();
    }
    // Both kinds of outcome were exercised, so neither branch's checks went untested.
    expect(outcomes.imported).toBeGreaterThan(RUNS / 4);
    expect(outcomes.rejected).toBeGreaterThan(0);
  }, TEST_TIMEOUT_MS);

  test('audit: a report or a clear rejection, in bounded time; no pollution', () => {
    fc.assert(
      fc.property(caseArbitrary(seeds), fc.constantFrom(undefined, 'UTC', 'Europe/Berlin', '__proto__', 'Mars/Olympus'), (c, tz) => {
        const bytes = bytesOf(c);
        keepFailing(bytes, 'audit', () => checkAudit(bytes, c.window ?? c.seed, tz));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, TEST_TIMEOUT_MS);
});

// The extremes, each certain to be tried whatever the random draws.
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];
const file = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Altitude//extremes//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const EXTREMES: Record<string, string> = {
  'year 9999': file(...event('UID:far', 'DTSTART:99991231T230000Z', 'DTEND:99991231T235959Z', 'RRULE:FREQ=DAILY', 'SUMMARY:Far')),
  'year 0000': file(...event('UID:zero', 'DTSTART:00000101T000000Z', 'DTEND:00000101T010000Z', 'RRULE:FREQ=YEARLY', 'SUMMARY:Zero')),
  'all-day in year 0000 and 9999': file(...event('UID:d0', 'DTSTART;VALUE=DATE:00000101', 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'), ...event('UID:d9', 'DTSTART;VALUE=DATE:99991231', 'DTEND;VALUE=DATE:00000101')),
  'huge COUNT and INTERVAL': file(
    ...event('UID:count', 'DTSTART:20260105T090000Z', 'RRULE:FREQ=DAILY;COUNT=1000000000000000', 'SUMMARY:Count'),
    ...event('UID:interval', 'DTSTART:20260105T090000Z', 'RRULE:FREQ=DAILY;INTERVAL=9007199254740993', 'SUMMARY:Interval'),
    ...event('UID:sparse', 'DTSTART:20260105T090000Z', 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=5', 'SUMMARY:Never'),
    ...event('UID:setpos', 'DTSTART:20260105T090000Z', 'RRULE:FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYSETPOS=-366,366;BYWEEKNO=-53,53', 'SUMMARY:Setpos'),
  ),
  'JavaScript names everywhere': file(
    'X-WR-TIMEZONE:__proto__',
    'X-WR-CALNAME:constructor',
    ...HOSTILE_EVENT,
    ...event('UID:constructor', 'DTSTART;TZID=constructor:20260105T090000', 'RRULE:FREQ=WEEKLY;COUNT=2', 'SUMMARY:__proto__', 'CATEGORIES:__proto__,prototype'),
    ...event('UID:prototype', 'DTSTART;TZID=toString:20260106T090000', 'DTEND;TZID=hasOwnProperty:20260106T100000', 'X-MICROSOFT-CDO-BUSYSTATUS:__proto__'),
  ),
  'a calendar name of 120 kB that looks like an address': file(`X-WR-CALNAME:a@${'b.'.repeat(60_000)} x`, ...event('UID:n', 'DTSTART:20260105T090000Z')),
  'a zone name of 60,000 letters': file(`X-WR-TIMEZONE:${'Z'.repeat(60_000)}`, ...event('UID:z', `DTSTART;TZID=${'Y'.repeat(60_000)}:20260105T090000`)),
  'a line of a million characters': file(...event('UID:long', 'DTSTART:20260105T090000Z', `SUMMARY:${'x'.repeat(1_000_000)}`)),
  'three thousand events in one day': file(...Array.from({ length: 3_000 }, (_, i) => event(`UID:e${i}`, 'DTSTART:20260105T090000Z', 'DTEND:20260105T100000Z', `SUMMARY:E${i}`)).flat()),
};

describe('hand-picked extremes', () => {
  test.each(Object.entries(EXTREMES))('%s: a report whose counts add up, or a clear rejection', (_name, text) => {
    const db = openDatabase(':memory:');
    try {
      for (const encoding of ['utf-8', 'utf-16le'] as const) {
        checkImport(db, encode(text, encoding), { from: '2025-01-01', to: '2026-12-31' });
        checkAudit(encode(text, encoding), { from: '2025-07-01', to: '2026-06-30' }, undefined);
      }
    } finally {
      db.$client.close();
    }
  }, 60_000);
});

/**
 * One import of the bytes for a new leader, and of the same bytes again when it succeeds: a report
 * whose counts add up and match the database, or a clear rejection that left every table as it
 * was; in bounded time; no prototype gained a key.
 */
function checkImport(db: AppDatabase, bytes: Uint8Array, window: { from: string; to: string }): 'imported' | 'rejected' {
  const leader = createLeader(db, { email: `leader${tableCounts(db).leaders! + 1}@example.com` }, NOW);
  const request = { leaderId: leader.id, bytes, nowMs: NOW, from: window.from, to: window.to };
  const before = tableCounts(db);
  const first = timed(() => importCalendar(db, request));
  expect(first.ms).toBeLessThan(CASE_BUDGET_MS);
  expectNoPollution();
  if (first.error !== undefined) {
    expectClearRejection(first.error);
    // Whole or nothing: a refused file leaves every table as it was.
    expect(tableCounts(db)).toEqual(before);
    return 'rejected';
  }
  expectHonestCounts(db, first.value!, before, 0);

  // The same bytes again: nothing added or changed, the same count.
  const beforeAgain = tableCounts(db);
  const again = timed(() => importCalendar(db, request));
  expect(again.error).toBeUndefined();
  expect(again.ms).toBeLessThan(CASE_BUDGET_MS);
  expect(again.value).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: first.value!.instances, parsed: first.value!.parsed, rejected: first.value!.rejected });
  expectHonestCounts(db, again.value!, beforeAgain, first.value!.instances);
  expectNoPollution();
  return 'imported';
}

/** The stateless audit of the bytes, as the CLI runs it: a report of plain data, or a clear rejection. */
function checkAudit(bytes: Uint8Array, period: { from: string; to: string }, timeZone: string | undefined): void {
  const run = timed(() => auditCalendar(decodeCalendarBytes(bytes), { nowMs: NOW, from: period.from, to: period.to, timeZone, settings: DEFAULT_COUNTING_SETTINGS }));
  expect(run.ms).toBeLessThan(CASE_BUDGET_MS);
  expectNoPollution();
  if (run.error !== undefined) return expectClearRejection(run.error);
  const report = run.value!;
  expect(Number.isFinite(report.countedMinutes)).toBe(true);
  expect(report.issues.filter((i) => i.severity === 'error' && !(i.dropped! > 0))).toEqual([]);
  // The report is plain data: it survives JSON (the CLI's --json) unchanged.
  expect(JSON.parse(JSON.stringify(report))).toEqual(report);
}

