import { describe, expect, test } from 'vitest';
import { csvCell, toCsv } from '../../server/domain/export/csv.ts';

describe('CSV cells', () => {
  test.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTabbed', "'\tTabbed"],
    ['\r=cmd', `"'\r=cmd"`],
    ['Plain, with a comma', '"Plain, with a comma"'],
    ['Line\nbreak', '"Line\nbreak"'],
    ['Straße', 'Straße'],
  ])('text %j is written as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test('numbers stay numbers, negative ones included; empty values are empty', () => {
    expect([csvCell(-3.5), csvCell(0), csvCell(null), csvCell(undefined), csvCell(Number.NaN), csvCell(true)]).toEqual(['-3.5', '0', '', '', '', 'true']);
  });

  test('a file has a BOM, a header and CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, '=x']])).toBe("\uFEFFa,b\r\n1,'=x\r\n");
  });
});
