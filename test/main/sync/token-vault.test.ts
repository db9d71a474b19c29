import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryVault, createSafeStorageVault, persistenceRefusal, type SafeStorageLike } from '../../../src-main/sync/engine/token-vault';
import { tempDir } from '../../support/store';
import { TOKEN } from './fakes';

/** A stand-in for Electron's safeStorage: "encrypts" by tagging and base64, and counts what it was asked. */
function fakeSafeStorage(backend: string | undefined, available = true): SafeStorageLike & { encrypted: number } {
  const fake = {
    encrypted: 0,
    isEncryptionAvailable: () => available,
    encryptString: (plain: string) => {
      fake.encrypted += 1;
      return Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`);
    },
    decryptString: (data: Buffer) => {
      const text = data.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'base64').toString();
    },
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
  };
  return fake;
}

describe('safeStorage token vault', () => {
  it('stores the token encrypted (never in clear), readable by this user only, and reads it back after a restart', () => {
    const file = join(tempDir(), 'sync-token.bin');
    const safeStorage = fakeSafeStorage('gnome_libsecret');
    const vault = createSafeStorageVault({ safeStorage, file });
    vault.save(TOKEN);
    expect(vault.persistence()).toBe('encrypted');
    expect(vault.notice()).toBeNull();
    expect(readFileSync(file, 'utf8')).not.toContain(TOKEN);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(createSafeStorageVault({ safeStorage, file }).load()).toBe(TOKEN);
    vault.clear();
    expect(existsSync(file)).toBe(false);
  });

  it('on macOS and Windows (no backend to ask) encryption available is enough', () => {
    const file = join(tempDir(), 'sync-token.bin');
    const vault = createSafeStorageVault({ safeStorage: fakeSafeStorage(undefined), file });
    vault.save(TOKEN);
    expect(existsSync(file)).toBe(true);
    expect(vault.persistence()).toBe('encrypted');
  });

  it.each([
    ['only the plain-text backend exists', fakeSafeStorage('basic_text'), /no secure key store/],
    ['encryption is unavailable', fakeSafeStorage('gnome_libsecret', false), /no way to encrypt/],
  ])('REFUSES to write the token when %s: memory only, and says so', (_why, safeStorage, reason) => {
    const dir = tempDir();
    const file = join(dir, 'sync-token.bin');
    writeFileSync(file, 'enc:an older token');
    const vault = createSafeStorageVault({ safeStorage, file });
    vault.save(TOKEN);
    expect(existsSync(file)).toBe(false); // an older encrypted token does not linger either
    expect(safeStorage.encrypted).toBe(0);
    expect(vault.load()).toBe(TOKEN); // still signed in for this run
    expect(vault.persistence()).toBe('memory');
    expect(vault.notice()).toMatch(reason);
    expect(vault.notice()).toMatch(/sign in again each time you start Custodian/);
    expect(createSafeStorageVault({ safeStorage, file }).load()).toBeNull(); // gone after a restart
  });

  it('the refusal rule itself', () => {
    expect(persistenceRefusal(fakeSafeStorage('basic_text'))).not.toBeNull();
    expect(persistenceRefusal(fakeSafeStorage('kwallet5'))).toBeNull();
    expect(persistenceRefusal(fakeSafeStorage('unknown'))).toBeNull();
  });

  it('removes a stored token it cannot decrypt (another key, a damaged file) and asks for sign-in', () => {
    const file = join(tempDir(), 'sync-token.bin');
    writeFileSync(file, 'garbage');
    const logged: string[] = [];
    const vault = createSafeStorageVault({ safeStorage: fakeSafeStorage('gnome_libsecret'), file, log: (m) => logged.push(m) });
    expect(vault.load()).toBeNull();
    expect(existsSync(file)).toBe(false);
    expect(logged[0]).toMatch(/could not be decrypted/);
  });
});

describe('memory token vault (web shell)', () => {
  it('keeps the token for the life of the process only, and says so', () => {
    const vault = createMemoryVault();
    expect(vault.load()).toBeNull();
    vault.save(TOKEN);
    expect(vault.load()).toBe(TOKEN);
    expect(vault.persistence()).toBe('memory');
    expect(vault.notice()).toMatch(/in memory only/);
    vault.clear();
    expect(vault.load()).toBeNull();
  });
});
