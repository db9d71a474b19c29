import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Storage } from '../db/open-database';

export type Command =
  | { readonly kind: 'serve'; readonly storage: Storage; readonly host: string; readonly port: number; readonly trustProxy: boolean | readonly string[] }
  | { readonly kind: 'bootstrap-admin'; readonly storage: Storage; readonly email: string; readonly name: string; readonly staffNumber: string }
  | { readonly kind: 'audit-verify'; readonly storage: Storage }
  | { readonly kind: 'help' };

export type Parsed = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly message: string };

export const DEFAULT_PORT = 8080;
/** Loopback unless told otherwise: a development server should not be reachable from the network by accident. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR_NAME = '.custodian-server';

export const USAGE = `Usage: npm run server -- [command] [options]

Commands:
  serve (default)            Run the API. Applies pending migrations first (safe with several instances at once).
  bootstrap-admin --email E  Create the first administrator and print a one-time password.
                             Also --name "Full Name" (default Administrator), --staff-number S (default ADMIN-0001).
  audit-verify               Check the audit log's hash chain; names the first broken link.

Options:
  --port N        Port to listen on (0 picks a free one). Default: $PORT, else ${String(DEFAULT_PORT)}.
  --host H        Address to listen on. Default: $HOST, else ${DEFAULT_HOST}.
  --data-dir DIR  Embedded PGlite data directory. Default: $CUSTODIAN_SERVER_DATA_DIR, else ./${DEFAULT_DATA_DIR_NAME}.
  --trust-proxy P Behind a load balancer: "true", or its addresses/CIDRs, comma-separated. Default: $TRUST_PROXY, else none.

Storage: PostgreSQL when DATABASE_URL is set (postgres://…), otherwise embedded PGlite in the data directory.`;

type Env = Readonly<Record<string, string | undefined>>;

function port(flag: string | undefined, env: Env): number | string {
  const text = flag ?? env.PORT ?? String(DEFAULT_PORT);
  const value = Number(text);
  return /^[0-9]{1,5}$/.test(text) && value <= 65535 ? value : `The port must be a whole number from 0 to 65535, not "${text}"`;
}

/** "true"/"false", or a comma-separated list of proxy addresses or CIDRs. */
function trustProxy(flag: string | undefined, env: Env): boolean | readonly string[] | string {
  const text = (flag ?? env.TRUST_PROXY ?? 'false').trim();
  if (text === 'true' || text === 'false') return text === 'true';
  const list = text.split(',').map((item) => item.trim());
  return list.every((item) => /^[0-9a-fA-F.:]+(\/[0-9]{1,3})?$/.test(item))
    ? list
    : `--trust-proxy must be true, false, or proxy addresses/CIDRs separated by commas, not "${text}"`;
}

function storage(dataDirFlag: string | undefined, env: Env, cwd: string): Storage | string {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (dataDirFlag !== undefined) return 'Give either DATABASE_URL (PostgreSQL) or --data-dir (embedded PGlite), not both';
    if (!/^postgres(ql)?:\/\//.test(url)) return 'DATABASE_URL must be a postgres:// or postgresql:// connection string';
    return { kind: 'postgres', url };
  }
  if (dataDirFlag?.trim() === '') return '--data-dir needs a directory';
  const dir = dataDirFlag ?? env.CUSTODIAN_SERVER_DATA_DIR?.trim() ?? '';
  return { kind: 'pglite', dataDir: resolve(cwd, dir === '' ? DEFAULT_DATA_DIR_NAME : dir) };
}

const ONLY_FOR: Readonly<Record<string, readonly string[]>> = {
  port: ['serve'],
  host: ['serve'],
  'trust-proxy': ['serve'],
  email: ['bootstrap-admin'],
  name: ['bootstrap-admin'],
  'staff-number': ['bootstrap-admin'],
};

/** Reads the command line and environment into one command, or a message saying what is wrong with them. */
export function parseCommandLine(argv: readonly string[], env: Env, cwd: string): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        'staff-number': { type: 'string' },
        'trust-proxy': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { ok: true, command: { kind: 'help' } };
  if (positionals.length > 1) return { ok: false, message: `Give one command, not "${positionals.join(' ')}"` };
  const kind = positionals[0] ?? 'serve';
  if (kind !== 'serve' && kind !== 'bootstrap-admin' && kind !== 'audit-verify') return { ok: false, message: `Unknown command "${kind}"` };
  for (const [option, commands] of Object.entries(ONLY_FOR)) {
    if (values[option as keyof typeof values] !== undefined && !commands.includes(kind)) return { ok: false, message: `--${option} does not apply to ${kind}` };
  }
  const where = storage(values['data-dir'], env, cwd);
  if (typeof where === 'string') return { ok: false, message: where };

  switch (kind) {
    case 'serve': {
      const chosen = port(values.port, env);
      if (typeof chosen === 'string') return { ok: false, message: chosen };
      const proxies = trustProxy(values['trust-proxy'], env);
      if (typeof proxies === 'string') return { ok: false, message: proxies };
      return { ok: true, command: { kind, storage: where, host: values.host ?? env.HOST ?? DEFAULT_HOST, port: chosen, trustProxy: proxies } };
    }
    case 'bootstrap-admin':
      if (values.email === undefined) return { ok: false, message: 'bootstrap-admin needs --email' };
      return {
        ok: true,
        command: { kind, storage: where, email: values.email, name: values.name ?? 'Administrator', staffNumber: values['staff-number'] ?? 'ADMIN-0001' },
      };
    case 'audit-verify':
      return { ok: true, command: { kind, storage: where } };
  }
}
