import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssetStatus } from '../../../src-shared/domain/asset-lifecycle';
import { LOSS_KIND_VALUES, type LossKind } from '../../../src-shared/domain/loss-report';
import { canTakeStep, SUSPENSION_STEP_VALUES, SUSPENSION_STEPS, type SuspensionStatus, type SuspensionStep } from '../../../src-shared/domain/phone-suspension';
import { CURRENT_AUP_VERSION } from '../../../src-shared/domain/policy';
import { addPerson, desk, incidentCounts, issuedAsset, report, type Desk } from './support';

/**
 * Model-based: random sequences of reports (by the holder, someone else, or the desk), suspension steps, closes and
 * re-issues on a few phones and laptops, run through the real mutators on a real store, each checked against a small
 * model of what must happen. After every command the store's invariants hold.
 */
type Reporter = 'holder' | 'other' | 'desk';
type Outcome = 'in_stock' | 'in_repair' | 'replaced' | 'written_off';

type Command =
  | { readonly kind: 'report'; readonly asset: number; readonly loss: LossKind; readonly by: Reporter }
  | { readonly kind: 'step'; readonly asset: number; readonly step: SuspensionStep }
  | { readonly kind: 'close'; readonly asset: number; readonly outcome: Outcome }
  | { readonly kind: 'service'; readonly asset: number; readonly to: 0 | 1 };

const ASSETS = [
  { type: 'smartphone', phone: true },
  { type: 'basic_mobile_phone', phone: true },
  { type: 'laptop', phone: false },
] as const;

const assetIndex = fc.integer({ min: 0, max: ASSETS.length - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('report' as const), asset: assetIndex, loss: fc.constantFrom(...LOSS_KIND_VALUES), by: fc.constantFrom<Reporter>('holder', 'other', 'desk') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('step' as const), asset: assetIndex, step: fc.constantFrom(...SUSPENSION_STEP_VALUES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('close' as const), asset: assetIndex, outcome: fc.constantFrom<Outcome>('in_stock', 'in_repair', 'replaced', 'written_off') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('service' as const), asset: assetIndex, to: fc.constantFrom<0 | 1>(0, 1) }) },
);

interface ModelAsset {
  readonly id: string;
  readonly tag: string;
  readonly phone: boolean;
  status: AssetStatus;
  holder: string | null;
  /** The latest incident about the asset: whether it is open, whom it is about, its suspension. */
  incident: { open: boolean; person: string | null; suspension: SuspensionStatus | null } | null;
  incidents: number;
}

interface World {
  readonly d: Desk;
  readonly staff: readonly [string, string];
  readonly deskOfficer: string;
  readonly assets: ModelAsset[];
}

async function world(): Promise<World> {
  const d = desk();
  const manager = await addPerson(d, 'Bo Boss', { roles: ['staff', 'line_manager'] });
  const staff = [await addPerson(d, 'Ada Lovelace', { lineManagerId: manager }), await addPerson(d, 'Grace Hopper', { lineManagerId: manager })] as const;
  const deskOfficer = await addPerson(d, 'Dee Desk', { roles: ['staff', 'it_service_desk'] });
  const assets: ModelAsset[] = [];
  for (const [i, { type, phone }] of ASSETS.entries()) {
    const holder = staff[i % 2] as string;
    const { id, tag } = await issuedAsset(d, holder, type);
    assets.push({ id, tag, phone, status: 'issued', holder, incident: null, incidents: 0 });
  }
  return { d, staff, deskOfficer, assets };
}

/** The latest incident about the asset that has a phone suspension request. */
function suspendedIncidentOf(w: World, asset: ModelAsset): string | undefined {
  const row = w.d.store.db
    .prepare('SELECT s.incident_id AS id FROM phone_suspensions s JOIN security_incidents i ON i.id = s.incident_id WHERE i.asset_id = ? ORDER BY i.opened_at DESC, i.rowid DESC LIMIT 1')
    .get(asset.id) as { id: string } | undefined;
  return row?.id;
}

function snapshot(w: World) {
  return { counts: incidentCounts(w.d.store), rows: w.d.store.db.prepare('SELECT id, status, holder_id FROM assets ORDER BY id').all() };
}

/** Runs one command through the dispatcher; returns whether the store accepted it, after checking the model's prediction. */
async function run(w: World, c: Command): Promise<void> {
  const asset = w.assets[c.asset] as ModelAsset;
  const { d } = w;
  const before = snapshot(w);
  let expected: boolean;
  let result;
  switch (c.kind) {
    case 'report': {
      const subject = asset.incident?.open === true ? asset.incident.person : asset.holder;
      const actor = c.by === 'desk' ? w.deskOfficer : c.by === 'holder' ? (subject ?? w.staff[0]) : (w.staff.find((p) => p !== subject) as string);
      d.actAs(actor);
      const inReach = c.by === 'desk' || actor === subject;
      expected = inReach && (asset.incident?.open === true || asset.status === 'issued');
      result = await d.dispatch('asset.reportLoss', report(asset.id, { kind: c.loss, ...(c.loss === 'stolen' ? { policeReference: 'CRI/1' } : {}) }));
      if (result.ok && asset.incident?.open !== true) {
        asset.incident = { open: true, person: asset.holder, suspension: asset.phone ? 'requested' : null };
        asset.incidents += 1;
        asset.status = c.loss;
        asset.holder = null;
      }
      break;
    }
    case 'step': {
      d.actAs(w.deskOfficer);
      const incidentId = suspendedIncidentOf(w, asset);
      const status = asset.incident?.suspension ?? null;
      if (incidentId === undefined || status === null) {
        expect(status).toBeNull();
        return;
      }
      expected = canTakeStep(c.step, status);
      result = await d.dispatch(`suspension.${c.step}`, c.step === 'suspend' ? { incidentId, carrierReference: 'REF-1' } : { incidentId, note: null });
      if (result.ok && asset.incident) asset.incident.suspension = SUSPENSION_STEPS[c.step].to;
      break;
    }
    case 'close': {
      d.actAs(w.deskOfficer);
      const incidentId = (d.store.db.prepare('SELECT id FROM security_incidents WHERE asset_id = ? ORDER BY opened_at DESC, rowid DESC LIMIT 1').get(asset.id) as { id: string } | undefined)?.id;
      if (incidentId === undefined) {
        expect(asset.incident).toBeNull();
        return;
      }
      expected = asset.incident?.open === true;
      const base = { incidentId, costRecovery: 'no' };
      const other = w.assets[(c.asset + 1) % w.assets.length] as ModelAsset;
      const args =
        c.outcome === 'replaced'
          ? { ...base, outcome: 'replaced', replacementAssetTag: other.tag }
          : c.outcome === 'written_off'
            ? { ...base, outcome: 'written_off', writeOffValuePence: 1000, writeOffReason: 'Gone' }
            : { ...base, outcome: 'recovered', recoveredOn: '2026-11-23', recoveredTo: c.outcome };
      result = await d.dispatch('incident.close', args);
      if (result.ok && asset.incident) {
        asset.incident.open = false;
        asset.status = c.outcome === 'in_stock' || c.outcome === 'in_repair' ? c.outcome : 'retired';
      }
      break;
    }
    case 'service': {
      d.actAs(w.deskOfficer);
      if (asset.status === 'in_stock') {
        expected = true;
        const to = w.staff[c.to];
        result = await d.dispatch('asset.issue', { assetId: asset.id, personId: to, aupVersion: CURRENT_AUP_VERSION, aupConfirmed: true });
        if (result.ok) {
          asset.status = 'issued';
          asset.holder = to;
        }
      } else if (asset.status === 'in_repair') {
        expected = true;
        result = await d.dispatch('asset.completeRepair', { assetId: asset.id, note: null });
        if (result.ok) asset.status = 'in_stock';
      } else {
        return;
      }
      break;
    }
  }
  expect(result.ok, `${JSON.stringify(c)} → ${result.ok ? 'accepted' : result.error.message}`).toBe(expected);
  if (!result.ok) expect(snapshot(w), 'a refused command writes nothing').toEqual(before);
}

/** What must always be true of the store, whatever happened. */
function checkInvariants(w: World): void {
  const db = w.d.store.db;
  for (const asset of w.assets) {
    const row = db.prepare('SELECT status, holder_id AS holder FROM assets WHERE id = ?').get(asset.id) as { status: string; holder: string | null };
    expect(row).toEqual({ status: asset.status, holder: asset.holder });
    const incidents = db.prepare('SELECT id, status, asset_type AS type FROM security_incidents WHERE asset_id = ?').all(asset.id) as { id: string; status: string; type: string }[];
    expect(incidents).toHaveLength(asset.incidents);
    // At most one open incident per asset, and an open one means the asset is out of its holder's hands.
    const open = incidents.filter((incident) => incident.status === 'open');
    expect(open.length).toBe(asset.incident?.open === true ? 1 : 0);
    if (open.length > 0) expect(['lost', 'stolen', 'damaged']).toContain(row.status);
    for (const incident of incidents) {
      // A phone loss always yields exactly one suspension request; nothing else ever does.
      const suspensions = (db.prepare('SELECT COUNT(*) AS n FROM phone_suspensions WHERE incident_id = ?').get(incident.id) as { n: number }).n;
      expect(suspensions).toBe(asset.phone ? 1 : 0);
      const reports = (db.prepare('SELECT COUNT(*) AS n FROM loss_reports WHERE incident_id = ? AND asset_id = ?').get(incident.id, asset.id) as { n: number }).n;
      expect(reports).toBeGreaterThanOrEqual(1);
    }
    const latest = db
      .prepare('SELECT s.status FROM phone_suspensions s JOIN security_incidents i ON i.id = s.incident_id WHERE i.asset_id = ? ORDER BY i.opened_at DESC, i.rowid DESC LIMIT 1')
      .get(asset.id) as { status: SuspensionStatus } | undefined;
    expect(latest?.status ?? null).toBe(asset.incident?.suspension ?? null);
  }
}

describe('loss reports and phone suspensions, as a state machine over the real store', () => {
  it('every command does what the model says; refused ones write nothing; a phone loss always yields one suspension request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        const w = await world();
        try {
          for (const c of commands) {
            await run(w, c);
            checkInvariants(w);
          }
        } finally {
          w.d.store.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
