import { ASSET_EXPORT_COLUMNS, PEOPLE_EXPORT_COLUMNS } from '../../src-shared/export/columns';
import { DomainError } from '../../src-shared/result';
import type { QueryHandlers } from '../bridge/query-handlers';
import { exportFile } from './export-file';
import { assetExportRows, peopleExportRows } from './export-rows';
import { previewRegistry } from './preview-registry';

/** Import/export query implementations (handler table: src-shared/api/import-handlers.ts). */
export const importQueryHandlers: Pick<QueryHandlers, 'import.progress' | 'export.assets' | 'export.people'> = {
  /** Answered outside the serial gate while a commit holds the store: it reads only main's memory. */
  'import.progress': (ctx, { previewId }) => {
    const entry = previewRegistry(ctx.db).get(previewId);
    if (!entry) throw new DomainError('not_found', 'There is no import with that id: preview the file again');
    return entry.progress;
  },

  'export.assets': (ctx, { filters, sort, format }) =>
    exportFile({ subject: 'assets', columns: ASSET_EXPORT_COLUMNS, rows: assetExportRows(ctx.db, { filters, sort }), format, now: ctx.now() }),

  'export.people': (ctx, { filters, format }) =>
    exportFile({ subject: 'people', columns: PEOPLE_EXPORT_COLUMNS, rows: peopleExportRows(ctx.db, filters), format, now: ctx.now() }),
};
