import { describe, expect, test } from 'vitest';
import type { PlacedRecord } from '../../../server/domain/audit/build-report.ts';
import { computeQuarterFigures, isTalentTitle } from '../../../server/domain/cohorts/quarter-figures.ts';
import { DEFAULT_COUNTING_SETTINGS } from '../../../server/domain/metrics/counting-settings.ts';
import { summarisePeriod } from '../../../server/domain/metrics/summarise-period.ts';
import type { Placement } from '../../../shared/taxonomy.ts';

const LEADER = 'lee@acme.example';
const ZONE = 'Europe/Berlin';

function timed(summary: string, start: string, end: string, category: Placement, withOthers = false): PlacedRecord {
  return {
    record: {
      uid: `${summary}-${start}`,
      recurrenceId: null,
      isRecurring: false,
      start: { kind: 'time', ms: Date.parse(start), zone: ZONE },
      end: { kind: 'time', ms: Date.parse(end), zone: ZONE },
      summary,
      description: '',
      location: '',
      organizer: null,
      attendees: withOthers ? [{ email: 'peer@acme.example', name: null, role: 'req-participant', partstat: 'accepted', kind: 'individual' }] as never : [],
      categories: [],
      status: 'confirmed',
      isTransparent: false,
      busyStatus: null,
    },
    category,
    reason: { kind: 'none' } as never,
    isMeeting: withOthers,
  };
}

function allDay(summary: string, date: string, endDate: string, category: Placement): PlacedRecord {
  const base = timed(summary, '2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z', category);
  return { ...base, record: { ...base.record, uid: `${summary}-${date}`, start: { kind: 'date', date }, end: { kind: 'date', date: endDate } } };
}

describe('talent events', () => {
  test.each([
    ['Talent review Q1', true],
    ['Mid-year talent review', true],
    ['Succession: key roles in Finance', true],
    ['Performance calibration', true],
    ['Talentrunde Halbjahr', true],
    ['Nachfolgeplanung Schlüsselpositionen', true],
    ['Kalibrierungsrunde 2026', true],
    ['Revue des talents mi-année', true],
    ['Plan de succession', true],
    ['Calibrage des évaluations', true],
    ['Revisión de talento de mitad de año', true],
    ['Planificación de la sucesión', true],
    ['Calibración de desempeño', true],
    ['Weekly ops status update', false],
    ['Strategy session: 2027 priorities', false],
    ['Talk with Priya', false],
  ])('"%s" -> %s', (title, expected) => {
    expect(isTalentTitle(title)).toBe(expected);
  });
});

describe('quarter figures', () => {
  const placed = [
    timed('Strategy offsite prep', '2026-03-31T14:00:00Z', '2026-03-31T16:00:00Z', 'strategic'),
    // 23:00 on 31 March to 01:00 on 1 April in Berlin: an hour in each quarter.
    timed('Late incident call', '2026-03-31T21:00:00Z', '2026-03-31T23:00:00Z', 'operational', true),
    timed('Talent review Q2', '2026-04-14T08:00:00Z', '2026-04-14T10:00:00Z', 'organisational-planning', true),
    timed('Calibration (declined)', '2026-04-15T08:00:00Z', '2026-04-15T10:00:00Z', 'excluded', true),
    allDay('Planning day', '2026-04-16', '2026-04-17', 'organisational-planning'),
    timed('Vendor call', '2026-10-05T08:00:00Z', '2026-10-05T09:00:00Z', 'operational', true),
  ];
  const figures = computeQuarterFigures({ placed, leaderEmail: LEADER, timeZone: ZONE, settings: DEFAULT_COUNTING_SETTINGS, nowMs: Date.parse('2026-03-20T12:00:00Z') });

  test('every quarter from the first event to the last, the empty one between included', () => {
    expect(figures.map((f) => f.quarter)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(figures.every((f) => f.dataStart === '2026-03-31' && f.timeZone === ZONE)).toBe(true);
  });

  test('an event across the quarter boundary (in the leader zone) counts in both quarters', () => {
    expect(figures[0]!.minutes).toMatchObject({ strategic: 120, operational: 60 });
    expect(figures[0]!.countedMinutes).toBe(180);
    expect(figures[1]!.minutes).toMatchObject({ operational: 60, 'organisational-planning': 120 + 480 });
  });

  test('planning days and talent events (an excluded one does not count)', () => {
    expect(figures[1]!.planningDates).toEqual(['2026-04-16']);
    expect(figures[1]!.talentEvents).toBe(1);
    expect(figures[2]).toMatchObject({ countedMinutes: 0, planningDates: [], talentEvents: 0 });
  });

  test("each row is what summarisePeriod gives for that quarter over all the events", () => {
    const instances = placed
      .filter((p) => p.category !== 'excluded')
      .map((p) => ({ start: p.record.start, end: p.record.end, category: p.category as never, isMeeting: p.isMeeting, isAccepted: true }));
    for (const row of figures) {
      const from = `${row.quarter.slice(0, 4)}-${String((Number(row.quarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
      const to = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' }[Number(row.quarter.slice(6)) as 1 | 2 | 3 | 4];
      const summary = summarisePeriod(instances, { from, to: `${row.quarter.slice(0, 4)}-${to}`, timeZone: ZONE }, 0, DEFAULT_COUNTING_SETTINGS);
      expect([row.minutes, row.countedMinutes, row.planningDates]).toEqual([summary.minutes, summary.countedMinutes, summary.planning[0]!.dates]);
    }
  });

  test('no events, no rows', () => {
    expect(computeQuarterFigures({ placed: [], leaderEmail: LEADER, timeZone: ZONE, settings: DEFAULT_COUNTING_SETTINGS, nowMs: 0 })).toEqual([]);
  });
});
