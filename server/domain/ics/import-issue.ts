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
}

export function issue(
  severity: ImportIssue['severity'],
  code: string,
  message: string,
  where: { uid?: string | undefined; line?: number | undefined } = {},
): ImportIssue {
  const entry: ImportIssue = { severity, code, message };
  if (where.uid !== undefined) entry.uid = where.uid;
  if (where.line !== undefined) entry.line = where.line;
  return entry;
}
