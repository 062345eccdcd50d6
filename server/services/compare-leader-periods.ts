import type { Comparison } from '../../shared/coaching.ts';
import type { Db } from '../db/open-database.ts';
import { InvalidPeriod } from '../domain/audit/resolve-period.ts';
import { comparePeriods } from '../domain/metrics/compare-periods.ts';
import { buildLeaderReport } from './leader-report.ts';
import { ServiceError } from './service-error.ts';

export interface PeriodPair {
  a: { from: string; to: string };
  b: { from: string; to: string };
  timeZone?: string | undefined;
  nowMs: number;
}

/** Two periods of a leader's audit side by side: each is the same audit the summary gives. */
export function compareLeaderPeriods(db: Db, leaderId: number, pair: PeriodPair): Comparison {
  const report = (name: 'A' | 'B', period: { from: string; to: string }) => {
    try {
      return buildLeaderReport(db, leaderId, { ...period, timeZone: pair.timeZone, nowMs: pair.nowMs });
    } catch (error) {
      // Say which of the two periods is wrong: "from" alone would leave the user guessing.
      if (error instanceof InvalidPeriod) throw new ServiceError(400, 'invalid-period', `Period ${name}: ${error.message}.`);
      throw error;
    }
  };
  return comparePeriods(report('A', pair.a), report('B', pair.b));
}
