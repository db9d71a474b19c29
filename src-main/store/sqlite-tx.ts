import type { Database, Statement } from 'better-sqlite3';
import { TABLE_COLUMNS, type Rows, type TableName } from '../../src-shared/domain/tables';
import { mutationRecordId } from '../../src-shared/ids';
import { decodeRow, encodeRow, encodeValues } from './json-fields';
import { prepared } from './prepared';
import { holderNameUpdated } from './holder-name';
import { searchIndexInserted, searchIndexUpdated } from './search-index';
import type { UndoEntry } from './undo-log';
import type { MutationContext, MutatorTx } from '../../src-shared/mutators/tx';

function columnsOf(table: TableName): Readonly<Record<string, string>> {
  return TABLE_COLUMNS[table];
}

/** `asset_tag AS "assetTag", …`: rows come back already in domain shape. */
function selectList(table: TableName): string {
  return Object.entries(columnsOf(table))
    .map(([field, column]) => `${column} AS "${field}"`)
    .join(', ');
}

function sqlColumn(table: TableName, field: string): string {
  const column = columnsOf(table)[field];
  if (column === undefined) throw new Error(`${table} has no field ${field}`);
  return column;
}

/**
 * Each table's INSERT of every column, in TABLE_COLUMNS order, with positional parameters (encodeValues gives the
 * row's values in `fields` order): an import inserts two rows per asset, and binding 17 named parameters (a property
 * look-up each, on a copy of the row) cost more than the values themselves.
 */
interface InsertShape {
  readonly sql: string;
  readonly fields: readonly string[];
}

const insertShapes = new Map<TableName, InsertShape>();

function insertShape(table: TableName): InsertShape {
  let shape = insertShapes.get(table);
  if (shape === undefined) {
    const fields = Object.keys(columnsOf(table));
    const sql = `INSERT INTO ${table} (${fields.map((f) => sqlColumn(table, f)).join(', ')}) VALUES (${fields.map(() => '?').join(', ')})`;
    shape = { sql, fields };
    insertShapes.set(table, shape);
  }
  return shape;
}

/**
 * The desktop's MutatorTx. SQL identifiers come only from TABLE_COLUMNS; every value is a bound parameter.
 * Statements are prepared once per shape and connection and reused by every later mutation.
 *
 * It also records, in memory, how to take each write back (`undoEntries`): the runner stores them with the outbox entry
 * in one undo_log row, and a pull rewinds unsent mutations with them before applying the server's rows. An insert
 * costs one small object (no extra statement: an import inserts thousands of rows per mutation); an update reads the
 * whole row first, once per row and mutation (a row's first before-image is the one a rewind must restore).
 */
const sqlByShape = new Map<string, string>();

export class SqliteTx implements MutatorTx {
  private madeIds = 0;
  private readonly undo: UndoEntry[] = [];
  /** Rows this mutation has already updated (table NUL id): their before-image is recorded already. */
  private readonly updated = new Set<string>();

  constructor(
    private readonly db: Database,
    readonly context: MutationContext,
  ) {}

  newId(): string {
    this.madeIds += 1;
    return mutationRecordId(this.context.clientId, this.context.mutationId, this.madeIds);
  }

  private statement(shape: string, sql: () => string): Statement {
    let text = sqlByShape.get(shape);
    if (text === undefined) {
      text = sql();
      sqlByShape.set(shape, text);
    }
    return prepared(this.db, text);
  }

  /** This mutation's writes so far, oldest first, each with what undoes it. */
  get undoEntries(): readonly UndoEntry[] {
    return this.undo;
  }

  private find<T extends TableName>(table: T, column: string, value: unknown): Rows[T] | undefined {
    const statement = this.statement(`find:${table}:${column}`, () => `SELECT ${selectList(table)} FROM ${table} WHERE ${sqlColumn(table, column)} = ? LIMIT 1`);
    return decodeRow(table, statement.get(value)) as Rows[T] | undefined;
  }

  get<T extends TableName>(table: T, id: string): Promise<Rows[T] | undefined> {
    return Promise.resolve(this.find(table, 'id', id));
  }

  findBy<T extends TableName, K extends keyof Rows[T] & string>(table: T, column: K, value: Rows[T][K]): Promise<Rows[T] | undefined> {
    return Promise.resolve(this.find(table, column, value));
  }

  listBy<T extends TableName, K extends keyof Rows[T] & string>(table: T, column: K, value: Rows[T][K]): Promise<Rows[T][]> {
    const statement = this.statement(`list:${table}:${column}`, () => `SELECT ${selectList(table)} FROM ${table} WHERE ${sqlColumn(table, column)} = ? ORDER BY id`);
    return Promise.resolve(statement.all(value).map((row) => decodeRow(table, row) as Rows[T]));
  }

  listAll<T extends TableName>(table: T): Promise<Rows[T][]> {
    const statement = this.statement(`list:${table}`, () => `SELECT ${selectList(table)} FROM ${table} ORDER BY id`);
    return Promise.resolve(statement.all().map((row) => decodeRow(table, row) as Rows[T]));
  }

  insert<T extends TableName>(table: T, row: Rows[T]): Promise<void> {
    const { sql, fields } = insertShape(table);
    const { lastInsertRowid } = prepared(this.db, sql).run(encodeValues(table, row, fields));
    // Recorded once the row is in: a refused insert (a constraint) wrote nothing, so there is nothing to undo.
    this.undo.push({ t: table, id: row.id, before: null });
    searchIndexInserted(this.db, table, lastInsertRowid, row);
    return Promise.resolve();
  }

  update<T extends TableName>(table: T, id: string, patch: Partial<Omit<Rows[T], 'id'>>): Promise<void> {
    const fields = Object.keys(patch).sort();
    if (fields.length === 0) return Promise.resolve();
    const statement = this.statement(
      `update:${table}:${fields.join(',')}`,
      () => `UPDATE ${table} SET ${fields.map((f) => `${sqlColumn(table, f)} = @${f}`).join(', ')} WHERE id = @id`,
    );
    const key = `${table}\u0000${id}`;
    const before = this.updated.has(key) ? undefined : this.find(table, 'id', id);
    const changes = statement.run(encodeRow(table, { ...patch, id })).changes;
    if (changes !== 1) throw new Error(`No ${table} row with id ${id} to update`);
    if (before !== undefined) {
      this.updated.add(key);
      this.undo.push({ t: table, id, before: before as unknown as Record<string, unknown> });
    }
    searchIndexUpdated(this.db, table, id, patch as Partial<Rows[T]>);
    holderNameUpdated(this.db, table, id, patch as Partial<Rows[T]>);
    return Promise.resolve();
  }
}
