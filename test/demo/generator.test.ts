import { describe, expect, it } from 'vitest';
import { ASSET_TYPES, PHONE_TYPES } from '../../src-shared/domain/asset';
import { ASSET_STATUS_VALUES } from '../../src-shared/domain/asset-lifecycle';
import { isValidImei } from '../../src-shared/domain/imei';
import { generateDepartment } from '../../src-shared/demo/department';
import { levelSizes } from '../../src-shared/demo/hierarchy';
import { luhnCheckDigit } from '../../src-shared/demo/identifiers';
import type { DemoMutation } from '../../src-shared/demo/mutation';
import { BENCH_SCALE, DEMO_SCALE, checkScale } from '../../src-shared/demo/scale';
import { quotas } from '../../src-shared/demo/seeded-faker';
import { mutators } from '../../src-shared/mutators/registry';
import { FIXED_NOW } from '../support/store';

const AS_OF = FIXED_NOW.toISOString();
const demo = generateDepartment(DEMO_SCALE, { asOf: AS_OF });
const demoMutations: DemoMutation[] = [...demo.mutations()];
const ofName = <N extends DemoMutation['name']>(name: N) => demoMutations.filter((m): m is Extract<DemoMutation, { name: N }> => m.name === name);

describe('the department generator: determinism', () => {
  it('gives the same department, write for write, for the same seed and day', () => {
    const again = generateDepartment(DEMO_SCALE, { asOf: AS_OF });
    expect(again.people).toEqual(demo.people);
    expect([...again.mutations()]).toEqual(demoMutations);
  });

  it('gives the same writes on every call of mutations()', () => {
    expect([...demo.mutations()]).toEqual(demoMutations);
  });

  it('gives a different department for a different seed', () => {
    const other = generateDepartment({ ...DEMO_SCALE, seed: DEMO_SCALE.seed + 1 }, { asOf: AS_OF });
    expect(other.people.map((p) => p.name)).not.toEqual(demo.people.map((p) => p.name));
  });

  it('refuses a scale it cannot honour, and a day that is not a date', () => {
    expect(() => generateDepartment({ ...DEMO_SCALE, levels: 1 }, { asOf: AS_OF })).toThrow(/levels/);
    expect(() => generateDepartment({ ...DEMO_SCALE, people: 5 }, { asOf: AS_OF })).toThrow(/people/);
    expect(() => generateDepartment(DEMO_SCALE, { asOf: 'yesterday' })).toThrow(/not a date/);
    expect(checkScale(BENCH_SCALE)).toBeNull();
  });
});

describe('the department generator: scale and shape', () => {
  it('makes the demo scale: 500 people in 4 levels, 1,500 assets', () => {
    expect(demo.people).toHaveLength(500);
    expect(ofName('person.create')).toHaveLength(500);
    expect(ofName('asset.create')).toHaveLength(1_500);
    expect(new Set(demo.people.map((p) => p.level))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('builds one tree: a single head, everyone else reporting to someone on the level above', () => {
    const byId = new Map(demo.people.map((p) => [p.id, p]));
    expect(demo.people.filter((p) => p.lineManagerId === null)).toEqual([demo.people[0]]);
    for (const person of demo.people.slice(1)) expect(byId.get(person.lineManagerId ?? '')?.level).toBe(person.level - 1);
  });

  it('makes line managers of exactly the people with reports, at every level but the last', () => {
    const managers = new Set(demo.people.map((p) => p.lineManagerId));
    for (const person of demo.people) expect(person.roles.includes('line_manager')).toBe(managers.has(person.id));
    for (const level of [1, 2, 3]) expect(demo.people.some((p) => p.level === level && p.roles.includes('line_manager'))).toBe(true);
  });

  it('has a handful of service desk and security staff, an admin, leavers and lapsed training', () => {
    const withRole = (role: string) => demo.people.filter((p) => p.roles.includes(role as never)).length;
    expect(withRole('it_service_desk')).toBeGreaterThanOrEqual(3);
    expect(withRole('security')).toBeGreaterThanOrEqual(2);
    expect(withRole('admin')).toBeGreaterThanOrEqual(1);
    expect(demo.people.filter((p) => p.status === 'active').length).toBeGreaterThan(400);
    for (const status of ['leaving', 'left'] as const) expect(demo.people.some((p) => p.status === status)).toBe(true);
    expect(demo.people.some((p) => p.trainingCompletedOn === null)).toBe(true);
    expect(ofName('person.recordTraining').length).toBeGreaterThan(0);
    expect(ofName('asset.issue').some((m) => m.args.trainingLapseReason !== null)).toBe(true);
  });

  it('has every asset type and every lifecycle state, in the planned numbers', () => {
    const creates = ofName('asset.create');
    const typeCounts = Object.fromEntries(Object.keys(ASSET_TYPES).map((type) => [type, creates.filter((c) => c.args.type === type).length]));
    expect(typeCounts).toEqual(demo.assetsByType);
    for (const count of Object.values(typeCounts)) expect(count).toBeGreaterThan(0);
    expect(Object.keys(demo.assetsByStatus).sort()).toEqual([...ASSET_STATUS_VALUES].sort());
    for (const count of Object.values(demo.assetsByStatus)) expect(count).toBeGreaterThan(0);
    expect(Object.values(demo.assetsByStatus).reduce((a, b) => a + b, 0)).toBe(1_500);
  });

  it('uses every mutator of the asset lifecycle and the people directory', () => {
    // The import batches are asset.create / person.create row by row, and are run by the import, not the generator.
    const batchOnly = new Set(['asset.import', 'person.import']);
    expect(new Set(demoMutations.map((m) => m.name))).toEqual(new Set(Object.keys(mutators).filter((name) => !batchOnly.has(name))));
  });

  it('lays the benchmark out in 5 levels with realistic team sizes', () => {
    const sizes = levelSizes(BENCH_SCALE.people, BENCH_SCALE.levels);
    expect(sizes).toHaveLength(5);
    expect(sizes[0]).toBe(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(90_000);
    for (let level = 1; level < sizes.length; level += 1) {
      const span = (sizes[level] ?? 0) / (sizes[level - 1] ?? 1);
      expect(span).toBeGreaterThan(5);
      expect(span).toBeLessThan(30);
    }
  });

  it('splits totals exactly by share, every key at least once', () => {
    expect(quotas({ a: 90, b: 9.9, c: 0.1 }, 20)).toEqual({ a: 17, b: 2, c: 1 });
    expect(quotas({ a: 1, b: 1 }, 1)).toEqual({ a: 1, b: 0 });
    expect(Object.values(quotas({ a: 60, b: 12, c: 0.7 }, 1_500)).reduce((x, y) => x + y, 0)).toBe(1_500);
  });
});

describe('the department generator: every write is valid', () => {
  it('passes each mutator’s own argument schema', () => {
    for (const mutation of demoMutations) {
      const parsed = mutators[mutation.name].args.safeParse(mutation.args);
      expect(parsed.success, `${mutation.name} ${JSON.stringify(mutation.args)}`).toBe(true);
    }
  });

  it('makes unique tags, staff numbers and emails, in the formats people expect', () => {
    const creates = ofName('asset.create');
    const tags = creates.map((c) => c.args.assetTag);
    expect(new Set(tags).size).toBe(tags.length);
    for (const tag of tags) expect(tag).toMatch(/^(LT|DT|TB|PH|MP|SC|NT|US|HS|MN|OT)-\d{6}$/);
    const people = ofName('person.create');
    expect(new Set(people.map((p) => p.args.staffNumber)).size).toBe(500);
    expect(new Set(people.map((p) => p.args.email)).size).toBe(500);
    for (const person of people) expect(person.args.email).toMatch(/^[a-z-]+\.[a-z-]+\d*@example\.gov\.uk$/);
  });

  it('gives phones, and only phones, a valid (Luhn) IMEI and a UK mobile number', () => {
    for (const { args } of ofName('asset.create')) {
      const phone = PHONE_TYPES.includes(args.type);
      expect(args.imei !== null).toBe(phone);
      expect(args.phoneNumber !== null).toBe(phone);
      if (args.imei) expect(isValidImei(args.imei)).toBe(true);
      if (args.phoneNumber) expect(args.phoneNumber).toMatch(/^07\d{3} \d{6}$/);
    }
    expect(luhnCheckDigit('49015420323751')).toBe('8'); // the GSMA's worked example: 490154203237518
  });

  it('issues only to people who have not left, with the current AUP confirmed', () => {
    const status = new Map(demo.people.map((p) => [p.id, p.status]));
    for (const { args } of ofName('asset.issue')) {
      expect(status.get(args.personId)).not.toBe('left');
      expect(args.aupConfirmed).toBe(true);
    }
  });
});
