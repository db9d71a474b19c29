import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportKind, ImportPreview } from '../../src-shared/import/contract';
import type { ImportPlan } from '../../src-shared/import/preview';
import type { PlannedAsset } from '../../src-shared/import/reconcile/assets';
import type { PlannedPerson } from '../../src-shared/import/reconcile/people';
import { newId } from '../../src-shared/ids';
import { mutators } from '../../src-shared/mutators/registry';
import type { Result } from '../../src-shared/result';
import { previewImportBytes } from '../../src-main/import/preview-file';
import { runMutation, type MutationEnvironment } from '../../src-main/store/mutation-runner';
import type { Store } from '../../src-main/store/open-store';
import { fixedClock } from '../support/store';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

export function environment(store: Store): MutationEnvironment {
  return { db: store.db, clientId: store.installation.clientId, actorId: null, clock: fixedClock };
}

/** Previews text (or bytes) against a store, as the import.preview handler does after decoding base64. */
export async function preview(store: Store, kind: ImportKind, content: string | Uint8Array): Promise<{ preview: ImportPreview; plan: ImportPlan }> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return previewImportBytes(store.db, { kind, fileName: `${kind}.csv`, bytes });
}

export const ASSET_HEADER = 'asset_tag,serial_number,type,model,imei,phone_number,purchase_date,purchase_value,location,notes,holder_staff_number';
export const PEOPLE_HEADER = 'staff_number,name,email,line_manager_staff_number,roles,status,training_completed_on';

/** A CSV text from lines, LF-separated, with a final line ending. */
export function csv(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** An asset row of Custodian's template, with every column given a sensible default. */
export function assetLine(values: Partial<Record<'tag' | 'serial' | 'type' | 'model' | 'imei' | 'phone' | 'date' | 'value' | 'location' | 'notes' | 'holder', string>>): string {
  const v = { tag: 'LT-1', serial: 'SN1', type: 'laptop', model: 'Dell Latitude 7450', imei: '', phone: '', date: '', value: '', location: '', notes: '', holder: '', ...values };
  return [v.tag, v.serial, v.type, v.model, v.imei, v.phone, v.date, v.value, v.location, v.notes, v.holder].join(',');
}

export const count = (store: Store, table: string): number => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Row counts of every table an import could touch: "nothing written" means these do not move. */
export function tableCounts(store: Store): Record<string, number> {
  return Object.fromEntries(['people', 'assets', 'asset_events', 'aup_acknowledgements', 'outbox'].map((table) => [table, count(store, table)]));
}

export async function addPerson(store: Store, staffNumber: string, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const id = newId();
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.gov.uk`;
  await runMutation(environment(store), mutators['person.create'], { id, staffNumber, name, email, ...extra });
  return id;
}

export async function addAsset(store: Store, assetTag: string, serialNumber: string): Promise<string> {
  const id = newId();
  await runMutation(environment(store), mutators['asset.create'], { id, assetTag, serialNumber, type: 'laptop', model: 'Existing laptop' });
  return id;
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The messages of a preview's errors for one row. */
export function rowErrors(p: ImportPreview, row: number): { field: string; message: string }[] {
  return p.errors.filter((e) => e.row === row).map(({ field, message }) => ({ field, message }));
}

export function assetRows(plan: ImportPlan): readonly PlannedAsset[] {
  if (plan.kind !== 'assets') throw new Error('expected an asset plan');
  return plan.rows;
}

export function personRows(plan: ImportPlan): readonly PlannedPerson[] {
  if (plan.kind !== 'people') throw new Error('expected a people plan');
  return plan.rows;
}
