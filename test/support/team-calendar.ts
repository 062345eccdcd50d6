import { calendar, event } from './ics-builder.ts';

/**
 * A leader's quarter in a few lines, for cohort tests: one-hour strategy sessions and ops status
 * updates on the weekdays after `quarterStart`, and all-day planning days from the 40th weekday
 * on. Titles the default rules place without doubt; no attendees (solo blocks).
 */
export function teamCalendar(uidPrefix: string, quarterStart: string, strategic: number, operational: number, planningDays: number, extra: string[] = []): string {
  const blocks: string[] = [];
  const weekday = (n: number) => {
    const date = new Date(`${quarterStart}T00:00:00Z`);
    let added = 0;
    while (added < n) {
      date.setUTCDate(date.getUTCDate() + 1);
      if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) added++;
    }
    return date;
  };
  const compact = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, '');
  for (let i = 0; i < strategic; i++) {
    const day = compact(weekday(i));
    blocks.push(event({ uid: `${uidPrefix}-s${i}`, summary: 'Strategy session: 2027 priorities', start: `${day}T09:00:00Z`, end: `${day}T10:00:00Z` }));
  }
  for (let i = 0; i < operational; i++) {
    const day = compact(weekday(i));
    blocks.push(event({ uid: `${uidPrefix}-o${i}`, summary: 'Weekly ops status update', start: `${day}T11:00:00Z`, end: `${day}T12:00:00Z` }));
  }
  for (let i = 0; i < planningDays; i++) {
    const date = weekday(40 + i);
    const next = new Date(date.getTime() + 86_400_000);
    blocks.push(event({ uid: `${uidPrefix}-p${i}`, summary: 'Planning day', start: `;VALUE=DATE:${compact(date)}`, end: `;VALUE=DATE:${compact(next)}` }));
  }
  blocks.push(...extra);
  return calendar({ timeZone: 'Europe/Berlin' }, ...blocks);
}
