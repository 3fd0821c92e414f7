import { useCallback, useEffect, useRef, useState } from 'react';
import type { MatchProgress } from '../../../../shared/engine/api';
import type { ManualDecision } from '../../../../shared/engine/match/decisions';
import type { MatchPreview } from '../../../../shared/engine/match/preview';
import type { MatchRun } from '../../../../shared/engine/match/run-match';
import type { MatchSpec } from '../../../../shared/engine/match/spec';
import { EngineCallError, type EngineClient } from '../../engine/client';
import { engineMessage } from './engine-message';

/** 'decide' is a decision being recorded; its re-run that follows is a 'run' like any other. */
export type MatchBusy = 'run' | 'preview' | 'decide' | null;

export interface MatchSession {
  readonly run: MatchRun | null;
  readonly preview: MatchPreview | null;
  readonly specs: readonly MatchSpec[];
  readonly busy: MatchBusy;
  /** The engine's message for the last failed run or preview, shown under the buttons. */
  readonly error: string | null;
  /** The spec of the run under way (a Run, or a decision's re-run); null when idle. */
  readonly running: MatchSpec | null;
  /** Where the run under way is (null until its first report, and when no run is under way). */
  readonly progress: MatchProgress | null;
  /** Cancel was asked for and the engine has not stopped yet (it stops between phases). */
  readonly isCancelling: boolean;
  /** Says that the last run was cancelled and what was kept; cleared by the next run. */
  readonly notice: string | null;
  /** Bumps on every new run result (Run or a decision), so items and audit refetch. */
  readonly runVersion: number;
  /** Bumps only when the analyst runs a spec (not on decisions), so the results can show the summary first. */
  readonly runCount: number;
  /** Bumps on every recorded decision, so the audit refetches even when the re-run that follows is cancelled. */
  readonly decisionCount: number;
  /**
   * Decisions recorded for the shown run's spec that its results do not include
   * (their re-run was cancelled or failed); the next completed run of it applies them.
   */
  readonly unappliedDecisions: number;
  runSpec(spec: MatchSpec): Promise<boolean>;
  /** Re-runs the shown run's spec so recorded decisions show, staying where the analyst is (no jump to the summary). */
  applyDecisions(): Promise<boolean>;
  /** Asks the engine to stop the run under way (button or Escape); false when there is none. */
  cancelRun(): boolean;
  dismissNotice(): void;
  /** Resolves true when the dry run succeeded (its result is in `preview`). */
  previewMatch(spec: MatchSpec): Promise<boolean>;
  /**
   * Records a decision, then re-runs the spec with progress and Cancel, like Run.
   * Resolves once the decision is recorded (the re-run goes on): to the engine's
   * message when it was refused (nothing recorded), else null.
   */
  decide(decision: ManualDecision): Promise<string | null>;
  clearError(): void;
}

let nextRunId = 0;
function newRunId(): string {
  nextRunId += 1;
  return `match-${Date.now().toString(36)}-${nextRunId}`;
}

const isCancellation = (failure: unknown) => failure instanceof EngineCallError && failure.detail.code === 'cancelled';

/** Why a run was started: the analyst's Run, or a re-run that applies recorded decisions. */
type RunPurpose = 'run' | 'apply';

/** Decisions recorded for `spec` since its last completed run. */
interface Unapplied {
  spec: string;
  count: number;
}

function cancelledNotice(purpose: RunPurpose, hasRun: boolean, unapplied: Unapplied | null): string {
  if (purpose === 'apply' && unapplied !== null) {
    const what = unapplied.count === 1 ? 'the decision is recorded' : `${unapplied.count} decisions are recorded`;
    return `Re-run cancelled — ${what} but not in these results; run again to apply`;
  }
  return hasRun ? 'Match cancelled — previous results kept' : 'Match cancelled — nothing was written';
}

/** Runs, previews and manual decisions against the engine worker, one at a time. */
export function useMatchSession(client: EngineClient, isReady: boolean): MatchSession {
  const [run, setRun] = useState<MatchRun | null>(null);
  // The run on screen, read by a decision (whose spec it re-runs) and by a cancel (were there results to keep?).
  const runRef = useRef<MatchRun | null>(null);
  // The run under way: its id tags its progress events and names it to cancelMatch.
  const runIdRef = useRef<string | null>(null);
  const [running, setRunning] = useState<MatchSpec | null>(null);
  const [progress, setProgress] = useState<MatchProgress | null>(null);
  const [isCancelling, setIsCancelling] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [preview, setPreview] = useState<MatchPreview | null>(null);
  const [specs, setSpecs] = useState<readonly MatchSpec[]>([]);
  const [busy, setBusy] = useState<MatchBusy>(null);
  const [error, setError] = useState<string | null>(null);
  const [runVersion, setRunVersion] = useState(0);
  const [runCount, setRunCount] = useState(0);
  const [decisionCount, setDecisionCount] = useState(0);
  const unappliedRef = useRef<Unapplied | null>(null);
  const [unapplied, setUnappliedState] = useState<Unapplied | null>(null);
  const setUnapplied = useCallback((next: Unapplied | null) => {
    unappliedRef.current = next;
    setUnappliedState(next);
  }, []);

  const refreshSpecs = useCallback(() => {
    client.matchSpecs().then(setSpecs, () => undefined);
  }, [client]);
  useEffect(() => {
    if (isReady) refreshSpecs();
  }, [isReady, refreshSpecs]);

  // A run reports a handful of steps (two loads, each pass, summary, write), so every one is rendered.
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type === 'matchProgress' && event.runId === runIdRef.current) setProgress(event.progress);
      }),
    [client],
  );

  const acceptRun = useCallback(
    (next: MatchRun) => {
      runRef.current = next;
      setRun(next);
      setRunVersion((version) => version + 1);
      // Every run replays all of its spec's decisions.
      if (unappliedRef.current?.spec === next.spec.name) setUnapplied(null);
    },
    [setUnapplied],
  );

  const startRun = useCallback(
    async (spec: MatchSpec, purpose: RunPurpose) => {
      const runId = newRunId();
      runIdRef.current = runId;
      setBusy('run');
      setRunning(spec);
      setError(null);
      setNotice(null);
      setProgress(null);
      setIsCancelling(false);
      try {
        acceptRun(await client.matchRun(spec, runId));
        if (purpose === 'run') setRunCount((count) => count + 1);
        refreshSpecs(); // a run saves its spec in the case
        return true;
      } catch (failure) {
        // Not a failure: the engine stopped before writing, so whatever was on screen is still true
        // (except for decisions recorded since, which the notice and the run bar point out).
        if (isCancellation(failure)) setNotice(cancelledNotice(purpose, runRef.current !== null, unappliedRef.current));
        else setError(engineMessage(failure));
        return false;
      } finally {
        runIdRef.current = null;
        setRunning(null);
        setProgress(null);
        setIsCancelling(false);
        setBusy(null);
      }
    },
    [client, acceptRun, refreshSpecs],
  );

  const runSpec = useCallback((spec: MatchSpec) => startRun(spec, 'run'), [startRun]);
  const applyDecisions = useCallback(async () => {
    const shown = runRef.current;
    return shown === null ? false : startRun(shown.spec, 'apply');
  }, [startRun]);

  const previewMatch = useCallback(
    async (spec: MatchSpec) => {
      setBusy('preview');
      setError(null);
      try {
        setPreview(await client.matchPreview(spec));
        return true;
      } catch (failure) {
        setPreview(null);
        setError(engineMessage(failure));
        return false;
      } finally {
        setBusy(null);
      }
    },
    [client],
  );

  const decide = useCallback(
    async (decision: ManualDecision) => {
      setBusy('decide');
      try {
        await client.matchRecordDecision(decision);
      } catch (failure) {
        setBusy(null);
        return engineMessage(failure); // refused: nothing was recorded
      }
      // Recorded (and saved in the case): from here the results are behind until a run of the spec completes.
      const current = unappliedRef.current;
      setUnapplied({ spec: decision.spec, count: current?.spec === decision.spec ? current.count + 1 : 1 });
      setDecisionCount((count) => count + 1);
      // The engine checked the decision against its last run, which is the one on screen; its spec is re-run.
      const shown = runRef.current;
      if (shown !== null && shown.spec.name === decision.spec) void startRun(shown.spec, 'apply');
      else setBusy(null);
      return null;
    },
    [client, setUnapplied, startRun],
  );

  const cancelRun = useCallback(() => {
    const runId = runIdRef.current;
    if (runId === null) return false;
    setIsCancelling(true);
    // The answer may be false (the run finished first); then its result simply arrives as usual.
    void client.cancelMatch(runId).catch(() => undefined);
    return true;
  }, [client]);

  const clearError = useCallback(() => setError(null), []);
  const dismissNotice = useCallback(() => setNotice(null), []);
  const unappliedDecisions = run !== null && unapplied?.spec === run.spec.name ? unapplied.count : 0;
  return {
    run, preview, specs, busy, error, running, progress, isCancelling, notice, runVersion, runCount, decisionCount, unappliedDecisions,
    runSpec, applyDecisions, cancelRun, previewMatch, decide, clearError, dismissNotice,
  };
}
