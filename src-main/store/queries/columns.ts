import { TABLE_COLUMNS, type TableName } from '../../../src-shared/domain/tables';

/** `a.asset_tag AS "assetTag", …` for a table under an alias: rows come back in domain shape. */
export function selectColumns(table: TableName, alias: string): string {
  return Object.entries(TABLE_COLUMNS[table])
    .map(([field, column]) => `${alias}.${column} AS "${field}"`)
    .join(', ');
}

export const ASSET_LIST_COLUMNS = `${selectColumns('assets', 'a')}, h.name AS "holderName"`;
