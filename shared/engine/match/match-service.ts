import type { MatchHooks } from '../api';
import type { EngineContext } from '../context';
import { EngineError } from '../errors';
import { ensureAuditTable, listAudit, recordDecision, type AuditEntry, type ManualDecision } from './decisions';
import { explainRow, type Candidate, type ExplainIndex } from './explain';
import { buildItemIndex, indexResultTables, matchItems, type ItemIndex, type ItemsPage, type ItemsRequest } from './items';
import { previewMatch, type MatchPreview } from './preview';
import { runMatch, runMatchAsync, type LoadedSides, type MatchRun, type SidesReuse } from './run-match';
import type { RunState } from './run-state';
import type { Side } from './side-data';
import { validateMatchSpec, type MatchSpec } from './spec';

/**
 * Matching as the UI and CLI use it: named specs saved in the case, runs,
 * manual decisions (recorded, then the spec re-run so totals stay tied out:
 * here for the CLI and tests, by the host's async run for the UI), the audit
 * trail and "why didn't this match?".
 */
export interface MatchService {
  preview(spec: unknown): MatchPreview;
  run(spec: unknown): MatchRun;
  /**
   * The same run with progress, yields and Cancel between its phases. Until it
   * has written its results the previous run (tables and the one in memory)
   * stays in place, so a cancel leaves everything as it was, at the price of
   * both runs' arrays in memory for the duration.
   */
  runAsync(spec: unknown, hooks?: MatchHooks): Promise<MatchRun>;
  /** Source tables of the async run under way (none when idle): they must not be dropped under it. */
  tablesInUse(): string[];
  /** Records a decision and re-runs the spec synchronously. */
  decide(decision: ManualDecision): { entry: AuditEntry; run: MatchRun };
  /**
   * Checks and records a decision against the last run of its spec, without
   * re-running: the host applies it with `runAsync` (progress, Cancel). A
   * refused decision records nothing; a recorded one is replayed by every
   * later run, so a cancelled re-run only delays it.
   */
  recordDecision(decision: ManualDecision): AuditEntry;
  audit(specName: string): AuditEntry[];
  explain(side: 'L' | 'R', rowId: number): Candidate[];
  items(specName: string, request: ItemsRequest): ItemsPage;
  listSpecs(): MatchSpec[];
  saveSpec(spec: unknown): MatchSpec;
}

const SPECS_TABLE = '_wb_match_specs';

/**
 * The previous run's (or dry run's) sides, kept for a run of the same sides:
 * after a manual decision, with another tolerance, or after the preview,
 * reading 1M + 1M rows again (~60% of a run) gives the same arrays. Valid
 * while the database is as that run left it, which SQLite tells: `total_changes()` counts every row this
 * connection inserted, updated or deleted, and `schema_version` moves on any
 * DDL. The engine's own writes that cannot touch a source table (the spec,
 * the audit trail, indexes on result tables) re-stamp it.
 */
interface KeptSides {
  signature: string;
  stamp: string;
  sides: LoadedSides;
}

/** What loading reads, and nothing else: tolerances, windows, passes and the name do not change the arrays. */
function sidesSignature(spec: MatchSpec): string | null {
  // A filter calling a function might not be deterministic (date('now'), random()): such sides are read afresh.
  if ([spec.left.where, spec.right.where].some((where) => where !== undefined && where.includes('('))) return null;
  const amount = spec.amount ? { left: spec.amount.left, right: spec.amount.right, sign: spec.amount.sign ?? 'same' } : null;
  const date = spec.date ? { left: spec.date.left, right: spec.date.right } : null;
  return JSON.stringify([spec.left, spec.right, spec.keys, amount, date, spec.currency ?? null, spec.group ?? null]);
}

/** The last run, kept in memory: decisions, explanations and the side-by-side view read it. */
interface LastRun {
  run: MatchRun;
  state: RunState;
  explain: Partial<Record<Side, ExplainIndex>>;
  items?: ItemIndex;
}

export function createMatchService(context: EngineContext): MatchService {
  const db = context.sqlite.db;
  db.run(`CREATE TABLE IF NOT EXISTS ${SPECS_TABLE} (name TEXT PRIMARY KEY, spec TEXT NOT NULL, saved_at TEXT NOT NULL)`);
  // Here, not on a run's first read of it: created mid-run it would change the schema between load and write.
  ensureAuditTable(db);
  let last: LastRun | null = null;
  // The async run under way. Between its phases the host serves other requests; ones that would
  // replace `last` or re-run (another run, a decision) are refused until it ends.
  let running: MatchSpec | null = null;
  let kept: KeptSides | null = null;

  function stamp(): string {
    return JSON.stringify(db.exec('SELECT total_changes(), schema_version FROM pragma_schema_version')[0]?.values[0] ?? []);
  }
  /** The kept sides if `spec` would read exactly them; otherwise they are let go (their memory is needed). */
  function reusable(spec: MatchSpec): LoadedSides | null {
    const signature = sidesSignature(spec);
    if (kept && signature !== null && kept.signature === signature && kept.stamp === stamp()) return kept.sides;
    kept = null;
    return null;
  }
  /** The reuse offer for a run of `spec`, and whether the database stayed as loaded until the write. */
  function reuseFor(spec: MatchSpec): SidesReuse & { unchangedUntilWrite(): boolean } {
    const marks = { load: '', write: '' };
    return {
      sides: reusable(spec),
      mark: (at) => (marks[at] = stamp()),
      unchangedUntilWrite: () => marks.load !== '' && marks.load === marks.write,
    };
  }
  /** Keeps a finished run's sides, if nothing changed the database between its load and its write. */
  function keep(spec: MatchSpec, state: RunState, reuse: ReturnType<typeof reuseFor>): void {
    keepSides(spec, reuse.unchangedUntilWrite() ? { scale: state.scale, interners: state.interners, left: state.left, right: state.right } : null);
  }
  /** Keeps `sides` (read from the database as it is now) for a later run of the same sides; null lets them go. */
  function keepSides(spec: MatchSpec, sides: LoadedSides | null): void {
    const signature = sidesSignature(spec);
    kept = signature !== null && sides !== null ? { signature, stamp: stamp(), sides } : null;
  }
  /** A write of the engine's own that leaves every source table as it was: kept sides stay valid. */
  function ownWrite<T>(write: () => T): T {
    const wasValid = kept !== null && kept.stamp === stamp();
    const result = write();
    if (kept && wasValid) kept.stamp = stamp();
    return result;
  }

  function assertIdle(): void {
    if (running) throw new EngineError('bad-input', `The match "${running.name}" is still running; wait for it or cancel it first.`);
  }

  function saveSpec(raw: unknown): MatchSpec {
    const spec = validateMatchSpec(raw);
    ownWrite(() => db.run(`INSERT OR REPLACE INTO ${SPECS_TABLE} (name, spec, saved_at) VALUES (?, ?, ?)`, [spec.name, JSON.stringify(spec), context.isoNow()]));
    return spec;
  }
  function run(raw: unknown): MatchRun {
    assertIdle();
    const spec = saveSpec(raw);
    const reuse = reuseFor(spec);
    // Free the previous run's arrays (all but kept sides) before reading the sides again.
    last = null;
    const { run: result, state } = runMatch(context, spec, reuse);
    last = { run: result, state, explain: {} };
    keep(spec, state, reuse);
    return result;
  }
  async function runAsync(raw: unknown, hooks?: MatchHooks): Promise<MatchRun> {
    assertIdle();
    const spec = validateMatchSpec(raw);
    running = spec;
    try {
      const reuse = reuseFor(spec);
      const { run: result, state } = await runMatchAsync(context, spec, hooks, reuse);
      last = { run: result, state, explain: {} };
      keep(spec, state, reuse);
      // Saved once the run has written its results: a cancelled run leaves the case as it was.
      saveSpec(spec);
      return result;
    } finally {
      running = null;
    }
  }
  function lastRunOf(specName: string): LastRun {
    if (!last || last.run.spec.name !== specName) throw new EngineError('bad-input', `Run the match "${specName}" first`);
    return last;
  }
  function record(decision: ManualDecision): AuditEntry {
    assertIdle();
    const current = lastRunOf(decision.spec);
    return ownWrite(() => recordDecision(context, current.run.spec, current.state, decision));
  }
  return {
    preview(raw) {
      const spec = validateMatchSpec(raw);
      const { preview, sides } = previewMatch(context, spec, reusable(spec));
      // A dry run usually comes just before the run: keep what it read, so Run does not read it again.
      keepSides(spec, sides);
      return preview;
    },
    run,
    runAsync,
    tablesInUse: () => (running ? [running.left.table, running.right.table] : []),
    decide(decision) {
      const entry = record(decision);
      return { entry, run: run(lastRunOf(decision.spec).run.spec) };
    },
    recordDecision: record,
    audit: (specName) => listAudit(db, specName),
    explain(side, rowId) {
      if (!last) throw new EngineError('bad-input', 'Run a match first');
      return explainRow(last.state, last.explain, side, rowId);
    },
    items(specName, request) {
      const current = lastRunOf(specName);
      if (!current.items) {
        current.items = buildItemIndex(current.state);
        ownWrite(() => indexResultTables(context, current.run));
      }
      return matchItems(context, current.run, current.state, current.items, request);
    },
    listSpecs: () => (db.exec(`SELECT spec FROM ${SPECS_TABLE} ORDER BY name`)[0]?.values ?? []).map(([spec]) => validateMatchSpec(JSON.parse(String(spec)))),
    saveSpec,
  };
}
