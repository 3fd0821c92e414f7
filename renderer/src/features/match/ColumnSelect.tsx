import type { ColumnInfo } from '../../../../shared/engine/api';
import { typeBadge } from '../../lib/column-type';

interface ColumnSelectProps {
  columns: readonly ColumnInfo[];
  value: string;
  label: string;
  /** Text of the empty choice: "—" where the field is optional, "Pick a column" where it is not. */
  placeholder?: string;
  isInvalid?: boolean;
  isDisabled?: boolean;
  onChange(name: string): void;
}

/** A column picker that shows each column's detected type, so "amount (abc)" warns before a run fails. */
export function ColumnSelect({ columns, value, label, placeholder = '—', isInvalid = false, isDisabled = false, onChange }: ColumnSelectProps) {
  const isMissing = value !== '' && !columns.some((column) => column.name === value);
  return (
    <select
      className={`match-select${isInvalid ? ' is-invalid' : ''}`}
      value={value}
      aria-label={label}
      aria-invalid={isInvalid || undefined}
      disabled={isDisabled}
      onChange={(event) => onChange(event.currentTarget.value)}
    >
      <option value="">{placeholder}</option>
      {/* A saved spec may name a column this table lacks: show it rather than silently blank the choice. */}
      {isMissing ? <option value={value}>{value} (not in table)</option> : null}
      {columns.map((column) => (
        <option key={column.name} value={column.name}>
          {column.name} · {typeBadge(column)}
        </option>
      ))}
    </select>
  );
}
