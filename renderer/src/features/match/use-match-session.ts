import { useCallback, useEffect, useRef, useState } from 'react';
import type { MatchProgress } from '../../../../shared/engine/api';
import type { ManualDecision } from '../../../../shared/engine/match/decisions';
import type { MatchPreview } from '../../../../shared/engine/match/preview';
import type { MatchRun } from '../../../../shared/engine/match/run-match';
import type { MatchSpec } from '../../../../shared/engine/match/spec';
import { EngineCallError, type EngineClient } from '../../engine/client';
import { engineMessage } from './engine-message';

export type MatchBusy = 'run' | 'preview' | 'decide' | null;

export interface MatchSession {
  readonly run: MatchRun | null;
  readonly preview: MatchPreview | null;
  readonly specs: readonly MatchSpec[];
  readonly busy: MatchBusy;
  /** The engine's message for the last failed run or preview, shown under the buttons. */
  readonly error: string | null;
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
  runSpec(spec: MatchSpec): Promise<boolean>;
  /** Asks the engine to stop the run under way (button or Escape); false when there is none. */
  cancelRun(): boolean;
  dismissNotice(): void;
  /** Resolves true when the dry run succeeded (its result is in `preview`). */
  previewMatch(spec: MatchSpec): Promise<boolean>;
  /** Resolves to the engine's message when the decision was refused, else null. */
  decide(decision: ManualDecision): Promise<string | null>;
  clearError(): void;
}

let nextRunId = 0;
function newRunId(): string {
  nextRunId += 1;
  return `match-${Date.now().toString(36)}-${nextRunId}`;
}

const isCancellation = (failure: unknown) => failure instanceof EngineCallError && failure.detail.code === 'cancelled';

/** Runs, previews and manual decisions against the engine worker, one at a time. */
export function useMatchSession(client: EngineClient, isReady: boolean): MatchSession {
  const [run, setRun] = useState<MatchRun | null>(null);
  // Read when a run is cancelled, to say whether there were results to keep.
  const hasRunRef = useRef(false);
  // The run under way: its id tags its progress events and names it to cancelMatch.
  const runIdRef = useRef<string | null>(null);
  const [progress, setProgress] = useState<MatchProgress | null>(null);
  const [isCancelling, setIsCancelling] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [preview, setPreview] = useState<MatchPreview | null>(null);
  const [specs, setSpecs] = useState<readonly MatchSpec[]>([]);
  const [busy, setBusy] = useState<MatchBusy>(null);
  const [error, setError] = useState<string | null>(null);
  const [runVersion, setRunVersion] = useState(0);
  const [runCount, setRunCount] = useState(0);

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

  const acceptRun = useCallback((next: MatchRun) => {
    hasRunRef.current = true;
    setRun(next);
    setRunVersion((version) => version + 1);
  }, []);

  const runSpec = useCallback(
    async (spec: MatchSpec) => {
      const runId = newRunId();
      runIdRef.current = runId;
      setBusy('run');
      setError(null);
      setNotice(null);
      setProgress(null);
      setIsCancelling(false);
      try {
        acceptRun(await client.matchRun(spec, runId));
        setRunCount((count) => count + 1);
        refreshSpecs(); // a run saves its spec in the case
        return true;
      } catch (failure) {
        // Not a failure: the engine stopped before writing, so whatever was on screen is still true.
        if (isCancellation(failure)) setNotice(hasRunRef.current ? 'Match cancelled — previous results kept' : 'Match cancelled — nothing was written');
        else setError(engineMessage(failure));
        return false;
      } finally {
        runIdRef.current = null;
        setProgress(null);
        setIsCancelling(false);
        setBusy(null);
      }
    },
    [client, acceptRun, refreshSpecs],
  );

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
        const { run: next } = await client.matchDecide(decision);
        acceptRun(next);
        return null;
      } catch (failure) {
        return engineMessage(failure);
      } finally {
        setBusy(null);
      }
    },
    [client, acceptRun],
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
  return { run, preview, specs, busy, error, progress, isCancelling, notice, runVersion, runCount, runSpec, cancelRun, previewMatch, decide, clearError, dismissNotice };
}
