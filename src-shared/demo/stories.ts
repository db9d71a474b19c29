import type { Faker } from '@faker-js/faker';
import type { AssetCommand, AssetStatus } from '../domain/asset-lifecycle';

/**
 * How each asset reaches its state in the generated register: a short history of real lifecycle commands, so the
 * timeline of a lost phone reads "created, issued, marked lost" and the state machine has checked every step.
 */
export type Step =
  | { readonly command: 'issue' }
  | { readonly command: Exclude<AssetCommand, 'issue' | 'recover' | 'recoverForRepair'>; readonly note: string | null };

/** Shares of the register by current state: most kit is out with people; every state is present. */
export const STATUS_SHARES: Readonly<Record<AssetStatus, number>> = {
  in_stock: 12,
  issued: 60,
  returned: 5,
  lost: 1.5,
  stolen: 0.7,
  damaged: 1.3,
  in_repair: 1.5,
  retired: 12,
  disposed: 6,
};

const RETURN_CONDITIONS = [
  'Good condition',
  'Good condition, charger included',
  'Minor wear to casing',
  'Screen scratched; otherwise working',
  'Returned without charger',
  'Returned by line manager on leaving',
] as const;
const LOSS_NOTES = [
  'Left on a train; reported to line manager the same day',
  'Lost while travelling on official business',
  'Cannot be found after office move',
  null,
] as const;
const THEFT_NOTES = ['Stolen from a car; police reference recorded', 'Bag stolen on public transport', 'Taken in a burglary at home'] as const;
const DAMAGE_NOTES = ['Dropped; screen cracked', 'Liquid spilled on keyboard', 'Will not power on', 'Hinge broken'] as const;
const REPAIR_NOTES = ['Sent to supplier under warranty', 'With the service desk repair bench', null] as const;
const REPAIRED_NOTES = ['Repaired and tested', 'Screen replaced under warranty', null] as const;
const RETIRE_REASONS = [
  'End of life: out of warranty',
  'Beyond economic repair',
  'Model withdrawn from support',
  'Superseded by new standard build',
] as const;
const DISPOSAL_REASONS = [
  'Securely wiped and recycled by approved contractor (WEEE certificate held)',
  'Physically destroyed: contained sensitive data',
  'Sold for reuse after certified data erasure',
] as const;

export function returnCondition(faker: Faker): string {
  return faker.helpers.arrayElement(RETURN_CONDITIONS);
}

/** The commands that take a new asset (in stock) to `status`, sometimes by a longer road. */
export function storyFor(faker: Faker, status: AssetStatus): Step[] {
  const pick = <T>(items: readonly T[]) => faker.helpers.arrayElement(items);
  const issueAndReturn: Step[] = [{ command: 'issue' }, { command: 'return', note: pick(RETURN_CONDITIONS) }];
  const chance = faker.number.float();
  switch (status) {
    case 'in_stock':
      if (chance < 0.25) return [...issueAndReturn, { command: 'restock', note: null }];
      if (chance < 0.35) {
        return [
          { command: 'issue' },
          { command: 'markDamaged', note: pick(DAMAGE_NOTES) },
          { command: 'sendToRepair', note: pick(REPAIR_NOTES) },
          { command: 'completeRepair', note: pick(REPAIRED_NOTES) },
        ];
      }
      return [];
    case 'issued':
      // Reissued kit: handed back, checked, and issued to someone else.
      return chance < 0.1 ? [...issueAndReturn, { command: 'restock', note: 'Checked and reimaged' }, { command: 'issue' }] : [{ command: 'issue' }];
    case 'returned':
      return issueAndReturn;
    case 'lost':
      return [{ command: 'issue' }, { command: 'markLost', note: pick(LOSS_NOTES) }];
    case 'stolen':
      return [{ command: 'issue' }, { command: 'markStolen', note: pick(THEFT_NOTES) }];
    case 'damaged':
      return [{ command: 'issue' }, { command: 'markDamaged', note: pick(DAMAGE_NOTES) }];
    case 'in_repair':
      return [{ command: 'issue' }, { command: 'markDamaged', note: pick(DAMAGE_NOTES) }, { command: 'sendToRepair', note: pick(REPAIR_NOTES) }];
    case 'retired':
      return chance < 0.3
        ? [{ command: 'retire', note: pick(RETIRE_REASONS) }]
        : [...issueAndReturn, { command: 'retire', note: pick(RETIRE_REASONS) }];
    case 'disposed':
      return chance < 0.2
        ? [{ command: 'issue' }, { command: 'markDamaged', note: pick(DAMAGE_NOTES) }, { command: 'dispose', note: pick(DISPOSAL_REASONS) }]
        : [...issueAndReturn, { command: 'dispose', note: pick(DISPOSAL_REASONS) }];
  }
}

/** Reasons a service desk gives for issuing to someone whose annual security training has lapsed (AUP 1.8). */
export const TRAINING_LAPSE_REASONS = [
  'Training booked for next week; line manager agreed',
  'New starter: e-learning scheduled in first week',
  'Returning from long-term leave; training booked',
  'Replacement for a faulty device; training reminder sent',
] as const;
