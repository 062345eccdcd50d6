import { CATEGORY_COLOURS } from '../../../shared/category-colours.ts';
import type { ComparedCategory } from '../../../shared/coaching.ts';
import { CATEGORY_INFO } from '../../../shared/taxonomy.ts';

export interface CompareBarsData {
  labels: string[];
  datasets: Array<{ label: string; data: number[]; backgroundColor: string[]; borderColor: string[]; borderWidth: number }>;
}

/**
 * Share of counted time per category, period A beside period B. Shares, not hours: two periods
 * of different lengths compare fairly. A is the pale bar with the category's outline, B the solid
 * one, so a pair reads without a legend of its own; the table beside has the hours.
 */
export function toCompareBars(categories: readonly ComparedCategory[], labelA: string, labelB: string): CompareBarsData {
  const colours = categories.map((c) => CATEGORY_COLOURS[c.id]);
  const percent = (share: number) => Math.round(share * 1000) / 10;
  return {
    labels: categories.map((c) => CATEGORY_INFO[c.id].label),
    datasets: [
      { label: labelA, data: categories.map((c) => percent(c.a.share)), backgroundColor: colours.map((colour) => `${colour}4D`), borderColor: colours, borderWidth: 2 },
      { label: labelB, data: categories.map((c) => percent(c.b.share)), backgroundColor: colours, borderColor: colours, borderWidth: 2 },
    ],
  };
}
