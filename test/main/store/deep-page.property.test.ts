import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSET_SORT_COLUMNS, type AssetPageInput } from '../../../src-shared/api/asset-queries';
import { ASSET_TYPES, type AssetRow, type AssetType } from '../../../src-shared/domain/asset';
import { ASSET_STATUS_VALUES, type AssetStatus } from '../../../src-shared/domain/asset-lifecycle';
import { CURRENT_AUP_VERSION } from '../../../src-shared/domain/policy';
import { mutators } from '../../../src-shared/mutators/registry';
import { runMutation } from '../../../src-main/store/mutation-runner';
import type { Store } from '../../../src-main/store/open-store';
import { assetPage } from '../../../src-main/store/queries/asset-page';
import { selectColumns } from '../../../src-main/store/queries/columns';
import { deepPageItems } from '../../../src-main/store/queries/deep-page/deep-page';
import { memoryStore } from '../../support/store';
import { del, environment, page, pull, put } from '../sync/store/fixtures';

/**
 * The in-memory deep page (deep-page/) must give exactly the rows the SQL page gives, for any register, filter, sort
 * and offset, and go on doing so as the data changes under it (so a stale index would show). The registers are small,
 * so asset.page itself (offset < DEEP_OFFSET) answers through SQL; deepPageItems is asked the same question directly.
 * Values are drawn from small pools so sort keys tie, differ only in case, or are NULL.
 */

const TYPES = Object.keys(ASSET_TYPES) as AssetType[];
const MODELS = ['Dell Latitude 7450', 'dell latitude 7450', 'DELL LATITUDE 7450', 'Apple iPad', 'apple iPad', 'Zebra TC52', 'Ärger 1', 'ärger 1'];
const LOCATIONS = [null, 'Leeds', 'leeds', 'LEEDS', 'London', 'Zürich', 'zürich'];
const DATES = [null, '2023-12-31', '2024-01-01', '2025-06-30'];
const SERIALS = ['SN-1', 'sn-1', 'SN-10', 'A.1', 'Z/9'];
const NAMES = ['Ada Lovelace', 'ada lovelace', 'Grace Hopper', 'Alan Turing', 'Émilie du Châtelet', 'Ada Lovelace'];
const TAG_PREFIXES = ['LT-', 'PH-', 'A', 'Z.', 'lt-'];

/** Commands that reach each status from in stock (the lifecycle in src-shared/domain/asset-lifecycle.ts). */
const PATH_TO: Record<AssetStatus, readonly string[]> = {
  in_stock: [],
  issued: ['asset.issue'],
  returned: ['asset.issue', 'asset.return'],
  lost: ['asset.issue', 'asset.markLost'],
  stolen: ['asset.issue', 'asset.markStolen'],
  damaged: ['asset.issue', 'asset.markDamaged'],
  in_repair: ['asset.issue', 'asset.markDamaged', 'asset.sendToRepair'],
  retired: ['asset.retire'],
  disposed: ['asset.dispose'],
};
const COMMANDS = ['asset.issue', 'asset.return', 'asset.restock', 'asset.markLost', 'asset.markStolen', 'asset.markDamaged', 'asset.sendToRepair', 'asset.completeRepair', 'asset.retire', 'asset.dispose'];

const pick = <T,>(pool: readonly T[], index: number): T => pool[index % pool.length] as T;
const uuid = (kind: number, n: number) => `0190c000-0000-7000-8${String(kind)}00-${String(n).padStart(12, '0')}`;
/** Unique for unique n (the number is spelt out in full), in several shapes and cases. */
const tagOf = (n: number) => `${pick(TAG_PREFIXES, n)}${n % 3 === 0 ? String(n).padStart(4, '0') : String(n)}`;

const assetSpec = fc.record({
  type: fc.nat(),
  model: fc.nat(),
  location: fc.nat(),
  date: fc.nat(),
  serial: fc.nat(),
  status: fc.constantFrom(...ASSET_STATUS_VALUES),
  holder: fc.nat(),
});
type AssetSpec = typeof assetSpec extends fc.Arbitrary<infer S> ? S : never;

/** Undefined (no such filter) `rarity` times out of `rarity + 1`. */
const sometimes = <T,>(arbitrary: fc.Arbitrary<T>, rarity: number) =>
  fc.oneof({ weight: rarity, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

const query = fc.record({
  types: sometimes(fc.subarray(TYPES, { maxLength: 4 }), 1),
  statuses: sometimes(fc.subarray([...ASSET_STATUS_VALUES], { maxLength: 4 }), 1),
  location: sometimes(fc.constantFrom('', 'Leeds', 'leeds', 'London', 'Zürich', 'Nowhere'), 2),
  holder: sometimes(fc.nat(), 5),
  manager: sometimes(fc.nat(), 4),
  search: sometimes(fc.constantFrom('', '  ', 'dell', 'lt-'), 9),
  column: fc.constantFrom(...ASSET_SORT_COLUMNS),
  direction: fc.constantFrom('asc' as const, 'desc' as const),
  /** Where the page starts, in hundredths of the matches: both halves, the very end and past it. */
  at: fc.integer({ min: 0, max: 110 }),
  limit: fc.integer({ min: 1, max: 25 }),
});
type Query = typeof query extends fc.Arbitrary<infer Q> ? Q : never;

const step = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('query' as const), query }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('command' as const), command: fc.constantFrom(...COMMANDS), asset: fc.nat(), person: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('create' as const), spec: assetSpec }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('import' as const), specs: fc.array(assetSpec, { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lineManager' as const), person: fc.nat(), manager: fc.nat() }) },
  // Sync apply writes through the same connection: changed sort keys (a tag in lower case too, which only the tag's
  // NOCASE collation orders among upper-case ones), a deleted asset (a hole in the rowids).
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('pullPut' as const), asset: fc.nat(), model: fc.nat(), location: fc.nat(), date: fc.nat(), lowerTag: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pullDelete' as const), asset: fc.nat() }) },
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

interface Register {
  readonly store: Store;
  readonly people: string[];
  readonly assets: string[];
  made: number;
}

/** Runs a mutation through its real mutator; refusals (an illegal transition) are part of the game and change nothing. */
async function attempt(register: Register, name: string, args: unknown): Promise<boolean> {
  const mutator = mutators[name as keyof typeof mutators];
  return runMutation(environment(register.store), mutator, args).then(
    () => true,
    () => false,
  );
}

function createArgs(register: Register, spec: AssetSpec) {
  register.made += 1;
  const n = register.made;
  return {
    id: uuid(2, n),
    assetTag: tagOf(n),
    serialNumber: pick(SERIALS, spec.serial),
    type: pick(TYPES, spec.type),
    model: pick(MODELS, spec.model),
    location: pick(LOCATIONS, spec.location),
    purchaseDate: pick(DATES, spec.date),
  };
}

/** Creates the asset, then takes it along its path to the status drawn, issuing to the person drawn. */
async function addAsset(register: Register, spec: AssetSpec): Promise<void> {
  const args = createArgs(register, spec);
  if (!(await attempt(register, 'asset.create', args))) return;
  register.assets.push(args.id);
  for (const command of PATH_TO[spec.status]) await runCommand(register, command, args.id, spec.holder);
}

async function runCommand(register: Register, command: string, assetId: string, person: number): Promise<void> {
  const args: Record<string, unknown> = { assetId };
  if (command === 'asset.issue') Object.assign(args, { personId: pick(register.people, person), aupVersion: CURRENT_AUP_VERSION, aupConfirmed: true });
  if (command === 'asset.return') args.condition = 'Good';
  if (command === 'asset.retire' || command === 'asset.dispose') args.note = 'Reason given';
  await attempt(register, command, args);
}

async function newRegister(people: number, managers: readonly number[], specs: readonly AssetSpec[]): Promise<Register> {
  const register: Register = { store: memoryStore(), people: [], assets: [], made: 0 };
  for (let i = 0; i < people; i += 1) {
    const id = uuid(1, i);
    const lineManagerId = i === 0 ? null : pick(register.people, pick(managers, i));
    const args = { id, staffNumber: `S${String(i)}`, name: pick(NAMES, i), email: `p${String(i)}@example.gov.uk`, lineManagerId, trainingCompletedOn: '2026-06-01' };
    if (await attempt(register, 'person.create', args)) register.people.push(id);
  }
  for (const spec of specs) await addAsset(register, spec);
  return register;
}

function assetRowOf(register: Register, id: string): AssetRow | undefined {
  return register.store.db.prepare(`SELECT ${selectColumns('assets', 'a')} FROM assets a WHERE a.id = ?`).get(id) as AssetRow | undefined;
}

async function runStep(register: Register, s: Exclude<Step, { kind: 'query' }>): Promise<void> {
  const { store, people, assets } = register;
  switch (s.kind) {
    case 'command':
      if (assets.length > 0) await runCommand(register, s.command, pick(assets, s.asset), s.person);
      return;
    case 'create':
      await addAsset(register, s.spec);
      return;
    case 'import': {
      const rows = s.specs.map((spec) => createArgs(register, spec));
      if (await attempt(register, 'asset.import', { rows })) assets.push(...rows.map((row) => row.id));
      return;
    }
    case 'lineManager':
      await attempt(register, 'person.changeLineManager', { personId: pick(people, s.person), lineManagerId: pick(people, s.manager) });
      return;
    case 'pullPut': {
      const row = assets.length > 0 ? assetRowOf(register, pick(assets, s.asset)) : undefined;
      if (!row) return;
      const changed = {
        ...row,
        assetTag: s.lowerTag ? row.assetTag.toLowerCase() : row.assetTag,
        model: pick(MODELS, s.model),
        location: pick(LOCATIONS, s.location),
        purchaseDate: pick(DATES, s.date),
      };
      await pull(store, [page({ patch: [put('assets', changed)] })]);
      return;
    }
    case 'pullDelete': {
      if (assets.length === 0) return;
      const id = pick(assets, s.asset);
      await pull(store, [page({ patch: [del('assets', id)] })]);
      return;
    }
  }
}

function pageInput(register: Register, q: Query, offset: number): AssetPageInput {
  return {
    filters: {
      ...(q.types && { types: q.types }),
      ...(q.statuses && { statuses: q.statuses }),
      ...(q.location !== undefined && { location: q.location }),
      ...(q.holder !== undefined && register.people.length > 0 && { holderId: pick(register.people, q.holder) }),
      ...(q.manager !== undefined && register.people.length > 0 && { lineManagerId: pick(register.people, q.manager) }),
      ...(q.search !== undefined && { search: q.search }),
    },
    sort: { column: q.column, direction: q.direction },
    limit: q.limit,
    offset,
  };
}

/** The same page both ways: the SQL page (asset.page below DEEP_OFFSET) and the in-memory one. */
function expectSamePage(register: Register, q: Query): void {
  const { db } = register.store;
  const { total } = assetPage(db, pageInput(register, q, 0));
  const input = pageInput(register, q, Math.floor((q.at * total) / 100));
  const sql = assetPage(db, input);
  const deep = deepPageItems(db, input, sql.total);
  if (input.filters.search !== undefined && input.filters.search.trim() !== '') expect(deep).toBeNull();
  else expect(deep, JSON.stringify(input)).toEqual(sql.items);
}

describe('the deep-page index (property)', () => {
  it('returns exactly the SQL page’s rows for any register, filter, sort and offset, before and after writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        fc.array(assetSpec, { minLength: 5, maxLength: 60, size: 'max' }),
        fc.array(step, { minLength: 1, maxLength: 20, size: 'max' }),
        fc.array(query, { minLength: 1, maxLength: 6 }),
        async (people, managers, specs, steps, finalQueries) => {
          const register = await newRegister(people, managers, specs);
          try {
            for (const s of steps) {
              if (s.kind === 'query') expectSamePage(register, s.query);
              else await runStep(register, s);
            }
            expect(register.store.db.inTransaction).toBe(false);
            for (const q of finalQueries) expectSamePage(register, q);
          } finally {
            register.store.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
