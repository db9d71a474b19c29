import type { Faker } from '@faker-js/faker';
import type { AssetType } from '../domain/asset';
import type { AssetStatus } from '../domain/asset-lifecycle';
import { CURRENT_AUP_VERSION } from '../domain/policy';
import { anyLocation, assetCreate } from './assets';
import { CATALOGUE } from './catalogue';
import { IdentifierMaker } from './identifiers';
import { IncidentStories, incidentMutations } from './incidents';
import { seededIds } from './ids';
import type { DemoMutation } from './mutation';
import { needsTrainingLapseReason, peopleMutations, planPeople, type PeoplePlan, type PersonPlan } from './people';
import { checkScale, type DepartmentScale } from './scale';
import { quotas, seededFaker, shuffledQuotas } from './seeded-faker';
import { returnCondition, STATUS_SHARES, storyFor, TRAINING_LAPSE_REASONS, type Step } from './stories';
import { travelCast, travelMutations, type TravelCast } from './travel';

/** A generated department: who is in it, how its register divides up, and the writes that build it. */
export interface Department {
  readonly scale: DepartmentScale;
  /** The moment the department is generated for: training and purchase dates are relative to it. */
  readonly asOf: string;
  readonly people: readonly PersonPlan[];
  readonly assetsByType: Readonly<Record<AssetType, number>>;
  readonly assetsByStatus: Readonly<Record<AssetStatus, number>>;
  /**
   * Every write, in an order the mutators accept (managers before their reports, an asset before its issue).
   * Generated lazily, the same sequence on every call: at benchmark scale it is about 700,000 mutations.
   */
  mutations(): Generator<DemoMutation>;
}

/** Share of returned kit handed back together (a leaver, a desk move) with one asset.returnMany. */
const RETURNED_TOGETHER_SHARE = 0.3;

function issue(faker: Faker, assetId: string, holder: PersonPlan, asOf: string): DemoMutation {
  return {
    name: 'asset.issue',
    args: {
      assetId,
      personId: holder.id,
      // AUP 1.1: the holder is shown the current version and confirms it at the desk.
      aupVersion: CURRENT_AUP_VERSION,
      aupConfirmed: true,
      trainingLapseReason: needsTrainingLapseReason(holder, asOf) ? faker.helpers.arrayElement(TRAINING_LAPSE_REASONS) : null,
    },
  };
}

function command(faker: Faker, assetId: string, step: Exclude<Step, { command: 'issue' }>): DemoMutation {
  const { note } = step;
  switch (step.command) {
    case 'return':
      return { name: 'asset.return', args: { assetId, condition: note ?? returnCondition(faker) } };
    case 'retire':
      return { name: 'asset.retire', args: { assetId, note: note ?? 'End of life' } };
    case 'dispose':
      return { name: 'asset.dispose', args: { assetId, note: note ?? 'Securely disposed of' } };
    case 'restock':
      return { name: 'asset.restock', args: { assetId, note } };
    case 'markLost':
      return { name: 'asset.markLost', args: { assetId, note } };
    case 'markStolen':
      return { name: 'asset.markStolen', args: { assetId, note } };
    case 'markDamaged':
      return { name: 'asset.markDamaged', args: { assetId, note } };
    case 'sendToRepair':
      return { name: 'asset.sendToRepair', args: { assetId, note } };
    case 'completeRepair':
      return { name: 'asset.completeRepair', args: { assetId, note } };
  }
}

interface AssetPlan {
  readonly types: readonly AssetType[];
  readonly statuses: readonly AssetStatus[];
}

function* assetMutations(scale: DepartmentScale, people: PeoplePlan, asOf: string, counts: AssetCountPlan): Generator<DemoMutation> {
  // Its own seeded faker, so the sequence is the same on every call of mutations(), however far the last one got.
  const faker = seededFaker(scale.seed + 1);
  const ids = seededIds(faker, scale.people);
  const identifiers = new IdentifierMaker(faker);
  const plan: AssetPlan = { types: shuffledQuotas(faker, counts.byType), statuses: shuffledQuotas(faker, counts.byStatus) };
  const holder = () => faker.helpers.arrayElement(people.eligibleHolders);
  const incidents = new IncidentStories();
  let together: { holder: PersonPlan; assetIds: string[]; size: number } | null = null;
  // The first asset that ends issued to someone who can travel: its holder tells the travel stories at the end.
  let travel: TravelCast | null = null;

  for (let index = 0; index < scale.assets; index += 1) {
    const type = plan.types[index] as AssetType;
    const status = plan.statuses[index] as AssetStatus;
    const id = ids();
    if (status === 'returned' && faker.number.float() < RETURNED_TOGETHER_SHARE) {
      together ??= { holder: holder(), assetIds: [], size: faker.number.int({ min: 2, max: 4 }) };
      yield assetCreate(faker, identifiers, { id, type, status, location: together.holder.office }, asOf);
      yield issue(faker, id, together.holder, asOf);
      together.assetIds.push(id);
      if (together.assetIds.length === together.size) {
        yield { name: 'asset.returnMany', args: { assetIds: together.assetIds, condition: returnCondition(faker) } };
        together = null;
      }
      continue;
    }
    const steps = storyFor(faker, status);
    const holders = steps.filter((step) => step.command === 'issue').map(() => holder());
    const lastHolder = holders.at(-1);
    const location = status === 'issued' && lastHolder !== undefined ? lastHolder.office : anyLocation(faker);
    yield assetCreate(faker, identifiers, { id, type, status, location }, asOf);
    const story = incidents.pick(type, status, holders.length);
    if (story !== null) {
      yield issue(faker, id, holders[0] as PersonPlan, asOf);
      yield* incidentMutations(story, id, asOf);
      continue;
    }
    let issued = 0;
    for (const step of steps) {
      if (step.command === 'issue') yield issue(faker, id, holders[issued++] as PersonPlan, asOf);
      else yield command(faker, id, step);
    }
    if (travel === null && status === 'issued' && lastHolder !== undefined) travel = travelCast(people.people, lastHolder, id);
  }
  if (together !== null) yield { name: 'asset.returnMany', args: { assetIds: together.assetIds, condition: returnCondition(faker) } };
  if (travel !== null) yield* travelMutations(travel, asOf);
}

interface AssetCountPlan {
  readonly byType: Record<AssetType, number>;
  readonly byStatus: Record<AssetStatus, number>;
}

/**
 * Generates a department at `scale` as of `asOf` (an ISO timestamp): seeded and deterministic, pure TypeScript, so
 * the desktop's demo, the benchmark and the tests all get the same department from the same seed.
 */
export function generateDepartment(scale: DepartmentScale, { asOf }: { readonly asOf: string }): Department {
  const problem = checkScale(scale);
  if (problem !== null) throw new RangeError(`Cannot generate this department: ${problem}`);
  if (Number.isNaN(Date.parse(asOf))) throw new RangeError(`Cannot generate this department: asOf "${asOf}" is not a date`);
  const faker = seededFaker(scale.seed);
  const people = planPeople(faker, seededIds(faker), scale, asOf);
  const shares = Object.fromEntries(Object.entries(CATALOGUE).map(([type, entry]) => [type, entry.share])) as Record<AssetType, number>;
  const counts: AssetCountPlan = { byType: quotas(shares, scale.assets), byStatus: quotas(STATUS_SHARES, scale.assets) };
  return {
    scale,
    asOf,
    people: people.people,
    assetsByType: counts.byType,
    assetsByStatus: counts.byStatus,
    *mutations() {
      yield* peopleMutations(people);
      yield* assetMutations(scale, people, asOf, counts);
    },
  };
}
