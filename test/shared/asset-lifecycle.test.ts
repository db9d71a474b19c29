import { describe, expect, it } from 'vitest';
import {
  ASSET_COMMANDS,
  ASSET_STATUS_VALUES,
  ASSET_TRANSITIONS,
  canApply,
  commandsFrom,
  FINAL_STATUSES,
  refusalMessage,
} from '../../src-shared/domain/asset-lifecycle';

describe('asset lifecycle table', () => {
  it('has the paths the service desk works: stock → issued → returned → stock, and repair back to stock', () => {
    expect(canApply('issue', 'in_stock')).toBe(true);
    expect(canApply('return', 'issued')).toBe(true);
    expect(canApply('restock', 'returned')).toBe(true);
    expect(canApply('markDamaged', 'issued')).toBe(true);
    expect(canApply('sendToRepair', 'damaged')).toBe(true);
    expect(canApply('completeRepair', 'in_repair')).toBe(true);
    for (const loss of ['markLost', 'markStolen', 'markDamaged'] as const) expect(ASSET_TRANSITIONS[loss].from).toEqual(['issued']);
  });

  it('lets nothing leave a final state', () => {
    for (const status of FINAL_STATUSES) expect(commandsFrom(status)).toEqual([]);
  });

  it('never retires or disposes of an issued asset: it must come back first', () => {
    expect(canApply('retire', 'issued')).toBe(false);
    expect(canApply('dispose', 'issued')).toBe(false);
    for (const status of ASSET_STATUS_VALUES.filter((s) => s !== 'issued' && !FINAL_STATUSES.includes(s))) {
      expect(canApply('retire', status)).toBe(true);
      expect(canApply('dispose', status)).toBe(true);
    }
  });

  it('issues only from stock, so an asset is never issued twice', () => {
    expect(ASSET_STATUS_VALUES.filter((status) => canApply('issue', status))).toEqual(['in_stock']);
  });

  it('reaches every status from stock', () => {
    const reached = new Set(['in_stock']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const command of ASSET_COMMANDS) {
        for (const from of ASSET_TRANSITIONS[command].from) {
          const to = ASSET_TRANSITIONS[command].to;
          if (reached.has(from) && !reached.has(to)) {
            reached.add(to);
            changed = true;
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...ASSET_STATUS_VALUES].sort());
  });

  it('words a refusal with the current state, who set it and when (UK time)', () => {
    expect(refusalMessage('issue', { assetTag: 'LT-0042', status: 'lost', setByName: 'Jo Bloggs', setAt: '2026-07-15T13:02:00.000Z' })).toBe(
      'Cannot issue LT-0042: it is lost (set by Jo Bloggs on 15 Jul 2026 at 14:02)',
    );
    expect(refusalMessage('markLost', { assetTag: 'LT-1', status: 'disposed', setByName: null, setAt: '2026-01-05T09:00:00.000Z' })).toBe(
      'Cannot mark as lost LT-1: it is disposed, which is final (set on this desktop on 5 Jan 2026 at 09:00)',
    );
  });
});
