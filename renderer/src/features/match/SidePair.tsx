import type { ColumnInfo } from '../../../../shared/engine/api';
import { ColumnSelect } from './ColumnSelect';

interface SidePairProps {
  label: string;
  left: string;
  right: string;
  leftColumns: readonly ColumnInfo[];
  rightColumns: readonly ColumnInfo[];
  isInvalid?: boolean;
  onChange(side: 'left' | 'right', name: string): void;
}

/** One compared field: the left table's column ↔ the right table's column. */
export function SidePair({ label, left, right, leftColumns, rightColumns, isInvalid = false, onChange }: SidePairProps) {
  return (
    <div className="match-pair">
      <ColumnSelect columns={leftColumns} value={left} label={`Left ${label} column`} isInvalid={isInvalid && left === ''} onChange={(name) => onChange('left', name)} />
      <span className="match-pair-arrow" aria-hidden="true">
        ↔
      </span>
      <ColumnSelect columns={rightColumns} value={right} label={`Right ${label} column`} isInvalid={isInvalid && right === ''} onChange={(name) => onChange('right', name)} />
    </div>
  );
}
