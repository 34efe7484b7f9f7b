/** The byte order mark that makes spreadsheet programs read a CSV file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

// A cell a spreadsheet would run as a formula (or DDE) when it starts with one of these.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: formula-like text gets a leading apostrophe (OWASP's advice against CSV
 * injection), and so does each piece after a comma or semicolon that starts like one; then the cell is quoted as RFC 4180 asks when it holds a quote, a comma, a
 * semicolon or a line break (quotes doubled).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  // A spreadsheet set for another separator (French Excel splits on `;`) ignores the quotes of a
  // cell that its split starts mid-field: each piece after a `,` or `;` is then a cell of its own.
  text = text.replace(/([,;][ \t]*)(?=[=+\-@])/g, "$1'");
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text: comma-separated cells, CRLF after every row, a UTF-8 BOM first. */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return UTF8_BOM + rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
