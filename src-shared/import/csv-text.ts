/**
 * Turns decoded file text into what the CSV reader expects: no byte-order mark, every line ending (CRLF from Windows,
 * bare CR from old Macs and some exporters, LF) written as LF, and the delimiter found. Text that is really binary
 * (an .xlsx renamed .csv, an image) is refused as a whole here, with one message, instead of row by row.
 */
export interface PreparedText {
  readonly text: string;
  readonly delimiter: string;
}

export type PrepareResult = { readonly ok: true; readonly value: PreparedText } | { readonly ok: false; readonly message: string };

const BINARY_MESSAGE =
  'This file holds binary data, not CSV text. If it is an Excel workbook, open it in Excel and save it as "CSV UTF-8 (Comma delimited)" first.';

/** Control characters no text file has (tab, LF and CR are allowed). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Sample of the file start used to decide "binary or text": a text CSV has essentially no control characters. */
const SNIFF_LENGTH = 64 * 1024;

function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_LENGTH);
  const lineEnd = sample.search(/[\r\n]/);
  const firstLine = lineEnd === -1 ? sample : sample.slice(0, lineEnd);
  if (firstLine.includes('\u0000')) return true;
  // Binary files are full of control characters (about one byte in eight of random data); a CSV with a damaged row
  // has a few. Below this share the file is read and the damaged rows are reported one by one.
  const controls = sample.match(CONTROL)?.length ?? 0;
  return controls > sample.length / 20;
}

/**
 * The header line decides the delimiter: comma (Custodian, Snipe-IT, UK Excel), or semicolon / tab when that is what
 * the header is split by (European Excel, "Text (Tab delimited)"). Data lines are never consulted: a notes column
 * full of semicolons must not change how the file is read.
 */
function headerDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const header = (end === -1 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((delimiter) => ({ delimiter, count: header.split(delimiter).length - 1 }));
  const best = counts.reduce((a, b) => (b.count > a.count ? b : a));
  return best.count === 0 ? ',' : best.delimiter;
}

export function prepareCsvText(raw: string): PrepareResult {
  const withoutBom = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (withoutBom.trim() === '') return { ok: false, message: 'The file is empty: there is no header row and no data' };
  if (looksBinary(withoutBom)) return { ok: false, message: BINARY_MESSAGE };
  const text = withoutBom.replace(/\r\n?/g, '\n');
  return { ok: true, value: { text, delimiter: headerDelimiter(text) } };
}

/** Characters that mean a row holds binary junk (or text decoded with the wrong encoding). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const JUNK_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/;
