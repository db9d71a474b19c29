import { describe, expect, it } from 'vitest';
import type { AssetListRow, AssetPage } from '../../src-shared/api/asset-queries';
import type { PersonSummary } from '../../src-shared/api/person-queries';
import { CURRENT_AUP_VERSION } from '../../src-shared/domain/policy';
import { newId } from '../../src-shared/ids';
import { ftsPrefixQuery } from '../../src-main/store/queries/fts-query';
import { testDispatcher } from '../support/dispatcher';
import { value } from '../support/result';


async function register() {
  const { dispatch } = testDispatcher();
  const manager = newId();
  const ada = newId();
  value(await dispatch('person.create', { id: manager, staffNumber: 'M1', name: 'Mary Manager', email: 'mary@example.gov.uk', trainingCompletedOn: '2026-06-01' }));
  value(
    await dispatch('person.create', { id: ada, staffNumber: 'S1', name: 'Ada Lovelace', email: 'ada@example.gov.uk', lineManagerId: manager, trainingCompletedOn: '2026-06-01' }),
  );
  const assets = [
    { assetTag: 'LT-0042', serialNumber: 'PF3XK9Q2', type: 'laptop', model: 'Lenovo ThinkPad T14', location: 'Leeds' },
    { assetTag: 'LT-0043', serialNumber: 'PF3ZZ001', type: 'laptop', model: 'Dell Latitude 7450', location: 'London' },
    { assetTag: 'PH-0007', serialNumber: 'R58N12', type: 'smartphone', model: 'Samsung Galaxy A55', imei: '356938035643809', phoneNumber: '07700 900982', location: 'Leeds' },
    { assetTag: 'SC-0100', serialNumber: 'GEM-77', type: 'smartcard', model: 'Gemalto IDPrime', location: 'London' },
  ];
  const ids: Record<string, string> = {};
  for (const asset of assets) {
    const id = newId();
    ids[asset.assetTag] = id;
    value(await dispatch('asset.create', { id, ...asset }));
  }
  value(await dispatch('asset.issue', { assetId: ids['PH-0007'], personId: ada, aupVersion: CURRENT_AUP_VERSION, aupConfirmed: true }));
  return { dispatch, manager, ada, ids };
}

const tags = (rows: readonly AssetListRow[]) => rows.map((row) => row.assetTag);

describe('search as you type (asset.search)', () => {
  it('finds by prefix of tag, serial, IMEI, phone number, model and holder name', async () => {
    const { dispatch } = await register();
    const search = async (query: string) => tags(value<AssetListRow[]>(await dispatch('asset.search', { query })));
    expect((await search('lt-004')).sort()).toEqual(['LT-0042', 'LT-0043']);
    expect(await search('PF3X')).toEqual(['LT-0042']);
    expect(await search('3569380')).toEqual(['PH-0007']);
    expect(await search('0770090')).toEqual(['PH-0007']);
    expect(await search('gala')).toEqual(['PH-0007']);
    expect(await search('lovel')).toEqual(['PH-0007']);
    expect(await search('ada sams')).toEqual(['PH-0007']);
    expect(await search('nothing-like-this')).toEqual([]);
  });

  it('treats FTS syntax typed by a person as text, never as a query', async () => {
    const { dispatch } = await register();
    for (const query of ['"', 'LT-00"42', 'NEAR(ada lovelace)', '*', 'ada OR 1=1', '^lt', 'model:dell', '(((']) {
      const result = await dispatch('asset.search', { query });
      expect(result.ok, query).toBe(true);
    }
    expect(ftsPrefixQuery('  ')).toBeNull();
    expect(ftsPrefixQuery('a"b c*')).toBe('"ab"* "c"*');
  });
});

describe('the register page (asset.page)', () => {
  it('filters by type, status, holder, holder’s line manager and location, with the total', async () => {
    const { dispatch, manager, ada } = await register();
    const page = async (filters: object) => value<AssetPage>(await dispatch('asset.page', { filters }));
    expect(tags((await page({ types: ['laptop'] })).items)).toEqual(['LT-0042', 'LT-0043']);
    expect((await page({ types: ['laptop'] })).total).toBe(2);
    expect(tags((await page({ statuses: ['issued'] })).items)).toEqual(['PH-0007']);
    expect(tags((await page({ holderId: ada })).items)).toEqual(['PH-0007']);
    expect(tags((await page({ lineManagerId: manager })).items)).toEqual(['PH-0007']);
    expect(tags((await page({ location: 'London' })).items)).toEqual(['LT-0043', 'SC-0100']);
    expect(tags((await page({ location: 'Leeds', search: 'pf3' })).items)).toEqual(['LT-0042']);
    expect(await page({ search: '"*' })).toEqual({ items: [], total: 0 });
  });

  it('sorts by any column either way, breaking ties by tag, and pages', async () => {
    const { dispatch } = await register();
    const sorted = value<AssetPage>(await dispatch('asset.page', { sort: { column: 'model', direction: 'desc' } }));
    expect(tags(sorted.items)).toEqual(['PH-0007', 'LT-0042', 'SC-0100', 'LT-0043']);
    const second = value<AssetPage>(await dispatch('asset.page', { limit: 2, offset: 2 }));
    expect(tags(second.items)).toEqual(['PH-0007', 'SC-0100']);
    expect(second.total).toBe(4);
    const byHolder = value<AssetPage>(await dispatch('asset.page', { sort: { column: 'holderName', direction: 'desc' } }));
    expect(byHolder.items[0]?.holderName).toBe('Ada Lovelace');
  });

  it('refuses unknown sort columns and oversized pages with field errors', async () => {
    const { dispatch } = await register();
    const badSort = await dispatch('asset.page', { sort: { column: 'id; DROP TABLE assets', direction: 'asc' } });
    expect(!badSort.ok && badSort.error.fields).toHaveProperty('sort.column');
    const huge = await dispatch('asset.page', { limit: 1_000_000 });
    expect(!huge.ok && huge.error.fields).toHaveProperty('limit');
  });
});

describe('person.search', () => {
  it('finds people by name, staff number or email prefix', async () => {
    const { dispatch } = await register();
    const names = async (query: string) => value<PersonSummary[]>(await dispatch('person.search', { query })).map((p) => p.name);
    expect(await names('lov')).toEqual(['Ada Lovelace']);
    expect(await names('m1')).toEqual(['Mary Manager']);
    expect(await names('mary@')).toEqual(['Mary Manager']);
  });
});
