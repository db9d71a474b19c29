import { FORMULA_START } from '../import/values/cell';

/**
 * One CSV cell, safe to open in a spreadsheet. A value starting with = + - @ tab or CR would be run as a formula by
 * Excel or LibreOffice (CSV injection, OWASP): it gets a leading apostrophe, which the spreadsheet shows as text and
 * Custodian's importer takes off again. Every cell is quoted, with quotes inside doubled.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** A whole CSV file as Excel opens it without asking: UTF-8 with a byte-order mark, CRLF line endings. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
