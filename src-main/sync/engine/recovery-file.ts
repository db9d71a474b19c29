import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The folder in the data directory that recovery files go to. */
export const RECOVERY_DIR = 'recovery';

export interface RecoveryContents {
  /**
   * Why the changes were taken out of the store: another account signed in, this one signed out, or the server said
   * the account has been disabled (its records may no longer stay on this computer).
   */
  readonly reason: 'sign_in' | 'sign_out' | 'account_disabled';
  readonly clientId: string;
  /** The account the changes were waiting to be sent as, if any (none for changes made before any sign-in). */
  readonly account: { readonly serverUrl: string; readonly email: string } | null;
  /** The store's export of its outbox (exportOutbox). */
  readonly outbox: unknown;
}

/** "2026-11-23T09-30-00Z": a file name part that sorts by time and is valid on Windows (no colons). */
function stamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
}

/**
 * Writes unsent changes to a new file in the data directory, flushed to disk before returning, so the caller may
 * then clear the store. Never overwrites: a second export in the same second gets its own name. Throws when the
 * file cannot be written, and the caller must then leave the store alone.
 */
export function writeRecoveryFile(dataDir: string, contents: RecoveryContents, now: Date): string {
  const dir = join(dataDir, RECOVERY_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const body = `${JSON.stringify({ kind: 'custodian-unsent-changes', version: 1, exportedAt: now.toISOString(), ...contents }, null, 2)}\n`;
  for (let n = 1; ; n += 1) {
    const file = join(dir, `custodian-unsent-changes-${stamp(now)}${n === 1 ? '' : `-${String(n)}`}.json`);
    let fd: number;
    try {
      // 'wx': fail rather than replace an earlier export; 0600: custody records, readable by this user only.
      fd = openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && n < 100) continue;
      throw error;
    }
    try {
      writeSync(fd, body);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return file;
  }
}
