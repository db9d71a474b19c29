import type ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { ExportColumn } from '../../src-shared/export/columns';
import { yieldToEventLoop } from './yield';

const YIELD_EVERY = 2000;

/** Excel's own format for pounds: £1,299.99 shown, the number 1299.99 stored (so sums work). */
const POUNDS_FORMAT = '"£"#,##0.00';
const DATE_FORMAT = 'yyyy-mm-dd';

function cellValue<Row>(column: ExportColumn<Row>, row: Row): ExcelJS.CellValue {
  const value = column.value(row);
  if (value === null) return null;
  if (column.format === 'pounds' && typeof value === 'number') return value / 100;
  if (column.format === 'date' && typeof value === 'string') {
    const [year, month, day] = value.split('-').map(Number);
    // Midnight UTC: ExcelJS turns a Date into a serial date from its UTC value, so the day never shifts.
    return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  }
  return value;
}

/**
 * An XLSX workbook of one sheet: a bold header row, frozen so it stays in view, sensible column widths, pence shown
 * as £ values and dates as dates. Written with ExcelJS's streaming writer, yielding to the event loop every 2,000 rows,
 * so a 300,000-row register neither blocks the app nor holds the whole sheet model in memory. Strings are always
 * written as text cells (never formulas), so CSV-style injection does not apply.
 */
export async function writeXlsx<Row>(sheetName: string, columns: readonly ExportColumn<Row>[], rows: readonly Row[]): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  // Loaded on first use: ExcelJS is large, and only XLSX exports need it (the CLI and app start faster without it).
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Custodian';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    key: column.key,
    width: column.width,
    style: column.format === 'pounds' ? { numFmt: POUNDS_FORMAT } : column.format === 'date' ? { numFmt: DATE_FORMAT } : {},
  }));
  const header = sheet.addRow(columns.map((column) => column.label));
  header.font = { bold: true };
  header.commit();
  for (const [index, row] of rows.entries()) {
    sheet.addRow(columns.map((column) => cellValue(column, row))).commit();
    if ((index + 1) % YIELD_EVERY === 0) await yieldToEventLoop();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
