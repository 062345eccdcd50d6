import { readdirSync, readFileSync } from 'node:fs';
import { calendar, event } from './ics-builder.ts';

/**
 * Small files that ask for enormous work: `count` series, each repeating by `rrule` across the
 * whole import window. Every series stays under the per-series cap (5,000), so only the number of
 * series multiplies the work: 1,000 daily series (160 KB) expand to about 1.5 million occurrences
 * in a default import window, which read in the server's own process took over 1 GB and 16 s.
 */
export function manySeriesCalendar(count: number, rrule: string): string {
  const blocks: string[] = [];
  for (let i = 0; i < count; i++) {
    blocks.push(event({ uid: `series-${i}@hostile.example`, start: '20230101T090000Z', end: '20230101T093000Z', rrule, summary: `Sync ${i}` }));
  }
  return calendar({ name: 'hostile' }, ...blocks);
}

/** Exhausts a reader's memory: 1,000 daily series. */
export const MEMORY_BOMB = () => manySeriesCalendar(1000, 'FREQ=DAILY');
/** Keeps a reader busy for seconds on a few kilobytes: the engine expands BYHOUR rules one by one. */
export const SLOW_SERIES = () => manySeriesCalendar(20, 'FREQ=DAILY;BYHOUR=9,10,11,12');

/** The child processes of this process that are calendar readers, with their state (Z: a zombie). */
export function readerChildren(): Array<{ pid: number; state: string }> {
  const found: Array<{ pid: number; state: string }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) !== process.pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if ((state === 'Z' && comm === 'node') || cmdline.includes('calendar-reader-child')) found.push({ pid: Number(entry), state: state! });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
