import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SyncStatus } from '../../src-shared/sync/sync-status';
import { useApi } from '../api/api-context';

/** How often the status is asked for: often while a sync runs (the progress bar moves), gently otherwise. */
const BUSY_POLL_MS = 1_000;
const IDLE_POLL_MS = 3_000;

interface SyncStatusValue {
  /** Null until main first answers (or while it cannot). */
  readonly status: SyncStatus | null;
  /** Ask again now (after sign-in, sign-out, "Sync now"). */
  readonly refresh: () => void;
}

const SyncStatusContext = createContext<SyncStatusValue | null>(null);

/**
 * One poller of `sync.status` for the whole app, shared by the header indicator and the Sync page. The bridge is
 * request and answer only, so the renderer asks; the answer comes from the engine's memory and never waits for the store.
 */
export function SyncStatusProvider({ children }: { readonly children: ReactNode }) {
  const api = useApi();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let alive = true;
    let timer: number | undefined;
    async function poll() {
      const result = await api.call('sync.status', {});
      if (!alive) return;
      // The same answer again keeps the same object, so nothing re-renders every few seconds for nothing.
      if (result.ok) setStatus((previous) => (JSON.stringify(previous) === JSON.stringify(result.value) ? previous : result.value));
      const busy = result.ok && result.value.state === 'syncing';
      timer = window.setTimeout(() => void poll(), busy ? BUSY_POLL_MS : IDLE_POLL_MS);
    }
    void poll();
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [api, round]);

  const refresh = useCallback(() => {
    setRound((count) => count + 1);
  }, []);
  const value = useMemo(() => ({ status, refresh }), [status, refresh]);
  return <SyncStatusContext.Provider value={value}>{children}</SyncStatusContext.Provider>;
}

export function useSyncStatus(): SyncStatusValue {
  const value = useContext(SyncStatusContext);
  if (value === null) throw new Error('useSyncStatus must be used inside <SyncStatusProvider>');
  return value;
}
