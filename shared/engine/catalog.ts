import type { TableInfo } from './api';
import { EngineError } from './errors';
import type { SqlJsDatabase } from './sqlite/sqljs-types';

/**
 * What the engine knows about each loaded table (source file, hash, column
 * labels, types and scales) lives in the database itself, so a saved case
 * carries it along.
 */
export interface Catalog {
  list(): TableInfo[];
  get(name: string): TableInfo;
  find(name: string): TableInfo | undefined;
  put(info: TableInfo): void;
  remove(name: string): void;
}

export function createCatalog(db: SqlJsDatabase): Catalog {
  db.run('CREATE TABLE IF NOT EXISTS _wb_tables (name TEXT PRIMARY KEY, info TEXT NOT NULL)');
  const cache = new Map<string, TableInfo>();
  for (const [name, info] of db.exec('SELECT name, info FROM _wb_tables')[0]?.values ?? []) {
    if (typeof name === 'string' && typeof info === 'string') cache.set(name, JSON.parse(info) as TableInfo);
  }
  return {
    list: () => [...cache.values()],
    find: (name) => cache.get(name),
    get(name) {
      const info = cache.get(name);
      if (!info) throw new EngineError('unknown-table', `No table named "${name}" is loaded`);
      return info;
    },
    put(info) {
      cache.set(info.name, info);
      db.run('INSERT OR REPLACE INTO _wb_tables (name, info) VALUES (?, ?)', [info.name, JSON.stringify(info)]);
    },
    remove(name) {
      cache.delete(name);
      db.run('DELETE FROM _wb_tables WHERE name = ?', [name]);
    },
  };
}
