/**
 * A stored row as the account export writes it: every column, instants as ISO-8601 in UTC instead
 * of epoch milliseconds (`createdAt`, `importedAt`; `startMs` becomes `start`), minus the columns
 * named in `omit` (secrets: hashes of passwords, tokens and invitation codes).
 */
export function toExportRow<T extends object>(row: T, omit: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (omit.includes(key)) continue;
    if (typeof value === 'number' && /[a-z]At$/.test(key)) out[key] = toIso(value);
    else if (typeof value === 'number' && /[a-z]Ms$/.test(key)) out[key.slice(0, -2)] = toIso(value);
    else if (value === null && /[a-z]Ms$/.test(key)) out[key.slice(0, -2)] = null;
    else out[key] = value;
  }
  return out;
}

function toIso(ms: number): string | number {
  const date = new Date(ms);
  // A value out of Date's range stays the number it is rather than failing the whole export.
  return Number.isNaN(date.getTime()) ? ms : date.toISOString();
}
