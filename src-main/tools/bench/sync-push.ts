import { randomUUID } from 'node:crypto';
import { startInProcessServer, type InProcessServer } from '../../../src-server/harness/in-process-server';
import { generateDepartment } from '../../../src-shared/demo/department';
import type { DepartmentScale } from '../../../src-shared/demo/scale';
import {
  MAX_PUSH_MUTATIONS,
  pushResponse,
  SYNC_PATHS,
  SYNC_SCHEMA_VERSION,
  type PushedMutation,
  type PushResponse,
} from '../../../src-shared/sync/protocol';
import { summarise, timed, type Summary } from './stats';

/**
 * Push throughput: a desktop's outbox of queued mutations (a generated department's own writes — people, then assets
 * created, issued, returned, lost, repaired…) pushed through HTTP, MAX_PUSH_MUTATIONS at a time as the desktop sends
 * them, to the central API running in this process on PGlite (or PostgreSQL when a URL is given).
 */
export interface PushBenchOptions {
  readonly mutations?: number;
  /** PostgreSQL to bench against (a schema of its own is made and dropped); omitted: in-memory PGlite. */
  readonly databaseUrl?: string;
  readonly seed?: number;
}

export interface PushBenchResult {
  readonly backend: 'pglite' | 'postgres';
  readonly mutations: number;
  readonly pushes: number;
  readonly applied: number;
  readonly rejected: number;
  readonly seconds: number;
  readonly mutationsPerSecond: number;
  /** Time per push request of MAX_PUSH_MUTATIONS, in milliseconds. */
  readonly perPush: Summary;
}

/**
 * The moment the generated department is made for; its pushed mutations carry it as their createdAt. An hour before
 * the run: the server refuses changes made too long before they reach it (src-server/sync/push/mutation-time.ts).
 */
export const BENCH_AS_OF = new Date(Date.now() - 60 * 60 * 1000).toISOString();

/** A department big enough to yield `mutations` writes (about 2.3 per asset after the people). */
export function departmentFor(mutations: number, seed = 20_240_101): DepartmentScale {
  const assets = Math.max(20, Math.ceil(mutations / 2));
  return { people: Math.max(30, Math.ceil(assets / 4)), assets, levels: 4, seed };
}

/** The first `count` writes of a department as an outbox: ids 1…count, in the order the generator made them. */
export function outboxOf(scale: DepartmentScale, count: number): PushedMutation[] {
  const outbox: PushedMutation[] = [];
  for (const mutation of generateDepartment(scale, { asOf: BENCH_AS_OF }).mutations()) {
    if (outbox.length === count) break;
    outbox.push({ id: outbox.length + 1, name: mutation.name, args: mutation.args, createdAt: BENCH_AS_OF });
  }
  if (outbox.length < count) throw new Error(`The department makes only ${String(outbox.length)} mutations, not ${String(count)}`);
  return outbox;
}

export async function postJson(server: { url: string }, path: string, token: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** Pushes an outbox in order, as the desktop does, and returns each push's reply and time. */
export async function pushAll(
  server: { url: string },
  token: string,
  clientId: string,
  outbox: readonly PushedMutation[],
): Promise<{ replies: PushResponse[]; times: number[] }> {
  const replies: PushResponse[] = [];
  const times: number[] = [];
  for (let start = 0; start < outbox.length; start += MAX_PUSH_MUTATIONS) {
    const mutations = outbox.slice(start, start + MAX_PUSH_MUTATIONS);
    const { ms, value } = await timed(() => postJson(server, SYNC_PATHS.push, token, { schemaVersion: SYNC_SCHEMA_VERSION, clientId, mutations }));
    if (value.status !== 200) throw new Error(`Push answered ${String(value.status)}: ${JSON.stringify(value.json).slice(0, 500)}`);
    replies.push(pushResponse.parse((value.json as { value: unknown }).value));
    times.push(ms);
  }
  return { replies, times };
}

/** An in-process server with an IT service desk account (who may run every mutator the department uses). */
export async function serverWithDesk(databaseUrl?: string): Promise<{ server: InProcessServer; token: string }> {
  const server = await startInProcessServer(databaseUrl === undefined ? {} : { databaseUrl });
  const { token } = await server.addAccount({ roles: ['staff', 'it_service_desk', 'admin'], name: 'Bench Desk' });
  return { server, token };
}

export async function benchPush(options: PushBenchOptions = {}): Promise<PushBenchResult> {
  const count = options.mutations ?? 10_000;
  const outbox = outboxOf(departmentFor(count, options.seed), count);
  const { server, token } = await serverWithDesk(options.databaseUrl);
  try {
    const { ms, value } = await timed(() => pushAll(server, token, randomUUID(), outbox));
    const applied = value.replies.reduce((sum, reply) => sum + reply.applied, 0);
    const rejected = value.replies.reduce((sum, reply) => sum + reply.rejected, 0);
    return {
      backend: options.databaseUrl === undefined ? 'pglite' : 'postgres',
      mutations: count,
      pushes: value.replies.length,
      applied,
      rejected,
      seconds: ms / 1000,
      mutationsPerSecond: count / (ms / 1000),
      perPush: summarise(value.times),
    };
  } finally {
    await server.close();
  }
}
