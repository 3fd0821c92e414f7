import type { ColumnType, ImportPreview, PreviewColumn } from '../../../../shared/engine/api';
import { formatCount } from '../../lib/format';
import type { ImportOverrides } from '../ingest/import-types';
import { COLUMN_TYPES, MAX_SCALE, columnOverride, withColumn } from './overrides';

interface PreviewColumnsProps {
  preview: ImportPreview;
  overrides: ImportOverrides;
  onChange(overrides: ImportOverrides): void;
}

/**
 * One row per column of the file: load it or not, its type and scale, how
 * the file wrote it, and its first values as they will be stored. `_raw`
 * siblings of converted dates are not listed (they follow their column);
 * derived columns are listed but have nothing to choose.
 */
export function PreviewColumns({ preview, overrides, onChange }: PreviewColumnsProps) {
  const columns = preview.columns.filter((column) => column.role !== 'raw');
  // Statement tables have a fixed layout: their columns are shown, not chosen.
  const isFixed = preview.sourceFormat === 'statement';
  return (
    <div className="preview-columns-wrap">
      <table className="preview-columns" data-testid="preview-columns">
        <thead>
          <tr>
            <th>Load</th>
            <th>Column</th>
            <th>Type</th>
            <th>Scale</th>
            <th>Read as</th>
            <th>First values</th>
            <th className="num" title="Cells of the sample that did not fit the type; they are kept as text">As text</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => (
            <ColumnRow key={column.name} column={column} isFixed={isFixed || column.role === 'derived'} overrides={overrides} onChange={onChange} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ColumnRow({ column, isFixed, overrides, onChange }: { column: PreviewColumn; isFixed: boolean; overrides: ImportOverrides; onChange(overrides: ImportOverrides): void }) {
  const label = column.label;
  const change = (patch: Parameters<typeof withColumn>[2]) => onChange(withColumn(overrides, label, patch));
  // What the user just chose shows at once; the rest of the row follows when the preview re-runs.
  const chosen = columnOverride(overrides, label);
  const isSkipped = chosen?.skip ?? column.isSkipped;
  const type = chosen?.type ?? column.type;
  const scale = chosen?.scale ?? column.scale;
  return (
    <tr data-testid={`preview-column-${column.name}`} className={isSkipped ? 'preview-skipped' : undefined}>
      <td>
        <input type="checkbox" aria-label={`Load ${label}`} checked={!isSkipped} disabled={isFixed} onChange={(event) => change({ skip: !event.currentTarget.checked })} />
      </td>
      <td className="preview-column-name" title={column.name === label ? label : `${label} → ${column.name}`}>
        <span className="truncate">{label}</span>
        {column.name !== label ? <span className="preview-sql-name mono truncate">{column.name}</span> : null}
      </td>
      <td>
        <select aria-label={`Type of ${label}`} value={type} disabled={isFixed || isSkipped} onChange={(event) => change({ type: columnType(event.currentTarget.value) })}>
          {COLUMN_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="number"
          className="preview-number"
          aria-label={`Scale of ${label}`}
          min={0}
          max={MAX_SCALE}
          value={type === 'decimal' ? scale : ''}
          disabled={isFixed || isSkipped || type !== 'decimal'}
          onChange={(event) => {
            const scale = Number(event.currentTarget.value);
            if (Number.isInteger(scale) && scale >= 0 && scale <= MAX_SCALE) change({ type: 'decimal', scale });
          }}
        />
      </td>
      <td className="preview-read-as">{readAs(column)}</td>
      <td title={column.samples.join('\n')}>
        <div className="preview-samples mono" data-testid="preview-samples">
          {column.samples.map((sample, index) => (
            <span key={index} className="preview-sample">
              {sample}
            </span>
          ))}
        </div>
      </td>
      <td className={`num${column.coercedCells > 0 ? ' preview-coerced-count' : ''}`}>{column.coercedCells > 0 ? formatCount(column.coercedCells) : ''}</td>
    </tr>
  );
}

function columnType(value: string): ColumnType | undefined {
  return COLUMN_TYPES.find((type) => type === value);
}

function readAs(column: PreviewColumn): string {
  const parts = [column.sourceFormat, column.role && column.role !== 'raw' ? column.role : undefined, column.derivedFrom, column.damagedCells ? `${column.damagedCells} damaged` : undefined];
  return parts.filter(Boolean).join(' · ');
}
