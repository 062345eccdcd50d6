import { describe, expect, test } from 'vitest';
import type { GrantStatus } from '../../shared/coaching.ts';
import { toClientFigures } from '../../server/domain/coaching/client-headline.ts';
import { coachWithdrawal, nextGrantStatus, type GrantAction } from '../../server/domain/coaching/grant-transitions.ts';
import { eventsCsvFileName, toEventsCsv } from '../../server/domain/export/events-csv.ts';
import { DEFAULT_COUNTING_SETTINGS } from '../../server/domain/metrics/counting-settings.ts';
import { summarisePeriod } from '../../server/domain/metrics/summarise-period.ts';

describe('grant transitions', () => {
  test.each<[GrantStatus, GrantAction, GrantStatus | null]>([
    ['invited', 'accept', 'active'],
    ['invited', 'decline', 'declined'],
    ['invited', 'revoke', 'revoked'],
    ['invited', 'end', null],
    ['active', 'accept', null],
    ['active', 'decline', null],
    ['active', 'revoke', 'revoked'],
    ['active', 'end', 'revoked'],
    ['declined', 'accept', null],
    ['declined', 'revoke', null],
    ['revoked', 'accept', null],
    ['revoked', 'revoke', null],
    ['revoked', 'end', null],
  ])('%s + %s -> %s', (status, action, expected) => {
    expect(nextGrantStatus(status, action)).toBe(expected);
  });

  test("a coach's withdrawal declines an invitation and ends an engagement", () => {
    expect(coachWithdrawal('invited')).toBe('decline');
    expect(coachWithdrawal('active')).toBe('end');
  });
});

describe("a client's headline", () => {
  const NOW = Date.parse('2026-03-20T12:00:00Z');
  const settings = { ...DEFAULT_COUNTING_SETTINGS, workingDayMinutes: 1440 };
  const block = (date: string, minutes: number, category: 'strategic' | 'operational') => {
    const ms = Date.parse(`${date}T08:00:00Z`);
    return { start: { kind: 'time' as const, ms, zone: 'UTC' }, end: { kind: 'time' as const, ms: ms + minutes * 60_000, zone: 'UTC' }, category, isMeeting: true, isAccepted: true };
  };

  test('takes the quarter and the 12 months from their own audits, with the targets', () => {
    const calendar = [block('2025-06-02', 600, 'strategic'), block('2026-02-02', 100, 'strategic'), block('2026-02-03', 900, 'operational')];
    const quarter = summarisePeriod(calendar, { from: '2026-01-01', to: '2026-03-31', timeZone: 'UTC' }, NOW, settings);
    const year = summarisePeriod(calendar, { from: '2025-03-21', to: '2026-03-20', timeZone: 'UTC' }, NOW, settings);
    const figures = toClientFigures(quarter, year, settings);
    expect(figures.quarter).toMatchObject({ quarter: '2026-Q1', countedMinutes: 1000, strategicMinutes: 100, strategicShare: 0.1, protectedDays: 0 });
    expect(figures.quarter.flags.map((f) => f.code)).toEqual(['low-strategic-share', 'missing-planning-days']);
    expect(figures.last12Months).toEqual({ from: '2025-03-21', to: '2026-03-20', countedMinutes: 1600, strategicShare: 700 / 1600, isLow: false });
    expect(figures.targets).toEqual({ strategicShareMin: 0.2, planningDaysPerQuarter: 3 });
  });

  test('no counted time in 12 months is no judgement', () => {
    const empty = summarisePeriod([], { from: '2025-03-21', to: '2026-03-20', timeZone: 'UTC' }, NOW, settings);
    expect(toClientFigures(empty, empty, settings).last12Months.isLow).toBe(false);
  });
});

describe('the events CSV', () => {
  test("writes the leader's wall clock, an all-day event's last day, labels, and neutralises formulas", () => {
    const csv = toEventsCsv(
      [
        { start: '2026-03-02T10:00:00+01:00', end: '2026-03-02T10:45:00+01:00', allDay: false, title: '=1+1', location: '@home', category: 'developmental', reason: 'rule', exclusionReason: null, countedMinutes: 45 },
        { start: '2026-03-06', end: '2026-03-07', allDay: true, title: 'Planning day', location: '', category: 'organisational-planning', reason: 'rule', exclusionReason: null, countedMinutes: 480 },
        { start: '2026-03-09T11:00:00+01:00', end: '2026-03-09T12:00:00+01:00', allDay: false, title: 'Budget', location: '', category: 'excluded', reason: 'declined', exclusionReason: 'declined', countedMinutes: 0 },
      ],
      'Europe/Berlin',
    );
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFstart (Europe/Berlin),end (Europe/Berlin),all day,title,location,category,reason,exclusion reason,minutes counted',
      "2026-03-02 10:00,2026-03-02 10:45,false,'=1+1,'@home,Developmental,rule,,45",
      '2026-03-06,2026-03-06,true,Planning day,,Organisational planning,rule,,480',
      '2026-03-09 11:00,2026-03-09 12:00,false,Budget,,Excluded,declined,declined by the leader,0',
      '',
    ]);
  });

  test.each([
    ['Sam Lee', 'altitude-events-sam-lee-2026-01-01-to-2026-03-31.csv'],
    ['sam.lee@acme.example', 'altitude-events-sam-lee-2026-01-01-to-2026-03-31.csv'],
    ['Zoë Ørsted-Müller', 'altitude-events-zoe-rsted-muller-2026-01-01-to-2026-03-31.csv'],
    ['"; rm -rf /', 'altitude-events-rm-rf-2026-01-01-to-2026-03-31.csv'],
    ['李雷', 'altitude-events-leader-2026-01-01-to-2026-03-31.csv'],
  ])('%j downloads as %s', (who, name) => {
    expect(eventsCsvFileName(who, { from: '2026-01-01', to: '2026-03-31' })).toBe(name);
  });
});
