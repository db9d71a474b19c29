import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pulledPage, pullResponse } from '../../src-shared/sync/protocol';

const page = (patch: unknown[], extra: Record<string, unknown> = {}) => ({
  cookie: 'c1',
  lastMutationId: 0,
  reset: true,
  more: false,
  progress: { done: patch.length, total: patch.length },
  patch,
  rejections: [],
  ...extra,
});

const asset = { id: '0190f3a2-7b1c-7cc0-8a1e-1234567890ab', assetTag: 'LT-0001', status: 'in_stock' };

describe('pulledPage (the desktop reading of a pull response)', () => {
  it('accepts what the published pullResponse accepts', () => {
    const valid = page([
      { op: 'put', table: 'assets', row: asset },
      { op: 'del', table: 'people', id: 'p-1' },
    ]);
    expect(pullResponse.safeParse(valid).success).toBe(true);
    expect(pulledPage.parse(valid)).toEqual(valid);
  });

  it.each([
    ['a row that is a list', [{ op: 'put', table: 'assets', row: [1, 2] }]],
    ['a row that is null', [{ op: 'put', table: 'assets', row: null }]],
    ['a row that is text', [{ op: 'put', table: 'assets', row: 'LT-0001' }]],
    ['an unknown table', [{ op: 'put', table: 'accounts', row: asset }]],
    ['an unknown operation', [{ op: 'upsert', table: 'assets', row: asset }]],
    ['a put with an extra key', [{ op: 'put', table: 'assets', row: asset, id: asset.id }]],
    ['a delete without an id', [{ op: 'del', table: 'assets' }]],
  ])('refuses %s, as pullResponse does', (_name, patch) => {
    expect(pullResponse.safeParse(page(patch)).success).toBe(false);
    expect(pulledPage.safeParse(page(patch)).success).toBe(false);
  });

  it('refuses a page with a key the protocol does not have (the envelope stays strict)', () => {
    expect(pulledPage.safeParse(page([], { debug: true })).success).toBe(false);
  });

  it('agrees with pullResponse on any put whose row is a JSON object (rows are the store’s to check)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (row) => {
        const candidate = page([{ op: 'put', table: 'people', row }]);
        expect(pulledPage.safeParse(candidate).success).toBe(pullResponse.safeParse(candidate).success);
      }),
    );
  });
});
