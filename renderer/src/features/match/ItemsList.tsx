import { useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { ItemsPage, MatchItem } from '../../../../shared/engine/match/items';
import type { MatchSpec } from '../../../../shared/engine/match/spec';
import { itemDiff } from './item-diff';
import { ItemBlock } from './ItemBlock';
import type { VisibleColumn } from './ItemSide';
import { gridTemplate } from './visible-columns';

interface ItemsListProps {
  page: ItemsPage;
  spec: MatchSpec;
  left: readonly VisibleColumn[];
  right: readonly VisibleColumn[];
  focused: number;
  selectedKeys: { has(key: string): boolean };
  onRowClick(item: MatchItem, side: 'L' | 'R', rowIndex: number, event: MouseEvent): void;
  onItemClick(item: MatchItem, index: number, event: MouseEvent | KeyboardEvent): void;
  onExplain(item: MatchItem): void;
  onExpand(index: number): void;
}

function HeaderCells({ columns, template }: { columns: readonly VisibleColumn[]; template: string }) {
  return (
    <div className="items-head-cells" style={{ gridTemplateColumns: template }}>
      {columns.map(({ column, role }) => (
        <span key={column.name} className={`items-head-cell${column.type === 'decimal' || column.type === 'integer' ? ' is-num' : ''}${role ? ' is-compared' : ''}`} title={role ? `${column.label} — compared as the ${role}` : column.label}>
          {column.name}
        </span>
      ))}
    </div>
  );
}

/** The page of items under a sticky header naming each side's columns; keeps the focused item in view. */
export function ItemsList({ page, spec, left, right, focused, selectedKeys, onRowClick, onItemClick, onExplain, onExpand }: ItemsListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const leftTemplate = useMemo(() => gridTemplate(left), [left]);
  const rightTemplate = useMemo(() => gridTemplate(right), [right]);
  const focusedId = page.items[focused]?.itemId;

  useEffect(() => {
    if (focusedId === undefined) return;
    const element = listRef.current?.querySelector<HTMLElement>(`[data-item-id="${focusedId}"]`);
    element?.scrollIntoView({ block: 'nearest' });
    // Focus follows, so the keys keep working and a screen reader announces the item.
    element?.focus({ preventScroll: true });
  }, [focusedId]);

  return (
    <div className="items-scroll" ref={listRef} data-testid="match-items">
      <div className="items-head" aria-hidden="true">
        <div className="items-head-side">
          <span className="items-head-table">Left · {spec.left.table}</span>
          <HeaderCells columns={left} template={leftTemplate} />
        </div>
        <div className="items-head-gutter">Status</div>
        <div className="items-head-side">
          <span className="items-head-table">Right · {spec.right.table}</span>
          <HeaderCells columns={right} template={rightTemplate} />
        </div>
      </div>
      {page.items.length === 0 ? <p className="items-empty muted">No items with this status.</p> : null}
      {page.items.map((item, index) => (
        <ItemBlock
          key={item.itemId}
          item={item}
          diff={itemDiff(item, spec, page.leftColumns, page.rightColumns)}
          left={left}
          right={right}
          leftTemplate={leftTemplate}
          rightTemplate={rightTemplate}
          isFocused={index === focused}
          selectedKeys={selectedKeys}
          onRowClick={onRowClick}
          onItemClick={(clicked, event) => onItemClick(clicked, index, event)}
          onExplain={onExplain}
          onExpand={() => onExpand(index)}
        />
      ))}
    </div>
  );
}
