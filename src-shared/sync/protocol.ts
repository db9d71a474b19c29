import { z } from 'zod';
import { TABLE_COLUMNS, type TableName } from '../domain/tables';

/**
 * The sync wire protocol between desktops and the central API (DESIGN.md, "Sync protocol": Replicache-style
 * push/pull). Both sides import these schemas, so a change here is a change to both ends at once.
 *
 * Bump SYNC_SCHEMA_VERSION whenever the wire format, a synced table's columns, or a mutator's arguments change in
 * a way an older peer would misread. A request with another version is refused with `schema_version` (HTTP 409),
 * naming the version the server speaks; the desktop then stops syncing and keeps its outbox.
 */
export const SYNC_SCHEMA_VERSION = 3;

/** At most this many mutations per push request; the desktop sends a longer outbox in several pushes, in order. */
export const MAX_PUSH_MUTATIONS = 500;

/** Largest push body the server accepts (an import batch mutation carries up to IMPORT_BATCH_ROWS rows). */
export const MAX_PUSH_BODY_BYTES = 8 * 1024 * 1024;

/** Rows (puts and deletes together) per pull page: a first sync of 390,000 rows arrives in pages of this size. */
export const PULL_PAGE_ROWS = 5000;

/** The synced tables, in the order a page lists them (parents first). */
export const SYNCED_TABLES = [
  'people',
  'assets',
  'asset_events',
  'aup_acknowledgements',
  'security_incidents',
  'loss_reports',
  'phone_suspensions',
  'incident_events',
  'country_policy_versions',
  'country_policy_rules',
  'trips',
  'trip_legs',
  'trip_devices',
  'trip_events',
  'travel_notices',
] as const satisfies readonly TableName[];

export type SyncedTable = (typeof SYNCED_TABLES)[number];

const syncedTable = z.enum(SYNCED_TABLES);

/** clientId: the installation's UUID (src-main/store/installation.ts). */
export const clientIdSchema = z.uuid();

export const pushedMutation = z
  .object({
    /** Gap-free per client, starting at 1. */
    id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    /** A name in src-shared/mutators/registry.ts; an unknown name is a permanent failure (a rejection), not a 4xx. */
    name: z.string().min(1).max(100),
    /** The mutator's arguments as the desktop ran them; the server parses them with the mutator's own schema. */
    args: z.unknown(),
    /** The desktop's clock when the mutation was made (ISO 8601): shown to people, never used for ordering. */
    createdAt: z.iso.datetime(),
  })
  .strict();

export type PushedMutation = z.infer<typeof pushedMutation>;

export const pushRequest = z
  .object({
    schemaVersion: z.number().int(),
    clientId: clientIdSchema,
    mutations: z.array(pushedMutation).max(MAX_PUSH_MUTATIONS),
  })
  .strict();

export type PushRequest = z.infer<typeof pushRequest>;

export const pushResponse = z
  .object({
    /** The last mutation id the server has processed for this client (applied or rejected). */
    lastMutationId: z.number().int().nonnegative(),
    /** Of this request's mutations: how many were newly applied, newly rejected, or already processed before. */
    applied: z.number().int().nonnegative(),
    rejected: z.number().int().nonnegative(),
    duplicates: z.number().int().nonnegative(),
  })
  .strict();

export type PushResponse = z.infer<typeof pushResponse>;

export const pullRequest = z
  .object({
    schemaVersion: z.number().int(),
    clientId: clientIdSchema,
    /** Opaque: null on a first sync, otherwise the cookie of the previous pull response, passed back unchanged. */
    cookie: z.string().min(1).max(2000).nullable(),
  })
  .strict();

export type PullRequest = z.infer<typeof pullRequest>;

/** A row in domain shape (TABLE_COLUMNS keys; people.roles as an array; dates and times as ISO strings). */
const putOperation = z.object({ op: z.literal('put'), table: syncedTable, row: z.record(z.string(), z.unknown()) }).strict();
/** The row was deleted, or left what this user may see: remove it locally. */
const delOperation = z.object({ op: z.literal('del'), table: syncedTable, id: z.string().min(1).max(100) }).strict();

export const patchOperation = z.discriminatedUnion('op', [putOperation, delOperation]);

export type PatchOperation = z.infer<typeof patchOperation>;

/** A pushed mutation the server refused for good (validation, permission, illegal transition). Synced back. */
export const rejection = z
  .object({
    mutationId: z.number().int().positive(),
    name: z.string(),
    /** An ErrorCode (src-shared/result.ts). */
    code: z.string(),
    /** Written for people: "not applied: this asset was issued to A. Smith by B. Jones at 14:02". */
    message: z.string(),
    /** When the server refused it (server clock, ISO 8601). */
    rejectedAt: z.iso.datetime(),
  })
  .strict();

export type Rejection = z.infer<typeof rejection>;

export const pullResponse = z
  .object({
    /** Pass back on the next pull. */
    cookie: z.string().min(1).max(2000),
    /** The client's last mutation id the server had processed in this pull's snapshot: outbox entries ≤ it are done. */
    lastMutationId: z.number().int().nonnegative(),
    /**
     * The client must first delete every row of the synced tables (keeping its outbox): a first sync, or what this
     * user may see has changed shape (they changed role, or someone moved in or out of their line of reports).
     */
    reset: z.boolean(),
    /**
     * Another page follows: pull again at once with `cookie`. The desktop applies every page of a run in one
     * transaction and commits only at the page with more = false, so it never shows a half-synced store.
     */
    more: z.boolean(),
    /** Rows sent so far in this run (all pages) and the run's total when known, for a progress bar. */
    progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable() }).strict(),
    patch: z.array(patchOperation),
    /** This client's rejections the previous cookie had not yet reported. */
    rejections: z.array(rejection),
  })
  .strict();

export type PullResponse = z.infer<typeof pullResponse>;

/**
 * The pull response as the desktop reads it: the published contract (pullResponse) except that a put's row is only
 * checked to be an object. The store checks every pulled row itself before binding it — exactly the table's fields,
 * each text, a number or null (src-main/sync/store/row-shape.ts) — and the STRICT tables' types and CHECK constraints
 * check the values; walking every row's keys here as well cost about 3 µs a row, a second of a 390,000-row first
 * sync. The server's replies are checked against the full pullResponse in the contract tests.
 */
export const pulledPage = pullResponse.extend({
  patch: z.array(
    z.discriminatedUnion('op', [
      putOperation.extend({
        row: z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'Expected an object'),
      }),
      delOperation,
    ]),
  ),
});

/** Server-sent events at GET /api/v1/sync/poke: `event: poke` whenever a change may be visible to this user. */
export const POKE_EVENT = 'poke';

export const SYNC_PATHS = {
  push: '/api/v1/sync/push',
  pull: '/api/v1/sync/pull',
  poke: '/api/v1/sync/poke',
} as const;

/** The columns of a synced table, for checking a pulled row names only known fields. */
export function syncedColumns(table: SyncedTable): readonly string[] {
  return Object.keys(TABLE_COLUMNS[table]);
}
