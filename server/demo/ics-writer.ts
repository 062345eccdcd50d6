// RFC 5545 serialisation: content lines, TEXT escaping, parameter quoting, line folding.

export type IcsParams = readonly (readonly [string, string])[];

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** TEXT values escape backslash first, so the escapes added after it are not doubled. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Parameter values cannot hold DQUOTE at all; they must be quoted when they hold : ; or ,. */
export function formatParamValue(value: string): string {
  const cleaned = value.replace(/"/g, "'");
  return /[:;,]/.test(cleaned) ? `"${cleaned}"` : cleaned;
}

/** One unfolded content line; `value` must already be in its final (escaped) form. */
export function formatContentLine(name: string, value: string, params: IcsParams = []): string {
  const paramText = params.map(([key, paramValue]) => `;${key}=${formatParamValue(paramValue)}`).join('');
  return `${name}${paramText}:${value}`;
}

export function formatTextLine(name: string, value: string, params: IcsParams = []): string {
  return formatContentLine(name, escapeText(value), params);
}

/**
 * Folds at 75 octets. Cuts only between code points, so a multi-byte UTF-8 character is never
 * split across lines (a naive byte split turns 'ü' into two invalid halves).
 */
export function foldContentLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  // The first line holds 75 octets; continuation lines start with a space, leaving 74.
  let limit = MAX_LINE_OCTETS;
  for (const character of line) {
    const octets = utf8Octets(character.codePointAt(0)!);
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = '';
      currentOctets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += character;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** Octets of one code point in UTF-8 (a lone surrogate becomes U+FFFD: 3), without encoding it:
 * encoding each character was most of the time a year's calendar took to generate. */
function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

export function serialiseContentLines(lines: readonly string[]): string {
  return lines.map(foldContentLine).join(CRLF) + CRLF;
}
