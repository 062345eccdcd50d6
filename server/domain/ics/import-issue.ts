/**
 * One entry of an import report. `error`: the record could not be used and is not imported.
 * `warning`: the record was imported under a stated assumption. `info`: something the user
 * should know about the file as a whole.
 */
export interface ImportIssue {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  uid?: string;
  line?: number;
  /**
   * Entries of the file this issue left out of the import: a refused VEVENT counts 1 (its
   * occurrences cannot be known), an occurrence dropped after expansion counts 1 each. The sum over
   * a report is its `rejected` count (see count-import.ts).
   */
  dropped?: number;
}

export function issue(
  severity: ImportIssue['severity'],
  code: string,
  message: string,
  where: { uid?: string | undefined; line?: number | undefined; dropped?: number | undefined } = {},
): ImportIssue {
  const entry: ImportIssue = { severity, code, message };
  if (where.uid !== undefined) entry.uid = where.uid;
  if (where.line !== undefined) entry.line = where.line;
  if (where.dropped !== undefined && where.dropped > 0) entry.dropped = where.dropped;
  return entry;
}
