import Papa from 'papaparse';
import { JUNK_CHARACTERS } from './csv-text';

/** One data row of the file: its row number as a spreadsheet shows it (header = 1) and its raw values. */
export interface CsvRecord {
  readonly row: number;
  readonly fields: readonly string[];
}

/** A row that could not be read as CSV (ragged, broken quotes, binary junk); it is reported and skipped. */
export interface CsvProblem {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

export interface CsvChunk {
  readonly records: readonly CsvRecord[];
  readonly problems: readonly CsvProblem[];
}

const QUOTE_MESSAGES: Readonly<Record<string, string>> = {
  MissingQuotes:
    'A quoted value that starts in this row is never closed (a " is missing), so this row and the rest of the file could not be read',
  InvalidQuotes: 'A quoted value in this row has text straight after its closing quote: quote the whole value and write any " inside it as ""',
};

/**
 * Reads a prepared CSV text (LF line endings) a chunk of rows at a time, so the caller can yield to the event loop
 * between chunks and drop each chunk's raw rows once it has used them. papaparse's `preview` stops after the chunk's
 * rows and its `cursor` says where the next chunk starts. fastMode is off: in fast mode papaparse splits the whole
 * remaining text into lines up front, which would make chunked reading quadratic.
 */
export class CsvReader {
  private offset = 0;
  private nextRow = 1;

  constructor(
    private readonly text: string,
    private readonly delimiter: string,
  ) {}

  get finished(): boolean {
    return this.offset >= this.text.length;
  }

  private read(limit: number): { rows: string[][]; quoteErrors: Map<number, string>; firstRow: number } {
    const result = Papa.parse<string[]>(this.text.slice(this.offset), {
      delimiter: this.delimiter,
      newline: '\n',
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      skipEmptyLines: false,
      fastMode: false,
      preview: limit,
    });
    const firstRow = this.nextRow;
    const quoteErrors = new Map<number, string>();
    for (const error of result.errors) {
      const row = firstRow + (error.row ?? 0);
      const message = QUOTE_MESSAGES[error.code] ?? `This row could not be read as CSV: ${error.message}`;
      // An unclosed quote explains everything after it, so it wins over any other problem papaparse saw in the row.
      if (!quoteErrors.has(row) || error.code === 'MissingQuotes') quoteErrors.set(row, message);
    }
    // papaparse reports cursor 0 only when it read nothing; move to the end so a reader can never loop.
    this.offset = result.meta.cursor > 0 ? this.offset + result.meta.cursor : this.text.length;
    this.nextRow += result.data.length;
    return { rows: result.data, quoteErrors, firstRow };
  }

  /** The header row's column names, trimmed; null when the file has no readable header. */
  readHeader(): { names: string[] } | { problem: string } {
    const { rows, quoteErrors } = this.read(1);
    const header = rows[0];
    if (header === undefined) return { problem: 'The file is empty: there is no header row and no data' };
    const quoteError = quoteErrors.get(1);
    if (quoteError !== undefined) return { problem: `The header row could not be read: ${quoteError}` };
    return { names: header.map((name) => name.trim()) };
  }

  /** Up to `limit` data rows, checked against the header's width; blank rows are dropped here. */
  readRecords(limit: number, header: readonly string[]): CsvChunk {
    const { rows, quoteErrors, firstRow } = this.read(limit);
    const records: CsvRecord[] = [];
    const problems: CsvProblem[] = [];
    rows.forEach((fields, index) => {
      const row = firstRow + index;
      const quoteError = quoteErrors.get(row);
      if (quoteError !== undefined) {
        problems.push({ row, field: '', message: quoteError });
        return;
      }
      if (fields.every((value) => value.trim() === '')) return;
      const problem = shapeProblem(fields, header);
      if (problem !== null) {
        problems.push({ row, ...problem });
        return;
      }
      records.push({ row, fields });
    });
    return { records, problems };
  }
}

/** Ragged rows and binary junk. Extra trailing empty values (a stray comma at the line end) are harmless. */
function shapeProblem(fields: readonly string[], header: readonly string[]): { field: string; message: string } | null {
  const width = header.length;
  if (fields.length < width) {
    return {
      field: '',
      message: `This row has ${String(fields.length)} values but the header has ${String(width)} columns: a value or a comma is missing`,
    };
  }
  if (fields.length > width && fields.slice(width).some((value) => value.trim() !== '')) {
    return {
      field: '',
      message: `This row has ${String(fields.length)} values but the header has ${String(width)} columns: a value with a comma in it needs quotes around it`,
    };
  }
  for (let index = 0; index < width; index += 1) {
    if (JUNK_CHARACTERS.test(fields[index] ?? '')) {
      return { field: header[index] ?? '', message: 'This value holds unreadable characters (binary data or a damaged file)' };
    }
  }
  return null;
}
