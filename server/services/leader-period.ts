import type { Db } from '../db/open-database.ts';
import { expansionWindowFor, resolvePeriod } from '../domain/audit/resolve-period.ts';
import type { ExpansionWindow } from '../domain/ics/expand-events.ts';
import type { Period } from '../domain/metrics/summarise-period.ts';
import { assertZone, getLeader, type Leader } from './leaders.ts';
import { ServiceError } from './service-error.ts';

export interface PeriodOptions {
  from?: string | undefined;
  to?: string | undefined;
  timeZone?: string | undefined;
  nowMs: number;
}

/** A stored leader's period: their zone unless another is asked for, and the quarters it touches. */
export function resolveLeaderPeriod(db: Db, leaderId: number, options: PeriodOptions): { leader: Leader; period: Period; window: ExpansionWindow } {
  const leader = getLeader(db, leaderId);
  assertZone(options.timeZone); // an unknown zone would make Intl throw: a 500 instead of a 400
  const timeZone = options.timeZone ?? leader.timeZone;
  if (!timeZone) throw new ServiceError(404, 'no-data', `Nothing has been imported for ${leader.email} yet.`);
  const period = resolvePeriod(options, timeZone, options.nowMs);
  return { leader, period, window: expansionWindowFor(period) };
}
