import { useEffect, useRef } from 'react';
import type { CustomInnerHeaderProps } from 'ag-grid-react';
import type { ColumnInfo } from '../../../../shared/engine/api';
import { MoreIcon } from '../../components/icons';
import { typeBadge } from '../../lib/column-type';

export interface HeaderLabelParams {
  info: ColumnInfo;
  onMenu(colId: string, anchor: DOMRect): void;
}

type HeaderLabelProps = CustomInnerHeaderProps & HeaderLabelParams;

/**
 * The inside of a column header: the file's own label, a type badge, and a
 * menu button (pin, sort, autosize — the built-in column menu is Enterprise).
 * AG Grid keeps sorting, filtering and resizing around it.
 */
export function HeaderLabel({ info, onMenu, column }: HeaderLabelProps) {
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const button = buttonRef.current;
    if (!button) return;
    // Native listeners: the header label sorts on click before React's root listener would see the event.
    const stop = (event: Event) => event.stopPropagation();
    const open = (event: MouseEvent) => {
      event.stopPropagation();
      event.preventDefault();
      onMenu(column.getColId(), button.getBoundingClientRect());
    };
    button.addEventListener('mousedown', stop);
    button.addEventListener('click', open);
    return () => {
      button.removeEventListener('mousedown', stop);
      button.removeEventListener('click', open);
    };
  }, [column, onMenu]);

  return (
    <span className="header-label">
      <span className="header-text">{info.label || info.name}</span>
      <span className={`type-badge type-${info.type}`}>{typeBadge(info)}</span>
      <button ref={buttonRef} type="button" className="header-menu-btn" aria-label={`Column options for ${info.label || info.name}`} tabIndex={-1}>
        <MoreIcon />
      </button>
    </span>
  );
}
