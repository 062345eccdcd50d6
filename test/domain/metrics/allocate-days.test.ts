import { describe, expect, test } from 'vitest';
import type { CountedId } from '../../../shared/taxonomy.ts';
import { allocateDays, type WorkInstance } from '../../../server/domain/metrics/allocate-days.ts';

const ZONE = 'Europe/Berlin';

/** A timed instance on a Berlin wall clock: timed('2026-03-02 09:00', '10:00', ...). */
function timed(start: string, end: string, category: CountedId, isMeeting: boolean, isAccepted = true): WorkInstance {
  const day = start.slice(0, 10);
  const endText = end.length <= 5 ? `${day} ${end}` : end;
  return {
    start: { kind: 'time', ms: berlin(start), zone: ZONE },
    end: { kind: 'time', ms: berlin(endText), zone: ZONE },
    category,
    isMeeting,
    isAccepted,
  };
}

function allDay(from: string, toExclusive: string, category: CountedId, isMeeting = false): WorkInstance {
  return { start: { kind: 'date', date: from }, end: { kind: 'date', date: toExclusive }, category, isMeeting, isAccepted: true };
}

// Berlin is UTC+1 in early March and UTC+2 from 29 March 2026.
function berlin(text: string): number {
  const [date, time] = text.split(' ');
  const offset = date! >= '2026-03-29' && date! < '2026-10-25' ? '+02:00' : '+01:00';
  return Date.parse(`${date}T${time}:00${offset}`);
}

function minutesOn(instances: WorkInstance[], dates: string[], options: { workingDay?: number; planningDay?: number } = {}) {
  const days = allocateDays(instances, dates, ZONE, options.workingDay ?? 480, options.planningDay ?? 360);
  const total = new Array<number>(instances.length).fill(0);
  for (const day of days) for (const [index, value] of day.minutesByInstance) total[index]! += value;
  return { total, days };
}

describe('no minute is counted twice', () => {
  test('a meeting overlapping a solo block takes the overlapping minutes', () => {
    const focus = timed('2026-03-02 09:00', '12:00', 'strategic', false);
    const meeting = timed('2026-03-02 10:00', '11:00', 'operational', true);
    expect(minutesOn([focus, meeting], ['2026-03-02']).total).toEqual([120, 60]);
  });

  test('two meetings overlapping share the overlap equally', () => {
    const a = timed('2026-03-02 09:00', '10:00', 'operational', true);
    const b = timed('2026-03-02 09:30', '10:30', 'cross-functional', true);
    expect(minutesOn([a, b], ['2026-03-02']).total).toEqual([45, 45]);
  });

  test('two solo blocks overlapping share the overlap equally', () => {
    const a = timed('2026-03-02 09:00', '11:00', 'strategic', false);
    const b = timed('2026-03-02 10:00', '11:00', 'operational', false);
    expect(minutesOn([a, b], ['2026-03-02']).total).toEqual([90, 30]);
  });

  test('three meetings at once share a third each, and a solo block under them gets nothing', () => {
    const solo = timed('2026-03-02 09:00', '10:00', 'strategic', false);
    const meetings = [0, 1, 2].map(() => timed('2026-03-02 09:00', '10:00', 'operational', true));
    expect(minutesOn([solo, ...meetings], ['2026-03-02']).total).toEqual([0, 20, 20, 20]);
  });

  test('the day total never exceeds the union of the time covered', () => {
    const instances = [
      timed('2026-03-02 09:00', '12:00', 'strategic', false),
      timed('2026-03-02 09:30', '10:30', 'operational', true),
      timed('2026-03-02 10:00', '11:00', 'operational', true),
      timed('2026-03-02 11:30', '13:00', 'developmental', true),
    ];
    const sum = minutesOn(instances, ['2026-03-02']).total.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(240, 6); // 09:00-13:00
  });
});

describe('working days', () => {
  test('a timed event spanning several days counts at most one working day per day', () => {
    const conference = timed('2026-03-02 09:00', '2026-03-04 17:00', 'developmental', true);
    const { days } = minutesOn([conference], ['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(days.map((d) => d.minutesByInstance.get(0))).toEqual([480, 480, 480]);
  });

  test('an all-day work event counts one working day for each weekday it covers', () => {
    const offsite = allDay('2026-03-05', '2026-03-10', 'strategic', true); // Thu to Mon, weekend between
    const dates = ['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09'];
    expect(minutesOn([offsite], dates).total).toEqual([3 * 480]);
  });

  test('the working-day length is a setting', () => {
    expect(minutesOn([allDay('2026-03-02', '2026-03-03', 'strategic')], ['2026-03-02'], { workingDay: 450 }).total).toEqual([450]);
  });

  test('a timed meeting on an all-day solo event takes its minutes from the working day', () => {
    const planning = allDay('2026-03-02', '2026-03-03', 'organisational-planning');
    const meeting = timed('2026-03-02 10:00', '11:00', 'operational', true);
    expect(minutesOn([planning, meeting], ['2026-03-02']).total).toEqual([420, 60]);
  });

  test('an all-day meeting takes the minutes of a solo block on that day', () => {
    const offsite = allDay('2026-03-02', '2026-03-03', 'strategic', true);
    const focus = timed('2026-03-02 14:00', '16:00', 'operational', false);
    expect(minutesOn([offsite, focus], ['2026-03-02']).total).toEqual([480, 0]);
  });

  test('two all-day events of the same kind share the working day', () => {
    const a = allDay('2026-03-02', '2026-03-03', 'strategic');
    const b = allDay('2026-03-02', '2026-03-03', 'developmental');
    expect(minutesOn([a, b], ['2026-03-02']).total).toEqual([240, 240]);
  });

  test('days are the leader’s: an evening meeting in Berlin belongs to that Berlin date', () => {
    const late = timed('2026-03-02 23:30', '2026-03-03 00:30', 'operational', true);
    const { days } = minutesOn([late], ['2026-03-02', '2026-03-03']);
    expect(days.map((d) => d.minutesByInstance.get(0))).toEqual([30, 30]);
  });

  test('the day the clocks change has 23 hours and is counted as such', () => {
    const allNight = timed('2026-03-29 00:00', '2026-03-30 00:00', 'operational', true);
    const { days } = minutesOn([allNight], ['2026-03-29'], { workingDay: 1440 });
    expect(days[0]!.minutesByInstance.get(0)).toBe(23 * 60);
  });
});

describe('protected planning days', () => {
  const isProtected = (instances: WorkInstance[], planningDay = 360) =>
    minutesOn(instances, ['2026-03-02'], { planningDay }).days[0]!.isProtectedPlanningDay;

  test.each<[string, WorkInstance[], boolean]>([
    ['an all-day planning event counts as a full day', [allDay('2026-03-02', '2026-03-03', 'organisational-planning')], true],
    ['six hours of planning blocks', [timed('2026-03-02 09:00', '15:00', 'organisational-planning', false)], true],
    ['5 h 59 of planning is not a planning day', [timed('2026-03-02 09:00', '14:59', 'organisational-planning', false)], false],
    [
      'another meeting later in the day does not overlap the planning',
      [timed('2026-03-02 08:00', '14:00', 'organisational-planning', false), timed('2026-03-02 15:00', '16:00', 'operational', true)],
      true,
    ],
    [
      'a meeting that overlaps the planning block breaks it',
      [timed('2026-03-02 08:00', '15:00', 'organisational-planning', false), timed('2026-03-02 11:00', '11:30', 'operational', true)],
      false,
    ],
    [
      'any work event on an all-day planning day breaks it',
      [allDay('2026-03-02', '2026-03-03', 'organisational-planning'), timed('2026-03-02 17:00', '17:30', 'operational', true)],
      false,
    ],
    [
      'a talent review inside the planning day is planning too',
      [timed('2026-03-02 09:00', '16:00', 'organisational-planning', false), timed('2026-03-02 10:00', '11:00', 'organisational-planning', true)],
      true,
    ],
  ])('%s', (_name, instances, expected) => {
    expect(isProtected(instances)).toBe(expected);
  });

  test.each([
    ['an unanswered invitation', false, true],
    ['an accepted invitation', true, false],
  ])('%s overlapping the planning leaves the day protected: %s', (_name, isAccepted, expected) => {
    const instances = [timed('2026-03-02 08:00', '15:00', 'organisational-planning', false), timed('2026-03-02 11:00', '11:30', 'operational', true, isAccepted)];
    expect(isProtected(instances)).toBe(expected);
  });

  test('an all-day planning event counts as a full day even when the working day is set shorter than a planning day', () => {
    const days = minutesOn([allDay('2026-03-02', '2026-03-03', 'organisational-planning')], ['2026-03-02'], { workingDay: 300, planningDay: 360 }).days;
    expect(days[0]!.isProtectedPlanningDay).toBe(true);
  });

  test('an all-day planning event on a weekend is not a working day', () => {
    const saturday = minutesOn([allDay('2026-03-07', '2026-03-08', 'organisational-planning')], ['2026-03-07']).days[0]!;
    expect(saturday.isProtectedPlanningDay).toBe(false);
  });
});
