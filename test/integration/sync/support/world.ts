import { expect } from 'vitest';
import { CURRENT_AUP_VERSION } from '../../../../src-shared/domain/policy';
import type { Role } from '../../../../src-shared/domain/roles';
import { newId } from '../../../../src-shared/ids';
import { SYNCED_TABLES, type SyncedTable } from '../../../../src-shared/sync/protocol';
import { request } from '../../../server/support/server-journey';
import { overHttp, SyncClient } from '../../../server/support/sync';
import { ADMIN_EMAIL, ADMIN_NAME, startCentral, type Central, type Variant } from './central';
import { byId, Desktop, desktopTime, emptySnapshot, rowsOnlyIn, type Account, type Snapshot } from './desktop';

export interface PersonSpec {
  readonly name: string;
  readonly roles?: readonly Role[];
  /** A person made earlier (their id), or null. */
  readonly lineManagerId?: string | null;
  /** Open an account for them (default true). */
  readonly account?: boolean;
  readonly trainingCompletedOn?: string | null;
}

/** A person in the directory, with an account when one was asked for. */
export type Person = Account & { readonly hasAccount: boolean };

/**
 * Everything one suite shares: the central API (real server processes), the first administrator's own desktop
 * (through which people enter the directory, as the admin would add them) and the desktops the tests open.
 */
export class World {
  private people = 0;
  private readonly open = new Set<Desktop>();
  private desktopsMade = 0;

  /**
   * Two IT service desk accounts the tests share (each test opens its own desktops for them): every first sign-in
   * exchanges a one-time password, which costs several deliberately slow password hashes.
   */
  deskA!: Person;
  deskB!: Person;

  private constructor(
    readonly central: Central,
    readonly admin: Desktop,
  ) {}

  static async start(variant: Variant): Promise<World> {
    const central = await startCentral(variant);
    try {
      const admin = new Desktop({ name: 'admin desktop', serverUrl: central.url(0), clockStart: desktopTime('08:00') });
      const account: Account = { personId: central.adminPersonId, name: ADMIN_NAME, email: ADMIN_EMAIL, roles: ['staff', 'admin'], oneTimePassword: null };
      await admin.signIn(account);
      expect(await admin.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
      const world = new World(central, admin);
      const [deskA, deskB] = await world.addPeople([
        { name: 'Dana Hughes', roles: ['it_service_desk'] },
        { name: 'Ravi Patel', roles: ['it_service_desk'] },
      ]);
      if (!deskA || !deskB) throw new Error('the desk accounts were not made');
      world.deskA = deskA;
      world.deskB = deskB;
      return world;
    } catch (error) {
      await central.stop();
      throw error;
    }
  }

  /**
   * Adds people to the directory from the administrator's desktop (person.create, synced), then opens an account for
   * each through the admin API (POST /api/v1/admin/accounts), which hands back a one-time password.
   */
  async addPeople(specs: readonly PersonSpec[]): Promise<Person[]> {
    const made: Person[] = [];
    for (const spec of specs) {
      this.people += 1;
      const n = String(this.people).padStart(4, '0');
      const id = newId();
      const email = `${spec.name.toLowerCase().replace(/[^a-z]+/g, '.')}.${n}@example.gov.uk`;
      await this.admin.call('person.create', {
        id,
        staffNumber: `S${n}`,
        name: spec.name,
        email,
        lineManagerId: spec.lineManagerId ?? null,
        roles: [...(spec.roles ?? [])],
        trainingCompletedOn: spec.trainingCompletedOn ?? null,
      });
      made.push({ personId: id, name: spec.name, email, roles: ['staff', ...(spec.roles ?? [])], oneTimePassword: null, hasAccount: spec.account ?? true });
    }
    expect(await this.admin.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
    for (const person of made) {
      if (!person.hasAccount) continue;
      const opened = await request(this.central.url(0), 'POST', '/api/v1/admin/accounts', { token: this.central.adminToken, body: { personId: person.personId } });
      expect(opened.status, JSON.stringify(opened.json)).toBe(200);
      person.oneTimePassword = String(opened.json.value?.oneTimePassword);
    }
    return made;
  }

  /** A fresh desktop, not signed in, on instance `instance` (desktops are spread over the instances). */
  newDesktop(name: string, instance: number = this.desktopsMade, clockStart?: string): Desktop {
    this.desktopsMade += 1;
    const desktop = new Desktop({ name, serverUrl: this.central.url(instance), clockStart });
    this.open.add(desktop);
    return desktop;
  }

  /** A fresh desktop signed in as `account`, after its first sync. */
  async desktopFor(account: Account, options: { name?: string; instance?: number; clockStart?: string } = {}): Promise<Desktop> {
    const desktop = this.newDesktop(options.name ?? `${account.name}'s desktop`, options.instance, options.clockStart);
    const signedIn = await desktop.signIn(account);
    expect(signedIn).toMatchObject({ account: { personId: account.personId }, clearedLocalData: false, recoveryFile: null });
    expect(await desktop.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
    return desktop;
  }

  /** Closes the desktops opened since the last call (each test's own). */
  closeDesktops(): void {
    for (const desktop of this.open) desktop.close();
    this.open.clear();
  }

  async stop(): Promise<void> {
    this.closeDesktops();
    this.admin.close();
    await this.central.stop();
  }
}

/**
 * What the server holds for a session's account, in domain form: a first pull from nothing, under a client id of its
 * own, through the sync protocol over HTTP (the same filter every desktop's pull goes through).
 */
export async function serverView(url: string, token: string): Promise<Snapshot> {
  const client = new SyncClient(overHttp(url), token);
  await client.sync();
  const out = emptySnapshot();
  for (const table of SYNCED_TABLES) out[table] = byId([...client.rows(table).values()]);
  return out;
}

/** Asserts two stores hold the same rows, naming the rows that differ when they do not. */
export function expectSameRows(actual: Snapshot, expected: Snapshot, what: string): void {
  expect({ [`only in ${what}`]: rowsOnlyIn(actual, expected), [`missing from ${what}`]: rowsOnlyIn(expected, actual) }).toEqual({
    [`only in ${what}`]: {},
    [`missing from ${what}`]: {},
  });
  expect(actual).toEqual(expected);
}

const TRAVELLER_TABLES: ReadonlySet<SyncedTable> = new Set(['trips', 'trip_legs', 'trip_devices', 'trip_events', 'travel_notices']);
/** The country policy is everyone's to read (visibility.ts): its rows are in every store. */
const EVERYONE_TABLES: ReadonlySet<SyncedTable> = new Set(['country_policy_versions', 'country_policy_rules']);

/**
 * The person each synced row is about (visibility.ts): a person themself, an asset's holder, an event's or
 * confirmation's person, a trip's traveller.
 */
export function subjectOf(table: SyncedTable, row: Readonly<Record<string, unknown>>): string | null {
  const field = table === 'people' ? 'id' : table === 'assets' ? 'holderId' : TRAVELLER_TABLES.has(table) ? 'travellerId' : 'personId';
  const value = row[field];
  return typeof value === 'string' ? value : null;
}

/** A line manager's scope: themself and everyone below them, by the people rows given. */
export function lineScope(managerId: string, people: readonly Readonly<Record<string, unknown>>[]): Set<string> {
  const scope = new Set([managerId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const person of people) {
      const id = String(person.id);
      if (!scope.has(id) && typeof person.lineManagerId === 'string' && scope.has(person.lineManagerId)) {
        scope.add(id);
        grew = true;
      }
    }
  }
  return scope;
}

/** The rows of `everything` about someone in `scope`. */
export function within(everything: Snapshot, scope: ReadonlySet<string>): Snapshot {
  const out = emptySnapshot();
  for (const table of SYNCED_TABLES) {
    out[table] = everything[table].filter((row) => {
      if (EVERYONE_TABLES.has(table)) return true;
      const subject = subjectOf(table, row);
      return subject !== null && scope.has(subject);
    });
  }
  return out;
}

// ── the changes people make, as the app's forms send them ──

export const LAPSE_REASON = 'Refresher booked for next week';

export function assetArgs(assetTag: string, extra: Record<string, unknown> = {}): { id: string; assetTag: string } & Record<string, unknown> {
  return { id: newId(), assetTag, serialNumber: `SN-${assetTag}`, type: 'laptop', model: 'Dell Latitude 7450', ...extra };
}

export function issueArgs(assetId: string, personId: string): Record<string, unknown> {
  return { assetId, personId, aupVersion: CURRENT_AUP_VERSION, aupConfirmed: true, trainingLapseReason: LAPSE_REASON };
}
