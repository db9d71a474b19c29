import type { Faker } from '@faker-js/faker';
import type { AssetType } from '../domain/asset';
import type { AssetStatus } from '../domain/asset-lifecycle';
import { CATALOGUE, LOCATIONS } from './catalogue';
import { dateDaysBefore } from './dates';
import type { IdentifierMaker } from './identifiers';
import type { DemoMutation } from './mutation';

type AssetCreate = Extract<DemoMutation, { name: 'asset.create' }>;

const NOTES = [
  'Docking station issued with it',
  'Spare charger in the IT store',
  'Asset label replaced',
  'Purchased under the 2023 refresh contract',
  'Loan pool device',
] as const;

/** Kit that has left service was bought earlier: retired and disposed assets are 4 to 8 years old. */
function purchaseAgeDays(faker: Faker, status: AssetStatus): number {
  return status === 'retired' || status === 'disposed' ? faker.number.int({ min: 1_460, max: 2_900 }) : faker.number.int({ min: 20, max: 1_800 });
}

export interface AssetDraft {
  readonly id: string;
  readonly type: AssetType;
  readonly status: AssetStatus;
  /** Where it is: the holder's office for kit that is out with someone, any office otherwise. */
  readonly location: string;
}

/** The asset.create mutation of one asset: a model from the catalogue, its tag, serial, and for phones IMEI and number. */
export function assetCreate(faker: Faker, identifiers: IdentifierMaker, draft: AssetDraft, asOf: string): AssetCreate {
  const catalogue = CATALOGUE[draft.type];
  const model = faker.helpers.arrayElement(catalogue.models);
  return {
    name: 'asset.create',
    args: {
      id: draft.id,
      assetTag: identifiers.assetTag(catalogue.tagPrefix),
      serialNumber: identifiers.serialNumber(model.serial),
      type: draft.type,
      model: model.model,
      // Only phones (the models with a type allocation code) have an IMEI and a number.
      imei: model.tac === undefined ? null : identifiers.imei(model.tac),
      phoneNumber: model.tac === undefined ? null : identifiers.mobileNumber(),
      purchaseDate: dateDaysBefore(asOf, purchaseAgeDays(faker, draft.status)),
      // Prices vary by up to a tenth either way (contract, year, configuration).
      purchaseValuePence: Math.round(model.pounds * 100 * faker.number.float({ min: 0.9, max: 1.1 })),
      location: draft.location,
      notes: faker.number.float() < 0.05 ? faker.helpers.arrayElement(NOTES) : null,
    },
  };
}

export function anyLocation(faker: Faker): string {
  return faker.helpers.arrayElement(LOCATIONS);
}
