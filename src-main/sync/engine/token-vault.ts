import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { TokenPersistence } from '../../../src-shared/sync/sync-status';

/**
 * Where the sign-in token lives between uses. The token is as good as the person's password until it expires, so
 * it is written to disk only encrypted by the operating system's key store (Electron safeStorage); where there is
 * none, and in the web shell, it is kept in memory only and the person signs in again after a restart.
 */
export interface TokenVault {
  load(): string | null;
  save(token: string): void;
  clear(): void;
  /** Where a saved token is kept right now. */
  persistence(): TokenPersistence;
  /** Why the sign-in is kept in memory only, for the Sync page; null when it is stored encrypted. */
  notice(): string | null;
}

/** The encrypted token's file in the data directory (Electron only). */
export const TOKEN_FILE_NAME = 'sync-token.bin';

export const WEB_SHELL_VAULT_NOTICE =
  'The web shell keeps your sign-in in memory only: you will need to sign in again after it restarts.';

/** The web shell's vault: a browser tab is not a place for a long-lived secret, and the process is short-lived. */
export function createMemoryVault(notice: string = WEB_SHELL_VAULT_NOTICE): TokenVault {
  let token: string | null = null;
  return {
    load: () => token,
    save: (value) => {
      token = value;
    },
    clear: () => {
      token = null;
    },
    persistence: () => 'memory',
    notice: () => notice,
  };
}

/** The part of Electron's `safeStorage` the vault uses (a parameter, so it is tested without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store backs the encryption; 'basic_text' means none (a hard-coded key). */
  getSelectedStorageBackend?(): string;
}

/** File operations, swappable in tests. */
export interface VaultFiles {
  read(file: string): Buffer | null;
  /** Replaces the file atomically, readable by this user only. */
  write(file: string, data: Buffer): void;
  remove(file: string): void;
}

export const nodeVaultFiles: VaultFiles = {
  read: (file) => (existsSync(file) ? readFileSync(file) : null),
  write: (file, data) => {
    const temp = `${file}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  },
  remove: (file) => {
    rmSync(file, { force: true });
  },
};

/** The Linux secret store in use; undefined elsewhere (the call is Linux-only, so it is not trusted to exist or work). */
function selectedBackend(safeStorage: SafeStorageLike): string | undefined {
  try {
    return safeStorage.getSelectedStorageBackend?.();
  } catch {
    return undefined;
  }
}

/** Whether safeStorage really encrypts here; if not, why not (in words for the Sync page). */
export function persistenceRefusal(safeStorage: SafeStorageLike): string | null {
  if (!safeStorage.isEncryptionAvailable()) return 'this computer offers Custodian no way to encrypt it';
  // With basic_text, Chromium "encrypts" with a key written in its own source code: that is obscuring, not encrypting.
  if (selectedBackend(safeStorage) === 'basic_text') {
    return 'this computer has no secure key store (such as GNOME Keyring or KWallet) to encrypt it with';
  }
  return null;
}

const TOKEN_SHAPE = /^[\x21-\x7e]{16,512}$/;

export interface SafeStorageVaultOptions {
  readonly safeStorage: SafeStorageLike;
  /** The encrypted token's file, in the data directory. */
  readonly file: string;
  readonly files?: VaultFiles;
  readonly log?: (message: string) => void;
}

/**
 * The Electron vault: the token encrypted with safeStorage in the data directory. It refuses to write the token when
 * safeStorage cannot really encrypt (no key store, or only the plain-text backend): then the token is kept in
 * memory only, any older file is removed, and `notice` says so.
 */
export function createSafeStorageVault({ safeStorage, file, files = nodeVaultFiles, log }: SafeStorageVaultOptions): TokenVault {
  let memory: string | null = null;

  function removeFile(): void {
    try {
      files.remove(file);
    } catch (error) {
      log?.(`could not remove the stored sign-in: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    load() {
      if (memory !== null) return memory;
      if (persistenceRefusal(safeStorage) !== null) return null;
      const encrypted = files.read(file);
      if (encrypted === null) return null;
      try {
        const token = safeStorage.decryptString(encrypted);
        if (TOKEN_SHAPE.test(token)) {
          memory = token;
          return token;
        }
        log?.('the stored sign-in is not a token; removed it');
      } catch (error) {
        // Another user's key, a changed key store, a damaged file: the person signs in again.
        log?.(`the stored sign-in could not be decrypted; removed it (${error instanceof Error ? error.message : String(error)})`);
      }
      removeFile();
      return null;
    },
    save(token) {
      memory = token;
      if (persistenceRefusal(safeStorage) !== null) {
        removeFile();
        return;
      }
      files.write(file, safeStorage.encryptString(token));
    },
    clear() {
      memory = null;
      removeFile();
    },
    persistence: () => (persistenceRefusal(safeStorage) === null ? 'encrypted' : 'memory'),
    notice() {
      const refusal = persistenceRefusal(safeStorage);
      return refusal === null ? null : `Your sign-in is kept in memory only, because ${refusal}. You will need to sign in again each time you start Custodian.`;
    },
  };
}
