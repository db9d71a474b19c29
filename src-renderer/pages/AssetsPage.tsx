import type { AssetListItem } from '../../src-shared/api/queries';
import { ASSET_TYPES } from '../../src-shared/domain/asset';
import { useQuery } from '../api/use-query';
import type { Column } from '../components/DataTable';
import { ListPage } from '../components/ListPage';

/** How many rows the list shows (one page of `asset.list`). */
const PAGE_SIZE = 200;

const COLUMNS: readonly Column<AssetListItem>[] = [
  { header: 'Asset tag', cell: (asset) => asset.assetTag },
  { header: 'Serial number', cell: (asset) => asset.serialNumber },
  { header: 'Type', cell: (asset) => (ASSET_TYPES as Record<string, string | undefined>)[asset.type] ?? asset.type },
  { header: 'Make and model', cell: (asset) => asset.model },
];

export function AssetsPage() {
  const assets = useQuery('asset.list', { limit: PAGE_SIZE });
  return (
    <ListPage
      title="Assets"
      addLabel="Add an asset"
      addHref="#/assets/new"
      page={assets}
      noun={{ one: 'asset', many: 'assets' }}
      columns={COLUMNS}
      rowKey={(asset) => asset.id}
    />
  );
}
