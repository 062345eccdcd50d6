/** Numbers as people read them: hours with one decimal, shares as percentages. */
export function hours(minutes: number): string {
  return `${(minutes / 60).toFixed(1)} h`;
}

export function percent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "3 Mar 2026" for a YYYY-MM-DD date. */
export function longDate(date: string): string {
  return dateFormat.format(new Date(`${date}T00:00:00Z`));
}

export function dayMonth(date: string): string {
  return shortDate.format(new Date(`${date}T00:00:00Z`));
}

/** An event's time as written in the leader's zone: "Tue 3 Mar, 09:00–10:00" or "Tue 3 Mar (all day)". */
export function eventWhen(start: string, end: string, allDay: boolean): string {
  const weekday = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });
  const day = start.slice(0, 10);
  const label = `${weekday(day)} ${dayMonth(day)} ${day.slice(0, 4)}`;
  if (allDay) {
    const last = new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    return last === day ? `${label} (all day)` : `${label} – ${weekday(last)} ${dayMonth(last)} (all day)`;
  }
  const endDay = end.slice(0, 10);
  const time = (iso: string) => iso.slice(11, 16);
  return endDay === day ? `${label}, ${time(start)}–${time(end)}` : `${label}, ${time(start)} – ${dayMonth(endDay)} ${time(end)}`;
}

/** "1 event", "3 events": counts in sentences read as English, not "1 event(s)". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? word : pluralWord}`;
}
