import { CATEGORY_COLOURS } from '../../../shared/category-colours.ts';
import { CATEGORY_INFO, COUNTED_IDS, type CountedId } from '../../../shared/taxonomy.ts';

export interface WeeklyBarsData {
  labels: string[];
  datasets: Array<
    | { type: 'bar'; label: string; data: number[]; backgroundColor: string; stack: 'hours' }
    | { type: 'line'; label: string; data: number[]; borderColor: string; borderDash: number[]; pointRadius: number; fill: false }
  >;
}

/**
 * Hours per category per week, stacked, with the strategic target drawn as a line: the hours
 * that would be `threshold` (20%) of each week's counted time. A week whose blue strategic
 * segment stays under the line is under the target.
 */
export function toWeeklyBars(weeks: ReadonlyArray<{ weekStart: string; minutes: Record<CountedId, number> }>, threshold: number): WeeklyBarsData {
  const labels = weeks.map((week) => week.weekStart);
  const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
  // Strategic at the bottom of each stack, so its height can be read against the target line.
  const order: CountedId[] = ['strategic', ...COUNTED_IDS.filter((id) => id !== 'strategic')];
  const bars = order.map((id) => ({
    type: 'bar' as const,
    label: CATEGORY_INFO[id].label,
    data: weeks.map((week) => hoursOf(week.minutes[id])),
    backgroundColor: CATEGORY_COLOURS[id],
    stack: 'hours' as const,
  }));
  const target = {
    type: 'line' as const,
    label: `${Math.round(threshold * 100)}% of the week's time (strategic target)`,
    data: weeks.map((week) => hoursOf(COUNTED_IDS.reduce((sum, id) => sum + week.minutes[id], 0) * threshold)),
    borderColor: '#1d2330',
    borderDash: [6, 4],
    pointRadius: 0,
    fill: false as const,
  };
  return { labels, datasets: [...bars, target] };
}
