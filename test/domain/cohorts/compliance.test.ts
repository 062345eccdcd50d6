import { describe, expect, test } from 'vitest';
import { complianceCsv } from '../../../server/domain/cohorts/compliance-csv.ts';
import { coachingStatus, sortComplianceRows, toComplianceRow, toQuarterStanding, withCoaching, type ComplianceSort, type MemberQuarter } from '../../../server/domain/cohorts/compliance.ts';
import { DEFAULT_COUNTING_SETTINGS } from '../../../server/domain/metrics/counting-settings.ts';
import { COUNTED_IDS } from '../../../shared/taxonomy.ts';

// 2026-03-20 12:00 UTC: a Friday in 2026-Q1.
const NOW = Date.parse('2026-03-20T12:00:00Z');

function member(overrides: Partial<MemberQuarter> & { strategic?: number; counted?: number; dates?: string[]; dataStart?: string | null; zone?: string; talent?: number } = {}): MemberQuarter {
  const { strategic = 120, counted = 480, dates = [], dataStart = '2025-10-01', zone = 'Europe/Berlin', talent = 0, ...rest } = overrides;
  const minutes = Object.fromEntries(COUNTED_IDS.map((id) => [id, 0])) as Record<(typeof COUNTED_IDS)[number], number>;
  minutes.strategic = strategic;
  minutes.operational = counted - strategic;
  return {
    memberId: 1,
    leaderId: 1,
    name: 'Ada Example',
    email: 'ada@example.com',
    settings: DEFAULT_COUNTING_SETTINGS,
    figures: { quarter: '2026-Q1', timeZone: zone, minutes, countedMinutes: counted, planningDates: dates, talentEvents: talent, dataStart },
    ...rest,
  };
}

const codes = (m: MemberQuarter, quarter = '2026-Q1', now = NOW) => toComplianceRow(m, quarter, now).flags.map((f) => f.code);

describe('a compliance row', () => {
  test.each([
    ['19.9% strategic is flagged', 955, 4800, ['low-strategic-share']],
    ['20.0% strategic is not flagged', 960, 4800, []],
    ['25% strategic is not flagged', 1200, 4800, []],
  ] as const)('%s', (_name, strategic, counted, expected) => {
    const dates = ['2026-01-15', '2026-02-15', '2026-03-25'];
    expect(codes(member({ strategic, counted, dates }))).toEqual(expected);
  });

  test('held days are the stored dates before today in the leader zone; the rest are scheduled', () => {
    const row = toComplianceRow(member({ dates: ['2026-01-15', '2026-03-20', '2026-03-27'] }), '2026-Q1', NOW);
    expect([row.planningHeld, row.planningScheduled, row.planningTarget]).toEqual([1, 2, 3]);
    expect(row.flags).toEqual([]);
  });

  test('today is the leader’s: at 23:30 UTC on 20 March it is already 21 March in Tokyo', () => {
    const late = Date.parse('2026-03-20T23:30:00Z');
    const dates = ['2026-03-20'];
    expect(toComplianceRow(member({ dates, zone: 'Asia/Tokyo' }), '2026-Q1', late).planningHeld).toBe(1);
    expect(toComplianceRow(member({ dates, zone: 'America/New_York' }), '2026-Q1', late).planningHeld).toBe(0);
  });

  test('fewer than the target, held and scheduled together, raises missing-planning-days with the leader message', () => {
    const row = toComplianceRow(member({ dates: ['2026-01-15', '2026-03-25'] }), '2026-Q1', NOW);
    expect(row.flags.map((f) => f.code)).toEqual(['missing-planning-days']);
    expect(row.flags[0]!.message).toBe('2026-Q1 has 1 day of protected planning held and 1 day booked ahead; the target is 3.');
  });

  test("the leader's own targets decide: 2 planning days and 10% are enough for a leader who set them", () => {
    const settings = { ...DEFAULT_COUNTING_SETTINGS, planningDaysPerQuarter: 2, strategicShareMin: 0.1 };
    const row = toComplianceRow(member({ settings, strategic: 50, counted: 480, dates: ['2026-01-15', '2026-02-15'] }), '2026-Q1', NOW);
    expect([row.flags, row.planningTarget, row.strategicTarget]).toEqual([[], 2, 0.1]);
  });

  test('a calendar that starts inside the quarter is still judged, and says so', () => {
    const row = toComplianceRow(member({ dataStart: '2026-03-02', dates: [] }), '2026-Q1', NOW);
    expect(row.flags[0]!.message).toContain('(The calendar starts on 2026-03-02, inside this quarter.)');
  });

  test.each([
    ['no stored row', { figures: null }],
    ['a stored row with no counted time', { counted: 0, strategic: 0 }],
  ] as const)('%s is "no data": no figures, no flags', (_name, overrides) => {
    const row = toComplianceRow(member(overrides as Partial<MemberQuarter>), '2026-Q1', NOW);
    expect(row).toMatchObject({ hasData: false, strategicShare: null, countedHours: null, planningHeld: null, planningScheduled: null, talentReviews: null, flags: [] });
  });

  test('talent reviews are the quarter’s stored count, zero included', () => {
    expect(toComplianceRow(member({ talent: 2 }), '2026-Q1', NOW).talentReviews).toBe(2);
    expect(toComplianceRow(member({ talent: 0 }), '2026-Q1', NOW).talentReviews).toBe(0);
  });

  test.each([
    [false, false, 'not-shared'],
    [false, true, 'not-shared'],
    [true, false, 'not-coached'],
    [true, true, 'coached'],
  ] as const)('coaching: shares %s, has an active coach %s -> %s', (shares, coached, expected) => {
    expect(coachingStatus(shares, coached)).toBe(expected);
  });
});

describe('sorting', () => {
  const rows = [
    toComplianceRow(member({ memberId: 1, name: 'Cleo', email: 'c@x.example', strategic: 60, counted: 600, dates: ['2026-01-10'], talent: 1 }), '2026-Q1', NOW),
    toComplianceRow(member({ memberId: 2, name: 'alba', email: 'a@x.example', strategic: 300, counted: 900, dates: ['2026-01-10', '2026-02-10', '2026-03-10'], talent: 3 }), '2026-Q1', NOW),
    toComplianceRow(member({ memberId: 3, name: null, email: 'nodata@x.example', figures: null }), '2026-Q1', NOW),
    toComplianceRow(member({ memberId: 4, name: 'Bea', email: 'b@x.example', strategic: 120, counted: 480, dates: [] }), '2026-Q1', NOW),
  ];
  const order = (sort: ComplianceSort) => sortComplianceRows(rows, sort).map((row) => row.memberId);

  test.each([
    ['name', [2, 4, 1, 3]],
    ['-name', [3, 1, 4, 2]],
    ['email', [2, 4, 1, 3]],
    ['strategic-share', [1, 4, 2, 3]],
    ['-strategic-share', [2, 4, 1, 3]],
    ['counted-hours', [4, 1, 2, 3]],
    ['-counted-hours', [2, 1, 4, 3]],
    ['planning-days', [4, 1, 2, 3]],
    ['-planning-days', [2, 1, 4, 3]],
    ['talent-reviews', [4, 1, 2, 3]],
    ['-talent-reviews', [2, 1, 4, 3]],
    ['flags', [2, 4, 1, 3]],
    ['-flags', [1, 4, 2, 3]],
  ] as const)('%s -> %j (no data last either way)', (sort, expected) => {
    expect(order(sort)).toEqual(expected);
  });
});

describe('the CSV', () => {
  test('names that would run as formulas are written as text; numbers stay numbers', () => {
    const evil = withCoaching(toComplianceRow(member({ name: "=cmd|' /C calc'!A0", email: 'evil@x.example', strategic: 60, counted: 600, talent: 2 }), '2026-Q1', NOW), 'coached');
    const none = withCoaching(toComplianceRow(member({ name: '@SUM(A1)', email: 'n@x.example', figures: null }), '2026-Q1', NOW), 'not-shared');
    const plain = withCoaching(toComplianceRow(member({ name: 'Pat', email: 'p@x.example', strategic: 60, counted: 600 }), '2026-Q1', NOW), 'not-coached');
    const lines = complianceCsv([evil, none, plain]).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Name,E-mail,Quarter,Data,Strategic share (%),Strategic target (%),Counted hours,Planning days held,Planning days scheduled,Planning-day target,Low strategic share,Missing planning days,Talent reviews,Calendar starts,Coaching',
    );
    expect(lines[1]).toBe(`'=cmd|' /C calc'!A0,evil@x.example,2026-Q1,yes,10,20,10,0,0,3,yes,yes,2,2025-10-01,coached`);
    expect(lines[2]).toBe(`'@SUM(A1),n@x.example,2026-Q1,no data,,20,,,,3,,,,,not shared`);
    expect(lines[3]).toBe(`Pat,p@x.example,2026-Q1,yes,10,20,10,0,0,3,yes,yes,0,2025-10-01,not coached`);
  });
});

describe("the charts' standing agrees with the compliance row", () => {
  test.each([
    ['no row', { figures: null }, '2026-Q1'],
    ['no counted time', { counted: 0, strategic: 0 }, '2026-Q1'],
    ['three held', { dates: ['2026-01-10', '2026-02-10', '2026-03-10'] }, '2026-Q1'],
    ['two held and one scheduled', { dates: ['2026-01-10', '2026-02-10', '2026-03-27'] }, '2026-Q1'],
    ['two held', { dates: ['2026-01-10', '2026-02-10'] }, '2026-Q1'],
    ['none, calendar started inside the quarter', { dates: [], dataStart: '2026-02-20' }, '2026-Q1'],
    ['a past quarter with three', { dates: ['2025-10-10', '2025-11-10', '2025-12-10'] }, '2025-Q4'],
    ['a past quarter with one', { dates: ['2025-10-10'] }, '2025-Q4'],
    ['a future quarter with three booked', { dates: ['2026-04-10', '2026-05-10', '2026-06-10'] }, '2026-Q2'],
    ['a target of 0', { settings: { ...DEFAULT_COUNTING_SETTINGS, planningDaysPerQuarter: 0 } }, '2026-Q1'],
    ['a target of 5 with four', { settings: { ...DEFAULT_COUNTING_SETTINGS, planningDaysPerQuarter: 5 }, dates: ['2026-01-10', '2026-01-11', '2026-01-12', '2026-01-13'] }, '2026-Q1'],
  ] as const)('%s', (_name, overrides, quarter) => {
    const m = member(overrides as Partial<MemberQuarter>);
    if (m.figures) m.figures.quarter = quarter;
    const row = toComplianceRow(m, quarter, NOW);
    expect(toQuarterStanding(m)).toEqual({
      strategicShare: row.strategicShare,
      meetsPlanningTarget: row.hasData && !row.flags.some((flag) => flag.code === 'missing-planning-days'),
    });
  });
});
