import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared';
import type { AssetDetail, AssetHistoryEntry, AssetListRow } from '../../../src-shared/api/asset-queries';
import { commandsFrom } from '../../../src-shared/domain/asset-lifecycle';
import { DomainError } from '../../../src-shared/result';
import { ASSET_LIST_COLUMNS, selectColumns } from './columns';

export function assetGet(db: Database, { id }: { id: string }): AssetDetail {
  const asset = prepared(db, `SELECT ${ASSET_LIST_COLUMNS} FROM assets a LEFT JOIN people h ON h.id = a.holder_id WHERE a.id = ?`).get(id) as
    | AssetListRow
    | undefined;
  if (!asset) throw new DomainError('not_found', 'That asset is not in the register');
  const history = prepared(db, 
      `SELECT ${selectColumns('asset_events', 'e')}, p.name AS "personName", act.name AS "actorName"
         FROM asset_events e LEFT JOIN people p ON p.id = e.person_id LEFT JOIN people act ON act.id = e.actor_id
        WHERE e.asset_id = ? ORDER BY e.at DESC, e.rowid DESC`,
    )
    .all(id) as AssetHistoryEntry[];
  return { asset, history, commands: commandsFrom(asset.status) };
}
