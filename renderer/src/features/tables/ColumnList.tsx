import type { ColumnInfo } from '../../../../shared/engine/api';
import { describeColumn, typeBadge } from '../../lib/column-type';
import { formatCount } from '../../lib/format';

/** The columns of a table as the engine typed them, with any cells that did not fit. */
export function ColumnList({ columns }: { columns: readonly ColumnInfo[] }) {
  return (
    <ul className="column-list">
      {columns.map((column) => (
        <li key={column.name} title={column.sourceFormat ? `${describeColumn(column)} (written as ${column.sourceFormat})` : describeColumn(column)}>
          <span className={`type-badge type-${column.type}`}>{typeBadge(column)}</span>
          <span className="truncate">{column.label || column.name}</span>
          {column.coercedCells > 0 ? (
            <span className="column-coerced num" title={`${formatCount(column.coercedCells)} cells did not fit ${column.type} and were kept as text`}>
              ⚠ {formatCount(column.coercedCells)}
            </span>
          ) : null}
          {column.damagedCells ? (
            <span className="column-coerced num" title={`${formatCount(column.damagedCells)} cells were already damaged by a spreadsheet (e.g. 1.23E+22) and are kept as text`}>
              ✎ {formatCount(column.damagedCells)}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
