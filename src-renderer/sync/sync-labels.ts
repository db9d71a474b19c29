import type { SyncStatus } from '../../src-shared/sync/sync-status';

export type TagColour = 'green' | 'grey' | 'blue' | 'yellow' | 'orange' | 'red';

export interface SyncLabel {
  readonly text: string;
  readonly colour: TagColour;
}

function waiting(pending: number): string {
  return pending === 1 ? '1 change waiting' : `${pending.toLocaleString('en-GB')} changes waiting`;
}

/** With waiting changes added where they matter ("Offline · 3 changes waiting"). */
function withWaiting(text: string, pending: number): string {
  return pending > 0 ? `${text} · ${waiting(pending)}` : text;
}

/** How far a first sync has got, as a whole percentage; null while the total is unknown. */
export function progressPercent(progress: { readonly done: number; readonly total: number | null }): number | null {
  if (progress.total === null || progress.total <= 0) return null;
  return Math.min(100, Math.floor((progress.done / progress.total) * 100));
}

/** The sync indicator's words and colour. The words carry the meaning; the colour only helps. */
export function syncLabel(status: SyncStatus): SyncLabel {
  switch (status.state) {
    case 'local_only':
      return { text: 'Not syncing', colour: 'grey' };
    case 'signed_out':
      // A disabled account cannot sign in again, and its records have left this computer: say so, not just "signed out".
      return status.reason === 'account_disabled'
        ? { text: withWaiting('Signed out: account disabled', status.pending), colour: 'red' }
        : { text: withWaiting('Signed out', status.pending), colour: 'orange' };
    case 'update_required':
      return { text: withWaiting('Update required', status.pending), colour: 'red' };
    case 'offline':
      return { text: withWaiting('Offline', status.pending), colour: 'grey' };
    case 'error':
      return { text: withWaiting('Sync problem', status.pending), colour: 'red' };
    case 'syncing': {
      const percent = status.firstSync === null ? null : progressPercent(status.firstSync);
      return { text: percent === null ? 'Syncing…' : `Syncing ${String(percent)}%`, colour: 'blue' };
    }
    case 'synced':
      return status.pending > 0 ? { text: waiting(status.pending), colour: 'yellow' } : { text: 'Synced', colour: 'green' };
  }
}

/**
 * What the live region announces: the settled state only. A sync every minute passes through "Syncing…", and a
 * screen reader announcing that each time would drown everything else; the outcome is what matters.
 */
export function announcedLabel(status: SyncStatus, previous: string): string {
  if (status.state === 'syncing') return previous;
  return `Sync status: ${syncLabel(status).text}`;
}

/** Names of the changes people make, for the "Changes not applied" list. */
const CHANGE_NAMES: Readonly<Record<string, string>> = {
  'asset.create': 'Add an asset',
  'asset.import': 'Import assets',
  'asset.issue': 'Issue an asset',
  'asset.return': 'Return an asset',
  'asset.returnMany': 'Return assets',
  'asset.restock': 'Put an asset back in stock',
  'asset.markLost': 'Report an asset lost',
  'asset.markStolen': 'Report an asset stolen',
  'asset.markDamaged': 'Report an asset damaged',
  'asset.sendToRepair': 'Send an asset for repair',
  'asset.completeRepair': 'Complete a repair',
  'asset.retire': 'Retire an asset',
  'asset.dispose': 'Dispose of an asset',
  'person.create': 'Add a person',
  'person.import': 'Import people',
  'person.recordTraining': 'Record security training',
  'person.acknowledgeAup': 'Record an AUP confirmation',
  'person.changeLineManager': 'Change a line manager',
  'asset.reportLoss': 'Report equipment lost, stolen or damaged',
  'suspension.suspend': 'Record a phone suspension',
  'suspension.requestWipe': 'Request a remote wipe',
  'suspension.confirmWipe': 'Confirm a remote wipe',
  'suspension.reinstate': 'Reinstate a phone',
  'incident.close': 'Close a security incident',
  'travel.request': 'Request a trip abroad',
  'travel.resubmit': 'Resubmit a trip',
  'travel.approveAsManager': 'Approve a trip (line manager)',
  'travel.approveAsSecurity': 'Approve a trip (security review)',
  'travel.reject': 'Reject a trip',
  'travel.withdraw': 'Withdraw a trip',
  'travel.cancel': 'Cancel a trip',
  'travel.recordDeparture': 'Record a departure',
  'travel.confirmDeviceReturned': 'Confirm a device back from a trip',
  'travel.recordReturn': 'Record a return from a trip',
  'countryPolicy.change': 'Change the country policy',
};

export function changeName(mutatorName: string): string {
  return CHANGE_NAMES[mutatorName] ?? mutatorName;
}
