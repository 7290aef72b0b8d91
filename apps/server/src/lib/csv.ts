// The project's one CSV writer (RFC 4180), used by every CSV download.

/** An exact decimal such as money ("-50.50"): written as the number it is, digit for digit. */
export interface CsvDecimal {
  decimal: string;
}

/** A cell: text, a number, an exact decimal, or nothing (an empty cell). */
export type CsvCell = string | number | CsvDecimal | null;

// A plain decimal number, optionally negative: a value, never a formula.
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** An exact decimal cell (amounts as the API writes them, which a Number could round). */
export function csvDecimal(value: string): CsvDecimal {
  return { decimal: value };
}

// Spreadsheet apps run a cell that starts with one of these as a formula (CSV injection):
// `=`, `+`, `-`, `@`, a tab or a carriage return. Such cells are prefixed with `'`.
const FORMULA_START = /^[=+\-@\t\r]/;
// A field holding a quote, a comma, CR or LF must be quoted (RFC 4180 §2.6).
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Byte order mark. RFC 4180 text needs none, but Excel opens a CSV without it in the
 * system's legacy code page, garbling "Prevención" or "São Tomé"; with it every common
 * spreadsheet app reads UTF-8.
 */
const BOM = '\uFEFF';

/** One cell as CSV: neutralised if it would start a formula, then quoted if it must be. */
export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  // The one exception to the `'` prefix on a leading `-`: a number or exact decimal the server
  // produced (never user text) is written bare, so a spreadsheet reads -50.50 as a value it
  // can sum (funding gaps and amounts). A bare `-digits[.digits]` cannot be a formula; anything
  // else — text, a non-finite number, a decimal that is not plain — takes the text path.
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? String(cell) : csvField(String(cell));
  // Only a plain decimal is written bare; anything else is text like any other.
  if (typeof cell === 'object')
    return DECIMAL.test(cell.decimal) ? cell.decimal : csvField(cell.decimal);
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A whole CSV document: a BOM, then the header and each row as fields joined by commas,
 * every row ended by CRLF (RFC 4180 §2.1).
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`);
  return BOM + lines.join('');
}
