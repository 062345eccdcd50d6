/** An RFC 5545 DURATION: whole days (calendar days) plus an exact time part. */
export interface Duration {
  days: number;
  ms: number;
}

const UNIT_MS: Record<string, number> = { H: 3_600_000, M: 60_000, S: 1000 };

/**
 * Reads `P1W`, `P1DT2H`, `-PT15M`. Also accepts what real exporters write beyond the RFC
 * (`PT1W`, several units after one T); rejects anything else, including a bare `P`.
 */
export function readDuration(value: string): Duration | null {
  const match = /^([+-])?P(.+)$/i.exec(value.trim());
  if (!match) return null;
  const factor = match[1] === '-' ? -1 : 1;
  let rest = match[2]!.toUpperCase();
  let isTimePart = false;
  let days = 0;
  let ms = 0;
  let hasUnit = false;
  while (rest.length > 0) {
    if (rest.startsWith('T')) {
      isTimePart = true;
      rest = rest.slice(1);
      continue;
    }
    const token = /^(\d{1,9})([WDHMS])/.exec(rest);
    if (!token) return null;
    const amount = Number(token[1]);
    const unit = token[2]!;
    if (unit === 'W') days += amount * 7;
    else if (unit === 'D') days += amount;
    else if (!isTimePart) return null; // "P1M" would be months, which iCalendar has not
    else ms += amount * UNIT_MS[unit]!;
    hasUnit = true;
    rest = rest.slice(token[0].length);
  }
  return hasUnit ? { days: factor * days, ms: factor * ms } : null;
}
