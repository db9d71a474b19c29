import type { Database } from 'better-sqlite3';
import type { ImportPlan } from '../../src-shared/import/preview';
import { createImportLookup, existingPeopleIds } from './store-lookup';

/**
 * What changed in the store since the preview that the plan now clashes with: someone added an asset with the same
 * tag, a person with the same staff number, a line manager the file points at is gone. Run inside the commit's turn
 * of the serial gate, just before the batch, with the same set-based look-ups as the preview.
 */
export function planConflicts(db: Database, plan: ImportPlan): string[] {
  const lookup = createImportLookup(db);
  const problems: string[] = [];
  if (plan.kind === 'assets') {
    const tags = lookup.assetTagsInUse(plan.rows.map((r) => r.args.assetTag));
    const serials = lookup.serialsInUse(plan.rows.map((r) => r.args.serialNumber));
    for (const { row, args } of plan.rows) {
      if (tags.has(args.assetTag)) problems.push(`asset tag ${args.assetTag} (row ${String(row)}) is now in the register`);
      const owner = serials.get(args.serialNumber);
      if (owner !== undefined) problems.push(`serial number ${args.serialNumber} (row ${String(row)}) is now in the register, on asset ${owner}`);
    }
    return problems;
  }
  const staff = lookup.peopleByStaffNumber(plan.rows.map((r) => r.args.staffNumber));
  const emails = lookup.peopleByEmail(plan.rows.map((r) => r.args.email));
  const planned = new Set(plan.rows.map((r) => r.args.id));
  const managers = plan.rows.flatMap((r) => (r.args.lineManagerId !== null && !planned.has(r.args.lineManagerId) ? [r.args.lineManagerId] : []));
  const stillThere = existingPeopleIds(db, [...new Set(managers)]);
  for (const { row, args } of plan.rows) {
    if (staff.has(args.staffNumber)) problems.push(`staff number ${args.staffNumber} (row ${String(row)}) now belongs to someone in the directory`);
    if (emails.has(args.email)) problems.push(`email address ${args.email} (row ${String(row)}) now belongs to someone in the directory`);
    if (args.lineManagerId !== null && !planned.has(args.lineManagerId) && !stillThere.has(args.lineManagerId)) {
      problems.push(`the line manager of row ${String(row)} is no longer in the directory`);
    }
  }
  return problems;
}
