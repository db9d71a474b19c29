import type { Database } from 'better-sqlite3';
import type { Rows, TableName } from '../../src-shared/domain/tables';
import { prepared } from './prepared';

/**
 * The desktop store keeps a copy of each asset's holder's name on the asset (assets.holder_name, migration 0005) so
 * the register can be sorted by holder from an index: sorting by the joined people.name meant sorting all 300,000
 * assets for every page (0.5–2 s). It is a read model of the desktop only, not a domain field: mutators never see it,
 * and SqliteTx calls this after every update of an asset's holder or a person's name.
 */
export function holderNameUpdated<T extends TableName>(db: Database, table: T, id: string, patch: Partial<Rows[T]>): void {
  if (table === 'assets' && 'holderId' in patch) {
    prepared(db, 'UPDATE assets SET holder_name = (SELECT name FROM people WHERE id = assets.holder_id) WHERE id = ?').run(id);
  }
  if (table === 'people' && 'name' in patch) {
    prepared(db, 'UPDATE assets SET holder_name = ? WHERE holder_id = ?').run((patch as Partial<Rows['people']>).name, id);
  }
}
