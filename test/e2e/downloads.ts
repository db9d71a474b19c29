import type { Download } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFile } from 'node:fs/promises';

/** A downloaded table: its header row and the data rows under it. */
export interface DownloadedTable {
  readonly fileName: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

async function bytesOf(download: Download): Promise<Buffer> {
  // Waits for the download to finish; the file lives in Playwright's artefacts folder until the browser closes.
  return readFile(await download.path());
}

/** Reads a downloaded CSV (UTF-8 with a byte-order mark, as Custodian writes it for Excel). */
export async function downloadedCsv(download: Download): Promise<DownloadedTable> {
  const text = (await bytesOf(download)).toString('utf8');
  if (!text.startsWith('\uFEFF')) throw new Error(`${download.suggestedFilename()} has no UTF-8 byte-order mark`);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${download.suggestedFilename()} is not valid CSV: ${parsed.errors[0]?.message ?? ''}`);
  const [header = [], ...rows] = parsed.data;
  return { fileName: download.suggestedFilename(), header, rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Reads the one sheet of a downloaded XLSX workbook. */
export async function downloadedXlsx(download: Download): Promise<DownloadedTable> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytesOf(download)) as unknown as ArrayBuffer);
  const [sheet, ...others] = workbook.worksheets;
  if (sheet === undefined || others.length > 0) throw new Error(`${download.suggestedFilename()} should hold exactly one sheet`);
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    // ExcelJS row values are 1-based (index 0 is always empty) and sparse: Array.from visits the empty cells too.
    rows.push(Array.from((row.values as ExcelJS.CellValue[]).slice(1), cellText));
  });
  const [header = [], ...data] = rows;
  return { fileName: download.suggestedFilename(), header, rows: data };
}
