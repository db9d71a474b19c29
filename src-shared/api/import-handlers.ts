import { exportAssetsInput, exportPeopleInput, type ExportFile } from '../export/contract';
import { importCommitInput, importPreviewInput, importProgressInput, type ImportCommitResult, type ImportPreview, type ImportProgress } from '../import/contract';
import { command, query, returns } from './handler-spec';

/**
 * Import and export methods of the handler table (CSV/XLSX in, CSV/XLSX out). A preview writes nothing; a commit
 * runs the previewed rows' mutators in one transaction; progress is answered while that transaction runs.
 */
export const importHandlers = {
  'import.preview': command(importPreviewInput, returns<ImportPreview>()),
  'import.commit': command(importCommitInput, returns<ImportCommitResult>()),
  'import.progress': query(importProgressInput, returns<ImportProgress>(), { concurrent: true }),
  'export.assets': query(exportAssetsInput, returns<ExportFile>()),
  'export.people': query(exportPeopleInput, returns<ExportFile>()),
} as const;
