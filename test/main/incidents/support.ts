import { createDispatcher, type Dispatch } from '../../../src-main/bridge/dispatch';
import type { Store } from '../../../src-main/store/open-store';
import type { IncidentDetail } from '../../../src-shared/api/incident-queries';
import { CURRENT_AUP_VERSION } from '../../../src-shared/domain/policy';
import type { Role } from '../../../src-shared/domain/roles';
import { newId } from '../../../src-shared/ids';
import { recordingLogger } from '../../support/dispatcher';
import { value } from '../../support/result';
import { memoryStore } from '../../support/store';

/** 2026-11-23 09:30 UTC, as the shared FIXED_NOW; a clock the test can move on. */
export function movableClock(start = '2026-11-23T09:30:00.000Z') {
  let now = new Date(start);
  return {
    clock: () => now,
    advanceHours(hours: number) {
      now = new Date(now.getTime() + hours * 60 * 60 * 1000);
    },
  };
}

export interface Desk {
  readonly store: Store;
  /** Dispatch as whoever `actAs` names (null: nobody signed in, a local register). */
  readonly dispatch: Dispatch;
  actAs(personId: string | null): void;
  readonly time: ReturnType<typeof movableClock>;
}

export function desk(): Desk {
  const store = memoryStore();
  const time = movableClock();
  let actor: string | null = null;
  const dispatch = createDispatcher({
    store,
    info: { version: '0.0.0-test', shell: 'web', dataDir: '/nowhere' },
    actorId: () => actor,
    clock: time.clock,
    log: recordingLogger(),
  });
  return {
    store,
    dispatch,
    time,
    actAs(personId) {
      actor = personId;
    },
  };
}

export async function addPerson(d: Desk, name: string, options: { lineManagerId?: string | null; roles?: Role[] } = {}): Promise<string> {
  const id = newId();
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '.');
  value(
    await d.dispatch('person.create', {
      id,
      staffNumber: `S${id.slice(-6)}`,
      name,
      email: `${slug}@example.gov.uk`,
      lineManagerId: options.lineManagerId ?? null,
      roles: options.roles ?? ['staff'],
      trainingCompletedOn: '2026-06-01',
    }),
  );
  return id;
}

let tags = 0;

/** An asset issued to `holderId` (a smartphone unless told otherwise). */
export async function issuedAsset(d: Desk, holderId: string, type = 'smartphone'): Promise<{ id: string; tag: string }> {
  const id = newId();
  tags += 1;
  const tag = `${type === 'smartphone' || type === 'basic_mobile_phone' ? 'PH' : 'LT'}-${String(tags).padStart(4, '0')}`;
  value(await d.dispatch('asset.create', { id, assetTag: tag, serialNumber: `SN${String(tags)}`, type, model: 'Model X' }));
  value(await d.dispatch('asset.issue', { assetId: id, personId: holderId, aupVersion: CURRENT_AUP_VERSION, aupConfirmed: true }));
  return { id, tag };
}

export function report(assetId: string, extra: Record<string, unknown> = {}) {
  return {
    id: newId(),
    assetId,
    kind: 'lost',
    occurredOn: '2026-11-22',
    location: 'Leeds station',
    circumstances: 'Left on the 17:05 to York',
    deviceUnlocked: 'no',
    ...extra,
  };
}

export async function incidentOfReport(d: Desk, reportId: string): Promise<IncidentDetail> {
  return value<IncidentDetail>(await d.dispatch('incident.get', { reportId }));
}

/** Every row count of the incident tables, to show a refusal wrote nothing. */
export function incidentCounts(store: Store): Record<string, number> {
  const count = (table: string) => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    security_incidents: count('security_incidents'),
    loss_reports: count('loss_reports'),
    phone_suspensions: count('phone_suspensions'),
    incident_events: count('incident_events'),
    asset_events: count('asset_events'),
    outbox: count('outbox'),
  };
}
