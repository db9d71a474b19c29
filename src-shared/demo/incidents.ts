import { v5 as uuidv5 } from 'uuid';
import { PHONE_TYPES, type AssetType } from '../domain/asset';
import type { AssetStatus } from '../domain/asset-lifecycle';
import { incidentIdFor } from '../domain/incident-reference';
import { dateDaysBefore } from './dates';
import type { DemoMutation } from './mutation';

/**
 * A handful of loss, theft and damage reports (AUP 8.2) in the generated department, each told once, so the demo's
 * security incidents page, suspension queue and closed incidents have something in them. Each story starts with the
 * asset's one issue and ends in the status the plan gave it, so the register's numbers are unchanged; none draws on the
 * seeded faker, so the rest of the department is exactly what it was without them.
 */
type Story = 'phoneWaiting' | 'phoneWiping' | 'phoneRecovered' | 'phoneWrittenOff' | 'damaged' | 'repaired';

/** Which story an asset may tell, by whether it is a phone and the status the plan ends it in. */
function storyFor(phone: boolean, status: AssetStatus): Story | null {
  if (phone) {
    if (status === 'lost') return 'phoneWaiting';
    if (status === 'stolen') return 'phoneWiping';
    if (status === 'in_stock') return 'phoneRecovered';
    if (status === 'retired') return 'phoneWrittenOff';
    return null;
  }
  if (status === 'damaged') return 'damaged';
  if (status === 'in_repair') return 'repaired';
  return null;
}

/** Fixed namespace for report ids derived from asset ids (the demo's ids come from the seed alone). */
const REPORT_NAMESPACE = '0b7d4e2a-93c1-4f6e-8d25-6a1c9e3b7f40';

export class IncidentStories {
  private readonly told = new Set<Story>();

  /** The story this asset tells in place of its usual one (only for an asset whose usual story has one issue), or null. */
  pick(type: AssetType, status: AssetStatus, issues: number): Story | null {
    if (issues !== 1) return null;
    const story = storyFor(PHONE_TYPES.includes(type), status);
    if (story === null || this.told.has(story)) return null;
    this.told.add(story);
    return story;
  }
}

/** The mutations of a story after the asset's issue: the report, then what the desk and the security team did. */
export function* incidentMutations(story: Story, assetId: string, asOf: string): Generator<DemoMutation> {
  const reportId = uuidv5(assetId, REPORT_NAMESPACE);
  const incidentId = incidentIdFor(reportId);
  const report = {
    id: reportId,
    assetId,
    occurredOn: dateDaysBefore(asOf, 3),
    deviceUnlocked: 'no',
    policeReference: null,
    policeNotReportedReason: null,
  } as const;
  const step = (name: 'suspension.suspend' | 'suspension.requestWipe' | 'suspension.confirmWipe' | 'suspension.reinstate'): DemoMutation =>
    name === 'suspension.suspend'
      ? { name, args: { incidentId, carrierReference: `VOD-${reportId.slice(0, 6).toUpperCase()}`, note: null } }
      : { name, args: { incidentId, note: null } };
  switch (story) {
    case 'phoneWaiting':
      yield { name: 'asset.reportLoss', args: { ...report, kind: 'lost', location: 'On a train to Leeds', circumstances: 'Left on the seat when changing trains' } };
      return;
    case 'phoneWiping':
      yield {
        name: 'asset.reportLoss',
        args: { ...report, kind: 'stolen', deviceUnlocked: 'yes', policeReference: 'CRI/0412/24', location: 'Cafe near the office', circumstances: 'Taken from the table while unlocked' },
      };
      yield step('suspension.suspend');
      yield step('suspension.requestWipe');
      return;
    case 'phoneRecovered':
      yield { name: 'asset.reportLoss', args: { ...report, kind: 'lost', location: 'Meeting room 4.12', circumstances: 'Could not find it after a workshop' } };
      yield step('suspension.suspend');
      yield step('suspension.reinstate');
      yield { name: 'incident.close', args: { incidentId, outcome: 'recovered', recoveredOn: dateDaysBefore(asOf, 1), recoveredTo: 'in_stock', costRecovery: 'no', note: 'Handed in at reception' } };
      return;
    case 'phoneWrittenOff':
      yield {
        name: 'asset.reportLoss',
        args: {
          ...report,
          kind: 'stolen',
          policeNotReportedReason: 'Stolen abroad; reporting to the local police on return',
          location: 'Hotel in Lisbon',
          circumstances: 'Bag taken from the lobby',
        },
      };
      yield step('suspension.suspend');
      yield step('suspension.requestWipe');
      yield step('suspension.confirmWipe');
      yield { name: 'incident.close', args: { incidentId, outcome: 'written_off', writeOffValuePence: 32_500, writeOffReason: 'Not recovered', costRecovery: 'no', note: null } };
      return;
    case 'damaged':
      yield { name: 'asset.reportLoss', args: { ...report, kind: 'damaged', location: 'Home office', circumstances: 'Coffee spilled on the keyboard' } };
      return;
    case 'repaired':
      yield { name: 'asset.reportLoss', args: { ...report, kind: 'damaged', location: 'Leeds office', circumstances: 'Dropped; screen cracked' } };
      yield { name: 'incident.close', args: { incidentId, outcome: 'recovered', recoveredOn: dateDaysBefore(asOf, 1), recoveredTo: 'in_repair', costRecovery: 'no', note: null } };
      return;
  }
}
