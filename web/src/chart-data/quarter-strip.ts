export interface QuarterCell {
  state: 'held' | 'scheduled' | 'missing';
  date: string | null;
}

export interface QuarterStripRow {
  quarter: string;
  cells: QuarterCell[];
  /** "2 held, 1 scheduled of 3". */
  summary: string;
  meetsTarget: boolean;
}

/**
 * One row per quarter: a cell for each protected planning day, held ones first, then the
 * scheduled ones, then empty cells up to the target; more days than the target add cells.
 */
export function toQuarterStrip(
  planning: ReadonlyArray<{ quarter: string; heldDays: number; scheduledDays: number; dates: string[] }>,
  target: number,
): QuarterStripRow[] {
  return planning.map((quarter) => {
    const cells: QuarterCell[] = quarter.dates.map((date, index) => ({ state: index < quarter.heldDays ? 'held' : 'scheduled', date }));
    while (cells.length < target) cells.push({ state: 'missing', date: null });
    const total = quarter.heldDays + quarter.scheduledDays;
    return {
      quarter: quarter.quarter,
      cells,
      summary: `${quarter.heldDays} held, ${quarter.scheduledDays} scheduled of ${target}`,
      meetsTarget: total >= target,
    };
  });
}
