/** One iCalendar property as written in the file, after unfolding. */
export interface RawProperty {
  name: string;
  /** Parameter names upper-cased; quotes removed from values. */
  params: Record<string, string>;
  value: string;
  /** 1-based line of the file where the property starts. */
  line: number;
}

/**
 * Splits `NAME;PARAM=a;PARAM="b:c":value`. Quoted parameter values may hold `:` and `;`, which
 * is why this is not a split on the first colon. Returns null for a line that is not a property.
 */
export function parseContentLine(text: string, line: number): RawProperty | null {
  let i = 0;
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  if (i === 0) return null;
  const name = text.slice(0, i).toUpperCase();
  const params: Record<string, string> = Object.create(null);

  while (text[i] === ';') {
    const eq = text.indexOf('=', i);
    if (eq < 0) return null;
    const paramName = text.slice(i + 1, eq).trim().toUpperCase();
    i = eq + 1;
    let value = '';
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) return null;
      value = text.slice(i + 1, close);
      i = close + 1;
      // Unquoted continuation after a quoted part (seen in the wild: TZID="A"B) is kept verbatim.
      while (i < text.length && text[i] !== ';' && text[i] !== ':') value += text[i++];
    } else {
      const start = i;
      while (i < text.length && text[i] !== ';' && text[i] !== ':') i++;
      value = text.slice(start, i);
    }
    if (paramName) params[paramName] = value;
    // Some Outlook exports put the value inside the quotes: TZID="W. Europe Standard Time:20200609T090000".
    // Nothing follows the closing quote, so the value is what comes after the quoted part's last colon.
    if (i >= text.length && value.includes(':')) {
      const colon = value.lastIndexOf(':');
      params[paramName] = value.slice(0, colon);
      return { name, params, value: value.slice(colon + 1), line };
    }
  }

  if (text[i] !== ':') return null;
  return { name, params, value: text.slice(i + 1), line };
}

function isNameChar(code: number): boolean {
  return (
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    (code >= 48 && code <= 57) || // 0-9
    code === 45 || // -
    code === 46 // . (vCard-style group prefixes such as GROUP1.X-TEST)
  );
}
