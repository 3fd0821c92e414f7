import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { MatchItem } from '../../../../shared/engine/match/items';
import { formatCount } from '../../lib/format';
import type { ItemDiff } from './item-diff';
import { ItemSide, type VisibleColumn } from './ItemSide';
import { groupMoney, negateDecimal } from './money';
import { isOpen, passName, STATUS_SHORT } from './status';

interface ItemBlockProps {
  item: MatchItem;
  diff: ItemDiff;
  left: readonly VisibleColumn[];
  right: readonly VisibleColumn[];
  leftTemplate: string;
  rightTemplate: string;
  isFocused: boolean;
  /** The selection, keyed "L:12" (see rowKey). */
  selectedKeys: { has(key: string): boolean };
  onRowClick(item: MatchItem, side: 'L' | 'R', rowIndex: number, event: MouseEvent): void;
  onItemClick(item: MatchItem, event: MouseEvent | KeyboardEvent): void;
  onExplain(item: MatchItem): void;
  onExpand(item: MatchItem): void;
}

/** One match or open item: left rows | status, difference, days | right rows. */
export const ItemBlock = memo(function ItemBlock(props: ItemBlockProps) {
  const { item, diff, isFocused, selectedKeys } = props;
  // Shown as left − right, like the tie-out and the audit (the engine reports items as right − left).
  const difference = item.difference === '' ? '' : negateDecimal(item.difference);
  return (
    <div
      className={`match-item is-${item.status}${isFocused ? ' is-focused' : ''}`}
      data-testid="match-item"
      data-item-id={item.itemId}
      data-status={item.status}
      data-focused={isFocused || undefined}
      tabIndex={isFocused ? 0 : -1}
      role="group"
      aria-label={`${STATUS_SHORT[item.status]}${item.key ? ` ${item.key}` : ''}`}
      onClick={(event) => props.onItemClick(item, event)}
      onKeyDown={(event) => {
        // Space on the focused item adds it to the selection: with n/p, a keyboard-only way to pick items.
        if (event.key !== ' ' || event.target !== event.currentTarget) return;
        event.preventDefault();
        props.onItemClick(item, event);
      }}
    >
      <ItemSide
        side="L"
        data={item.left}
        columns={props.left}
        template={props.leftTemplate}
        diff={diff}
        isSelected={(rowId) => selectedKeys.has(`L:${rowId}`)}
        onRowClick={(rowIndex, event) => props.onRowClick(item, 'L', rowIndex, event)}
        onExpand={() => props.onExpand(item)}
      />
      <div className="item-gutter" title="Click to select the whole item; Ctrl/⌘-click to add it">
        {/* The badge is the obvious handle for "this whole item" (a group can have more rows than are shown). */}
        <button type="button" className={`status-badge is-${item.status}`} data-testid="match-item-select" title="Select all rows of this item (Ctrl/⌘-click adds them)">
          {STATUS_SHORT[item.status]}
        </button>
        {difference !== '' && diff.amount ? (
          <span className="item-diff num is-diff" data-testid="match-item-difference" title="Left − right">
            Δ {groupMoney(difference)}
          </span>
        ) : null}
        {item.days !== null && item.days !== 0 ? (
          <span className={`item-days num${diff.date ? ' is-diff' : ''}`} title="Days between the two sides' dates">
            {formatCount(Math.abs(item.days))} {Math.abs(item.days) === 1 ? 'day' : 'days'} apart
          </span>
        ) : null}
        {diff.key ? <span className="item-key-diff is-diff">keys differ</span> : null}
        <span className="item-meta">
          {item.pass !== null ? <span className={`item-pass${item.pass === 0 ? ' is-manual' : ''}`} data-testid="match-item-pass">{passName(item.pass, item.status)}</span> : null}
          {item.currency ? <span className="item-currency">{item.currency}</span> : null}
        </span>
        {isOpen(item.status) ? (
          <button
            type="button"
            className="btn btn-sm item-why"
            onClick={(event) => {
              event.stopPropagation();
              props.onExplain(item);
            }}
            title="Show the nearest rows on the other side and why they did not match"
          >
            Why no match?
          </button>
        ) : null}
      </div>
      <ItemSide
        side="R"
        data={item.right}
        columns={props.right}
        template={props.rightTemplate}
        diff={diff}
        isSelected={(rowId) => selectedKeys.has(`R:${rowId}`)}
        onRowClick={(rowIndex, event) => props.onRowClick(item, 'R', rowIndex, event)}
        onExpand={() => props.onExpand(item)}
      />
    </div>
  );
});
