import { ImportRejected } from './import-rejected.ts';

/** Files larger than this are refused before any parsing (documented in the README). */
export const MAX_CALENDAR_BYTES = 20 * 1024 * 1024;

/**
 * Turns the bytes of an upload into text. Calendar exports come as UTF-8 with or without a BOM,
 * and Outlook on Windows sometimes writes UTF-16 (with a BOM, or without one but with the
 * tell-tale zero bytes). Anything with control bytes in it is not a calendar.
 */
export function decodeCalendarBytes(bytes: Uint8Array, maxBytes = MAX_CALENDAR_BYTES): string {
  return decodeCalendar(bytes, maxBytes).text;
}

export type CalendarEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * As decodeCalendarBytes, and says which encoding was read. Bytes that are not valid UTF-8 come
 * from older Windows exporters writing Windows-1252; reading them as such keeps "Café" a word.
 */
export function decodeCalendar(bytes: Uint8Array, maxBytes = MAX_CALENDAR_BYTES): { text: string; encoding: CalendarEncoding } {
  if (bytes.byteLength > maxBytes) {
    throw new ImportRejected(
      'file-too-large',
      `The file is ${formatMegabytes(bytes.byteLength)}; calendars larger than ${formatMegabytes(maxBytes)} are refused.`,
    );
  }
  if (bytes.byteLength === 0) throw new ImportRejected('empty-file', 'The file is empty.');
  rejectBinaryFile(bytes);

  let encoding: CalendarEncoding = detectEncoding(bytes);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    if (encoding !== 'utf-8') throw new ImportRejected('not-a-calendar', `The file claims to be ${encoding} but is not valid ${encoding}.`);
    encoding = 'windows-1252';
    text = new TextDecoder(encoding).decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ImportRejected('empty-file', 'The file holds no text.');
  if (hasBinaryControlCharacters(text)) {
    throw new ImportRejected('not-a-calendar', 'The file is binary, not an iCalendar (.ics) text file.');
  }
  return { text, encoding };
}

/** Refuses a file whose first bytes say it is a common binary format, naming the format. */
export function rejectBinaryFile(bytes: Uint8Array): void {
  const kind = recogniseBinaryFile(bytes);
  if (kind) throw new ImportRejected('not-a-calendar', `The file is ${kind}, not an iCalendar (.ics) text file. Export the calendar as .ics and send that file itself.`);
}

/**
 * What a file is, from its first bytes, when it is a common binary format: the name and the
 * Content-Type of an upload say what the sender believes, the bytes what it is. Null otherwise.
 */
export function recogniseBinaryFile(bytes: Uint8Array): string | null {
  const startsWith = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0x50, 0x4b, 0x05, 0x06)) return 'a ZIP archive (or an Office document)';
  if (startsWith(0x1f, 0x8b)) return 'gzip-compressed';
  if (startsWith(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'a PDF document';
  if (startsWith(0x89, 0x50, 0x4e, 0x47)) return 'a PNG image';
  if (startsWith(0xff, 0xd8, 0xff)) return 'a JPEG image';
  if (startsWith(0x47, 0x49, 0x46, 0x38)) return 'a GIF image';
  if (startsWith(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return 'a 7-Zip archive';
  if (startsWith(0x52, 0x61, 0x72, 0x21)) return 'a RAR archive';
  if (startsWith(0x7f, 0x45, 0x4c, 0x46)) return 'a program (ELF)';
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0)) return 'an old-style Office document (or an Outlook .msg)';
  return null;
}

function detectEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  const [b0, b1] = [bytes[0], bytes[1]];
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  // BOM-less UTF-16: "BEGIN" written as B\0E\0... (LE) or \0B\0E... (BE).
  if (bytes.byteLength >= 4 && b0 !== 0 && b1 === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le';
  if (bytes.byteLength >= 4 && b0 === 0 && b1 !== 0 && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be';
  return 'utf-8';
}

// Tab, LF and CR are legal; any other C0 control (NUL above all) means binary content.
function hasBinaryControlCharacters(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(sample);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
