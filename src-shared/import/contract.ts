import { z } from 'zod';
import { recordId } from '../domain/fields';
import { MAX_IMPORT_BASE64_LENGTH, FILE_TOO_LARGE_MESSAGE } from './limits';

/**
 * The import methods' inputs and results (handler table: src-shared/api/import-handlers.ts). A preview writes
 * nothing; the valid rows it found wait in main's memory under `previewId` until the person confirms.
 */
export const IMPORT_KINDS = ['assets', 'people'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Which column layout the header row matched: Custodian's own template, or a Snipe-IT export. */
export type ImportFormat = 'custodian' | 'snipeit' | 'unknown';

/** How the file's bytes were read as text. */
export type ImportEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export const importKind = z.enum(IMPORT_KINDS, { error: 'Choose whether the file holds assets or people' });

export const importPreviewInput = z.strictObject({
  kind: importKind,
  fileName: z
    .string({ error: 'Give the name of the file' })
    .trim()
    .min(1, { error: 'Give the name of the file' })
    .max(255, { error: 'The file name must be 255 characters or fewer' }),
  /** The file's bytes, base64-encoded: the bridge carries JSON. */
  contentBase64: z.string({ error: 'Send the file content as base64 text' }).max(MAX_IMPORT_BASE64_LENGTH, { error: FILE_TOO_LARGE_MESSAGE }),
});

export const importCommitInput = z.strictObject({ previewId: recordId('preview') });
export const importProgressInput = z.strictObject({ previewId: recordId('preview') });

/**
 * One problem with the file. `row` is the row number a spreadsheet shows: the header is row 1, the first data row
 * row 2, blank lines count. Row 0 means the whole file. `field` is the column's name as written in the file's header
 * (empty when the problem is the whole row or file).
 */
export interface ImportIssue {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

/** One valid row as the person would read it, keyed by column label, in `sampleColumns` order ("Row" first). */
export type ImportSampleRow = Readonly<Record<string, string>>;

export interface ImportPreview {
  readonly previewId: string;
  readonly kind: ImportKind;
  readonly fileName: string;
  readonly format: ImportFormat;
  readonly encoding: ImportEncoding;
  /** Data rows read (blank lines not counted). */
  readonly rows: number;
  /** Rows that will be imported on confirmation. */
  readonly valid: number;
  /** Rows with at least one error: they will not be imported. */
  readonly invalidRows: number;
  readonly errorCount: number;
  /** The first 1,000 errors, in row order. */
  readonly errors: readonly ImportIssue[];
  readonly warningCount: number;
  /** Things the person should know that do not stop a row importing (first 1,000). */
  readonly warnings: readonly ImportIssue[];
  /** Header columns Custodian does not use. */
  readonly ignoredColumns: readonly string[];
  readonly sampleColumns: readonly string[];
  /** The first 20 valid rows. */
  readonly sample: readonly ImportSampleRow[];
}

export interface ImportCommitResult {
  readonly imported: number;
}

export type ImportState = 'idle' | 'running' | 'done' | 'failed';

export interface ImportProgress {
  readonly state: ImportState;
  readonly done: number;
  readonly total: number;
  readonly message: string | null;
}
