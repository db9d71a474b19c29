import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { ImportKind } from '../../src-shared/import/contract';
import { buildImportPreview } from '../../src-shared/import/preview';
import type { ImportLookup } from '../../src-shared/import/reconcile/people-index';
import { memoryStore } from '../support/store';
import { addAsset, addPerson, ASSET_HEADER, PEOPLE_HEADER, preview } from './support';

// Hundreds of generated files; the default 5 s is a timeout, not a speed check.
vi.setConfig({ testTimeout: 60_000 });

/** A directory where everything looks taken, so every cross-check path runs. */
const busyLookup: ImportLookup = {
  assetTagsInUse: (tags) => new Set(tags.filter((_, i) => i % 2 === 0)),
  serialsInUse: (serials) => new Map(serials.filter((_, i) => i % 3 === 0).map((s) => [s, 'LT-EXISTING'] as const)),
  peopleByStaffNumber: (staff) => new Map(staff.slice(0, 2).map((s) => [s, { id: '01900000-0000-7000-8000-000000000001', staffNumber: s, name: 'Someone', email: 'someone@example.gov.uk', status: 'active' as const }] as const)),
  peopleByEmail: () => new Map(),
  peopleByName: (names) => new Map(names.slice(0, 1).map((n) => [n, [1, 2].map((k) => ({ id: `01900000-0000-7000-8000-00000000000${String(k)}`, staffNumber: `S${String(k)}`, name: n, email: `${String(k)}@x.gov.uk`, status: 'active' as const }))] as const)),
};

let counter = 0;
const newId = () => `01900000-0000-7000-8000-${String((counter += 1)).padStart(12, '0')}`;

/** Cells drawn from the values that matter: delimiters, quotes, line endings, junk, plausible and implausible values. */
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '"', '""', ',', ';', '\t', '\n', '\r', '\r\n', '\u0000', '\uFEFF', "'=1", '£1,299.99', '-5', '31/02/2024', '2024-02-29', 'laptop', 'Laptops', 'S1', 'LT-1', 'Jo Smith'),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const line = fc.tuple(fc.array(cell, { maxLength: 14 }), fc.constantFrom(',', ';')).map(([cells, delimiter]) => cells.join(delimiter));
const header = fc.constantFrom(ASSET_HEADER, PEOPLE_HEADER, 'Asset Tag,Serial,Model,Category,Checked Out To,Employee No.', 'Employee Number,Name,Email,Manager', 'First Name,Last Name,Email,Employee No.,Manager', '', 'a,b,c');
const csvText = fc.tuple(header, fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r')).map(([h, lines, eol]) => [h, ...lines].join(eol));

describe('no input makes the preview throw', () => {
  it('for any CSV-like text, for either kind, against a busy directory', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.constantFrom<ImportKind>('assets', 'people'), async (text, kind) => {
        const { summary, plan } = await buildImportPreview(kind, text, { lookup: busyLookup, newId });
        expect(summary.errors.length).toBeLessThanOrEqual(1000);
        expect(plan.rows.length).toBe(summary.valid);
        const fileError = summary.errors.some((e) => e.row === 0);
        if (fileError) expect([summary.rows, summary.valid]).toEqual([0, 0]);
        // Every data row read is either imported or has an error: nothing falls between the two.
        else expect(summary.valid + summary.invalidRows).toBe(summary.rows);
        for (const row of plan.rows) expect(summary.errors.some((e) => e.row === row.row)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('for any bytes at all, through decoding, against a real store', async () => {
    const store = memoryStore();
    await addPerson(store, 'S1', 'Jo Smith');
    await addAsset(store, 'LT-1', 'SN1');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.constantFrom<ImportKind>('assets', 'people'), async (bytes, kind) => {
        const withHeader = Buffer.concat([Buffer.from(`${kind === 'assets' ? ASSET_HEADER : PEOPLE_HEADER}\n`), bytes]);
        for (const input of [bytes, withHeader]) {
          const { preview: p } = await preview(store, kind, input);
          expect(p.valid + p.invalidRows === p.rows || p.errors.some((e) => e.row === 0)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
