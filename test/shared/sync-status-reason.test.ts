import { describe, expect, it } from 'vitest';
import { announcedLabel, syncLabel } from '../../src-renderer/sync/sync-labels';
import type { SyncStatus } from '../../src-shared/sync/sync-status';

const base: SyncStatus = { state: 'signed_out', pending: 0, rejected: 0, lastSyncedAt: null, firstSync: null, message: null, notice: null, account: null };

describe('why the desktop is signed out reaches the words people read', () => {
  it.each<[Partial<SyncStatus>, string, string]>([
    [{ reason: 'account_disabled' }, 'Signed out: account disabled', 'red'],
    [{ reason: 'session_ended', pending: 2 }, 'Signed out · 2 changes waiting', 'orange'],
    [{ reason: null }, 'Signed out', 'orange'],
    [{}, 'Signed out', 'orange'],
  ])('%o → %s', (overrides, text, colour) => {
    expect(syncLabel({ ...base, ...overrides })).toEqual({ text, colour });
  });

  it('is announced once settled (an older status without the field reads as a plain sign-out)', () => {
    expect(announcedLabel({ ...base, reason: 'account_disabled' }, 'Sync status: Synced')).toBe('Sync status: Signed out: account disabled');
  });
});
