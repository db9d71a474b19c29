import type { SqliteError } from 'better-sqlite3';
import { TABLE_COLUMNS } from '../../src-shared/domain/tables';
import { DomainError } from '../../src-shared/result';

/** "UNIQUE constraint failed: assets.asset_tag" → the domain field "assetTag". */
function fieldForColumn(qualified: string): string | undefined {
  const [table, column] = qualified.split('.');
  const columns: Readonly<Record<string, string>> | undefined = (TABLE_COLUMNS as Record<string, Record<string, string>>)[table ?? ''];
  return columns ? Object.keys(columns).find((field) => columns[field] === column) : undefined;
}

/**
 * The database's own constraints are the backstop behind each mutator's checks (two writes racing, a mutator
 * that forgot a check). They still reach people as a named field, never as raw SQLite text. Undefined for an error
 * that is not a constraint (disk full, a bug): that is not the person's doing and stays an exception.
 */
export function constraintToDomainError(error: InstanceType<typeof SqliteError>): DomainError | undefined {
  if (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const field = fieldForColumn(error.message.replace(/^.*failed: /, '').split(',')[0]?.trim() ?? '') ?? 'id';
    return new DomainError('conflict', `Another record already has this ${field}`, { [field]: `Another record already has this value` });
  }
  if (error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new DomainError('conflict', 'This change refers to a record that does not exist');
  }
  if (error.code.startsWith('SQLITE_CONSTRAINT')) {
    return new DomainError('invalid_input', `The change breaks a rule of the local store: ${error.message}`);
  }
  return undefined;
}
