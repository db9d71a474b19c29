import { dateOf } from '../../src-shared/domain/calendar-date';
import { csvValue, type ExportColumn } from '../../src-shared/export/columns';
import { EXPORT_MIME_TYPES, type ExportFile, type ExportFormat } from '../../src-shared/export/contract';
import { toCsv } from '../../src-shared/export/csv-writer';
import { writeXlsx } from './xlsx';

export interface ExportRequest<Row> {
  /** "assets" or "people": names the file and the sheet. */
  readonly subject: 'assets' | 'people';
  readonly columns: readonly ExportColumn<Row>[];
  readonly rows: readonly Row[];
  readonly format: ExportFormat;
  /** ISO timestamp: the file is named after the day it was made. */
  readonly now: string;
}

/** The bytes of an export: CSV (injection-safe, Excel-ready) or XLSX. */
export async function exportBytes<Row>({ subject, columns, rows, format }: Omit<ExportRequest<Row>, 'now'>): Promise<Buffer> {
  if (format === 'xlsx') return writeXlsx(subject === 'assets' ? 'Assets' : 'People', columns, rows);
  const csv = toCsv(
    columns.map((column) => column.key),
    rows.map((row) => columns.map((column) => csvValue(column, row))),
  );
  return Buffer.from(csv, 'utf8');
}

/** The export as the bridge carries it (base64, with a file name and type for the save dialog). */
export async function exportFile<Row>(request: ExportRequest<Row>): Promise<ExportFile> {
  const bytes = await exportBytes(request);
  return {
    fileName: `custodian-${request.subject}-${dateOf(request.now)}.${request.format}`,
    mimeType: EXPORT_MIME_TYPES[request.format],
    contentBase64: bytes.toString('base64'),
    rows: request.rows.length,
  };
}
