import { useState } from 'react';
import type { TableInfo } from '../../../../shared/engine/api';
import { ChevronIcon, CloseIcon, TableIcon } from '../../components/icons';
import { formatClock, formatCount, formatDelimiter, formatDuration, formatSize } from '../../lib/format';
import { ColumnList } from './ColumnList';

interface TableCardProps {
  table: TableInfo;
  isSelected: boolean;
  onSelect(): void;
  onRemove(): void;
}

function shortHash(hex: string): string {
  return `${hex.slice(0, 10)}…${hex.slice(-6)}`;
}

/** One loaded table: what it is, where it came from, and proof of which file (SHA-256). */
export function TableCard({ table, isSelected, onSelect, onRemove }: TableCardProps) {
  const [isExpanded, setIsExpanded] = useState(false);
  const coerced = table.columns.reduce((sum, column) => sum + column.coercedCells, 0);
  return (
    <li
      className={`table-card${isSelected ? ' is-selected' : ''}`}
      data-testid={`table-card-${table.name}`}
      aria-current={isSelected ? 'true' : undefined}
    >
      <button type="button" className="table-card-main" onClick={onSelect} title={`Show ${table.name}`}>
        <span className="table-card-title">
          <TableIcon />
          <span className="table-card-name truncate">{table.name}</span>
        </span>
        <span className="table-card-rows num">
          {formatCount(table.rowCount)} rows
          {table.isLoading ? <span className="table-card-loading"> · loading…</span> : null}
        </span>
        <span className="table-card-file truncate" title={table.sourceFile}>
          {table.sourceFile}
        </span>
      </button>
      <button type="button" className="icon-btn table-card-remove" aria-label={`Remove ${table.name}`} title="Remove table" onClick={onRemove} disabled={table.isLoading}>
        <CloseIcon />
      </button>
      <dl className="table-card-facts">
        {table.profile ? (
          <>
            <dt>Report</dt>
            <dd title={table.signConvention ? `${table.profile} — ${table.signConvention}` : table.profile}>{table.profile}</dd>
          </>
        ) : null}
        <dt>Size</dt>
        <dd className="num">{formatSize(table.sizeBytes)}</dd>
        <dt>Delimiter</dt>
        <dd>
          <span className="chip mono">{formatDelimiter(table.delimiter)}</span>
        </dd>
        <dt>Encoding</dt>
        <dd>{table.encoding}</dd>
        <dt>SHA-256</dt>
        <dd className="mono" title={table.sha256 || 'Hashing the source file…'}>
          {table.sha256 ? shortHash(table.sha256) : <span className="muted">hashing…</span>}
        </dd>
        <dt>Imported</dt>
        <dd title={table.importedAt}>
          {formatClock(table.importedAt)}
          {table.importMs > 0 ? <span className="muted"> in {formatDuration(table.importMs)}</span> : null}
        </dd>
        {coerced > 0 ? (
          <>
            <dt>Warnings</dt>
            <dd className="warn">{formatCount(coerced)} cells kept as text</dd>
          </>
        ) : null}
      </dl>
      <button type="button" className="table-card-toggle" onClick={() => setIsExpanded((open) => !open)} aria-expanded={isExpanded}>
        <ChevronIcon open={isExpanded} />
        {table.columns.length} columns
      </button>
      {isExpanded ? <ColumnList columns={table.columns} /> : null}
    </li>
  );
}
