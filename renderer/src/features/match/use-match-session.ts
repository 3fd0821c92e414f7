import { useCallback, useEffect, useState } from 'react';
import type { ManualDecision } from '../../../../shared/engine/match/decisions';
import type { MatchPreview } from '../../../../shared/engine/match/preview';
import type { MatchRun } from '../../../../shared/engine/match/run-match';
import type { MatchSpec } from '../../../../shared/engine/match/spec';
import type { EngineClient } from '../../engine/client';
import { engineMessage } from './engine-message';

export type MatchBusy = 'run' | 'preview' | 'decide' | null;

export interface MatchSession {
  readonly run: MatchRun | null;
  readonly preview: MatchPreview | null;
  readonly specs: readonly MatchSpec[];
  readonly busy: MatchBusy;
  /** The engine's message for the last failed run or preview, shown under the buttons. */
  readonly error: string | null;
  /** Bumps on every new run result (Run or a decision), so items and audit refetch. */
  readonly runVersion: number;
  /** Bumps only when the analyst runs a spec (not on decisions), so the results can show the summary first. */
  readonly runCount: number;
  runSpec(spec: MatchSpec): Promise<boolean>;
  /** Resolves true when the dry run succeeded (its result is in `preview`). */
  previewMatch(spec: MatchSpec): Promise<boolean>;
  /** Resolves to the engine's message when the decision was refused, else null. */
  decide(decision: ManualDecision): Promise<string | null>;
  clearError(): void;
}

/** Runs, previews and manual decisions against the engine worker, one at a time. */
export function useMatchSession(client: EngineClient, isReady: boolean): MatchSession {
  const [run, setRun] = useState<MatchRun | null>(null);
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

  const acceptRun = useCallback((next: MatchRun) => {
    setRun(next);
    setRunVersion((version) => version + 1);
  }, []);

  const runSpec = useCallback(
    async (spec: MatchSpec) => {
      setBusy('run');
      setError(null);
      try {
        acceptRun(await client.match(spec));
        setRunCount((count) => count + 1);
        refreshSpecs(); // a run saves its spec in the case
        return true;
      } catch (failure) {
        setError(engineMessage(failure));
        return false;
      } finally {
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

  const clearError = useCallback(() => setError(null), []);
  return { run, preview, specs, busy, error, runVersion, runCount, runSpec, previewMatch, decide, clearError };
}
