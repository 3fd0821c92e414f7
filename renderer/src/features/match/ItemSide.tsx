import type { MouseEvent } from 'react';
import type { ColumnInfo } from '../../../../shared/engine/api';
import type { ItemSide as ItemSideData } from '../../../../shared/engine/match/items';
import { formatCell, isNegative } from '../grid/cell-format';
import { formatCount } from '../../lib/format';
import { groupMoney } from './money';
import type { ItemDiff } from './item-diff';
import type { ColumnRole } from './item-columns';

export interface VisibleColumn {
  column: ColumnInfo;
  /** Index of the column in the item's source rows. */
  index: number;
  role: ColumnRole;
}

interface ItemSideProps {
  side: 'L' | 'R';
  data: ItemSideData;
  columns: readonly VisibleColumn[];
  template: string;
  diff: ItemDiff;
  isSelected(rowId: number): boolean;
  onRowClick(rowIndex: number, event: MouseEvent): void;
  onExpand(): void;
}

/**
 * A member row of a group is not what differs (its group total is): amount
 * differences of a group are marked on the total line only.
 */
function isDiffCell(role: ColumnRole, diff: ItemDiff, isGroup: boolean): boolean {
  return (role === 'amount' && diff.amount && !isGroup) || (role === 'date' && diff.date) || (role === 'key' && diff.key);
}

/** One side of an item: its first rows, then "+ N more rows, total X" for a group. */
export function ItemSide({ side, data, columns, template, diff, isSelected, onRowClick, onExpand }: ItemSideProps) {
  if (data.count === 0) {
    return (
      <div className={`item-side item-side-${side} is-empty`}>
        <span className="item-side-none">no {side === 'L' ? 'left' : 'right'} row</span>
      </div>
    );
  }
  const hidden = data.count - data.rows.length;
  return (
    <div className={`item-side item-side-${side}`}>
      {data.rows.map((row, rowIndex) => {
        const rowId = data.rowIds[rowIndex] ?? -1;
        return (
          <div
            key={rowId}
            className={`item-row${isSelected(rowId) ? ' is-selected' : ''}`}
            style={{ gridTemplateColumns: template }}
            data-row-id={rowId}
            data-side={side}
            aria-selected={isSelected(rowId)}
            onClick={(event) => {
              event.stopPropagation();
              onRowClick(rowIndex, event);
            }}
          >
            {columns.map(({ column, index, role }) => {
              const value = row[index] ?? null;
              const isNumber = column.type === 'decimal' || column.type === 'integer';
              const classes = ['item-cell', isNumber ? 'is-num' : '', isNumber && isNegative(value) ? 'is-negative' : '', isDiffCell(role, diff, data.count > 1) ? 'is-diff' : ''];
              const text = formatCell(value, column);
              return (
                <span key={column.name} className={classes.filter(Boolean).join(' ')} data-role={role ?? undefined} title={text}>
                  {text}
                </span>
              );
            })}
          </div>
        );
      })}
      {data.count > 1 ? (
        <div className="item-more num">
          {hidden > 0 ? (
            <button
              type="button"
              className="item-more-btn"
              onClick={(event) => {
                event.stopPropagation();
                onExpand();
              }}
              title="Show up to 100 rows of this item"
            >
              + {formatCount(hidden)} more {hidden === 1 ? 'row' : 'rows'}
            </button>
          ) : (
            <span>{formatCount(data.count)} rows</span>
          )}
          <span className={`item-more-total${diff.amount ? ' is-diff' : ''}`}>total {groupMoney(data.total)}</span>
        </div>
      ) : null}
    </div>
  );
}
