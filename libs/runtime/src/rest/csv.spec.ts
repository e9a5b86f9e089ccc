import { csvField, csvRecord } from './csv';

describe('CSV (RFC 4180)', () => {
  it('writes plain text and numbers as they are, and nothing as an empty field', () => {
    expect(csvRecord(['CP-1', 42, 16500.25, null, ''])).toBe('CP-1,42,16500.25,,\r\n');
  });

  it.each([
    ['a comma', 'Acme, Inc.', '"Acme, Inc."'],
    ['a quote', 'the "fast" one', '"the ""fast"" one"'],
    ['a line feed', 'two\nlines', '"two\nlines"'],
    ['a carriage return', 'two\r\nlines', '"two\r\nlines"'],
    ['only a quote', '"', '""""'],
  ])('quotes a field with %s, doubling its quotes', (_case, text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it.each([
    ['=', '=HYPERLINK("http://evil","click")', '"\'=HYPERLINK(""http://evil"",""click"")"'],
    ['+', '+1-555', '"\'+1-555"'],
    ['-', '-2+3', '"\'-2+3"'],
    ['@', '@SUM(A1:A2)', '"\'@SUM(A1:A2)"'],
    ['a tab', '\t=1', '"\'\t=1"'],
    ['a carriage return', '\r=1', '"\'\r=1"'],
  ])('neutralises text starting with %s so that spreadsheets do not run it as a formula', (_start, text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it('leaves text with a formula character further in, and negative numbers, alone', () => {
    expect(csvField('CP=1')).toBe('CP=1');
    expect(csvField('a@b')).toBe('a@b');
    expect(csvField(-5)).toBe('-5');
  });

  it('writes a number that is not finite as an empty field', () => {
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
  });
});
