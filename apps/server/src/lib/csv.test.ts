import { describe, expect, it } from 'vitest';
import { csvDecimal, csvField, writeCsv } from './csv.js';

describe('csvField', () => {
  it('leaves plain text and numbers as they are, and writes null as an empty cell', () => {
    expect(csvField('Prevención')).toBe('Prevención');
    expect(csvField(12)).toBe('12');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('quotes fields holding a quote, a comma, CR or LF, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it.each(['=SUM(A1)', '+1', '-1', '@cmd', '\tx', '\rx'])(
    'prefixes %j with an apostrophe so spreadsheets never run it as a formula',
    (cell) => {
      expect(csvField(cell).replace(/^"/, '').startsWith(`'${cell[0]}`)).toBe(true);
    },
  );

  it('writes exact decimals digit for digit, a negative one as a value, anything else as text', () => {
    expect(csvField(csvDecimal('-50.50'))).toBe('-50.50');
    expect(csvField(csvDecimal('12345678901234567.89'))).toBe('12345678901234567.89');
    expect(csvField(csvDecimal('-2+3+cmd|x'))).toBe("'-2+3+cmd|x");
  });

  it('writes only finite numbers bare: a non-finite one is text, neutralised like any other', () => {
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(Number.NEGATIVE_INFINITY)).toBe("'-Infinity");
    expect(csvField(Number.NaN)).toBe('NaN');
  });

  it('neutralises a formula that also needs quoting', () => {
    expect(csvField('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
  });
});

describe('writeCsv', () => {
  it('writes a BOM, then CRLF-terminated rows', () => {
    const csv = writeCsv(
      ['rank', 'title'],
      [
        [1, 'Uno, dos'],
        [2, null],
      ],
    );
    expect(csv).toBe('\uFEFFrank,title\r\n1,"Uno, dos"\r\n2,\r\n');
  });
});
