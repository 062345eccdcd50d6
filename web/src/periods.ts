/** The periods a user can pick: whole days in the leader's zone, both ends included. */
export type PeriodPreset = 'this-quarter' | 'last-quarter' | 'last-12-months' | 'custom';

export interface Period {
  from: string;
  to: string;
}

/** Today's date in a zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function periodFor(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const quarterStart = (y: number, q: number) => iso(Date.UTC(y, q * 3, 1));
  const quarterEnd = (y: number, q: number) => iso(Date.UTC(y, q * 3 + 3, 0));
  switch (preset) {
    case 'this-quarter':
      return { from: quarterStart(year, quarter), to: quarterEnd(year, quarter) };
    case 'last-quarter': {
      const [y, q] = quarter === 0 ? [year - 1, 3] : [year, quarter - 1];
      return { from: quarterStart(y, q), to: quarterEnd(y, q) };
    }
    case 'last-12-months': {
      // As the server counts it: the same day a year earlier (29 Feb -> 28 Feb), plus one.
      const month = Number(today.slice(5, 7)) - 1;
      const lastDay = new Date(Date.UTC(year - 1, month + 1, 0)).getUTCDate();
      const yearAgo = Date.UTC(year - 1, month, Math.min(Number(today.slice(8, 10)), lastDay));
      return { from: iso(yearAgo + 86_400_000), to: today };
    }
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
