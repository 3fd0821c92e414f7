import type { Catalog } from './catalog';
import type { XlsxReader } from './ingest/xlsx/xlsx-reader';
import type { Sqlite } from './sqlite/open-sqlite';

/** Everything engine modules share; the clock is injected so tests can pin it. */
export interface EngineContext {
  readonly sqlite: Sqlite;
  readonly catalog: Catalog;
  now(): number;
  isoNow(): string;
  /** Default database-size budget for imports, in bytes. */
  readonly budgetBytes: number;
  /** Reads XLSX worksheets; null in a host that did not supply one. */
  readonly xlsx: XlsxReader | null;
}

export function databaseBytes(context: EngineContext): number {
  const pages = context.sqlite.db.exec('PRAGMA page_count')[0]?.values[0]?.[0];
  const size = context.sqlite.db.exec('PRAGMA page_size')[0]?.values[0]?.[0];
  return Number(pages ?? 0) * Number(size ?? 0);
}
