import type { Actor } from '../../../src-shared/auth/actor';
import { SYNCED_TABLES, type SyncedTable } from '../../../src-shared/sync/protocol';
import { visibleCondition } from '../../authz/sql-scope';
import type { Queryable } from '../../db/database';
import { integer } from '../../db/rows';
import { SqlParams } from '../../db/sql';
import { jsonRow, subjectColumn, SUBJECTS } from '../synced-columns';

/** The versions a run sends: (from, to], or everything ≤ to when from is null (a reset). */
export interface VersionWindow {
  readonly from: number | null;
  readonly to: number;
}

/** Where a page starts: the table (index in SYNCED_TABLES) and the last id already sent from it. */
export interface PagePosition {
  readonly t: number;
  readonly after: string | null;
}

/**
 * A patch operation as it goes on the wire: a put carries its row as the JSON text the database made (see
 * serialize-pull.ts), never parsed here.
 */
export type WireOperation =
  | { readonly op: 'put'; readonly table: SyncedTable; readonly id: string; readonly json: string }
  | { readonly op: 'del'; readonly table: SyncedTable; readonly id: string };

/** A row read for a page: its id (for ordering and paging) and its JSON. */
interface PutRow {
  readonly id: string;
  readonly json: string;
}

export interface Page {
  readonly ops: WireOperation[];
  readonly position: PagePosition;
  /** Nothing of the run is left after this page. */
  readonly finished: boolean;
}

function windowConditions(alias: string, window: VersionWindow, params: SqlParams): string[] {
  const conditions = [`${alias}.version <= ${params.add(window.to)}`];
  if (window.from !== null) conditions.push(`${alias}.version > ${params.add(window.from)}`);
  return conditions;
}

/** Which rows of `table` the actor may see now: the filter is in the query, never applied afterwards. */
function visible(actor: Actor, table: SyncedTable, alias: string, params: SqlParams, below: readonly string[] | null): string {
  return visibleCondition(actor, SUBJECTS[table].resource, `${alias}.${subjectColumn(table)}`, params, below ?? undefined);
}

function putsWhere(actor: Actor, table: SyncedTable, window: VersionWindow, after: string | null, params: SqlParams, below: readonly string[] | null): string {
  const conditions = [...windowConditions('t', window, params), visible(actor, table, 't', params, below)];
  if (after !== null) conditions.push(`t.id > ${params.add(after)}::uuid`);
  return conditions.map((c) => `(${c})`).join(' AND ');
}

/**
 * Rows of `table` that left the sight of someone in the window (sync_exits) whose former subject the actor may see,
 * and that the actor cannot see now: the client must delete them. Only for incremental runs: a reset empties the
 * client's tables anyway.
 */
function exitsWhere(actor: Actor, table: SyncedTable, window: VersionWindow, after: string | null, params: SqlParams, below: readonly string[] | null): string {
  const conditions = [
    `x.table_name = ${params.add(table)}`,
    ...windowConditions('x', window, params),
    visibleCondition(actor, SUBJECTS[table].resource, 'x.subject_id', params, below ?? undefined),
    `NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = x.row_id AND (${visible(actor, table, 't', params, below)}))`,
  ];
  if (after !== null) conditions.push(`x.row_id > ${params.add(after)}::uuid`);
  return conditions.map((c) => `(${c})`).join(' AND ');
}

/** Puts and dels of one table merged in id order (a row is never both: one needs it visible now, the other not). */
function merge(table: SyncedTable, puts: readonly PutRow[], dels: readonly string[], limit: number): WireOperation[] {
  const ops: WireOperation[] = [];
  let p = 0;
  let d = 0;
  while (ops.length < limit && (p < puts.length || d < dels.length)) {
    const put = puts[p];
    const del = dels[d];
    if (put !== undefined && (del === undefined || put.id < del)) {
      ops.push({ op: 'put', table, id: put.id, json: put.json });
      p += 1;
    } else if (del !== undefined) {
      ops.push({ op: 'del', table, id: del });
      d += 1;
    }
  }
  return ops;
}

/** What a page needs of each table: up to `limit` puts and dels after a position (one more than the page holds). */
type TableReader = (table: SyncedTable, after: string | null, limit: number) => Promise<{ puts: PutRow[]; dels: string[] }>;

/**
 * Fills a page from `position`, table after table: at most `limit` operations in (table, id) order. One row more
 * than needed is read per table to know whether the table has more.
 */
async function fillPage(read: TableReader, position: PagePosition, limit: number): Promise<Page> {
  const ops: WireOperation[] = [];
  let { t, after } = position;
  while (t < SYNCED_TABLES.length && ops.length < limit) {
    const table = SYNCED_TABLES[t] as SyncedTable;
    const room = limit - ops.length;
    const { puts, dels } = await read(table, after, room + 1);
    const merged = merge(table, puts, dels, room + 1);
    if (merged.length > room) {
      const taken = merged.slice(0, room);
      ops.push(...taken);
      const last = taken.at(-1);
      after = last === undefined ? after : last.id;
      break;
    }
    ops.push(...merged);
    t += 1;
    after = null;
  }
  return { ops, position: { t, after }, finished: t >= SYNCED_TABLES.length };
}

/**
 * One page of a run read table by table, each by keyset (id > last sent): a 390,000-row first sync is streamed a page
 * at a time and never held whole in memory. Used for resets (and whenever the incremental read cannot be).
 */
export function readPage(db: Queryable, actor: Actor, window: VersionWindow, position: PagePosition, limit: number, below: readonly string[] | null): Promise<Page> {
  return fillPage(
    async (table, after, n) => {
      const params = new SqlParams();
      const where = putsWhere(actor, table, window, after, params, below);
      const { rows } = await db.query<PutRow>(`SELECT t.id::text AS id, ${jsonRow(table, 't')} AS json FROM ${table} t WHERE ${where} ORDER BY t.id LIMIT ${params.add(n)}`, params.values);
      let dels: string[] = [];
      if (window.from !== null) {
        const exits = new SqlParams();
        const whereExits = exitsWhere(actor, table, window, after, exits, below);
        const found = await db.query<{ id: string }>(
          `SELECT x.row_id::text AS id FROM sync_exits x WHERE ${whereExits} GROUP BY x.row_id ORDER BY x.row_id LIMIT ${exits.add(n)}`,
          exits.values,
        );
        dels = found.rows.map((row) => row.id);
      }
      return { puts: rows, dels };
    },
    position,
    limit,
  );
}

/** The newest version among a table's rows and among its exits, from the pull's state. */
export interface TableNewest {
  readonly rows: number;
  readonly exits: number;
}

/**
 * One incremental page in ONE statement (one snapshot, one round trip): for every table from `position` that changed
 * since the window opened (per `newest`), up to limit + 1 puts and dels, and the snapshot's hierarchy version. An
 * incremental page is usually a handful of rows in one or two tables, so reading a little ahead in later tables costs
 * less than a round trip per table; a whole page per table at most.
 */
export async function readIncrementalPage(
  db: Queryable,
  actor: Actor,
  window: { readonly from: number; readonly to: number },
  position: PagePosition,
  limit: number,
  below: readonly string[] | null,
  newest: readonly TableNewest[],
): Promise<{ page: Page; hierarchyVersion: number }> {
  const params = new SqlParams();
  let limitParam: string | undefined;
  // Bound only when some table is read: every parameter sent must appear in the statement.
  const n = () => (limitParam ??= params.add(limit + 1));
  const parts = [`(SELECT -1 AS t, NULL::text AS id, h.hierarchy_version::text AS json FROM sync_head h WHERE h.singleton)`];
  for (let t = position.t; t < SYNCED_TABLES.length; t += 1) {
    const table = SYNCED_TABLES[t] as SyncedTable;
    const after = t === position.t ? position.after : null;
    if ((newest[t]?.rows ?? Number.POSITIVE_INFINITY) > window.from) {
      parts.push(
        `(SELECT ${String(t)} AS t, t.id::text AS id, ${jsonRow(table, 't')} AS json FROM ${table} t
           WHERE ${putsWhere(actor, table, window, after, params, below)} ORDER BY t.id LIMIT ${n()})`,
      );
    }
    if ((newest[t]?.exits ?? Number.POSITIVE_INFINITY) > window.from) {
      parts.push(
        `(SELECT ${String(t)} AS t, x.row_id::text AS id, NULL::text AS json FROM sync_exits x
           WHERE ${exitsWhere(actor, table, window, after, params, below)} GROUP BY x.row_id ORDER BY x.row_id LIMIT ${n()})`,
      );
    }
  }
  const { rows } = await db.query<{ t: number; id: string | null; json: string | null }>(parts.join(' UNION ALL '), params.values);
  const hierarchy = rows.find((row) => row.t === -1)?.json;
  if (hierarchy === undefined || hierarchy === null) throw new Error('The sync head row is missing; the database was not migrated');
  const byTable = new Map<number, { puts: PutRow[]; dels: string[] }>();
  for (const row of rows) {
    if (row.t < 0 || row.id === null) continue;
    const entry = byTable.get(row.t) ?? { puts: [], dels: [] };
    if (row.json === null) entry.dels.push(row.id);
    else entry.puts.push({ id: row.id, json: row.json });
    byTable.set(row.t, entry);
  }
  for (const entry of byTable.values()) {
    entry.puts.sort((a, b) => (a.id < b.id ? -1 : 1));
    entry.dels.sort();
  }
  const page = await fillPage((table) => Promise.resolve(byTable.get(SYNCED_TABLES.indexOf(table)) ?? { puts: [], dels: [] }), position, limit);
  return { page, hierarchyVersion: integer(hierarchy) };
}

/** How many operations the whole run holds, counted in the run's first snapshot for the progress bar. */
export async function countRun(db: Queryable, actor: Actor, window: VersionWindow, below: readonly string[] | null): Promise<number> {
  let total = 0;
  for (const table of SYNCED_TABLES) {
    const params = new SqlParams();
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} t WHERE ${putsWhere(actor, table, window, null, params, below)}`, params.values);
    total += rows[0]?.n ?? 0;
    if (window.from === null) continue;
    const exits = new SqlParams();
    const counted = await db.query<{ n: number }>(
      `SELECT count(DISTINCT x.row_id)::int AS n FROM sync_exits x WHERE ${exitsWhere(actor, table, window, null, exits, below)}`,
      exits.values,
    );
    total += counted.rows[0]?.n ?? 0;
  }
  return total;
}
