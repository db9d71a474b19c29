import type { Database } from 'better-sqlite3';
import type { ImportKind, ImportPreview } from '../../src-shared/import/contract';
import { buildImportPreview, refusedPreview, type ImportPlan } from '../../src-shared/import/preview';
import { newId } from '../../src-shared/ids';
import { decodeCsvBytes } from './decode-bytes';
import { createImportLookup } from './store-lookup';
import { yieldToEventLoop } from './yield';

export interface FilePreview {
  /** What the person sees (previewId included). */
  readonly preview: ImportPreview;
  /** The valid rows, ready for importRows. */
  readonly plan: ImportPlan;
}

export interface PreviewFileInput {
  readonly kind: ImportKind;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/**
 * Previews a file's bytes against the store: decode, then the shared pipeline with the store's set-based look-ups.
 * Writes nothing. Yields to the event loop between chunks of rows, so the app answers while a 50 MB file is read.
 * Used by the import.preview handler, the CLI and the benchmark.
 */
export async function previewImportBytes(db: Database, { kind, fileName, bytes }: PreviewFileInput): Promise<FilePreview> {
  const decoded = decodeCsvBytes(bytes);
  const { summary, plan } = decoded.ok
    ? await buildImportPreview(kind, decoded.text, { lookup: createImportLookup(db), newId, pause: yieldToEventLoop })
    : refusedPreview(kind, decoded.message);
  const previewId = newId();
  return { preview: { ...summary, previewId, kind, fileName, encoding: decoded.encoding }, plan };
}
