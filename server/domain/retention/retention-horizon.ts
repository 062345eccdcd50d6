/** The most months a retention setting may name (100 years): beyond that it means "keep". */
export const MAX_RETENTION_MONTHS = 1200;

/**
 * The instant before which stored calendar data is purged: midnight UTC of the same calendar day
 * `months` months before `nowMs` (the last day of a shorter month when that day does not exist:
 * 31 May minus 3 months is 28 or 29 February). UTC rather than a leader's zone: one horizon for
 * the whole database, and at most a day's difference either way.
 */
export function retentionHorizon(nowMs: number, months: number): number {
  if (!Number.isInteger(months) || months < 1 || months > MAX_RETENTION_MONTHS) throw new RangeError(`months must be a whole number from 1 to ${MAX_RETENTION_MONTHS}`);
  const now = new Date(nowMs);
  const monthIndex = now.getUTCFullYear() * 12 + now.getUTCMonth() - months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay));
}
