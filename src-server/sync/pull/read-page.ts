import type { Actor } from '../../../src-shared/auth/actor';
import { SYNCED_TABLES, type PatchOperation, type SyncedTable } from '../../../src-shared/sync/protocol';
import { visibleCondition } from '../../authz/sql-scope';
import type { Queryable } from '../../db/database';
import { SqlParams } from '../../db/sql';
import { decodeRow, selectList, subjectColumn, SUBJECTS, type AnyRow } from '../synced-columns';

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

function windowConditions(alias: string, window: VersionWindow, params: SqlParams): string[] {
  const conditions = [`${alias}.version <= ${params.add(window.to)}`];
  if (window.from !== null) conditions.push(`${alias}.version > ${params.add(window.from)}`);
  return conditions;
}

/** Rows of `table` in the window that the actor may see now: the filter is in the query, never applied afterwards. */
function putsQuery(actor: Actor, table: SyncedTable, window: VersionWindow, after: string | null, limit: number | null) {
  const params = new SqlParams();
  const conditions = [
    ...windowConditions('t', window, params),
    visibleCondition(actor, SUBJECTS[table].resource, `t.${subjectColumn(table)}`, params),
  ];
  if (after !== null) conditions.push(`t.id > ${params.add(after)}::uuid`);
  const where = conditions.map((c) => `(${c})`).join(' AND ');
  const page = limit === null ? '' : ` ORDER BY t.id LIMIT ${params.add(limit)}`;
  return { where: `FROM ${table} t WHERE ${where}${page}`, params };
}

/**
 * Rows of `table` that left the sight of someone in the window (sync_exits) whose former subject the actor may see,
 * and that the actor cannot see now: the client must delete them. Only for incremental runs: a reset empties the
 * client's tables anyway.
 */
function exitsQuery(actor: Actor, table: SyncedTable, window: VersionWindow, after: string | null) {
  const params = new SqlParams();
  const { resource } = SUBJECTS[table];
  const conditions = [
    `x.table_name = ${params.add(table)}`,
    ...windowConditions('x', window, params),
    visibleCondition(actor, resource, 'x.subject_id', params),
    `NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = x.row_id AND (${visibleCondition(actor, resource, `t.${subjectColumn(table)}`, params)}))`,
  ];
  if (after !== null) conditions.push(`x.row_id > ${params.add(after)}::uuid`);
  return { where: `FROM sync_exits x WHERE ${conditions.map((c) => `(${c})`).join(' AND ')}`, params };
}

async function readPuts(db: Queryable, actor: Actor, table: SyncedTable, window: VersionWindow, after: string | null, limit: number): Promise<AnyRow[]> {
  const { where, params } = putsQuery(actor, table, window, after, limit);
  const { rows } = await db.query(`SELECT ${selectList(table, 't')} ${where}`, params.values);
  return rows.map((row) => decodeRow(table, row));
}

async function readDels(db: Queryable, actor: Actor, table: SyncedTable, window: VersionWindow, after: string | null, limit: number): Promise<string[]> {
  if (window.from === null) return [];
  const { where, params } = exitsQuery(actor, table, window, after);
  const { rows } = await db.query<{ id: string }>(`SELECT x.row_id::text AS id ${where} GROUP BY x.row_id ORDER BY x.row_id LIMIT ${params.add(limit)}`, params.values);
  return rows.map((row) => row.id);
}

/** Puts and dels of one table merged in id order (a row is never both: one needs it visible now, the other not). */
function merge(table: SyncedTable, puts: readonly AnyRow[], dels: readonly string[], limit: number): PatchOperation[] {
  const ops: PatchOperation[] = [];
  let p = 0;
  let d = 0;
  while (ops.length < limit && (p < puts.length || d < dels.length)) {
    const put = puts[p];
    const del = dels[d];
    if (put !== undefined && (del === undefined || put.id < del)) {
      ops.push({ op: 'put', table, row: put });
      p += 1;
    } else if (del !== undefined) {
      ops.push({ op: 'del', table, id: del });
      d += 1;
    }
  }
  return ops;
}

export interface Page {
  readonly ops: PatchOperation[];
  readonly position: PagePosition;
  /** Nothing of the run is left after this page. */
  readonly finished: boolean;
}

/**
 * One page of a run: at most `limit` operations in (table, id) order from `position`, reading each table by keyset
 * (id > last sent), so a 390,000-row first sync is streamed a page at a time and never held whole in memory.
 * One row more than needed is read per table to know whether the table has more.
 */
export async function readPage(db: Queryable, actor: Actor, window: VersionWindow, position: PagePosition, limit: number): Promise<Page> {
  const ops: PatchOperation[] = [];
  let { t, after } = position;
  while (t < SYNCED_TABLES.length && ops.length < limit) {
    const table = SYNCED_TABLES[t] as SyncedTable;
    const room = limit - ops.length;
    const puts = await readPuts(db, actor, table, window, after, room + 1);
    const dels = await readDels(db, actor, table, window, after, room + 1);
    const merged = merge(table, puts, dels, room + 1);
    if (merged.length > room) {
      const taken = merged.slice(0, room);
      ops.push(...taken);
      const last = taken.at(-1);
      after = last === undefined ? after : last.op === 'put' ? (last.row.id as string) : last.id;
      break;
    }
    ops.push(...merged);
    t += 1;
    after = null;
  }
  return { ops, position: { t, after }, finished: t >= SYNCED_TABLES.length };
}

/** How many operations the whole run holds, counted in the run's first snapshot for the progress bar. */
export async function countRun(db: Queryable, actor: Actor, window: VersionWindow): Promise<number> {
  let total = 0;
  for (const table of SYNCED_TABLES) {
    const puts = putsQuery(actor, table, window, null, null);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${puts.where}`, puts.params.values);
    total += rows[0]?.n ?? 0;
    if (window.from === null) continue;
    const dels = exitsQuery(actor, table, window, null);
    const counted = await db.query<{ n: number }>(`SELECT count(DISTINCT x.row_id)::int AS n ${dels.where}`, dels.params.values);
    total += counted.rows[0]?.n ?? 0;
  }
  return total;
}
