import type { ByteSource, ImportHooks, ImportOptions, MatchHooks, ImportPreview, ImportReport, PageRequest, PageResult, QueryResult, RangeRequest, RangeStats, TableInfo, GridQuery } from './api';
import { createCatalog } from './catalog';
import type { EngineContext } from './context';
import { createGridService } from './grid/grid-service';
import { importAny } from './ingest/import-any';
import { previewFile } from './ingest/preview/preview-file';
import type { XlsxReader } from './ingest/xlsx/xlsx-reader';
import { EngineError } from './errors';
import { quoteIdentifier } from './ingest/names';
import { runQuery } from './query';
import { registerSqlFunctions } from './sql-functions';
import { registerNormalizer } from './match/normalize';
import type { MatchRun } from './match/run-match';
import { createMatchService } from './match/match-service';
import type { ManualDecision, AuditEntry } from './match/decisions';
import type { Candidate } from './match/explain';
import type { MatchPreview } from './match/preview';
import type { MatchSpec } from './match/spec';
import type { ItemsPage, ItemsRequest } from './match/items';
import type { Sqlite } from './sqlite/open-sqlite';
import type { BindValue } from './sqlite/sqljs-types';

export const DEFAULT_BUDGET_BYTES = 2.5 * 1024 ** 3;

export interface EngineOptions {
  budgetBytes?: number;
  now?: () => number;
  isoNow?: () => string;
  /**
   * A new, empty database from the same sql.js runtime, for previews: they
   * load a sample there and close it, so the case database is never touched.
   */
  openScratch?: () => Sqlite;
  /** Reads XLSX worksheets (read-excel-file, through the host's entry point). */
  xlsx?: XlsxReader;
}

/** The engine: one sql.js database and everything the app, the CLI and tests do with it. */
export interface Engine {
  importFile(source: ByteSource, options: ImportOptions, hooks?: ImportHooks): Promise<ImportReport>;
  /** What importFile would make of the file with these options, from a sample in a throwaway database. */
  previewFile(source: ByteSource, options: ImportOptions): Promise<ImportPreview>;
  listTables(): TableInfo[];
  getTable(name: string): TableInfo;
  dropTable(name: string): void;
  setSourceHash(table: string, sha256: string): TableInfo;
  page(request: PageRequest): PageResult;
  count(query: Pick<GridQuery, 'table' | 'filters'>): number;
  ensureIndex(table: string, column: string): { created: boolean; elapsedMs: number };
  rangeStats(request: RangeRequest): RangeStats;
  rangeTsv(request: RangeRequest): string;
  query(sql: string, params?: BindValue[], maxRows?: number): QueryResult;
  exportDatabase(): Uint8Array;
  /** Reconciles two tables by a match spec (validated here, saved by name); results become SQL tables. */
  match(spec: unknown): MatchRun;
  /**
   * The same run for an interactive host: progress per phase, a yield to the
   * host between phases, and Cancel (an EngineError 'cancelled') up to the
   * moment results are written; a cancelled run leaves the previous results.
   */
  matchAsync(spec: unknown, hooks?: MatchHooks): Promise<MatchRun>;
  /** Dry run: key uniqueness on each side, expected fan-out, many-to-many warnings. */
  matchPreview(spec: unknown): MatchPreview;
  /** Records a manual match or unmatch (audited) and re-runs the spec. */
  matchDecide(decision: ManualDecision): { entry: AuditEntry; run: MatchRun };
  /**
   * Records a manual match or unmatch (audited) without re-running, for a
   * host that re-runs with `matchAsync` so the run shows progress and can be
   * cancelled. Refusals (rows not in the last run, outside tolerance without
   * force and a reason) throw before anything is written. Until a run of the
   * spec completes, its results do not include the decision.
   */
  matchRecordDecision(decision: ManualDecision): AuditEntry;
  matchAudit(specName: string): AuditEntry[];
  /** The nearest rows on the other side of the last run, and what differs. */
  matchExplain(side: 'L' | 'R', rowId: number): Candidate[];
  matchSpecs(): MatchSpec[];
  /** A page of the side-by-side view of the last run: matches and open items with their rows. */
  matchItems(specName: string, request: ItemsRequest): ItemsPage;
}

/** The shared setup of a database the engine works in: the case's, or a preview's scratch one. */
function contextFor(sqlite: Sqlite, options: EngineOptions): EngineContext {
  // MEMORY journal keeps ROLLBACK possible and costs nothing for new tables' pages.
  sqlite.db.run('PRAGMA journal_mode = MEMORY');
  registerSqlFunctions(sqlite.db);
  registerNormalizer(sqlite.db);
  const now = options.now ?? (() => Date.now());
  return {
    sqlite,
    catalog: createCatalog(sqlite.db),
    now,
    isoNow: options.isoNow ?? (() => new Date(now()).toISOString()),
    budgetBytes: options.budgetBytes ?? DEFAULT_BUDGET_BYTES,
    xlsx: options.xlsx ?? null,
  };
}

export function createEngine(sqlite: Sqlite, options: EngineOptions = {}): Engine {
  const context = contextFor(sqlite, options);
  const catalog = context.catalog;
  const openScratch = () => {
    if (!options.openScratch) throw new EngineError('bad-input', 'Previews need a scratch database, and this host did not provide one.');
    // The budget does not apply: a sample is at most a few MB, and the case's size is not at stake.
    return contextFor(options.openScratch(), { ...options, budgetBytes: Number.MAX_SAFE_INTEGER });
  };
  const grid = createGridService(context);
  const matching = createMatchService(context);
  return {
    importFile: (source, importOptions, hooks) => importAny(context, source, importOptions, hooks),
    previewFile: (source, importOptions) => previewFile(openScratch, source, { ...importOptions, budgetBytes: Number.MAX_SAFE_INTEGER }),
    listTables: () => catalog.list(),
    getTable: (name) => catalog.get(name),
    dropTable(name) {
      const table = catalog.get(name);
      // A match run reads its sides between yields; the results' views would point at a table that is gone.
      if (matching.tablesInUse().includes(table.name)) throw new EngineError('bad-input', `${table.name} is being matched; wait for the run or cancel it first.`);
      sqlite.db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(table.name)}`);
      catalog.remove(table.name);
      grid.forgetTable(table.name);
    },
    setSourceHash(name, sha256) {
      const table = { ...catalog.get(name), sha256 };
      catalog.put(table);
      return table;
    },
    page: (request) => grid.page(request),
    count: (query) => grid.count(query),
    ensureIndex: (table, column) => grid.ensureIndex(table, column),
    rangeStats: (request) => grid.rangeStats(request),
    rangeTsv: (request) => grid.rangeTsv(request),
    query: (sql, params, maxRows) => runQuery(context, sql, params, maxRows),
    exportDatabase: () => sqlite.db.export(),
    match: (spec) => matching.run(spec),
    matchAsync: (spec, hooks) => matching.runAsync(spec, hooks),
    matchPreview: (spec) => matching.preview(spec),
    matchDecide: (decision) => matching.decide(decision),
    matchRecordDecision: (decision) => matching.recordDecision(decision),
    matchAudit: (specName) => matching.audit(specName),
    matchExplain: (side, rowId) => matching.explain(side, rowId),
    matchSpecs: () => matching.listSpecs(),
    matchItems: (specName, request) => matching.items(specName, request),
  };
}

export type * from './api';
