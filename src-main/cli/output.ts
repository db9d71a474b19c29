import type { ImportIssue, ImportPreview } from '../../src-shared/import/contract';

const LISTED_ERRORS = 20;
const LISTED_WARNINGS = 10;

const FORMAT_NAMES = { custodian: "Custodian's template", snipeit: 'Snipe-IT export', unknown: 'not recognised' } as const;

function where(issue: ImportIssue): string {
  if (issue.row === 0) return 'file';
  return issue.field === '' ? `row ${String(issue.row)}` : `row ${String(issue.row)}, ${issue.field}`;
}

function list(title: string, issues: readonly ImportIssue[], total: number, limit: number): string[] {
  if (total === 0) return [];
  const shown = issues.slice(0, limit).map((issue) => `  ${where(issue)}: ${issue.message}`);
  const more = total > shown.length ? [`  … and ${String(total - shown.length)} more (--json lists up to 1,000)`] : [];
  return [`${title} (${String(total)}):`, ...shown, ...more];
}

/** The person-readable summary of a preview: counts, then the first errors and warnings. */
export function describePreview(preview: ImportPreview): string[] {
  return [
    `${preview.fileName}: ${String(preview.rows)} rows, ${String(preview.valid)} valid, ${String(preview.invalidRows)} with errors ` +
      `(${FORMAT_NAMES[preview.format]}, read as ${preview.encoding})`,
    ...list('Errors', preview.errors, preview.errorCount, LISTED_ERRORS),
    ...list('Warnings', preview.warnings, preview.warningCount, LISTED_WARNINGS),
  ];
}

/** The --json shape: the contract's { valid, errors } first, then the rest of the preview and what was done. */
export function previewJson(preview: ImportPreview, outcome: { dryRun: boolean; imported: number; failure: string | null }): string {
  return JSON.stringify(
    {
      valid: preview.valid,
      errors: preview.errors,
      warnings: preview.warnings,
      rows: preview.rows,
      invalidRows: preview.invalidRows,
      errorCount: preview.errorCount,
      warningCount: preview.warningCount,
      kind: preview.kind,
      fileName: preview.fileName,
      format: preview.format,
      encoding: preview.encoding,
      ignoredColumns: preview.ignoredColumns,
      ...outcome,
    },
    null,
    2,
  );
}
