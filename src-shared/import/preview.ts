import type { ImportFormat, ImportKind, ImportPreview } from './contract';
import { CsvReader, type CsvRecord } from './csv-reader';
import { prepareCsvText } from './csv-text';
import { HEADER_ROW, IssueLog, WHOLE_FILE } from './issues';
import { detectAssetLayout, detectPeopleLayout } from './layouts/detect';
import { headerKey, type Binding } from './layouts/layout';
import { MAX_IMPORT_ROWS, SAMPLE_SIZE } from './limits';
import { reconcileAssets, type PlannedAsset } from './reconcile/assets';
import type { ImportLookup } from './reconcile/people-index';
import { reconcilePeople, type PlannedPerson } from './reconcile/people';
import { readAssetRow } from './rows/asset-row';
import { readPersonRow } from './rows/person-row';
import { ASSET_SAMPLE_COLUMNS, assetSample, PEOPLE_SAMPLE_COLUMNS, personSample } from './sample';

export interface PreviewOptions {
  readonly lookup: ImportLookup;
  /** Makes each new record's id (UUIDv7 in the app; a counter in tests). */
  readonly newId: () => string;
  /** Awaited between chunks of rows, so a long file never holds the event loop (main passes a setImmediate yield). */
  readonly pause?: () => Promise<void>;
  readonly chunkRows?: number;
  /** Defaults to MAX_IMPORT_ROWS; tests lower it. */
  readonly maxRows?: number;
}

/** The valid rows, ready for the mutators, in the order they must run. Kept in main's memory until confirmed. */
export type ImportPlan = { readonly kind: 'assets'; readonly rows: readonly PlannedAsset[] } | { readonly kind: 'people'; readonly rows: readonly PlannedPerson[] };

export type PreviewSummary = Omit<ImportPreview, 'previewId' | 'fileName' | 'encoding' | 'kind'>;

export interface BuiltPreview {
  readonly summary: PreviewSummary;
  readonly plan: ImportPlan;
}

const DEFAULT_CHUNK_ROWS = 2000;

function summarise(log: IssueLog, format: ImportFormat, rows: number, plan: ImportPlan, ignoredColumns: readonly string[]): PreviewSummary {
  const inFileOrder = [...plan.rows].sort((a, b) => a.row - b.row).slice(0, SAMPLE_SIZE);
  const sample = plan.kind === 'assets' ? (inFileOrder as PlannedAsset[]).map(assetSample) : (inFileOrder as PlannedPerson[]).map(personSample);
  return {
    format,
    rows,
    valid: plan.rows.length,
    invalidRows: log.invalidRowCount(),
    ...log.summary(),
    ignoredColumns,
    sampleColumns: plan.kind === 'assets' ? ASSET_SAMPLE_COLUMNS : PEOPLE_SAMPLE_COLUMNS,
    sample,
  };
}

/** A file that cannot be read at all: one whole-file error, nothing to import. */
export function refusedPreview(kind: ImportKind, message: string, format: ImportFormat = 'unknown'): BuiltPreview {
  const log = new IssueLog();
  log.error(WHOLE_FILE, '', message);
  const plan: ImportPlan = kind === 'assets' ? { kind, rows: [] } : { kind, rows: [] };
  return { summary: summarise(log, format, 0, plan, []), plan };
}

interface ReadRows<C> {
  readonly candidates: C[];
  readonly rows: number;
}

/**
 * Reads the data rows chunk by chunk: each chunk's raw rows are checked and turned into candidates, then dropped,
 * so memory holds candidates, not the whole parsed file twice.
 */
async function readRows<F extends string, C>(
  reader: CsvReader,
  binding: Binding<F>,
  log: IssueLog,
  readRow: (record: CsvRecord) => C,
  options: PreviewOptions,
): Promise<ReadRows<C> | { readonly tooMany: true }> {
  const candidates: C[] = [];
  let rows = 0;
  while (!reader.finished) {
    const chunk = reader.readRecords(options.chunkRows ?? DEFAULT_CHUNK_ROWS, binding.header);
    for (const problem of chunk.problems) log.error(problem.row, problem.field, problem.message);
    for (const record of chunk.records) candidates.push(readRow(record));
    rows += chunk.records.length + chunk.problems.length;
    if (rows > (options.maxRows ?? MAX_IMPORT_ROWS)) return { tooMany: true };
    await options.pause?.();
  }
  return { candidates, rows };
}

function ignoredColumns<F extends string>(binding: Binding<F>, log: IssueLog): string[] {
  const ignored = binding.ignoredColumns();
  if (binding.layout.format === 'custodian') {
    const exportOnly = new Set((binding.layout.exportOnly ?? []).map(headerKey));
    for (const column of ignored) {
      if (!exportOnly.has(headerKey(column))) log.warning(HEADER_ROW, column, `Column "${column}" is not in ${binding.layout.title}, so it is ignored`);
    }
  }
  return ignored;
}

function tooManyRows(options: PreviewOptions): string {
  return `The file has more than ${(options.maxRows ?? MAX_IMPORT_ROWS).toLocaleString('en-GB')} rows: split it into smaller files and import each one`;
}

/**
 * Reads a whole CSV text into a preview: parse once, check each row with the shared zod schemas, then check across
 * rows and against the store with a few set-based look-ups. Writes nothing. Never throws for anything in the file:
 * every problem is an error (stops that row) or a warning (does not) with its row number.
 */
export async function buildImportPreview(kind: ImportKind, rawText: string, options: PreviewOptions): Promise<BuiltPreview> {
  const prepared = prepareCsvText(rawText);
  if (!prepared.ok) return refusedPreview(kind, prepared.message);
  const reader = new CsvReader(prepared.value.text, prepared.value.delimiter);
  const header = reader.readHeader();
  if ('problem' in header) return refusedPreview(kind, header.problem);
  const log = new IssueLog();

  if (kind === 'assets') {
    const detected = detectAssetLayout(header.names);
    if (!detected.ok) return refusedPreview(kind, detected.message);
    const { binding } = detected;
    const ignored = ignoredColumns(binding, log);
    const read = await readRows(reader, binding, log, (record) => readAssetRow(record, binding, log, options.newId), options);
    if ('tooMany' in read) return refusedPreview(kind, tooManyRows(options), binding.layout.format);
    const plan: ImportPlan = { kind, rows: reconcileAssets(read.candidates, binding, options.lookup, log) };
    return { summary: summarise(log, binding.layout.format, read.rows, plan, ignored), plan };
  }

  const detectedPeople = detectPeopleLayout(header.names);
  if (!detectedPeople.ok) return refusedPreview(kind, detectedPeople.message);
  const { binding } = detectedPeople;
  const ignored = ignoredColumns(binding, log);
  const read = await readRows(reader, binding, log, (record) => readPersonRow(record, binding, log, options.newId), options);
  if ('tooMany' in read) return refusedPreview(kind, tooManyRows(options), binding.layout.format);
  const plan: ImportPlan = { kind, rows: reconcilePeople(read.candidates, binding, options.lookup, log) };
  return { summary: summarise(log, binding.layout.format, read.rows, plan, ignored), plan };
}
