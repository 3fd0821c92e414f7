import { useCallback, useEffect, useState } from 'react';
import type { TableInfo } from '../../../../shared/engine/api';
import type { EngineClient } from '../../engine/client';
import { readLastTable, writeLastTable } from '../../app/ui-prefs';

export interface TablesState {
  readonly tables: readonly TableInfo[];
  readonly selected: TableInfo | null;
  select(name: string | null): void;
  /** Adds or replaces a table (firstRows, import result, hash). */
  upsert(table: TableInfo): void;
  /** Live row count while a table streams in. */
  setRows(name: string, rows: number): void;
  /** Re-reads the catalog (after a failed import removed its partial table). */
  refresh(): Promise<void>;
  remove(name: string): Promise<void>;
}

/** The loaded tables and which one the grid shows. */
export function useTables(client: EngineClient, isEngineReady: boolean): TablesState {
  const [tables, setTables] = useState<readonly TableInfo[]>([]);
  const [selectedName, setSelectedName] = useState<string | null>(null);

  const select = useCallback((name: string | null) => {
    setSelectedName(name);
    writeLastTable(name);
  }, []);

  const refresh = useCallback(async () => {
    const list = await client.listTables();
    setTables(list);
    setSelectedName((current) => {
      if (current !== null && list.some((table) => table.name === current)) return current;
      const remembered = readLastTable();
      if (remembered !== null && list.some((table) => table.name === remembered)) return remembered;
      return list[0]?.name ?? null;
    });
  }, [client]);

  useEffect(() => {
    if (isEngineReady) void refresh();
  }, [isEngineReady, refresh]);

  const upsert = useCallback((table: TableInfo) => {
    setTables((current) => {
      const index = current.findIndex((candidate) => candidate.name === table.name);
      if (index < 0) return [...current, table];
      const next = [...current];
      next[index] = table;
      return next;
    });
  }, []);

  const setRows = useCallback((name: string, rows: number) => {
    setTables((current) => current.map((table) => (table.name === name && table.rowCount !== rows ? { ...table, rowCount: rows } : table)));
  }, []);

  const remove = useCallback(
    async (name: string) => {
      await client.dropTable(name);
      const index = tables.findIndex((table) => table.name === name);
      const remaining = tables.filter((table) => table.name !== name);
      setTables((current) => current.filter((table) => table.name !== name));
      // Select the neighbour, as a file manager does, so the grid never goes blank while tables remain.
      if (selectedName === name) select(remaining[Math.min(index, remaining.length - 1)]?.name ?? null);
    },
    [client, tables, selectedName, select],
  );

  const selected = tables.find((table) => table.name === selectedName) ?? null;
  return { tables, selected, select, upsert, setRows, refresh, remove };
}
