import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Database, Queryable } from '../../../src-server/db/database';
import { nextSyncVersion } from '../../../src-server/sync/sync-head';
import { CURRENT_AUP_VERSION } from '../../../src-shared/domain/policy';
import {
  pullResponse,
  pushResponse,
  SYNC_PATHS,
  SYNC_SCHEMA_VERSION,
  SYNCED_TABLES,
  type PullResponse,
  type PushedMutation,
  type PushResponse,
  type SyncedTable,
} from '../../../src-shared/sync/protocol';
import type { TestApi } from './api';

/** The desktop's clock when the test's mutations were made (shown to people, never used for ordering). */
export const MADE_AT = '2026-11-20T14:02:00.000Z';

export interface Answer {
  readonly status: number;
  readonly json: { ok?: boolean; value?: unknown; error?: { code: string; message: string; fields: Record<string, string> } };
}

/** How a client reaches the API: in-process inject (contract-checked) or real HTTP. */
export type Transport = (path: string, token: string, body: unknown) => Promise<Answer>;

export function injected(api: TestApi): Transport {
  return async (path, token, body) => {
    const reply = await api.call('POST', path, { token, body });
    return { status: reply.status, json: reply.json };
  };
}

export function overHttp(baseUrl: string): Transport {
  return async (path, token, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Answer['json'] };
  };
}

export interface Intent {
  readonly name: string;
  readonly args: unknown;
}

type Model = Record<SyncedTable, Map<string, Record<string, unknown>>>;

function emptyModel(): Model {
  return {
    people: new Map(),
    assets: new Map(),
    asset_events: new Map(),
    aup_acknowledgements: new Map(),
    security_incidents: new Map(),
    loss_reports: new Map(),
    phone_suspensions: new Map(),
    incident_events: new Map(),
    country_policy_versions: new Map(),
    country_policy_rules: new Map(),
    trips: new Map(),
    trip_legs: new Map(),
    trip_devices: new Map(),
    trip_events: new Map(),
    travel_notices: new Map(),
  };
}

function copyModel(model: Model): Model {
  const copy = emptyModel();
  for (const table of SYNCED_TABLES) for (const [id, row] of model[table]) copy[table].set(id, row);
  return copy;
}

/**
 * A desktop as far as sync is concerned: a clientId, a gap-free mutation counter, a cookie, and a store (a model of
 * the synced tables) that applies pulled pages the way the protocol says: the pages of one run together, a reset
 * empties it first, a del removes the row.
 */
export class SyncClient {
  readonly clientId: string;
  cookie: string | null = null;
  lastMutationId = 0;
  private nextId = 1;
  private committed: Model = emptyModel();
  private staged: Model | null = null;

  constructor(
    private readonly transport: Transport,
    public token: string,
    clientId: string = randomUUID(),
  ) {
    this.clientId = clientId;
  }

  /** Gives the intents the next ids, as the desktop's outbox would, and returns them without sending. */
  queue(intents: readonly Intent[], createdAt = MADE_AT): PushedMutation[] {
    return intents.map((intent) => ({ id: this.nextId++, name: intent.name, args: intent.args, createdAt }));
  }

  async pushRaw(mutations: readonly PushedMutation[]): Promise<Answer> {
    return this.transport(SYNC_PATHS.push, this.token, { schemaVersion: SYNC_SCHEMA_VERSION, clientId: this.clientId, mutations });
  }

  /** Queues and pushes; expects 200 and returns the push response. */
  async push(intents: readonly Intent[], createdAt = MADE_AT): Promise<PushResponse> {
    const answer = await this.pushRaw(this.queue(intents, createdAt));
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    return pushResponse.parse(answer.json.value);
  }

  async pullRaw(cookie: string | null = this.cookie): Promise<Answer> {
    return this.transport(SYNC_PATHS.pull, this.token, { schemaVersion: SYNC_SCHEMA_VERSION, clientId: this.clientId, cookie });
  }

  /** One pull page, applied to the model; expects 200. */
  async pullPage(): Promise<PullResponse> {
    const answer = await this.pullRaw();
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    const page = pullResponse.parse(answer.json.value);
    this.staged ??= copyModel(this.committed);
    if (page.reset) this.staged = emptyModel();
    for (const op of page.patch) {
      if (op.op === 'put') this.staged[op.table].set(String(op.row.id), op.row);
      else this.staged[op.table].delete(op.id);
    }
    if (!page.more) {
      this.committed = this.staged;
      this.staged = null;
    }
    this.cookie = page.cookie;
    this.lastMutationId = page.lastMutationId;
    return page;
  }

  /** Pulls until the run ends; returns every page. */
  async sync(maxPages = 1000): Promise<PullResponse[]> {
    const pages: PullResponse[] = [];
    for (let i = 0; i < maxPages; i += 1) {
      const page = await this.pullPage();
      pages.push(page);
      if (!page.more) return pages;
    }
    throw new Error('the pull run did not end');
  }

  rows(table: SyncedTable): ReadonlyMap<string, Record<string, unknown>> {
    return this.committed[table];
  }

  ids(table: SyncedTable): string[] {
    return [...this.committed[table].keys()].sort();
  }
}

// ── intents ──

export const intents = {
  createAsset: (id: string, assetTag: string, extra: Record<string, unknown> = {}): Intent => ({
    name: 'asset.create',
    args: { id, assetTag, serialNumber: `SN-${assetTag}`, type: 'laptop', model: 'Dell Latitude 7450', ...extra },
  }),
  issue: (assetId: string, personId: string): Intent => ({
    name: 'asset.issue',
    args: { assetId, personId, aupVersion: CURRENT_AUP_VERSION, aupConfirmed: true, trainingLapseReason: 'Refresher booked for next week' },
  }),
  return: (assetId: string): Intent => ({ name: 'asset.return', args: { assetId, condition: 'Good' } }),
  restock: (assetId: string): Intent => ({ name: 'asset.restock', args: { assetId, note: null } }),
  markLost: (assetId: string): Intent => ({ name: 'asset.markLost', args: { assetId, note: 'Left on a train' } }),
  markDamaged: (assetId: string): Intent => ({ name: 'asset.markDamaged', args: { assetId, note: null } }),
  recordTraining: (personId: string, completedOn: string): Intent => ({ name: 'person.recordTraining', args: { personId, completedOn } }),
  acknowledgeAup: (personId: string): Intent => ({ name: 'person.acknowledgeAup', args: { personId, policyVersion: CURRENT_AUP_VERSION, confirmed: true } }),
};

// ── database checks ──

/** Row counts of every table plus both heads: equal before and after means nothing was written. */
export async function footprint(db: Queryable): Promise<string> {
  const { rows: tables } = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const counts: string[] = [];
  for (const { name } of tables) {
    if (name === 'sessions' || name === 'sign_in_throttle') continue;
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`);
    counts.push(`${name}=${String(rows[0]?.n)}`);
  }
  const { rows: audit } = await db.query<{ hash: string }>('SELECT hash FROM audit_head');
  const { rows: sync } = await db.query<{ version: unknown }>('SELECT version FROM sync_head');
  const { rows: clients } = await db.query<{ ids: string | null }>("SELECT string_agg(client_id::text || ':' || last_mutation_id, ',' ORDER BY client_id) AS ids FROM sync_clients");
  return [...counts, `audit=${audit[0]?.hash ?? ''}`, `sync=${String(sync[0]?.version)}`, `clients=${clients[0]?.ids ?? ''}`].join(' ');
}

export async function syncVersion(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ version: unknown }>('SELECT version FROM sync_head');
  return Number(rows[0]?.version);
}

/** Moves a person to another line manager the way any writer of people must: in a transaction that takes a version. */
export async function moveToManager(db: Database, personId: string, managerId: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const version = await nextSyncVersion(tx);
    await tx.query('UPDATE people SET line_manager_id = $2, version = $3 WHERE id = $1', [personId, managerId, version]);
  });
}
