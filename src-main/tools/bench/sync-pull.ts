import { randomUUID } from 'node:crypto';
import { generateDepartment } from '../../../src-shared/demo/department';
import type { PersonPlan } from '../../../src-shared/demo/people';
import type { DepartmentScale } from '../../../src-shared/demo/scale';
import { SYNC_PATHS, SYNC_SCHEMA_VERSION, type PullResponse, type PushedMutation } from '../../../src-shared/sync/protocol';
import { summarise, timed, type Summary } from './stats';
import { BENCH_AS_OF, postJson, pushAll, serverWithDesk } from './sync-push';

/**
 * Pull latency for line managers' scopes with many desktops at once: a generated department is pushed to the central
 * API (in this process, on PGlite or PostgreSQL), then `clients` desktops — each signed in as a front-line manager —
 * pull: their first sync (every page, all at once); then for `steadySeconds` each pulls about once a second (jittered)
 * while the service desk records changes twice a second; then after each of `rounds` changes all pull at the same
 * instant (a poke reaching everyone); then once more with nothing changed. Latency is per pull request, as the desktop
 * sees it over HTTP (the desktops run in this process too, so their own work is counted against the server).
 */
export interface PullBenchOptions {
  readonly clients?: number;
  readonly rounds?: number;
  readonly steadySeconds?: number;
  readonly scale?: DepartmentScale;
  /** PostgreSQL to bench against (a schema of its own is made and dropped); omitted: in-memory PGlite. */
  readonly databaseUrl?: string;
}

export interface PullBenchResult {
  readonly backend: 'pglite' | 'postgres';
  readonly clients: number;
  /** Distinct managers the clients are signed in as (clients share managers when there are fewer). */
  readonly managers: number;
  readonly department: { readonly people: number; readonly assets: number; readonly mutations: number };
  /** Rows in each client's scope (people, assets, events, AUP confirmations). */
  readonly scopeRows: Summary;
  /** Every page of every client's first sync, all clients at once (ms). */
  readonly firstSync: Summary;
  /** Each client pulling about once a second while changes land (ms): 100 desktops connected and syncing. */
  readonly steady: Summary;
  /** One pull per client right after a change, all clients at the same instant (ms): the worst case of a poke. */
  readonly afterChange: Summary;
  /** One pull per client when nothing changed, all at the same instant (ms). */
  readonly unchanged: Summary;
}

export const PULL_BENCH_SCALE: DepartmentScale = { people: 2_000, assets: 6_000, levels: 4, seed: 20_240_101 };

interface Desktop {
  readonly clientId: string;
  readonly token: string;
  cookie: string | null;
}

async function pullOnce(server: { url: string }, desktop: Desktop): Promise<{ ms: number; rows: number; more: boolean }> {
  const { ms, value } = await timed(() =>
    postJson(server, SYNC_PATHS.pull, desktop.token, { schemaVersion: SYNC_SCHEMA_VERSION, clientId: desktop.clientId, cookie: desktop.cookie }),
  );
  if (value.status !== 200) throw new Error(`Pull answered ${String(value.status)}: ${JSON.stringify(value.json).slice(0, 300)}`);
  // Not validated here: that is the desktop's work, not the server's latency.
  const page = (value.json as { value: PullResponse }).value;
  desktop.cookie = page.cookie;
  return { ms, rows: page.patch.length, more: page.more };
}

/** Each desktop pulls (to the end of its run when `wholeRun`), all at once; returns every request's time and rows. */
async function allPull(server: { url: string }, desktops: readonly Desktop[], wholeRun: boolean): Promise<{ times: number[]; rows: number[] }> {
  const times: number[] = [];
  const rows: number[] = [];
  await Promise.all(
    desktops.map(async (desktop) => {
      let total = 0;
      for (;;) {
        const page = await pullOnce(server, desktop);
        times.push(page.ms);
        total += page.rows;
        if (!wholeRun || !page.more) break;
      }
      rows.push(total);
    }),
  );
  return { times, rows };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Every desktop pulls about once a second (first pull at a random moment in the first second) until `ms` has passed,
 * while `change()` runs every half second.
 */
async function steadyPulls(server: { url: string }, desktops: readonly Desktop[], ms: number, change: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  const end = performance.now() + ms;
  const writer = (async () => {
    while (performance.now() < end) {
      await change();
      await pause(500);
    }
  })();
  await Promise.all(
    desktops.map(async (desktop) => {
      await pause(Math.random() * 1000);
      while (performance.now() < end) {
        const started = performance.now();
        times.push((await pullOnce(server, desktop)).ms);
        await pause(Math.max(0, 750 + Math.random() * 500 - (performance.now() - started)));
      }
    }),
  );
  await writer;
  return times;
}

/** The front line's managers: the level just above the people who manage no one. */
function frontLineManagers(people: readonly PersonPlan[], levels: number): PersonPlan[] {
  return people.filter((person) => person.level === levels - 1 && person.roles.includes('line_manager'));
}

export async function benchPull(options: PullBenchOptions = {}): Promise<PullBenchResult> {
  const scale = options.scale ?? PULL_BENCH_SCALE;
  const clients = options.clients ?? 100;
  const rounds = options.rounds ?? 10;
  const department = generateDepartment(scale, { asOf: BENCH_AS_OF });
  const outbox: PushedMutation[] = [...department.mutations()].map((mutation, index) => ({
    id: index + 1,
    name: mutation.name,
    args: mutation.args,
    createdAt: BENCH_AS_OF,
  }));
  const { server, token } = await serverWithDesk(options.databaseUrl);
  try {
    const deskClient = randomUUID();
    await pushAll(server, token, deskClient, outbox);
    const managers = frontLineManagers(department.people, scale.levels);
    if (managers.length === 0) throw new Error('The department has no front-line managers');
    const desktops: Desktop[] = [];
    for (let i = 0; i < clients; i += 1) {
      const manager = managers[i % managers.length] as PersonPlan;
      desktops.push({ clientId: randomUUID(), token: await server.sessionFor(manager.id), cookie: null });
    }

    const first = await allPull(server, desktops, true);

    // Changes within managers' scopes: training renewals of their reports, ten at a time.
    const reports = department.people.filter((person) => person.level === scale.levels && person.status !== 'left');
    let nextId = outbox.length + 1;
    let changed = 0;
    const change = async () => {
      const renewals = Array.from({ length: 10 }, () => reports[changed++ % reports.length] as PersonPlan).map(
        (person): PushedMutation => ({ id: nextId++, name: 'person.recordTraining', args: { personId: person.id, completedOn: '2026-03-01' }, createdAt: BENCH_AS_OF }),
      );
      await pushAll(server, token, deskClient, renewals);
    };
    const steady = await steadyPulls(server, desktops, (options.steadySeconds ?? 10) * 1000, change);
    const afterChange: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      await change();
      afterChange.push(...(await allPull(server, desktops, false)).times);
    }
    const unchanged = await allPull(server, desktops, false);

    return {
      backend: options.databaseUrl === undefined ? 'pglite' : 'postgres',
      clients,
      managers: Math.min(clients, managers.length),
      department: { people: scale.people, assets: scale.assets, mutations: outbox.length },
      scopeRows: summarise(first.rows),
      firstSync: summarise(first.times),
      steady: summarise(steady),
      afterChange: summarise(afterChange),
      unchanged: summarise(unchanged.times),
    };
  } finally {
    await server.close();
  }
}
