// One local day in five-minute slots, counting how many accepted entries hold each slot, so
// the planner can find free time and knows where it creates a double booking on purpose.

const SLOT_MINUTES = 5;
const SLOTS_PER_DAY = 1440 / SLOT_MINUTES;

export const WORKDAY_START = 8 * 60;
export const WORKDAY_END = 18 * 60 + 30;
export const LUNCH_START = 12 * 60;
export const LUNCH_END = 13 * 60;

export type DayGrid = Uint8Array;

export function createDayGrid(): DayGrid {
  return new Uint8Array(SLOTS_PER_DAY);
}

function toSlotRange(start: number, end: number): [number, number] {
  return [Math.max(0, Math.floor(start / SLOT_MINUTES)), Math.min(SLOTS_PER_DAY, Math.ceil(end / SLOT_MINUTES))];
}

export function markBusy(grid: DayGrid, start: number, end: number): void {
  const [first, last] = toSlotRange(start, end);
  for (let slot = first; slot < last; slot += 1) grid[slot] = (grid[slot] ?? 0) + 1;
}

export function isFree(grid: DayGrid, start: number, end: number): boolean {
  const [first, last] = toSlotRange(start, end);
  for (let slot = first; slot < last; slot += 1) if ((grid[slot] ?? 0) > 0) return false;
  return true;
}


/** Start minutes on a `step` grid where `duration` fits entirely in free time within [from, to). */
export function findFreeStarts(grid: DayGrid, duration: number, from: number, to: number, step = 15): number[] {
  const starts: number[] = [];
  const firstStart = Math.ceil(from / step) * step;
  for (let start = firstStart; start + duration <= to; start += step) {
    if (isFree(grid, start, start + duration)) starts.push(start);
  }
  return starts;
}
