import type { ImportKind } from '../contract';
import { CUSTODIAN_ASSETS, CUSTODIAN_PEOPLE } from './custodian';
import { Binding, headerKey, type AssetField, type Layout, type PersonField } from './layout';
import { SNIPEIT_ASSETS, SNIPEIT_PEOPLE } from './snipeit';

export type Detected<F extends string> = { readonly ok: true; readonly binding: Binding<F> } | { readonly ok: false; readonly message: string };

interface Fit<F extends string> {
  readonly layout: Layout<F>;
  readonly indexes: Map<F, number>;
  readonly missing: string[];
  readonly duplicate: string | null;
}

/** How well one layout fits a header: which columns it found, which required ones are missing. */
function fit<F extends string>(layout: Layout<F>, header: readonly string[]): Fit<F> {
  const keys = header.map(headerKey);
  const indexes = new Map<F, number>();
  let duplicate: string | null = null;
  for (const spec of layout.columns) {
    // The first accepted name the header has wins; the same name twice is ambiguous and refused.
    for (const name of spec.names.map(headerKey)) {
      const found = keys.flatMap((key, index) => (key === name ? [index] : []));
      if (found[0] === undefined) continue;
      indexes.set(spec.field, found[0]);
      if (found.length > 1) duplicate ??= header[found[0]] ?? name;
      break;
    }
  }
  const nameOf = (field: F) => layout.columns.find((spec) => spec.field === field)?.names[0] ?? field;
  const missing = layout.required.flatMap((requirement) => {
    const options: readonly F[] = typeof requirement === 'string' ? [requirement] : requirement;
    return options.some((field) => indexes.has(field)) ? [] : [options.map(nameOf).join('" or "')];
  });
  return { layout, indexes, missing, duplicate };
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

/**
 * Picks the layout from the header row: Custodian's template first, then Snipe-IT's export. A people file offered
 * as assets (or the other way round) and a header nobody recognises each get one whole-file message.
 */
function detect<F extends string>(kind: ImportKind, layouts: readonly Layout<F>[], others: readonly Layout<string>[], header: readonly string[]): Detected<F> {
  const fits = layouts.map((layout) => fit(layout, header));
  const match = fits.find((candidate) => candidate.missing.length === 0);
  if (match) {
    if (match.duplicate !== null) return { ok: false, message: `The column "${match.duplicate}" appears twice in the header row: remove one of them` };
    return { ok: true, binding: new Binding(match.layout, header, match.indexes) };
  }
  const other = others.map((layout) => fit(layout, header)).find((candidate) => candidate.missing.length === 0);
  const otherKind = kind === 'assets' ? 'people' : 'assets';
  if (other) return { ok: false, message: `This looks like a file of ${otherKind} (${other.layout.title}): import it as ${otherKind}, not ${kind}` };
  const closest = [...fits].sort((a, b) => b.indexes.size - a.indexes.size)[0];
  const template = layouts[0];
  if (closest && closest.indexes.size >= 2) {
    return {
      ok: false,
      message: `The header row has no ${quoteList(closest.missing)} column, which ${closest.layout.title} needs. Columns found: ${quoteList(header.slice(0, 30))}`,
    };
  }
  const templateColumns = template ? quoteList(template.columns.map((spec) => spec.names[0] ?? spec.field)) : '';
  return {
    ok: false,
    message: `The first row is not a header Custodian recognises. Use Custodian's ${kind} template (${templateColumns}) or a Snipe-IT ${kind === 'assets' ? 'asset' : 'user'} export`,
  };
}

export function detectAssetLayout(header: readonly string[]): Detected<AssetField> {
  return detect('assets', [CUSTODIAN_ASSETS, SNIPEIT_ASSETS], [CUSTODIAN_PEOPLE, SNIPEIT_PEOPLE], header);
}

export function detectPeopleLayout(header: readonly string[]): Detected<PersonField> {
  return detect('people', [CUSTODIAN_PEOPLE, SNIPEIT_PEOPLE], [CUSTODIAN_ASSETS, SNIPEIT_ASSETS], header);
}
