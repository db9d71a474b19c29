import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../src-shared/sync/sync-status';
import { announcedLabel, changeName, progressPercent, syncLabel } from '../../src-renderer/sync/sync-labels';

const base: SyncStatus = { state: 'synced', pending: 0, rejected: 0, lastSyncedAt: null, firstSync: null, message: null, notice: null, account: null };
const status = (overrides: Partial<SyncStatus>): SyncStatus => ({ ...base, ...overrides });

describe('sync indicator words', () => {
  it.each<[Partial<SyncStatus>, string]>([
    [{ state: 'synced' }, 'Synced'],
    [{ state: 'synced', pending: 1 }, '1 change waiting'],
    [{ state: 'synced', pending: 1234 }, '1,234 changes waiting'],
    [{ state: 'offline' }, 'Offline'],
    [{ state: 'offline', pending: 3 }, 'Offline · 3 changes waiting'],
    [{ state: 'signed_out', pending: 2 }, 'Signed out · 2 changes waiting'],
    [{ state: 'update_required' }, 'Update required'],
    [{ state: 'error' }, 'Sync problem'],
    [{ state: 'local_only', pending: 9 }, 'Not syncing'],
    [{ state: 'syncing' }, 'Syncing…'],
    [{ state: 'syncing', firstSync: { done: 0, total: null } }, 'Syncing…'],
    [{ state: 'syncing', firstSync: { done: 97_500, total: 390_000 } }, 'Syncing 25%'],
  ])('%o → %s', (overrides, text) => {
    expect(syncLabel(status(overrides)).text).toBe(text);
  });

  it('announces settled states only, so a sync every minute is not read out every minute', () => {
    expect(announcedLabel(status({ state: 'synced' }), '')).toBe('Sync status: Synced');
    expect(announcedLabel(status({ state: 'syncing' }), 'Sync status: Synced')).toBe('Sync status: Synced');
    expect(announcedLabel(status({ state: 'offline', pending: 1 }), 'Sync status: Synced')).toBe('Sync status: Offline · 1 change waiting');
  });

  it('progress percentages never pass 100 and are unknown without a total', () => {
    expect(progressPercent({ done: 5, total: 0 })).toBeNull();
    expect(progressPercent({ done: 5, total: null })).toBeNull();
    expect(progressPercent({ done: 1, total: 3 })).toBe(33);
    expect(progressPercent({ done: 4, total: 3 })).toBe(100);
  });

  it('names changes for people, falling back to the mutator name', () => {
    expect(changeName('asset.issue')).toBe('Issue an asset');
    expect(changeName('travel.approve')).toBe('travel.approve');
  });
});
