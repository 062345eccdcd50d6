import type { ImportIssue } from './import-issue.ts';

/** What a file held that was not stored, by the code of the report entry that says why. */
export interface RejectedCount {
  total: number;
  reasons: Record<string, number>;
}

/**
 * The import's honest count: every entry of the file inside the import's reach is either an
 * occurrence that was stored (added, updated or unchanged) or rejected with a reason, so
 * `parsed = added + updated + unchanged + rejected.total`. Rejected entries are read off the
 * report (each entry that left something out says how much, in `dropped`), so a new way to drop
 * something cannot be counted without also being reported.
 */
export function countRejected(issues: readonly ImportIssue[]): RejectedCount {
  // A map without a prototype: codes come from our own constants, but counting under a key such
  // as "constructor" must never reach Object.prototype.
  const reasons: Record<string, number> = Object.create(null) as Record<string, number>;
  let total = 0;
  for (const entry of issues) {
    if (!entry.dropped) continue;
    reasons[entry.code] = (reasons[entry.code] ?? 0) + entry.dropped;
    total += entry.dropped;
  }
  return { total, reasons: { ...reasons } };
}
