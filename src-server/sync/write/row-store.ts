import { SYNCED_TABLES, type SyncedTable } from '../../../src-shared/sync/protocol';
import { DomainError } from '../../../src-shared/result';
import type { Queryable } from '../../db/database';
import {
  canonicalRow,
  columnFor,
  columnsOf,
  decodeRow,
  selectList,
  subjectOfRow,
  toColumnJson,
  UNIQUE_LOOKUPS,
  type AnyRow,
} from '../synced-columns';

/** A row as this push holds it: `row` null means "known not to exist"; `op` says what the database still lacks. */
interface Entry {
  readonly row: AnyRow | null;
  readonly op: 'clean' | 'insert' | 'update';
}

/** One row a mutation changed, as it was before the mutation (null: it made the row) and after. */
export interface RowChange {
  readonly table: SyncedTable;
  readonly id: string;
  readonly before: AnyRow | null;
  readonly after: AnyRow;
}

interface Exit {
  readonly table: SyncedTable;
  readonly rowId: string;
  readonly subjectId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type PerTable<V> = Record<SyncedTable, V>;

function perTable<V>(make: () => V): PerTable<V> {
  return {
    people: make(),
    assets: make(),
    asset_events: make(),
    aup_acknowledgements: make(),
    security_incidents: make(),
    loss_reports: make(),
    phone_suspensions: make(),
    incident_events: make(),
    country_policy_versions: make(),
    country_policy_rules: make(),
    trips: make(),
    trip_legs: make(),
    trip_devices: make(),
    trip_events: make(),
    travel_notices: make(),
  };
}

function lookupValue(table: SyncedTable, field: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return columnFor(table, field).kind === 'uuid' ? value.toLowerCase() : value;
}

/**
 * The rows one push reads and writes, held in memory for the length of its transaction, so that 500 mutations cost a
 * handful of statements instead of thousands of round trips:
 *
 * - Reads come from here when the row is known (prefetched, read before, or written by an earlier mutation), else
 *   from the database. That is sound because the push holds the sync_head lock, which every writer of a synced table
 *   takes first: nothing else changes these tables until it commits.
 * - Writes stay here until `flush`, which writes each table's new and changed rows in one statement each, stamped with
 *   the transaction's version, and records exits (a row whose subject moved away from a person).
 * - Between `begin` and `commit`/`rollback` every change is journalled, so a mutation that fails is undone here
 *   without a savepoint round trip (see apply-push.ts for the savepoint fallback).
 */
export class SyncRowStore {
  private readonly entries: PerTable<Map<string, Entry>> = perTable(() => new Map());
  /** For each unique field (UNIQUE_LOOKUPS): value → id of the row holding it, or null when no row does. */
  private readonly lookups: PerTable<Map<string, Map<string, string | null>>> = perTable(() => new Map());
  private readonly dirty: PerTable<Set<string>> = perTable(() => new Set());
  private exits: Exit[] = [];
  private journal: (() => void)[] | null = null;
  private changes: Map<string, RowChange> | null = null;
  private flushedInMutation = false;
  /** Whether any row has been written to the database by this store. */
  wroteRows = false;

  constructor(
    private readonly tx: Queryable,
    /** The version every row written by this transaction is stamped with (sync_head + 1). */
    private readonly version: number,
  ) {}

  // ── journalled primitives: every change to the store's state goes through these ──

  private undoable(undo: () => void): void {
    this.journal?.push(undo);
  }

  private setEntry(table: SyncedTable, id: string, entry: Entry): void {
    const map = this.entries[table];
    const previous = map.get(id);
    map.set(id, entry);
    this.undoable(() => (previous === undefined ? map.delete(id) : map.set(id, previous)));
  }

  private setLookup(table: SyncedTable, field: string, value: string, id: string | null): void {
    let byValue = this.lookups[table].get(field);
    if (!byValue) {
      byValue = new Map();
      this.lookups[table].set(field, byValue);
    }
    const map = byValue;
    const previous = map.get(value);
    map.set(value, id);
    this.undoable(() => (previous === undefined ? map.delete(value) : map.set(value, previous)));
  }

  private setDirty(table: SyncedTable, id: string, dirty: boolean): void {
    const set = this.dirty[table];
    const was = set.has(id);
    if (was === dirty) return;
    if (dirty) set.add(id);
    else set.delete(id);
    this.undoable(() => (was ? set.add(id) : set.delete(id)));
  }

  private addExit(exit: Exit): void {
    this.exits.push(exit);
    this.undoable(() => this.exits.pop());
  }

  /** A row as the database holds it now: cache it and index its unique values. */
  private remember(table: SyncedTable, row: AnyRow): AnyRow {
    const known = this.entries[table].get(row.id);
    if (known) return known.row ?? row;
    this.setEntry(table, row.id, { row, op: 'clean' });
    for (const field of UNIQUE_LOOKUPS[table]) {
      const value = lookupValue(table, field, row[field]);
      if (field !== 'id' && value !== undefined) this.setLookup(table, field, value, row.id);
    }
    return row;
  }

  // ── mutation boundaries ──

  /** Starts journalling one mutation's changes. */
  begin(): void {
    this.journal = [];
    this.changes = new Map();
    this.flushedInMutation = false;
  }

  /** Keeps the mutation's changes and returns them (for the permission check and the audit event). */
  commit(): RowChange[] {
    const changes = [...(this.changes?.values() ?? [])];
    this.journal = null;
    this.changes = null;
    return changes;
  }

  /** The changes the current mutation has made so far. */
  pendingChanges(): RowChange[] {
    return [...(this.changes?.values() ?? [])];
  }

  /**
   * Undoes the current mutation here. Returns false when some of its writes already reached the database (a lookup
   * forced a flush mid-mutation): the caller must then undo them in the database too (savepoint, or a retry).
   */
  rollback(): boolean {
    const journal = this.journal ?? [];
    for (let index = journal.length - 1; index >= 0; index -= 1) journal[index]?.();
    this.journal = null;
    this.changes = null;
    return !this.flushedInMutation;
  }

  // ── reads ──

  /** Loads rows of people and assets named anywhere in a push's arguments, in one statement per table. */
  async prefetch(uuids: ReadonlySet<string>, strings: ReadonlySet<string>): Promise<void> {
    const ids = [...uuids].map((id) => id.toLowerCase());
    const texts = [...strings];
    const fetches: [SyncedTable, string[]][] = [
      ['people', ['staff_number', 'email']],
      ['assets', ['asset_tag']],
    ];
    for (const [table, textColumns] of fetches) {
      // One index lookup per key column (UNION), rather than OR, which the planner may answer with a table scan.
      const conditions = ['t.id = ANY($1::uuid[])', ...(texts.length > 0 ? textColumns.map((column) => `t.${column} = ANY($2::text[])`) : [])];
      const sql = conditions.map((condition) => `SELECT ${selectList(table, 't')} FROM ${table} t WHERE ${condition}`).join(' UNION ALL ');
      const { rows } = await this.tx.query(sql, texts.length > 0 ? [ids, texts] : [ids]);
      for (const raw of rows) this.remember(table, decodeRow(table, raw));
      // What was asked for and not found is known not to exist (until this push makes it).
      for (const id of ids) if (!this.entries[table].has(id)) this.setEntry(table, id, { row: null, op: 'clean' });
      for (const field of UNIQUE_LOOKUPS[table]) {
        if (field === 'id') continue;
        const known = this.lookups[table].get(field);
        for (const text of texts) if (known?.get(text) === undefined) this.setLookup(table, field, text, null);
      }
    }
  }

  async get(table: SyncedTable, id: string): Promise<AnyRow | undefined> {
    if (!UUID.test(id)) return undefined;
    const key = id.toLowerCase();
    const known = this.entries[table].get(key);
    if (known) return known.row ?? undefined;
    const { rows } = await this.tx.query(`SELECT ${selectList(table, 't')} FROM ${table} t WHERE t.id = $1::uuid`, [key]);
    const raw = rows[0];
    if (!raw) {
      this.setEntry(table, key, { row: null, op: 'clean' });
      return undefined;
    }
    return this.remember(table, decodeRow(table, raw));
  }

  async findBy(table: SyncedTable, field: string, value: unknown): Promise<AnyRow | undefined> {
    if (field === 'id') return typeof value === 'string' ? this.get(table, value) : undefined;
    const column = columnFor(table, field);
    if (column.kind === 'uuid' && (typeof value !== 'string' || !UUID.test(value))) return undefined;
    const key = lookupValue(table, field, value);
    if (UNIQUE_LOOKUPS[table].includes(field) && key !== undefined) return this.findUnique(table, field, key);
    // Any other column: only the database can say which rows match, so it must first hold what this push wrote.
    if (this.hasDirtyRows()) {
      await this.flush();
      this.flushedInMutation = this.journal !== null;
    }
    const { rows } = await this.tx.query(`SELECT ${selectList(table, 't')} FROM ${table} t WHERE t.${column.column} = $1 ORDER BY t.id LIMIT 1`, [
      value ?? null,
    ]);
    const raw = rows[0];
    return raw ? this.remember(table, decodeRow(table, raw)) : undefined;
  }

  /**
   * Every row whose `field` equals `value` (or every row of the table, without a field), in id order. Only the
   * database can say which rows match, so it must first hold what this push wrote; rows come back as this push holds them.
   */
  async list(table: SyncedTable, field?: string, value?: unknown): Promise<AnyRow[]> {
    if (this.hasDirtyRows()) {
      await this.flush();
      this.flushedInMutation = this.journal !== null;
    }
    const where = field === undefined ? '' : ` WHERE t.${columnFor(table, field).column} = $1`;
    const { rows } = await this.tx.query(`SELECT ${selectList(table, 't')} FROM ${table} t${where} ORDER BY t.id`, field === undefined ? [] : [value ?? null]);
    return rows.map((raw) => this.remember(table, decodeRow(table, raw)));
  }

  private async findUnique(table: SyncedTable, field: string, value: string): Promise<AnyRow | undefined> {
    const known = this.lookups[table].get(field)?.get(value);
    if (known === null) return undefined;
    if (known !== undefined) return this.entries[table].get(known)?.row ?? undefined;
    const { column } = columnFor(table, field);
    const { rows } = await this.tx.query(`SELECT ${selectList(table, 't')} FROM ${table} t WHERE t.${column} = $1 LIMIT 1`, [value]);
    const raw = rows[0];
    if (!raw) {
      this.setLookup(table, field, value, null);
      return undefined;
    }
    const stored = decodeRow(table, raw);
    const held = this.entries[table].get(stored.id)?.row;
    // This push changed that row: it holds the value only if it still does here.
    if (held) return held[field] === value ? held : undefined;
    return this.remember(table, stored);
  }

  // ── writes ──

  private recordChange(table: SyncedTable, id: string, before: AnyRow | null, after: AnyRow): void {
    if (!this.changes) return;
    const key = `${table}/${id}`;
    const first = this.changes.get(key);
    this.changes.set(key, { table, id, before: first ? first.before : before, after });
  }

  /** Points the row's unique values at it (and releases the ones it gave up), refusing a value another row holds. */
  private indexUnique(table: SyncedTable, before: AnyRow | null, after: AnyRow): void {
    for (const field of UNIQUE_LOOKUPS[table]) {
      if (field === 'id') continue;
      const next = lookupValue(table, field, after[field]);
      const previous = before ? lookupValue(table, field, before[field]) : undefined;
      if (next === previous) continue;
      if (next !== undefined) {
        const holder = this.lookups[table].get(field)?.get(next);
        if (holder !== undefined && holder !== null && holder !== after.id) {
          throw new DomainError('conflict', `Another record already has this ${field}`, { [field]: 'Another record already has this value' });
        }
        this.setLookup(table, field, next, after.id);
      }
      if (previous !== undefined) this.setLookup(table, field, previous, null);
    }
  }

  insert(table: SyncedTable, input: Readonly<Record<string, unknown>>): void {
    const row = canonicalRow(table, input);
    if (this.entries[table].get(row.id)?.row) {
      throw new DomainError('conflict', 'Another record already has this id', { id: 'Another record already has this value' });
    }
    this.indexUnique(table, null, row);
    this.setEntry(table, row.id, { row, op: 'insert' });
    this.setDirty(table, row.id, true);
    this.recordChange(table, row.id, null, row);
  }

  async update(table: SyncedTable, id: string, patch: Readonly<Record<string, unknown>>): Promise<void> {
    const current = await this.get(table, id);
    if (!current) throw new Error(`No ${table} row with id ${id} to update`);
    const row = canonicalRow(table, { ...current, ...patch, id: current.id });
    this.indexUnique(table, current, row);
    const op = this.entries[table].get(current.id)?.op === 'insert' ? 'insert' : 'update';
    this.setEntry(table, current.id, { row, op });
    this.setDirty(table, current.id, true);
    // A row leaving a person (an asset handed back or passed on): whoever saw it through them must be told to drop it.
    const from = subjectOfRow(table, current);
    if (from !== null && from !== subjectOfRow(table, row)) this.addExit({ table, rowId: current.id, subjectId: from });
    this.recordChange(table, current.id, current, row);
  }

  // ── flush ──

  private hasDirtyRows(): boolean {
    return SYNCED_TABLES.some((table) => this.dirty[table].size > 0) || this.exits.length > 0;
  }

  /**
   * Writes every new and changed row, one statement per table and kind, stamped with this transaction's version;
   * then the exits. Parents first (people, assets, then their events and confirmations), for the foreign keys.
   */
  async flush(): Promise<void> {
    for (const table of SYNCED_TABLES) {
      const ids = [...this.dirty[table]];
      if (ids.length === 0) continue;
      const inserts: Record<string, unknown>[] = [];
      const updates: Record<string, unknown>[] = [];
      for (const id of ids) {
        const entry = this.entries[table].get(id);
        if (!entry?.row) continue;
        (entry.op === 'insert' ? inserts : updates).push(toColumnJson(table, entry.row));
      }
      const columns = columnsOf(table).map((column) => column.column);
      if (inserts.length > 0) {
        await this.tx.query(
          `INSERT INTO ${table} (${columns.join(', ')}, version)
           SELECT ${columns.map((c) => `v.${c}`).join(', ')}, $2 FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb) AS v`,
          [JSON.stringify(inserts), this.version],
        );
      }
      if (updates.length > 0) {
        const set = columns.filter((c) => c !== 'id').map((c) => `${c} = v.${c}`);
        const { rowCount } = await this.tx.query(
          `UPDATE ${table} AS t SET ${set.join(', ')}, version = $2
             FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb) AS v WHERE t.id = v.id`,
          [JSON.stringify(updates), this.version],
        );
        if (rowCount !== updates.length) throw new Error(`Expected to update ${String(updates.length)} ${table} rows, updated ${String(rowCount)}`);
      }
      for (const id of ids) {
        const entry = this.entries[table].get(id);
        if (entry) this.setEntry(table, id, { row: entry.row, op: 'clean' });
        this.setDirty(table, id, false);
      }
      this.wroteRows = true;
    }
    if (this.exits.length > 0) {
      const exits = this.exits.map((exit) => ({ table_name: exit.table, row_id: exit.rowId, subject_id: exit.subjectId }));
      await this.tx.query(
        `INSERT INTO sync_exits (table_name, version, row_id, subject_id)
         SELECT x.table_name, $2, x.row_id, x.subject_id FROM jsonb_to_recordset($1::jsonb) AS x (table_name text, row_id uuid, subject_id uuid)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(exits), this.version],
      );
      const written = this.exits;
      this.exits = [];
      this.undoable(() => (this.exits = written));
    }
  }
}
