/** Response shapes of a leader's calendars (sources), shared by server and web. */

/** The counts one import left, as its report gives them. */
export interface ImportCountsView {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Entries the file yielded inside the window: parsed = added + updated + unchanged + rejected.total (null: imported before this was counted). */
  parsed: number | null;
  /** Entries not stored, by the code of the report entry that says why. */
  rejected: { total: number; reasons: Record<string, number> } | null;
}

export interface LastImportView extends ImportCountsView {
  id: number;
  fileName: string | null;
  importedAt: string;
  window: { from: string; to: string };
  /** Occurrences the file held inside its window. */
  instances: number;
  /** Problems, assumptions and notes in its report. */
  issues: number;
}

/** One of a leader's calendars, with what removing it would take away. */
export interface SourceView {
  id: number;
  name: string;
  createdAt: string;
  /** Events stored from this calendar. */
  events: number;
  /** Of those, events another calendar of the leader also holds: they stay counted after a removal. */
  alsoElsewhere: number;
  /** First and last day its stored events touch, in the leader's zone; null when it holds none. */
  covered: { from: string; to: string } | null;
  imports: number;
  lastImport: LastImportView | null;
  /** Manual decisions on events held by this calendar alone: a removal keeps them (by UID) for a later re-import. */
  keptDecisions: number;
}

/** What removing a calendar took away. */
export interface RemovedSourceView {
  id: number;
  name: string;
  events: number;
  /** Events that left the figures: those no other calendar holds. */
  uncounted: number;
  imports: number;
  keptDecisions: number;
}
