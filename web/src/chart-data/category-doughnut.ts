import { CATEGORY_COLOURS } from '../../../shared/category-colours.ts';
import { CATEGORY_INFO, COUNTED_IDS, type CountedId } from '../../../shared/taxonomy.ts';

export interface DoughnutData {
  labels: string[];
  datasets: Array<{ data: number[]; backgroundColor: string[]; borderWidth: number }>;
  /** The same figures as rows, for the table beside the chart. */
  rows: Array<{ id: CountedId; label: string; colour: string; hours: number; share: number }>;
}

/** The doughnut of the five categories plus unclassified, in hours, with the rows it shows. */
export function toCategoryDoughnut(minutes: Record<CountedId, number>, shares: Record<CountedId, number>): DoughnutData {
  const rows = COUNTED_IDS.map((id) => ({
    id,
    label: CATEGORY_INFO[id].label,
    colour: CATEGORY_COLOURS[id],
    hours: Math.round((minutes[id] / 60) * 10) / 10,
    share: shares[id],
  }));
  return {
    labels: rows.map((row) => row.label),
    datasets: [{ data: rows.map((row) => row.hours), backgroundColor: rows.map((row) => row.colour), borderWidth: 1 }],
    rows,
  };
}
