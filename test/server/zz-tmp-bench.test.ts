import { it } from 'vitest';
import { benchPush } from '../../src-main/tools/bench/sync-push';

it('bench push', { timeout: 600_000 }, async () => {
  const url = process.env.BENCH_PG;
  const result = await benchPush({ mutations: Number(process.env.N ?? 2000), ...(url ? { databaseUrl: url } : {}) });
  console.log(JSON.stringify(result, null, 1));
});
