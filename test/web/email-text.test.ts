import { describe, expect, test } from 'vitest';
import { emailParts } from '../../web/src/email-text.ts';

describe('where an e-mail address may wrap', () => {
  test.each([
    ['ana.ruiz@northwind.example', ['ana', '.ruiz@', 'northwind', '.example']],
    ['leader0@northwind.example', ['leader0@', 'northwind', '.example']],
    ['maximiliane.oberhauser-lindqvist@northwind-industries.example', ['maximiliane', '.oberhauser-lindqvist@', 'northwind-industries', '.example']],
    ['no-at-sign', ['no-at-sign']],
    ['', []],
  ])('%s wraps only after "@" and before dots: %j', (email, parts) => {
    expect(emailParts(email)).toEqual(parts);
    // Nothing is lost or added: the pieces are the address.
    expect(emailParts(email).join('')).toBe(email);
  });
});
