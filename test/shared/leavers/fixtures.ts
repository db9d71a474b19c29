import type { AssetType } from '../../../src-shared/domain/asset';
import { openLeaverCase, type OpeningFacts } from '../../../src-shared/domain/leavers/case-opening';
import type { LeaverActor } from '../../../src-shared/domain/leavers/case-parties';
import type { HeldAsset } from '../../../src-shared/domain/leavers/checklist';
import { itemKey, type AssetResolution, type ChecklistItem, type PersonRef, type StepResolution } from '../../../src-shared/domain/leavers/checklist-item';
import type { AssetWhereabouts, LeaverCommandContext, PersonFacts } from '../../../src-shared/domain/leavers/command-context';
import type { ItemState } from '../../../src-shared/domain/leavers/item-lifecycle';
import type { LeaverOutcome } from '../../../src-shared/domain/leavers/leaver-effects';
import type { LeaverCase } from '../../../src-shared/domain/leavers/leaver-case';
import type { PersonStatus } from '../../../src-shared/domain/roles';
import type { AppError, Result } from '../../../src-shared/result';

/** Fixed dates and moments: nothing in the leaver tests reads a clock. Monday 2 March 2026. */
export const TODAY = '2026-03-02';
export const NOW = '2026-03-02T09:30:00.000Z';
/** When the standard case was opened, and its leaving date (a Friday). */
export const OPENED_ON = '2026-02-20';
export const OPENED_AT = '2026-02-20T10:00:00.000Z';
export const LEAVING_DATE = '2026-03-13';

export function uuid(n: number): string {
  return `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
}

function actor(n: number, name: string, roles: LeaverActor['roles']): LeaverActor {
  return { personId: uuid(n), name, roles };
}

export const LEAVER = actor(1, 'Lee Leaver', ['staff']);
/** Lee's line manager. */
export const MANAGER = actor(2, 'Meg Manager', ['staff', 'line_manager']);
/** Meg's line manager: escalations go to her. */
export const SENIOR = actor(3, 'Sam Senior', ['staff', 'line_manager']);
export const ADMIN = actor(4, 'Ada Admin', ['staff', 'admin']);
export const DESK = actor(5, 'Des Desk', ['staff', 'it_service_desk']);
/** A line manager of another team: not above Lee. */
export const OTHER_MANAGER = actor(6, 'Olu Other', ['staff', 'line_manager']);
export const COLLEAGUE = actor(7, 'Cal Colleague', ['staff']);
export const SUCCESSOR = actor(8, 'Sue Successor', ['staff']);
export const LEAVING_COLLEAGUE = actor(9, 'Liz Leaving', ['staff']);
export const LEFT_COLLEAGUE = actor(10, 'Lou Left', ['staff']);

export const ref = (person: LeaverActor): PersonRef => ({ personId: person.personId, name: person.name });

/** Lee's line managers, direct manager first. */
export const CHAIN: readonly PersonRef[] = [ref(MANAGER), ref(SENIOR)];

function facts(person: LeaverActor, status: PersonStatus = 'active'): PersonFacts {
  return { personId: person.personId, name: person.name, status };
}

export const PEOPLE: ReadonlyMap<string, PersonFacts> = new Map(
  [
    facts(LEAVER, 'leaving'),
    facts(MANAGER),
    facts(SENIOR),
    facts(ADMIN),
    facts(DESK),
    facts(OTHER_MANAGER),
    facts(COLLEAGUE),
    facts(SUCCESSOR),
    facts(LEAVING_COLLEAGUE, 'leaving'),
    facts(LEFT_COLLEAGUE, 'left'),
  ].map((person) => [person.personId, person]),
);

/** One asset of every type, in the register's type order, with a purchase value except the headset. */
export const ASSETS: Readonly<Record<AssetType, HeldAsset>> = {
  laptop: { assetId: uuid(101), assetTag: 'LT-0001', type: 'laptop', model: 'Dell Latitude 7450', purchaseValuePence: 129_999 },
  desktop: { assetId: uuid(102), assetTag: 'DT-0001', type: 'desktop', model: 'HP EliteDesk 800', purchaseValuePence: 89_900 },
  tablet: { assetId: uuid(103), assetTag: 'TB-0001', type: 'tablet', model: 'iPad 10th gen', purchaseValuePence: 34_900 },
  smartphone: { assetId: uuid(104), assetTag: 'PH-0001', type: 'smartphone', model: 'Samsung Galaxy A55', purchaseValuePence: 39_900 },
  basic_mobile_phone: { assetId: uuid(105), assetTag: 'PH-0002', type: 'basic_mobile_phone', model: 'Nokia 105', purchaseValuePence: 1_999 },
  smartcard: { assetId: uuid(106), assetTag: 'SC-0001', type: 'smartcard', model: 'Civil Service smartcard', purchaseValuePence: 1_500 },
  network_token: { assetId: uuid(107), assetTag: 'TK-0001', type: 'network_token', model: 'RSA SecurID SID700', purchaseValuePence: 4_500 },
  encrypted_usb: { assetId: uuid(108), assetTag: 'USB-0001', type: 'encrypted_usb', model: 'Kingston IronKey D300', purchaseValuePence: 8_999 },
  headset: { assetId: uuid(109), assetTag: 'HS-0001', type: 'headset', model: 'Jabra Evolve2 40', purchaseValuePence: null },
  monitor: { assetId: uuid(110), assetTag: 'MN-0001', type: 'monitor', model: 'Dell P2425', purchaseValuePence: 17_900 },
  other: { assetId: uuid(111), assetTag: 'OT-0001', type: 'other', model: 'Docking station', purchaseValuePence: 0 },
};

export const LAPTOP = ASSETS.laptop;
export const PHONE = ASSETS.smartphone;
export const SMARTCARD = ASSETS.smartcard;
export const HEADSET = ASSETS.headset;

/** Someone else's laptop, and one in stock: for "returning an asset to the wrong case". */
export const COLLEAGUES_LAPTOP: AssetWhereabouts = { assetId: uuid(201), assetTag: 'LT-0999', holderId: COLLEAGUE.personId, holderName: COLLEAGUE.name };
export const STOCK_LAPTOP: AssetWhereabouts = { assetId: uuid(202), assetTag: 'LT-0500', holderId: null, holderName: null };

export const WHEREABOUTS: ReadonlyMap<string, AssetWhereabouts> = new Map(
  [
    ...Object.values(ASSETS).map((asset) => ({ assetId: asset.assetId, assetTag: asset.assetTag, holderId: LEAVER.personId, holderName: LEAVER.name })),
    COLLEAGUES_LAPTOP,
    STOCK_LAPTOP,
  ].map((where) => [where.assetId, where]),
);

export const CASE_ID = uuid(900);

export function openingFacts(overrides: Partial<OpeningFacts> = {}): OpeningFacts {
  return {
    actor: MANAGER,
    at: OPENED_AT,
    today: OPENED_ON,
    person: facts(LEAVER),
    managerChain: CHAIN,
    openCase: null,
    held: [LAPTOP, PHONE, SMARTCARD],
    ...overrides,
  };
}

/** Lee's case as Meg opens it on 20 Feb 2026, leaving on Fri 13 Mar 2026, holding a laptop, a phone and a smartcard. */
export function newCase(held: readonly HeldAsset[] = [LAPTOP, PHONE, SMARTCARD], leavingDate = LEAVING_DATE): LeaverCase {
  return accepted(openLeaverCase({ id: CASE_ID, personId: LEAVER.personId, leavingDate }, openingFacts({ held }))).leaverCase;
}

export function context(who: LeaverActor, overrides: Partial<LeaverCommandContext> = {}): LeaverCommandContext {
  return { actor: who, at: NOW, today: TODAY, managerChain: CHAIN, people: PEOPLE, assets: WHEREABOUTS, ...overrides };
}

/** Unwraps a result a test expects to succeed, naming the refusal otherwise. */
export function accepted<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function refusal(result: Result<LeaverOutcome>): AppError {
  if (result.ok) throw new Error(`expected a refusal, got a case in status ${result.value.leaverCase.status}`);
  return result.error;
}

const RESOLUTIONS: Record<Exclude<ItemState, 'outstanding'>, AssetResolution | StepResolution> = {
  returned: { kind: 'returned', condition: 'good', conditionNote: null, receivedBy: ref(DESK) },
  transferred: { kind: 'transferred', successor: ref(SUCCESSOR) },
  missing: { kind: 'missing', valuePence: 129_999, valueSource: 'register', note: null },
  written_off: { kind: 'written_off', reason: 'Destroyed in a house fire' },
  done: { kind: 'done', note: null },
  not_applicable: { kind: 'not_applicable', reason: 'Works from home: no pass' },
};

/** The case with the item of key `key` put straight into `state`, as set by Des Desk at 1 Mar 2026 13:02. */
export function withItemIn(leaverCase: LeaverCase, key: string, state: ItemState): LeaverCase {
  const items = leaverCase.items.map((item): ChecklistItem => {
    if (itemKey(item) !== key) return item;
    const stamp = { state, stateSetBy: DESK.personId, stateSetByName: DESK.name, stateSetAt: '2026-03-01T13:02:00.000Z' };
    if (state === 'outstanding') return { ...item, ...stamp, resolution: null };
    const resolution = RESOLUTIONS[state];
    return item.kind === 'asset' ? { ...item, ...stamp, resolution: resolution as AssetResolution } : { ...item, ...stamp, resolution: resolution as StepResolution };
  });
  return { ...leaverCase, items };
}

/** The case with every item resolved (assets returned, steps done), as by Des Desk. */
export function allResolved(leaverCase: LeaverCase): LeaverCase {
  return leaverCase.items.reduce((done, item) => withItemIn(done, itemKey(item), item.kind === 'asset' ? 'returned' : 'done'), leaverCase);
}
