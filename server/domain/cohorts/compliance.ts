import type { CoachingStatus, ComplianceRowView, ComplianceSort, ComplianceSortKey } from '../../../shared/cohorts-api.ts';
import { dateOfMs, quarterOf } from '../metrics/calendar-days.ts';
import type { CountingSettings } from '../metrics/counting-settings.ts';
import { flagLowStrategicShare, flagMissingPlanningDays } from '../metrics/flags.ts';
import type { QuarterFigures } from './quarter-figures.ts';

/** One consenting member and their stored figures for one quarter (null: none stored). */
export interface MemberQuarter {
  memberId: number;
  leaderId: number;
  name: string | null;
  email: string;
  settings: CountingSettings;
  figures: QuarterFigures | null;
}

/** A row of HR's compliance table: the API's shape, built here. */
export type ComplianceRow = ComplianceRowView;
/**
 * A row as the member's stored figures give it, before the coaching column. Kept apart because
 * the figures change only with an import (and are cached on that), while whether a member shares
 * their coaching status, and what it is, can change on any request.
 */
export type FiguresRow = Omit<ComplianceRow, 'coaching'>;
export type { CoachingStatus, ComplianceSort };

/**
 * The member's row for `quarter`. Held planning days are the stored dates before today in the
 * leader's zone, the rest are scheduled; the flags are the leader's own (same functions, same
 * settings, quarters before the calendar's first day not judged), so HR and the leader read the
 * same verdict.
 */
export function toComplianceRow(member: MemberQuarter, quarter: string, nowMs: number): FiguresRow {
  const { figures, settings } = member;
  const base = {
    memberId: member.memberId,
    name: member.name,
    email: member.email,
    quarter,
    planningTarget: settings.planningDaysPerQuarter,
    strategicTarget: settings.strategicShareMin,
    dataStart: figures?.dataStart ?? null,
  };
  if (!figures || figures.countedMinutes <= 0) {
    return { ...base, hasData: false, strategicShare: null, countedHours: null, planningHeld: null, planningScheduled: null, talentReviews: null, flags: [] };
  }
  const today = dateOfMs(nowMs, figures.timeZone);
  const held = figures.planningDates.filter((date) => date < today).length;
  const planning = { quarter, protectedDays: figures.planningDates.length, heldDays: held, scheduledDays: figures.planningDates.length - held, dates: figures.planningDates };
  const flags: FiguresRow['flags'] = [];
  const low = flagLowStrategicShare(figures.minutes.strategic, figures.countedMinutes, settings, figures.minutes.unclassified);
  if (low) flags.push({ code: low.code, message: low.message });
  for (const flag of flagMissingPlanningDays([planning], settings, quarterOf(today), figures.dataStart)) flags.push({ code: flag.code, message: flag.message });
  return {
    ...base,
    hasData: true,
    strategicShare: figures.minutes.strategic / figures.countedMinutes,
    countedHours: Math.round((figures.countedMinutes / 60) * 10) / 10,
    planningHeld: held,
    planningScheduled: planning.scheduledDays,
    talentReviews: figures.talentEvents,
    flags,
  };
}

/**
 * The coaching column: known only for a member who shares it (and then HR may read it person by
 * person, which is what lets the diagnostic count it).
 */
export function coachingStatus(shares: boolean, hasActiveCoach: boolean): CoachingStatus {
  if (!shares) return 'not-shared';
  return hasActiveCoach ? 'coached' : 'not-coached';
}

export function withCoaching(row: FiguresRow, coaching: CoachingStatus): ComplianceRow {
  return { ...row, coaching };
}

const SORT_VALUE: Record<ComplianceSortKey, (row: FiguresRow) => string | number | null> = {
  name: (row) => (row.name ?? row.email).toLocaleLowerCase('en'),
  email: (row) => row.email,
  'strategic-share': (row) => row.strategicShare,
  'counted-hours': (row) => row.countedHours,
  'planning-days': (row) => (row.hasData ? row.planningHeld! + row.planningScheduled! : null),
  'talent-reviews': (row) => row.talentReviews,
  flags: (row) => (row.hasData ? row.flags.length : null),
};

/** Sorted by the key; members without data last in either direction; ties by e-mail, so the order never varies. */
export function sortComplianceRows<Row extends FiguresRow>(rows: readonly Row[], sort: ComplianceSort): Row[] {
  const descending = sort.startsWith('-');
  const value = SORT_VALUE[(descending ? sort.slice(1) : sort) as ComplianceSortKey];
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
      return a.email.localeCompare(b.email);
    }
    const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return (descending ? -order : order) || a.email.localeCompare(b.email);
  });
}

export function isFlagged(row: FiguresRow): boolean {
  return row.flags.length > 0;
}

/**
 * What the cohort charts need of a member's quarter, without the row's dates and messages (the
 * charts read eight quarters of hundreds of members). Agrees with `toComplianceRow`: a stored
 * quarter never ends before the calendar's first day, so "meets the planning target" is "has at
 * least the target of protected days, held and scheduled", which is when that row has no
 * missing-planning-days flag; the tests hold the two to each other.
 */
export function toQuarterStanding(member: MemberQuarter): { strategicShare: number | null; meetsPlanningTarget: boolean } {
  const { figures } = member;
  if (!figures || figures.countedMinutes <= 0) return { strategicShare: null, meetsPlanningTarget: false };
  return {
    strategicShare: figures.minutes.strategic / figures.countedMinutes,
    meetsPlanningTarget: figures.planningDates.length >= member.settings.planningDaysPerQuarter,
  };
}
