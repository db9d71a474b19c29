import { z } from 'zod';
import { assetPageInput, searchText } from '../api/asset-queries';
import { PERSON_STATUS_VALUES } from '../domain/roles';

/** Export methods' inputs and result (handler table: src-shared/api/import-handlers.ts). */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportFormat = z.enum(EXPORT_FORMATS, { error: 'Choose CSV or XLSX' });

/** The register's filters and sort, exactly as asset.page takes them: what is on screen is what is exported. */
export const exportAssetsInput = z.strictObject({
  filters: assetPageInput.shape.filters,
  sort: assetPageInput.shape.sort,
  format: exportFormat,
});

export const peopleFilters = z.strictObject({
  search: searchText.optional(),
  status: z.enum(PERSON_STATUS_VALUES, { error: 'Choose active, leaving or left' }).optional(),
});

export type PeopleFilters = z.output<typeof peopleFilters>;

export const exportPeopleInput = z.strictObject({
  filters: peopleFilters.default({}),
  format: exportFormat,
});

export interface ExportFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly contentBase64: string;
  /** Data rows in the file (the header not counted). */
  readonly rows: number;
}

export const EXPORT_MIME_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
