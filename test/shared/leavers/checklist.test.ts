import { describe, expect, it } from 'vitest';
import { ASSET_TYPES, type AssetType } from '../../../src-shared/domain/asset';
import { applyLeaverCommand } from '../../../src-shared/domain/leavers/case-decisions';
import { additionsForIssue, buildChecklist } from '../../../src-shared/domain/leavers/checklist';
import { describeItem, itemKey, latestAssetItem, type ChecklistItem } from '../../../src-shared/domain/leavers/checklist-item';
import { CREDENTIAL_TYPES, EXIT_STEP_VALUES, EXIT_STEPS } from '../../../src-shared/domain/leavers/exit-steps';
import { accepted, ASSETS, context, DESK, HEADSET, LAPTOP, LEAVER, MANAGER, newCase, NOW, OPENED_AT, PHONE, ref, SMARTCARD, withItemIn } from './fixtures';

const EVERY_TYPE = Object.keys(ASSET_TYPES) as AssetType[];
const keys = (items: readonly ChecklistItem[]) => items.map(itemKey);

describe('checklist generation', () => {
  it('has an item for every asset held, of every type, in the register’s type order, then the exit steps', () => {
    // Handed in shuffled: the checklist's order does not depend on the store's.
    const held = [...EVERY_TYPE].reverse().map((type) => ASSETS[type]);
    const items = buildChecklist(held, ref(MANAGER), OPENED_AT);
    const assetItems = items.filter((item) => item.kind === 'asset');
    expect(assetItems.map((item) => item.assetType)).toEqual(EVERY_TYPE);
    for (const item of assetItems) {
      const asset = ASSETS[item.assetType];
      expect(item).toEqual({
        kind: 'asset',
        assetId: asset.assetId,
        assetTag: asset.assetTag,
        assetType: asset.type,
        model: asset.model,
        valuePence: asset.purchaseValuePence,
        origin: 'held_at_opening',
        resolution: null,
        state: 'outstanding',
        stateSetBy: MANAGER.personId,
        stateSetByName: 'Meg Manager',
        stateSetAt: OPENED_AT,
        addedAt: OPENED_AT,
        occurrence: 1,
      });
    }
    expect(keys(items.filter((item) => item.kind === 'step'))).toEqual([
      'step:return_assets',
      'step:revoke_access',
      `step:cancel_credential:${ASSETS.smartcard.assetId}`,
      `step:cancel_credential:${ASSETS.network_token.assetId}`,
      'step:social_media',
      'step:building_pass',
      'step:aup_reminder',
    ]);
  });

  it('orders several assets of one type by tag', () => {
    const second = { ...LAPTOP, assetId: '01900000-0000-7000-8000-000000000199', assetTag: 'LT-0000' };
    expect(buildChecklist([LAPTOP, PHONE, second], ref(MANAGER), OPENED_AT).slice(0, 3).map(describeItem)).toEqual([
      'LT-0000 (Laptop)',
      'LT-0001 (Laptop)',
      'PH-0001 (Smartphone)',
    ]);
  });

  it('carries the standard exit steps for someone holding nothing, with no credential step', () => {
    const items = buildChecklist([], ref(MANAGER), OPENED_AT);
    expect(items.map((item) => (item.kind === 'step' ? item.step : item.assetTag))).toEqual(['return_assets', 'revoke_access', 'social_media', 'building_pass', 'aup_reminder']);
    expect(items.map(describeItem)).toEqual([
      '“Return all equipment”',
      '“Revoke system access and disable the account”',
      '“Remove from official social media accounts and professional individual accounts”',
      '“Return building pass”',
      '“Give the final Acceptable Use Policy reminder”',
    ]);
  });

  it('adds one cancel step per smartcard or token, and only for those', () => {
    expect(CREDENTIAL_TYPES).toEqual(['smartcard', 'network_token']);
    for (const type of EVERY_TYPE) {
      const steps = buildChecklist([ASSETS[type]], ref(MANAGER), OPENED_AT).filter((item) => item.kind === 'step' && item.step === 'cancel_credential');
      expect(steps.map(describeItem), type).toEqual(CREDENTIAL_TYPES.includes(type) ? [`“Cancel smartcard or token” for ${ASSETS[type].assetTag}`] : []);
    }
  });

  it('says which steps may be not applicable, and cites the policy for each', () => {
    expect(EXIT_STEP_VALUES.filter((step) => !EXIT_STEPS[step].notApplicable)).toEqual(['return_assets', 'revoke_access']);
    expect(EXIT_STEPS.social_media.policy).toBe('Social Media Policy, statements 5 and 7');
    for (const step of EXIT_STEP_VALUES) expect(EXIT_STEPS[step].policy).not.toBe('');
  });

  it('is what a new case starts with', () => {
    const leaverCase = newCase();
    expect(leaverCase.items.map(describeItem)).toEqual([
      'LT-0001 (Laptop)',
      'PH-0001 (Smartphone)',
      'SC-0001 (Smartcard)',
      '“Return all equipment”',
      '“Revoke system access and disable the account”',
      '“Cancel smartcard or token” for SC-0001',
      '“Remove from official social media accounts and professional individual accounts”',
      '“Return building pass”',
      '“Give the final Acceptable Use Policy reminder”',
    ]);
  });
});

describe('assets issued after the case opened', () => {
  const at = '2026-03-03T11:00:00.000Z';

  it('are added at the end, marked as issued during the case, stamped by whoever issued them', () => {
    const additions = additionsForIssue(newCase(), HEADSET, LEAVER.personId, ref(DESK), at);
    expect(additions).toEqual([
      {
        kind: 'asset',
        assetId: HEADSET.assetId,
        assetTag: 'HS-0001',
        assetType: 'headset',
        model: 'Jabra Evolve2 40',
        valuePence: null,
        origin: 'issued_during_case',
        resolution: null,
        state: 'outstanding',
        stateSetBy: DESK.personId,
        stateSetByName: 'Des Desk',
        stateSetAt: at,
        addedAt: at,
        occurrence: 1,
      },
    ]);
  });

  it('bring their own cancel step when they are a smartcard or token', () => {
    const additions = additionsForIssue(newCase([LAPTOP]), ASSETS.network_token, LEAVER.personId, ref(DESK), at);
    expect(additions.map(describeItem)).toEqual(['TK-0001 (Network dongle or token)', '“Cancel smartcard or token” for TK-0001']);
  });

  it('are not added to a case that is not open, or for an issue to someone else', () => {
    const leaverCase = newCase();
    expect(additionsForIssue({ ...leaverCase, status: 'signed_off' }, HEADSET, LEAVER.personId, ref(DESK), at)).toEqual([]);
    expect(additionsForIssue({ ...leaverCase, status: 'cancelled' }, HEADSET, LEAVER.personId, ref(DESK), at)).toEqual([]);
    expect(additionsForIssue(leaverCase, HEADSET, MANAGER.personId, ref(DESK), at)).toEqual([]);
  });

  it('are not added twice while an item still tracks them (a replayed issue)', () => {
    const leaverCase = newCase();
    expect(additionsForIssue(leaverCase, LAPTOP, LEAVER.personId, ref(DESK), at)).toEqual([]);
    expect(additionsForIssue(leaverCase, SMARTCARD, LEAVER.personId, ref(DESK), at)).toEqual([]);
    expect(additionsForIssue(withItemIn(leaverCase, `asset:${LAPTOP.assetId}`, 'missing'), LAPTOP, LEAVER.personId, ref(DESK), at)).toEqual([]);
  });

  it('get a second occurrence when handed back during the notice period and issued again, and commands act on it', () => {
    const returned = withItemIn(newCase(), `asset:${LAPTOP.assetId}`, 'returned');
    const additions = additionsForIssue(returned, LAPTOP, LEAVER.personId, ref(DESK), at);
    expect(additions.map((item) => [itemKey(item), item.occurrence])).toEqual([[`asset:${LAPTOP.assetId}#2`, 2]]);
    const reissued = { ...returned, items: [...returned.items, ...additions] };
    expect(latestAssetItem(reissued.items, LAPTOP.assetId)?.occurrence).toBe(2);
    const after = accepted(applyLeaverCommand(reissued, { command: 'markMissing', assetId: LAPTOP.assetId, statedValuePence: null, note: null }, context(MANAGER)));
    const laptops = after.leaverCase.items.filter((item) => item.kind === 'asset' && item.assetId === LAPTOP.assetId);
    expect(laptops.map((item) => [item.occurrence, item.state])).toEqual([
      [1, 'returned'],
      [2, 'missing'],
    ]);
    expect(after.leaverCase.items.find((item) => itemKey(item) === `asset:${LAPTOP.assetId}#2`)?.stateSetAt).toBe(NOW);
  });

  it('reissuing a cancelled card adds a fresh cancel step too', () => {
    const base = newCase();
    const cancelled = withItemIn(withItemIn(base, `asset:${SMARTCARD.assetId}`, 'returned'), `step:cancel_credential:${SMARTCARD.assetId}`, 'done');
    expect(additionsForIssue(cancelled, SMARTCARD, LEAVER.personId, ref(DESK), at).map(itemKey)).toEqual([
      `asset:${SMARTCARD.assetId}#2`,
      `step:cancel_credential:${SMARTCARD.assetId}#2`,
    ]);
  });
});
