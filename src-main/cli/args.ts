import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { assetFilters, type AssetFilters } from '../../src-shared/api/asset-queries';
import { EXPORT_FORMATS, peopleFilters, type ExportFormat, type PeopleFilters } from '../../src-shared/export/contract';
import { IMPORT_KINDS, type ImportKind } from '../../src-shared/import/contract';
import { fieldErrors } from '../../src-shared/validation';

export const USAGE = `Usage:
  npm run cli -- import assets|people FILE [--dry-run] [--json] [--data-dir DIR]
  npm run cli -- export assets|people --format csv|xlsx --out FILE [--data-dir DIR]
                 [--search TEXT] [--status STATUS]... [--type TYPE]... [--location TEXT]
  npm run cli -- template assets|people

import    previews FILE (Custodian's template or a Snipe-IT export) and, without --dry-run, imports its valid rows
          into the local store in one transaction. --json prints the preview as JSON: { "valid": n, "errors": [...] }.
export    writes the register (assets) or the directory (people), filtered, as CSV or XLSX.
template  prints the header line of Custodian's CSV template.

--data-dir  the store's directory; else CUSTODIAN_DATA_DIR; else the app's own (as Custodian itself chooses).
Exit codes: 0 done; 1 the file has errors (rows were left out, or nothing could be imported); 2 usage;
            3 the store or a file could not be opened, read or written.
Use "npm run --silent cli -- ..." when piping --json output: npm prints its own banner otherwise.`;

export type CliCommand =
  | { readonly command: 'help' }
  | { readonly command: 'template'; readonly kind: ImportKind }
  | { readonly command: 'import'; readonly kind: ImportKind; readonly file: string; readonly dryRun: boolean; readonly json: boolean }
  | { readonly command: 'export'; readonly kind: 'assets'; readonly format: ExportFormat; readonly out: string; readonly filters: AssetFilters }
  | { readonly command: 'export'; readonly kind: 'people'; readonly format: ExportFormat; readonly out: string; readonly filters: PeopleFilters };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function kindOf(value: string | undefined, verb: string): ImportKind {
  if (value === undefined || !(IMPORT_KINDS as readonly string[]).includes(value)) {
    throw new UsageError(`Say what to ${verb}: assets or people${value === undefined ? '' : `, not "${value}"`}`);
  }
  return value as ImportKind;
}

const FILTER_OPTIONS: Readonly<Record<string, string>> = { types: '--type', statuses: '--status', status: '--status', search: '--search', location: '--location' };

/** Filters go through the same schemas as the handler table's, so the CLI accepts exactly what the app does. */
function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [path, message] = Object.entries(fieldErrors(result.error))[0] ?? ['', 'is not valid'];
  throw new UsageError(`${FILTER_OPTIONS[path.split('.')[0] ?? ''] ?? path}: ${message}`);
}

/** Reads the command line (without node and the script). Throws UsageError for anything it cannot act on. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        search: { type: 'string' },
        status: { type: 'string', multiple: true, default: [] },
        type: { type: 'string', multiple: true, default: [] },
        location: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, kindText, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') return { command: 'help' };
  if (command === 'template') {
    if (rest.length > 0) throw new UsageError(`template takes only assets or people, not "${rest.join(' ')}"`);
    return { command, kind: kindOf(kindText, 'print the template for') };
  }
  if (command === 'import') {
    const kind = kindOf(kindText, 'import');
    const [file, ...extra] = rest;
    if (file === undefined) throw new UsageError('Say which file to import, for example: import assets register.csv');
    if (extra.length > 0) throw new UsageError(`import takes one file, not "${rest.join(' ')}"`);
    return { command, kind, file, dryRun: values['dry-run'], json: values.json };
  }
  if (command === 'export') {
    const kind = kindOf(kindText, 'export');
    if (rest.length > 0) throw new UsageError(`Unexpected "${rest.join(' ')}": give the file with --out FILE`);
    const format = values.format;
    if (format === undefined || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`Say which format to export: --format csv or --format xlsx${format === undefined ? '' : `, not "${format}"`}`);
    }
    if (values.out === undefined || values.out === '') throw new UsageError('Say where to write the export: --out FILE');
    const common = { command, format: format as ExportFormat, out: values.out } as const;
    if (kind === 'assets') {
      const filters = {
        ...(values.type.length > 0 ? { types: values.type } : {}),
        ...(values.status.length > 0 ? { statuses: values.status } : {}),
        ...(values.location === undefined ? {} : { location: values.location }),
        ...(values.search === undefined ? {} : { search: values.search }),
      };
      return { ...common, kind, filters: checked(assetFilters, filters) };
    }
    if (values.type.length > 0 || values.location !== undefined) throw new UsageError('--type and --location filter assets, not people');
    if (values.status.length > 1) throw new UsageError('People can be filtered by one --status only');
    const filters = { ...(values.status[0] === undefined ? {} : { status: values.status[0] }), ...(values.search === undefined ? {} : { search: values.search }) };
    return { ...common, kind, filters: checked(peopleFilters, filters) };
  }
  throw new UsageError(`Unknown command "${command}": use import, export or template`);
}
