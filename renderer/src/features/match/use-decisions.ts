import { useCallback, useState } from 'react';
import type { ManualDecision } from '../../../../shared/engine/match/decisions';
import type { MatchRun } from '../../../../shared/engine/match/run-match';
import type { EngineClient } from '../../engine/client';
import type { DecisionKind } from './DecisionDialog';
import { engineMessage } from './engine-message';
import { fetchMatchRows } from './item-rows';
import { rowKey, selectionTotals, type Selection, type SelectedRow, type SelectionTotals } from './selection';

export interface PendingDecision {
  kind: DecisionKind;
  /** The rows the decision will name: the selection, or for an unmatch every row of the selected matches. */
  rows: readonly SelectedRow[];
  totals: SelectionTotals;
}

function pendingOf(kind: DecisionKind, rows: readonly SelectedRow[]): PendingDecision {
  return { kind, rows, totals: selectionTotals(new Map(rows.map((row) => [rowKey(row.side, row.rowId), row]))) };
}

export interface Decisions {
  readonly pending: PendingDecision | null;
  readonly error: string | null;
  open(kind: DecisionKind): void;
  cancel(): void;
  confirm(reason: string): void;
}

/** The manual-decision flow: confirm in a dialog, record through the engine, then clear the selection (the session re-runs the spec, with progress and Cancel). */
export function useDecisions(
  client: EngineClient,
  run: MatchRun | null,
  selection: Selection,
  decide: (decision: ManualDecision) => Promise<string | null>,
  onDecided: () => void,
): Decisions {
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = useCallback(
    (kind: DecisionKind) => {
      if (!run) return;
      setError(null);
      const picked = [...selection.values()];
      if (kind !== 'unmatch') {
        setPending(pendingOf(kind, picked));
        return;
      }
      fetchMatchRows(client, run, picked).then(
        (rows) => setPending(pendingOf(kind, rows)),
        (failure: unknown) => {
          setPending(pendingOf(kind, picked));
          setError(engineMessage(failure));
        },
      );
    },
    [client, run, selection],
  );

  const confirm = useCallback(
    (reason: string) => {
      if (!run || !pending) return;
      const ids = (side: 'L' | 'R') => pending.rows.filter((row) => row.side === side).map((row) => row.rowId);
      const decision: ManualDecision = {
        spec: run.spec.name,
        action: pending.kind === 'unmatch' ? 'unmatch' : 'match',
        leftIds: ids('L'),
        rightIds: ids('R'),
        reason,
        ...(pending.kind === 'force' ? { force: true } : {}),
      };
      void decide(decision).then((refusal) => {
        if (refusal !== null) {
          setError(refusal);
          return;
        }
        setPending(null);
        onDecided();
      });
    },
    [run, pending, decide, onDecided],
  );

  const cancel = useCallback(() => {
    setPending(null);
    setError(null);
  }, []);

  return { pending, error, open, cancel, confirm };
}
