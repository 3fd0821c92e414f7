import { useCallback, type KeyboardEvent, type MouseEvent } from 'react';
import type { Candidate } from '../../../../shared/engine/match/explain';
import type { MatchItem } from '../../../../shared/engine/match/items';
import type { MatchRun } from '../../../../shared/engine/match/run-match';
import type { MatchStatus } from '../../../../shared/engine/match/summary';
import type { EngineClient } from '../../engine/client';
import { ColumnChooser } from './ColumnChooser';
import { engineMessage } from './engine-message';
import { ExplainPanel, type ExplainTarget } from './ExplainPanel';
import { fetchItemRows } from './item-rows';
import { ItemsList } from './ItemsList';
import { ItemsToolbar } from './ItemsToolbar';
import { cellToRunUnits, groupMoney, parseMoney } from './money';
import { rowKey, type SelectedRow, type Selection, type Side } from './selection';
import type { ItemColumns } from './use-item-columns';
import type { MatchItemsState } from './use-match-items';
import { visibleColumns } from './visible-columns';

interface ItemsViewProps {
  client: EngineClient;
  run: MatchRun;
  runVersion: number;
  items: MatchItemsState;
  columns: ItemColumns;
  selection: Selection;
  explain: ExplainTarget | null;
  hints: { next: string; previous: string };
  onSelect(rows: readonly SelectedRow[], isAdditive: boolean): void;
  onExplain(target: ExplainTarget | null): void;
  onError(message: string): void;
}

/** Ctrl/⌘ (or Shift) adds to the selection; the keyboard (Space) always adds, there is no other way to build one. */
const isAdditiveClick = (event: MouseEvent | KeyboardEvent) => event.type === 'keydown' || event.ctrlKey || event.metaKey || event.shiftKey;

/** The side-by-side tab: filter and pager, the item blocks, and "why no match?" beside them. */
export function ItemsView({ client, run, runVersion, items, columns, selection, explain, hints, onSelect, onExplain, onError }: ItemsViewProps) {
  const page = items.page;
  const flip = run.spec.amount?.sign === 'opposite';

  const onRowClick = useCallback(
    (item: MatchItem, side: Side, rowIndex: number, event: MouseEvent) => {
      if (!page) return;
      const data = side === 'L' ? item.left : item.right;
      const sourceColumns = side === 'L' ? page.leftColumns : page.rightColumns;
      const amountIndex = sourceColumns.findIndex((column) => column.name === run.spec.amount?.[side === 'L' ? 'left' : 'right']);
      const value = amountIndex < 0 ? null : (data.rows[rowIndex]?.[amountIndex] ?? null);
      const amount = cellToRunUnits(value, sourceColumns[amountIndex], run.scale, side === 'R' && flip);
      const rowId = data.rowIds[rowIndex];
      if (rowId === undefined) return;
      onSelect([{ side, rowId, amount, itemId: item.itemId, status: item.status }], isAdditiveClick(event));
      items.focus(page.items.indexOf(item));
    },
    [page, run, flip, onSelect, items],
  );

  const onItemClick = useCallback(
    (item: MatchItem, index: number, event: MouseEvent | KeyboardEvent) => {
      const isAdditive = isAdditiveClick(event);
      items.focus(index);
      fetchItemRows(client, run, item).then((rows) => onSelect(rows, isAdditive), (failure: unknown) => onError(engineMessage(failure)));
    },
    [client, run, items, onSelect, onError],
  );

  const onExplainItem = useCallback(
    (item: MatchItem) => {
      const side: Side = item.left.count > 0 ? 'L' : 'R';
      const data = side === 'L' ? item.left : item.right;
      const rowId = data.rowIds[0];
      if (rowId === undefined) return;
      onExplain({ side, rowId, label: `${item.key ?? 'no key'} · ${groupMoney(data.total)} ${item.currency}`.trim(), itemRows: data.count });
    },
    [onExplain],
  );

  const onCandidate = useCallback(
    (candidate: Candidate, side: Side) => {
      onSelect([{ side, rowId: candidate.rowId, amount: parseMoney(candidate.amount, run.scale), itemId: -1, status: candidate.status as MatchStatus }], true);
    },
    [onSelect, run.scale],
  );

  if (!page) {
    return <div className="items-view items-loading">{items.error ? <p className="match-error">{items.error}</p> : <span className="spinner" />}</div>;
  }
  const left = visibleColumns(run.spec, 'left', page.leftColumns, columns.left);
  const right = visibleColumns(run.spec, 'right', page.rightColumns, columns.right);
  return (
    <div className="items-view">
      <ItemsToolbar
        status={items.status}
        counts={items.counts}
        offset={items.offset}
        total={page.total}
        isLoading={items.isLoading}
        nextHint={hints.next}
        previousHint={hints.previous}
        onStatus={items.setStatus}
        onPage={items.goToPage}
        onStep={items.step}
      >
        <ColumnChooser label="Left columns" columns={page.leftColumns} chosen={columns.left} onChange={(names) => columns.set('left', names)} onReset={() => columns.reset('left')} />
        <ColumnChooser label="Right columns" columns={page.rightColumns} chosen={columns.right} onChange={(names) => columns.set('right', names)} onReset={() => columns.reset('right')} />
      </ItemsToolbar>
      {items.error ? <p className="match-error items-error">{items.error}</p> : null}
      <div className="items-body">
        <ItemsList
          page={page}
          spec={run.spec}
          left={left}
          right={right}
          focused={items.focused}
          selectedKeys={selection}
          onRowClick={onRowClick}
          onItemClick={onItemClick}
          onExplain={onExplainItem}
          onExpand={items.expand}
        />
        {explain ? (
          <ExplainPanel
            client={client}
            target={explain}
            runVersion={runVersion}
            isSelected={(side, rowId) => selection.has(rowKey(side, rowId))}
            onSelect={onCandidate}
            onClose={() => onExplain(null)}
          />
        ) : null}
      </div>
    </div>
  );
}
