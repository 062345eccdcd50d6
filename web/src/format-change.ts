import { hours } from './format.ts';

/** A signed change between two periods: "+1.5 h", "−2.0 h"; one that shows as zero is "±0.0". */
function signed(value: number, magnitude: string): string {
  if (/^0\.0\b/.test(magnitude)) return `±${magnitude}`;
  return value > 0 ? `+${magnitude}` : `−${magnitude}`;
}

export function hoursChange(minutes: number): string {
  return signed(minutes, hours(Math.abs(minutes)));
}

/** Percentage points: "+4.2 pts". */
export function pointsChange(points: number): string {
  return signed(points, `${Math.abs(points).toFixed(1)} pts`);
}
