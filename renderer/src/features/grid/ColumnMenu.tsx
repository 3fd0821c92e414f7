import { useEffect, useRef } from 'react';

export type ColumnMenuAction = 'sortAsc' | 'sortDesc' | 'sortClear' | 'pinLeft' | 'pinRight' | 'unpin' | 'autosize' | 'autosizeAll';

interface ColumnMenuProps {
  x: number;
  y: number;
  pinned: 'left' | 'right' | null;
  sort: 'asc' | 'desc' | null;
  onAction(action: ColumnMenuAction): void;
  onClose(): void;
}

const MENU_WIDTH = 200;

/** The column options popover (pinning, sorting, sizing); Community has no column menu of its own. */
export function ColumnMenu({ x, y, pinned, sort, onAction, onClose }: ColumnMenuProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const outside = (event: MouseEvent) => {
      if (event.target instanceof Node && ref.current?.contains(event.target)) return;
      onClose();
    };
    const key = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onClose();
    };
    document.addEventListener('mousedown', outside, true);
    document.addEventListener('keydown', key, true);
    return () => {
      document.removeEventListener('mousedown', outside, true);
      document.removeEventListener('keydown', key, true);
    };
  }, [onClose]);

  const item = (action: ColumnMenuAction, label: string, isDisabled = false) => (
    <button type="button" role="menuitem" className="menu-item" disabled={isDisabled} onClick={() => onAction(action)}>
      {label}
    </button>
  );

  const left = Math.max(8, Math.min(x, window.innerWidth - MENU_WIDTH - 8));
  return (
    <div ref={ref} className="menu" role="menu" style={{ left, top: y, width: MENU_WIDTH }} data-testid="column-menu">
      {item('sortAsc', 'Sort ascending', sort === 'asc')}
      {item('sortDesc', 'Sort descending', sort === 'desc')}
      {item('sortClear', 'Clear sort', sort === null)}
      <div className="menu-sep" />
      {item('pinLeft', 'Pin left', pinned === 'left')}
      {item('pinRight', 'Pin right', pinned === 'right')}
      {item('unpin', 'Unpin', pinned === null)}
      <div className="menu-sep" />
      {item('autosize', 'Autosize this column')}
      {item('autosizeAll', 'Autosize all columns')}
    </div>
  );
}
