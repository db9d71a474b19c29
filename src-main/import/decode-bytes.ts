import type { ImportEncoding } from '../../src-shared/import/contract';
import { FILE_TOO_LARGE_MESSAGE, MAX_IMPORT_FILE_BYTES } from '../../src-shared/import/limits';
import { decodeWindows1252 } from './windows-1252';

export type DecodedFile =
  | { readonly ok: true; readonly text: string; readonly encoding: ImportEncoding }
  | { readonly ok: false; readonly message: string; readonly encoding: ImportEncoding };

const WORKBOOK_MESSAGE =
  'This is an Excel workbook (or another zipped file), not a CSV file. In Excel choose File, Save As, "CSV UTF-8 (Comma delimited)", and import that';

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Reads a file's bytes as text. The decoding lives here, not in src-shared, because TextDecoder is a Node/DOM API.
 * UTF-8 (with or without a byte-order mark) is tried first and strictly; bytes that are not valid UTF-8 are read as
 * Windows-1252, which is what Excel on a UK Windows PC writes for "CSV (Comma delimited)" (£ is 0xA3, é 0xE9).
 * UTF-16 with a byte-order mark (Excel's "Unicode Text") is read as such. Workbooks are refused with a hint.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedFile {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) return { ok: false, message: FILE_TOO_LARGE_MESSAGE, encoding: 'utf-8' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { ok: false, message: WORKBOOK_MESSAGE, encoding: 'utf-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    // ignoreBOM: the mark is already gone; a second one would be data.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { ok: true, text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

/** Strict base64: Buffer.from skips characters that are not base64, so the decoded length is checked against the text's. */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === (text.length / 4) * 3 - padding ? bytes : null;
}
