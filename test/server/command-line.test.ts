import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src-server/cli/command-line';
import { DataDirInUseError, LOCK_FILE_NAME, lockDataDir } from '../../src-server/db/data-dir-lock';
import { loggableError, scrub } from '../../src-server/log/logger';

const CWD = '/srv/custodian';

describe('the server command line', () => {
  it('serves on 127.0.0.1:8080 from embedded PGlite in ./.custodian-server by default', () => {
    expect(parseCommandLine([], {}, CWD)).toEqual({
      ok: true,
      command: { kind: 'serve', host: '127.0.0.1', port: 8080, trustProxy: false, storage: { kind: 'pglite', dataDir: '/srv/custodian/.custodian-server' } },
    });
  });

  it('takes the port and data directory from flags before the environment', () => {
    const env = { PORT: '9000', CUSTODIAN_SERVER_DATA_DIR: '/var/lib/custodian', HOST: '0.0.0.0' };
    expect(parseCommandLine([], env, CWD)).toMatchObject({ command: { port: 9000, host: '0.0.0.0', storage: { dataDir: '/var/lib/custodian' } } });
    expect(parseCommandLine(['--port', '0', '--data-dir', 'data'], env, CWD)).toMatchObject({ command: { port: 0, storage: { dataDir: '/srv/custodian/data' } } });
  });

  it('trusts X-Forwarded-For only when told which proxies to trust', () => {
    expect(parseCommandLine(['--trust-proxy', '10.0.0.0/8, 192.168.1.4'], {}, CWD)).toMatchObject({ command: { trustProxy: ['10.0.0.0/8', '192.168.1.4'] } });
    expect(parseCommandLine([], { TRUST_PROXY: 'true' }, CWD)).toMatchObject({ command: { trustProxy: true } });
    expect(parseCommandLine(['--trust-proxy', 'everyone'], {}, CWD)).toMatchObject({ ok: false });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and refuses it together with --data-dir', () => {
    const env = { DATABASE_URL: 'postgres://custodian@db:5432/custodian' };
    expect(parseCommandLine([], env, CWD)).toMatchObject({ command: { storage: { kind: 'postgres', url: env.DATABASE_URL } } });
    expect(parseCommandLine(['--data-dir', 'x'], env, CWD)).toMatchObject({ ok: false, message: expect.stringMatching(/not both/) as string });
    expect(parseCommandLine([], { DATABASE_URL: 'mysql://x' }, CWD)).toMatchObject({ ok: false });
  });

  it('reads bootstrap-admin and audit-verify with their own options only', () => {
    expect(parseCommandLine(['bootstrap-admin', '--email', 'a@example.gov.uk'], {}, CWD)).toMatchObject({
      command: { kind: 'bootstrap-admin', email: 'a@example.gov.uk', name: 'Administrator', staffNumber: 'ADMIN-0001' },
    });
    expect(parseCommandLine(['audit-verify'], {}, CWD)).toMatchObject({ command: { kind: 'audit-verify' } });
    expect(parseCommandLine(['bootstrap-admin'], {}, CWD)).toMatchObject({ ok: false, message: expect.stringMatching(/--email/) as string });
    expect(parseCommandLine(['audit-verify', '--port', '1'], {}, CWD)).toMatchObject({ ok: false });
    expect(parseCommandLine(['serve', '--email', 'x'], {}, CWD)).toMatchObject({ ok: false });
  });

  it('refuses unknown commands and options, bad ports and an empty data directory', () => {
    for (const argv of [['launch'], ['--verbose'], ['--port', '70000'], ['--port', 'eighty'], ['--port', '-1'], ['--data-dir', ''], ['serve', 'now']]) {
      expect([argv, parseCommandLine(argv, {}, CWD).ok]).toEqual([argv, false]);
    }
    expect(parseCommandLine([], { PORT: 'x' }, CWD).ok).toBe(false);
  });
});

describe('the PGlite data directory lock', () => {
  it('keeps a second opener out while the first holds it, and takes over a lock left by a dead process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'custodian-lock-'));
    try {
      const release = lockDataDir(dir);
      expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
      release();
      writeFileSync(join(dir, LOCK_FILE_NAME), '999999999');
      const again = lockDataDir(dir);
      expect(() => lockDataDir(dir)).toThrow(/in use by another Custodian server/);
      again();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('log hygiene', () => {
  it('scrubs email addresses and tokens from error messages; keeps only codes for database errors', () => {
    expect(scrub('no user alice.smith@example.gov.uk with token cus_abcdefghijklmnopqrstu')).toBe('no user [email] with token [token]');
    const logged = loggableError(Object.assign(new Error('duplicate key value: (email)=(bob@example.gov.uk)'), { code: '23505', constraint: 'people_email_key' }));
    expect(logged).toEqual({ type: 'DatabaseError', sqlState: '23505', constraint: 'people_email_key' });
  });
});
