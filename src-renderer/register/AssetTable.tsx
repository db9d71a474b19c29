import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { AssetListRow, AssetSortColumn } from '../../src-shared/api/asset-queries';
import { ASSET_TYPES } from '../../src-shared/domain/asset';
import { StatusTag } from '../components/StatusTag';
import { href, paths } from '../router';
import type { AssetPages, AssetSort } from './use-asset-pages';

/** Every row is one line (cells never wrap), so every row is this tall and nothing needs measuring. */
export const ROW_HEIGHT = 46;

/** Rows rendered beyond the visible ones, so keyboard and wheel scrolling never show a blank row. */
const OVERSCAN = 12;

interface RowSlot {
  /** Position in the filtered, sorted register (0-based). */
  readonly index: number;
  /** Undefined while the row's page is loading. */
  readonly asset: AssetListRow | undefined;
}

const column = createColumnHelper<RowSlot>();

/** Columns, in order; each id is the `asset.page` sort column it sorts by. */
const COLUMNS = [
  column.accessor((slot) => slot.asset?.assetTag ?? '', {
    id: 'assetTag',
    header: 'Asset tag',
    cell: ({ row }) => {
      const asset = row.original.asset;
      return asset === undefined ? null : (
        <a className="govuk-link" href={href(paths.asset(asset.id))}>
          {asset.assetTag}
        </a>
      );
    },
  }),
  column.accessor((slot) => slot.asset?.serialNumber ?? '', { id: 'serialNumber', header: 'Serial number' }),
  column.accessor((slot) => (slot.asset === undefined ? '' : ASSET_TYPES[slot.asset.type]), { id: 'type', header: 'Type' }),
  column.accessor((slot) => slot.asset?.model ?? '', { id: 'model', header: 'Make and model' }),
  column.accessor((slot) => slot.asset?.status ?? '', {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => (row.original.asset === undefined ? null : <StatusTag status={row.original.asset.status} />),
  }),
  column.accessor((slot) => slot.asset?.holderName ?? '', { id: 'holderName', header: 'Holder' }),
  column.accessor((slot) => slot.asset?.location ?? '', { id: 'location', header: 'Location' }),
];

export const COLUMN_LABELS: Readonly<Partial<Record<AssetSortColumn, string>>> = {
  assetTag: 'Asset tag',
  serialNumber: 'Serial number',
  type: 'Type',
  model: 'Make and model',
  status: 'Status',
  holderName: 'Holder',
  location: 'Location',
};

function SortArrow({ direction }: { readonly direction: 'asc' | 'desc' | false }) {
  // The MOJ sortable table's arrows: decorative, since aria-sort on the header says the same.
  return (
    <svg width="22" height="22" focusable="false" aria-hidden="true" viewBox="0 0 22 22" fill="none">
      {direction === 'asc' ? <path d="M6.5625 15.5L11 6.63125L15.4375 15.5H6.5625Z" fill="currentColor" /> : null}
      {direction === 'desc' ? <path d="M15.4375 7L11 15.8687L6.5625 7L15.4375 7Z" fill="currentColor" /> : null}
      {direction === false ? (
        <>
          <path d="M8.1875 9.5L10.9609 3.95703L13.7344 9.5H8.1875Z" fill="currentColor" />
          <path d="M13.7344 12.0781L10.9609 17.6211L8.1875 12.0781H13.7344Z" fill="currentColor" />
        </>
      ) : null}
    </svg>
  );
}

interface AssetTableProps {
  readonly pages: AssetPages;
  readonly total: number;
  readonly sort: AssetSort;
  readonly onSort: (sort: AssetSort) => void;
  /** Changes when the filters or search change: the table scrolls back to the top. */
  readonly resetKey: string;
}

/**
 * The register as one real table with a fixed header: TanStack Table owns the columns and the sort state (sorting
 * itself is done by the store, `manualSorting`), TanStack Virtual renders only the rows in view. Spacer rows above
 * and below stand in for the rest, so the scroll bar is true to the total; aria-rowcount and aria-rowindex tell
 * screen readers where each rendered row sits in the whole register.
 */
export function AssetTable({ pages, total, sort, onSort, resetKey }: AssetTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { showRange } = pages;

  useEffect(() => {
    showRange(first, last);
  }, [showRange, first, last]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  // Only the rows in view are given to the table (a few dozen), so its row model costs nothing at 300,000 assets.
  const slots: RowSlot[] = items.map((item) => ({ index: item.index, asset: pages.rowAt(item.index) }));

  const sorting: SortingState = [{ id: sort.column, desc: sort.direction === 'desc' }];
  const table = useReactTable({
    data: slots,
    columns: COLUMNS,
    state: { sorting },
    manualSorting: true,
    // The rows given to the table change on every scroll; its automatic resets (page index, expanded rows) would
    // answer each change with a state update, and so re-render for ever. Paging here is the virtualiser's job.
    autoResetAll: false,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = (typeof updater === 'function' ? updater(sorting) : updater)[0];
      if (next !== undefined) onSort({ column: next.id as AssetSortColumn, direction: next.desc ? 'desc' : 'asc' });
    },
    getCoreRowModel: getCoreRowModel(),
    getRowId: (slot) => String(slot.index),
  });

  const padTop = items[0]?.start ?? 0;
  const padBottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  const columnCount = COLUMNS.length;
  const sortedBy = `${COLUMN_LABELS[sort.column] ?? sort.column}, ${sort.direction === 'asc' ? 'ascending' : 'descending'}`;

  return (
    <div className="app-register__scroller" ref={scrollRef} tabIndex={0} role="region" aria-labelledby="register-caption">
      <table className="govuk-table app-register__table" aria-rowcount={total + 1} aria-busy={pages.busy || undefined}>
        <caption className="govuk-table__caption govuk-visually-hidden" id="register-caption">
          Asset register, sorted by {sortedBy}. Column headers with buttons are sortable.
        </caption>
        <colgroup>
          {table.getAllLeafColumns().map((leaf) => (
            <col key={leaf.id} className={`app-register__col--${leaf.id}`} />
          ))}
        </colgroup>
        <thead className="govuk-table__head">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="govuk-table__row" aria-rowindex={1}>
              {group.headers.map((header) => {
                const direction = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className="govuk-table__header"
                    aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
                  >
                    <button type="button" onClick={header.column.getToggleSortingHandler()}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <SortArrow direction={direction} />
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="govuk-table__body">
          {padTop > 0 ? (
            <tr aria-hidden="true" className="app-register__spacer">
              <td colSpan={columnCount} style={{ height: padTop }} />
            </tr>
          ) : null}
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="govuk-table__row" aria-rowindex={row.original.index + 2}>
              {row.original.asset === undefined ? (
                <>
                  <td className="govuk-table__cell app-register__loading">Loading…</td>
                  {Array.from({ length: columnCount - 1 }, (_, i) => (
                    <td key={i} className="govuk-table__cell" />
                  ))}
                </>
              ) : (
                row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="govuk-table__cell">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))
              )}
            </tr>
          ))}
          {padBottom > 0 ? (
            <tr aria-hidden="true" className="app-register__spacer">
              <td colSpan={columnCount} style={{ height: padBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
