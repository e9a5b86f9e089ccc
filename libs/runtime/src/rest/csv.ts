// CSV as RFC 4180 describes it, for exports that spreadsheets open: a header record, CRLF after
// every record, and a field quoted when it holds a comma, a quote, CR or LF (quotes doubled).

/** A cell: text, a number, or nothing (an empty field). */
export type CsvCell = string | number | null;

/** The RFC 4180 media type; `header=present` tells the reader the first record names the columns. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

const NEEDS_QUOTES = /[",\r\n]/;
/**
 * Spreadsheets evaluate a cell that starts with = + - @ (and, after import, TAB or CR) as a
 * formula: an id token such as `=HYPERLINK(...)` would run in the reader's spreadsheet (CSV
 * injection, OWASP). Such text gets a leading apostrophe so it stays text; numbers never do,
 * so -5 stays a number. Readers that need the exact text use the JSON export.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const neutralised = FORMULA_START.test(cell);
  const text = neutralised ? `'${cell}` : cell;
  return neutralised || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRecord(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}
