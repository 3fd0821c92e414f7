import { useState } from 'react';
import type { TableInfo } from '../../../../shared/engine/api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatCount } from '../../lib/format';
import { TableCard } from './TableCard';
import './tables.css';

interface TableSidebarProps {
  tables: readonly TableInfo[];
  selectedName: string | null;
  width: number;
  onSelect(name: string): void;
  onRemove(name: string): void;
}

/** Left sidebar: the loaded tables, newest last, like tabs in a workbook. */
export function TableSidebar({ tables, selectedName, width, onSelect, onRemove }: TableSidebarProps) {
  const [pendingRemoval, setPendingRemoval] = useState<TableInfo | null>(null);
  return (
    <aside className="sidebar" style={{ width }} aria-label="Tables">
      <header className="sidebar-header">
        <span>Tables</span>
        <span className="sidebar-count num">{tables.length}</span>
      </header>
      {tables.length === 0 ? (
        <p className="sidebar-empty">No tables yet. Drop a CSV anywhere in the window.</p>
      ) : (
        <ul className="table-list" data-testid="table-list">
          {tables.map((table) => (
            <TableCard
              key={table.name}
              table={table}
              isSelected={table.name === selectedName}
              onSelect={() => onSelect(table.name)}
              onRemove={() => setPendingRemoval(table)}
            />
          ))}
        </ul>
      )}
      {pendingRemoval ? (
        <ConfirmDialog
          title={`Remove “${pendingRemoval.name}”?`}
          confirmLabel="Remove table"
          onCancel={() => setPendingRemoval(null)}
          onConfirm={() => {
            onRemove(pendingRemoval.name);
            setPendingRemoval(null);
          }}
        >
          <p>
            The table and its {formatCount(pendingRemoval.rowCount)} rows are dropped from this session. The source file{' '}
            <strong className="break-anywhere">{pendingRemoval.sourceFile}</strong> is not touched.
          </p>
        </ConfirmDialog>
      ) : null}
    </aside>
  );
}
