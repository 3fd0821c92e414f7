import { useEffect, useRef, useState } from 'react';
import type { ColumnInfo } from '../../../../shared/engine/api';
import { typeBadge } from '../../lib/column-type';
import { ChevronIcon } from '../../components/icons';

interface ColumnChooserProps {
  label: string;
  columns: readonly ColumnInfo[];
  chosen: readonly string[];
  onChange(names: string[]): void;
  onReset(): void;
}

/** "Left columns ▾": tick which source columns the side-by-side view shows. */
export function ColumnChooser({ label, columns, chosen, onChange, onReset }: ColumnChooserProps) {
  const [isOpen, setIsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const onPointer = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setIsOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [isOpen]);

  return (
    <div className="column-chooser" ref={rootRef}>
      <button type="button" className="btn btn-ghost btn-sm" aria-expanded={isOpen} onClick={() => setIsOpen((open) => !open)}>
        {label} <span className="num">({chosen.length})</span> <ChevronIcon open={isOpen} />
      </button>
      {isOpen ? (
        <div className="column-chooser-pop" role="dialog" aria-label={label}>
          <ul>
            {columns.map((column) => (
              <li key={column.name}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.includes(column.name)}
                    onChange={(event) => onChange(event.currentTarget.checked ? [...chosen, column.name] : chosen.filter((name) => name !== column.name))}
                  />
                  <span className="truncate">{column.name}</span>
                  <span className="type-badge">{typeBadge(column)}</span>
                </label>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-ghost btn-sm" onClick={onReset}>
            Reset to the compared columns
          </button>
        </div>
      ) : null}
    </div>
  );
}
