/** Where the web shell's per-launch secret is kept for this tab, so a reload keeps working. */
export const SECRET_STORAGE_KEY = 'custodian.secret';

interface SecretEnvironment {
  readonly location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

function secretFromHash(hash: string): string | null {
  if (!hash.startsWith('#')) return null;
  const secret = new URLSearchParams(hash.slice(1)).get('secret');
  return secret !== null && secret !== '' ? secret : null;
}

function tryStorage<T>(action: () => T): T | null {
  try {
    return action();
  } catch {
    return null; // storage disabled or full: the secret still works for this page load
  }
}

/**
 * Takes the secret from `#secret=HEX` (the URL the web shell prints), keeps it in sessionStorage and removes it
 * from the address bar and history; on a reload, reads it back from sessionStorage. Null if there is none.
 */
export function takeWebShellSecret(env: SecretEnvironment): string | null {
  const fromHash = secretFromHash(env.location.hash);
  if (fromHash !== null) {
    tryStorage(() => {
      env.storage?.setItem(SECRET_STORAGE_KEY, fromHash);
    });
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}`);
    return fromHash;
  }
  return tryStorage(() => env.storage?.getItem(SECRET_STORAGE_KEY) ?? null);
}
