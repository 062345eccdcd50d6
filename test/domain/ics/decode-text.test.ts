import { describe, expect, test } from 'vitest';
import { decodeCalendarBytes } from '../../../server/domain/ics/decode-text.ts';
import { ImportRejected, type RejectionCode } from '../../../server/domain/ics/import-rejected.ts';
import { calendar, event } from '../../support/ics-builder.ts';

// Non-ASCII on purpose: a wrong decoding shows up as mangled umlauts, not just a failure.
const TEXT = calendar(event({ uid: 'a', summary: 'Übergabe Strategie – München', start: '20240102T090000Z' }));

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
/** UTF-16BE is UTF-16LE with each pair of bytes swapped. */
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16());
const withPrefix = (prefix: number[], bytes: Uint8Array) => new Uint8Array([...prefix, ...bytes]);

function rejectionOf(run: () => unknown): { code: RejectionCode; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportRejected) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('decodeCalendarBytes', () => {
  test.each([
    ['UTF-8 without BOM', utf8(TEXT)],
    ['UTF-8 with BOM', withPrefix([0xef, 0xbb, 0xbf], utf8(TEXT))],
    ['UTF-16LE with BOM', withPrefix([0xff, 0xfe], utf16le(TEXT))],
    ['UTF-16BE with BOM', withPrefix([0xfe, 0xff], utf16be(TEXT))],
    ['UTF-16LE without BOM', utf16le(TEXT)],
    ['UTF-16BE without BOM', utf16be(TEXT)],
  ])('%s decodes to the same text, without a BOM character', (_name, bytes) => {
    const text = decodeCalendarBytes(bytes);
    expect(text).toBe(TEXT);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).toContain('Übergabe Strategie – München');
  });

  test.each([
    ['NUL bytes inside UTF-8 text', utf8('BEGIN:VCALENDAR\r\n\u0000\u0000\u0000\r\nEND:VCALENDAR\r\n')],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])],
    ['a ZIP archive (an .xlsx)', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00])],
    ['only NUL bytes', new Uint8Array(16)],
    ['a UTF-16 BOM followed by an odd number of bytes', new Uint8Array([0xff, 0xfe, 0x42, 0x00, 0x45])],
  ])('%s is refused as not-a-calendar', (_name, bytes) => {
    expect(rejectionOf(() => decodeCalendarBytes(bytes)).code).toBe('not-a-calendar');
  });

  test('tabs, CR and LF are text, not binary', () => {
    const text = 'BEGIN:VCALENDAR\r\nX-NOTE:a\tb\rc\nEND:VCALENDAR\r\n';
    expect(decodeCalendarBytes(utf8(text))).toBe(text);
  });

  test('an empty file is refused as empty-file', () => {
    const rejection = rejectionOf(() => decodeCalendarBytes(new Uint8Array(0)));
    expect(rejection).toEqual({ code: 'empty-file', message: 'The file is empty.' });
  });

  test.each([
    ['a BOM alone', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['blank lines', utf8('\r\n\r\n  \n')],
  ])('%s is refused as empty-file, not as a wrong kind of file', (_name, bytes) => {
    expect(rejectionOf(() => decodeCalendarBytes(bytes)).code).toBe('empty-file');
  });

  describe('size limit', () => {
    const bytesOf = (length: number) => utf8('BEGIN:VCALENDAR\r\n'.padEnd(length, 'X'));

    test.each([99, 100])('%i bytes are accepted under a limit of 100', (length) => {
      const bytes = bytesOf(length);
      expect(bytes.byteLength).toBe(length);
      expect(decodeCalendarBytes(bytes, 100)).toHaveLength(length);
    });

    test.each([101, 5000])('%i bytes are refused as file-too-large under a limit of 100', (length) => {
      expect(rejectionOf(() => decodeCalendarBytes(bytesOf(length), 100)).code).toBe('file-too-large');
    });

    test('the size is checked before the content, so a huge binary file is refused as too large', () => {
      expect(rejectionOf(() => decodeCalendarBytes(new Uint8Array(200), 100)).code).toBe('file-too-large');
    });

    test('the refusal names both sizes in megabytes', () => {
      const limit = 1024 * 1024;
      const message = rejectionOf(() => decodeCalendarBytes(new Uint8Array(3 * limit), limit)).message;
      expect(message).toBe('The file is 3.0 MB; calendars larger than 1.0 MB are refused.');
    });
  });
});
