import type { Api } from '../../src-shared/api/bridge';
import type { AssetFilters, AssetSortColumn } from '../../src-shared/api/asset-queries';
import type { AppError, Result } from '../../src-shared/result';

/*
 * TEMPORARY — delete this file once `import.preview`, `import.commit`, `import.progress`, `export.assets`,
 * `export.people` and `demo.load` are in the handler table (src-shared/api/handlers.ts), and switch the callers to
 * `api.call(...)` with the types from src-shared/import/contract.ts, src-shared/export/contract.ts and
 * src-shared/api/demo-handlers.ts (the field names below are the same, so it is a drop-in change). Until then the
 * typed `api.call` does not accept these names, so they go through this one untyped escape hatch, typed by hand from
 * the agreed contract. Until the methods exist at run time the dispatcher answers
 * `{ ok: false, error: { code: 'unknown_method' } }`, which callers show as "not available yet" (`isNotAvailable`).
 * Fields marked optional are the ones the import's own contract added to the brief's; the page copes without them.
 */

export type ImportKind = 'assets' | 'people';

export interface ImportPreviewInput {
  readonly kind: ImportKind;
  readonly fileName: string;
  readonly contentBase64: string;
}

export interface ImportIssue {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

export interface ImportPreview {
  readonly previewId: string;
  readonly kind: ImportKind;
  readonly fileName?: string;
  /** Which header layout the file matched ('unknown': none, and the file is refused as a whole). */
  readonly format: 'custodian' | 'snipeit' | 'unknown';
  readonly encoding?: string;
  /** Data rows read. */
  readonly rows: number;
  /** Rows that will be imported on confirmation. */
  readonly valid: number;
  /** Rows with at least one error. */
  readonly invalidRows?: number;
  /** Errors in all (the list below may stop at the first 1,000). */
  readonly errorCount: number;
  readonly errors: readonly ImportIssue[];
  readonly warningCount?: number;
  readonly warnings: readonly ImportIssue[];
  /** Header columns Custodian does not use. */
  readonly ignoredColumns?: readonly string[];
  /** The sample's columns, in order. */
  readonly sampleColumns?: readonly string[];
  readonly sample: readonly Readonly<Record<string, unknown>>[];
}

export interface ImportProgress {
  readonly state: 'idle' | 'running' | 'done' | 'failed';
  readonly done: number;
  readonly total: number;
  readonly message: string | null;
}

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportedFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly contentBase64: string;
}

export interface DemoLoaded {
  readonly people: number;
  readonly assets: number;
}

interface PendingMethods {
  'import.preview': { input: ImportPreviewInput; result: ImportPreview };
  'import.commit': { input: { readonly previewId: string }; result: { readonly imported: number } };
  'import.progress': { input: { readonly previewId: string }; result: ImportProgress };
  'export.assets': {
    input: {
      readonly filters: AssetFilters;
      readonly sort?: { readonly column: AssetSortColumn; readonly direction: 'asc' | 'desc' };
      readonly format: ExportFormat;
    };
    result: ExportedFile;
  };
  'export.people': {
    input: { readonly filters: { readonly search?: string; readonly status?: string }; readonly format: ExportFormat };
    result: ExportedFile;
  };
  'demo.load': { input: Readonly<Record<string, never>>; result: DemoLoaded };
}

export type PendingMethod = keyof PendingMethods;

type UntypedCall = (method: string, input: unknown) => Promise<Result<unknown>>;

/** Calls a method that is agreed but not yet in the handler table. */
export function callPending<M extends PendingMethod>(
  api: Api,
  method: M,
  input: PendingMethods[M]['input'],
): Promise<Result<PendingMethods[M]['result']>> {
  const call = api.call.bind(api) as unknown as UntypedCall;
  return call(method, input) as Promise<Result<PendingMethods[M]['result']>>;
}

/** The method is not in this build yet (another part of the app is still adding it). */
export function isNotAvailable(error: AppError): boolean {
  return error.code === 'unknown_method';
}
