/**
 * CSV for spreadsheets (RFC 4180, CRLF line ends, UTF-8 with a BOM so Excel reads accents).
 *
 * Formula injection: a cell that starts with =, +, -, @, a tab or a carriage return is run as a
 * formula by Excel, LibreOffice and Google Sheets, and calendar titles are written by anyone who
 * can send an invitation. Such text cells get a leading apostrophe, which every one of them shows
 * as text (OWASP's advice). Numbers are written as numbers, so a negative number stays a number.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
