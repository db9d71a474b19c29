import type { AssetCreateArgs } from '../../domain/asset';
import type { IssueLog } from '../issues';
import type { AssetField, Binding } from '../layouts/layout';
import type { AssetCandidate } from '../rows/asset-row';
import { directoryIndex, type ImportLookup, type PersonReference } from './people-index';

/** A row that will be imported: asset.create's arguments, and who the file says holds it (display only). */
export interface PlannedAsset {
  readonly row: number;
  readonly args: AssetCreateArgs;
  readonly holder: string | null;
}

/** Snipe-IT statuses that mean the asset is not simply in stock or deployed. */
const NOT_IN_SERVICE = /lost|stolen|broken|damage|repair|archiv|retire|dispos/i;

/**
 * The same tag (or serial) twice in one file: the first row keeps it, every later one is an error naming it. Returns
 * the file's distinct values, in the order they first appear, for the look-up against the register.
 */
function duplicatesInFile(
  candidates: readonly AssetCandidate[],
  key: 'tag' | 'serial',
  onDuplicate: (candidate: AssetCandidate, firstRow: number) => void,
): string[] {
  const firstRow = new Map<string, number>();
  for (const candidate of candidates) {
    const value = candidate[key];
    if (value === null) continue;
    const first = firstRow.get(value);
    if (first === undefined) firstRow.set(value, candidate.row);
    else onDuplicate(candidate, first);
  }
  return [...firstRow.keys()];
}

function checkHolders(candidates: readonly AssetCandidate[], binding: Binding<AssetField>, lookup: ImportLookup, log: IssueLog): Map<number, string> {
  const holders = new Map<number, string>();
  const toResolve: { candidate: AssetCandidate; holder: PersonReference }[] = [];
  for (const candidate of candidates) {
    const { holder } = candidate;
    // Rows that already have errors are checked too, so the person can fix every problem in one pass.
    if (holder === null) continue;
    if (candidate.holderKind !== '' && candidate.holderKind !== 'user') {
      if (log.hasErrors(candidate.row)) continue;
      log.warning(candidate.row, holder.column, `In Snipe-IT this was checked out to ${candidate.holderKind} "${holder.text}"; it is imported in stock`);
      continue;
    }
    toResolve.push({ candidate, holder });
  }
  const directory = directoryIndex(lookup, toResolve.map(({ holder }) => holder));
  const custodian = binding.layout.format === 'custodian';
  for (const { candidate, holder } of toResolve) {
    const tag = candidate.tag ?? '';
    const resolved = directory.resolve(holder);
    if (resolved.kind === 'missing') {
      log.error(
        candidate.row,
        holder.column,
        custodian
          ? `Unknown holder: no one with staff number ${holder.text} is in the directory. Import people first, or leave this blank`
          : `Unknown holder: no one in the directory has the name, email or staff number "${holder.text}". Import people first, or clear this cell`,
      );
    } else if (resolved.kind === 'ambiguous') {
      log.error(
        candidate.row,
        holder.column,
        `${String(resolved.count)} people in the directory are called "${holder.text}", so the holder is unclear: add an "Employee No." column with their staff numbers`,
      );
    } else if (!log.hasErrors(candidate.row)) {
      const person = resolved.person;
      holders.set(candidate.row, `${person.staffNumber} ${person.name}`);
      // An import cannot collect the holder's AUP confirmation (AUP 1.1), so it never issues: the desk does that.
      log.warning(
        candidate.row,
        holder.column,
        person.status === 'left'
          ? `${tag} will be imported in stock: ${person.name} (${person.staffNumber}) has left, so it cannot be issued to them`
          : `${tag} will be imported in stock: issue it to ${person.staffNumber} (${person.name}) from the asset page, where they confirm the AUP`,
      );
    }
  }
  return holders;
}

/**
 * Checks across rows and against the register, with a handful of set-based look-ups: duplicate tags and serials in
 * the file and in the register, and the holders named. Returns the rows that will be imported, in file order.
 */
export function reconcileAssets(candidates: readonly AssetCandidate[], binding: Binding<AssetField>, lookup: ImportLookup, log: IssueLog): PlannedAsset[] {
  const tagColumn = binding.column('assetTag');
  const serialColumn = binding.column('serialNumber');
  const tags = duplicatesInFile(candidates, 'tag', (c, first) =>
    log.error(c.row, tagColumn, `Asset tag ${c.tag ?? ''} is already on row ${String(first)} of this file`),
  );
  const serials = duplicatesInFile(candidates, 'serial', (c, first) =>
    log.error(c.row, serialColumn, `Serial number ${c.serial ?? ''} is already on row ${String(first)} of this file`),
  );
  const tagsInUse = lookup.assetTagsInUse(tags);
  const serialsInUse = lookup.serialsInUse(serials);
  for (const candidate of candidates) {
    if (candidate.tag !== null && tagsInUse.has(candidate.tag)) log.error(candidate.row, tagColumn, `Asset tag ${candidate.tag} is already in the register`);
    const owner = candidate.serial === null ? undefined : serialsInUse.get(candidate.serial);
    if (owner !== undefined) log.error(candidate.row, serialColumn, `Serial number ${candidate.serial ?? ''} is already in the register, on asset ${owner}`);
  }
  const holders = checkHolders(candidates, binding, lookup, log);
  const planned: PlannedAsset[] = [];
  for (const candidate of candidates) {
    if (candidate.args === null || log.hasErrors(candidate.row)) continue;
    if (candidate.status !== '' && NOT_IN_SERVICE.test(candidate.status)) {
      log.warning(
        candidate.row,
        binding.column('status'),
        `Snipe-IT status "${candidate.status}" is not carried over: ${candidate.args.assetTag} is imported in stock. Record what happened from its page`,
      );
    }
    planned.push({ row: candidate.row, args: candidate.args, holder: holders.get(candidate.row) ?? null });
  }
  return planned;
}
