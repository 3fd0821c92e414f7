import type { MatchHooks, MatchProgress } from '../api';
import type { EngineContext } from '../context';
import { EngineError } from '../errors';
import { replayDecisions } from './decisions';
import { KEY_BYTES_GUESS, KeyInterner } from './key-interner';
import { materialize, type ResultTables } from './materialize';
import { markUnmatched, runGroupPass, runPairPass, type PassCache } from './passes';
import { newMatchList, newSideState, STATUS_CODE, type RunState } from './run-state';
import { loadSide, runScale, type Interners, type SideData } from './side-data';
import { ALL_PASSES, PASS_NUMBER, validateMatchSpec, type MatchSpec, type PassName } from './spec';
import { aggregateStatuses, statusLines, tieOut, type StatusLine, type TieOut } from './summary';

export { resultPrefix } from './materialize';

export interface MatchRun {
  spec: MatchSpec;
  /** Common scale of the amounts in this run's totals. */
  scale: number;
  leftRows: number;
  rightRows: number;
  passes: { pass: number; name: PassName; matches: number; elapsedMs: number }[];
  statuses: StatusLine[];
  tieOut: TieOut[];
  /** Manual decisions replayed before the passes. */
  manualDecisions: number;
  /** Items (rows or groups) that are not cleanly matched. */
  openBreaks: number;
  /** Result tables `<prefix>_pairs`, `<prefix>_match_data`, `<prefix>_left`, `<prefix>_right`; views `<prefix>_matches`, `<prefix>_rows`, `<prefix>_left_only`, `<prefix>_right_only`. */
  tables: ResultTables;
  /** Start to finish on the wall clock, time handed back to the host included. */
  elapsedMs: number;
  /** Where the run's own time went: load (read both sides), passes, materialize (write results), summary. */
  phases: Record<'loadMs' | 'passesMs' | 'materializeMs' | 'summaryMs', number>;
  /**
   * Async runs: time handed back to the host between phases (its other
   * requests, the browser's GC tasks), in `elapsedMs` but in no phase.
   */
  hostMs?: number;
  /** Both sides' data came from the previous run of the same sides, the tables unchanged since (no load). */
  reusedSides: boolean;
}

/**
 * Sides a caller knows loading would read again (null: load), and a hook
 * called as loading starts and again just before the results are written:
 * an async run serves other requests between its phases, and one of them may
 * have changed a source table in between.
 */
export interface SidesReuse {
  sides: LoadedSides | null;
  mark?(at: 'load' | 'write'): void;
}

/** Both sides as read from SQL, with the interners their ids refer to: what a re-run can reuse. */
export interface LoadedSides {
  scale: number;
  interners: Interners;
  left: SideData;
  right: SideData;
}


/** Reads both sides into memory, for the dry-run preview (a run reads them in steps). */
export function loadSides(context: EngineContext, spec: MatchSpec): LoadedSides {
  const { scale, interners } = startLoad(context, spec);
  const left = loadSide(context, spec, 'L', scale, interners);
  return { scale, interners, left, right: loadSide(context, spec, 'R', scale, interners) };
}

/** What both sides' loads share: the common amount scale and the interners their keys and currencies go into. */
function startLoad(context: EngineContext, spec: MatchSpec): { scale: number; interners: Interners } {
  const scale = runScale(context, spec);
  const interners = { keys: new KeyInterner(), currencies: new KeyInterner() };
  const leftRows = context.catalog.get(spec.left.table).rowCount;
  const rightRows = context.catalog.get(spec.right.table).rowCount;
  // Room for the larger side's keys: the sides mostly share keys, and a table sized for both
  // (twice the memory, and as many more cache and TLB misses) was ~10% slower per key; if the
  // keys differ it regrows once. Payment references run 10–40 bytes: 32 a key is rarely short.
  interners.keys.reserve(Math.max(leftRows, rightRows), (leftRows + rightRows) * KEY_BYTES_GUESS);
  return { scale, interners };
}

function runStateOf(scale: number, interners: Interners, left: SideData, right: SideData): RunState {
  return { scale, interners, left, right, L: newSideState(left.n), R: newSideState(right.n), matches: newMatchList(left, right, Math.min(left.n, right.n) + 1) };
}

/** Synchronous run, for the CLI, decisions' re-runs and tests: the same steps as the async one, without stopping between them. */
export function runMatch(context: EngineContext, rawSpec: unknown, reuse: SidesReuse = { sides: null }): { run: MatchRun; state: RunState } {
  const steps = matchSteps(context, validateMatchSpec(rawSpec), () => context.now(), reuse);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same run, stopping between its phases (and between the two sides'
 * loads) to report progress, let the host handle other requests and see a
 * Cancel. A cancelled run throws before its results are written, so the
 * previous run's tables are as they were; materialize is one transaction and
 * is never interrupted.
 */
export async function runMatchAsync(context: EngineContext, rawSpec: unknown, hooks: MatchHooks = {}, reuse: SidesReuse = { sides: null }): Promise<{ run: MatchRun; state: RunState }> {
  // Time handed back to the host is other requests' time (or GC's): the phases leave it out, the total keeps it.
  let suspendedMs = 0;
  const steps = matchSteps(context, validateMatchSpec(rawSpec), () => context.now() - suspendedMs, reuse);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      hooks.onProgress?.({ phase: 'write', done: 1, total: 1 });
      // The user waited for the suspended time too, so the run's elapsed time includes it.
      step.value.run.elapsedMs += suspendedMs;
      step.value.run.hostMs = suspendedMs;
      return step.value;
    }
    hooks.onProgress?.(step.value);
    if (hooks.yieldToHost) {
      const suspended = context.now();
      await hooks.yieldToHost();
      suspendedMs += context.now() - suspended;
    }
    if (hooks.isCancelled?.()) throw new EngineError('cancelled', 'Match cancelled; the previous results were kept.');
  }
}

/**
 * A run as a sequence: each `yield` reports the step about to start and is
 * where the async runner may stop. The last one comes before materialize, so
 * a stop never lands inside the write. `now` is the run's own clock.
 */
function* matchSteps(context: EngineContext, spec: MatchSpec, now: () => number, reuse: SidesReuse): Generator<MatchProgress, { run: MatchRun; state: RunState }, void> {
  const started = now();
  yield { phase: 'load', done: 0, total: 2 };
  reuse.mark?.('load');
  let sides = reuse.sides;
  if (!sides) {
    const { scale, interners } = startLoad(context, spec);
    const left = loadSide(context, spec, 'L', scale, interners);
    yield { phase: 'load', done: 1, total: 2 };
    sides = { scale, interners, left, right: loadSide(context, spec, 'R', scale, interners) };
  } else yield { phase: 'load', done: 1, total: 2 };
  const state = runStateOf(sides.scale, sides.interners, sides.left, sides.right);
  const loaded = now();
  const enabled = new Set<PassName>(spec.passes ?? ALL_PASSES);
  const names = ALL_PASSES.filter((name) => enabled.has(name) && isApplicable(spec, name));
  yield { phase: 'passes', done: 0, total: names.length };
  const manualDecisions = replayDecisions(context.sqlite.db, spec, state);
  const cache: PassCache = { keyIndex: {} };
  const passes: MatchRun['passes'] = [];
  for (const [i, name] of names.entries()) {
    if (i > 0) yield { phase: 'passes', done: i, total: names.length };
    const begin = now();
    const pass = PASS_NUMBER[name];
    const matches = pass <= 3 ? runPairPass(state, cache, spec, pass as 1 | 2 | 3) : runGroupPass(state, cache, spec, pass as 4 | 5);
    passes.push({ pass, name, matches, elapsedMs: now() - begin });
  }
  markUnmatched(state);
  const passed = now();
  yield { phase: 'summary', done: 0, total: 1 };
  const aggregates = aggregateStatuses(state);
  const statuses = statusLines(state, aggregates);
  const ties = tieOut(state, aggregates);
  const openBreaks = statuses.filter((line) => line.status === 'matched_diff').reduce((sum, line) => sum + line.items, 0) + openItems(state, 'L') + openItems(state, 'R');
  const summarized = now();
  yield { phase: 'write', done: 0, total: 1 };
  reuse.mark?.('write');
  const tables = materialize(context, spec, state);
  const finished = now();
  const run: MatchRun = {
    spec,
    scale: state.scale,
    leftRows: state.left.n,
    rightRows: state.right.n,
    passes,
    manualDecisions,
    statuses,
    tieOut: ties,
    openBreaks,
    tables,
    elapsedMs: finished - started,
    reusedSides: reuse.sides !== null,
    phases: { loadMs: loaded - started, passesMs: passed - loaded, summaryMs: summarized - passed, materializeMs: finished - summarized },
  };
  return { run, state };
}

/**
 * A break is an item to investigate: an open key (a whole payout, say) or a
 * key-less row on either side, not every member row of it.
 */
function openItems(state: RunState, side: 'L' | 'R'): number {
  const data = side === 'L' ? state.left : state.right;
  const status = side === 'L' ? state.L.status : state.R.status;
  const seen = new Uint8Array(state.interners.keys.size);
  let count = 0;
  for (let i = 0; i < data.n; i++) {
    const s = status[i]!;
    if (s !== STATUS_CODE.ambiguous && s !== STATUS_CODE.left_only && s !== STATUS_CODE.right_only) continue;
    const k = data.key[i]!;
    if (k < 0) count++;
    else if (!seen[k]) {
      seen[k] = 1;
      count++;
    }
  }
  return count;
}

function isApplicable(spec: MatchSpec, pass: PassName): boolean {
  switch (pass) {
    case 'exact':
    case 'tolerance':
      return spec.keys.length > 0 && (pass === 'exact' || Boolean(spec.amount?.toleranceMinor || spec.amount?.tolerancePercent));
    case 'amountDate':
      return Boolean(spec.amount && spec.date);
    case 'manyToOne':
      return spec.keys.length > 0 && spec.group?.side === 'left';
    case 'oneToMany':
      return spec.keys.length > 0 && spec.group?.side === 'right';
  }
}
