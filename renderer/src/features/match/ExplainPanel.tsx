import { useEffect, useState } from 'react';
import type { Candidate } from '../../../../shared/engine/match/explain';
import type { EngineClient } from '../../engine/client';
import { CloseIcon } from '../../components/icons';
import { formatCount } from '../../lib/format';
import { engineMessage } from './engine-message';
import { groupMoney } from './money';
import type { Side } from './selection';

export interface ExplainTarget {
  side: Side;
  rowId: number;
  /** "po_123 · 1,234.56": what the analyst clicked, for the heading. */
  label: string;
  /** Rows in the item the row belongs to: the engine explains one row, not a group's total. */
  itemRows: number;
}

/** Engine reasons carry plain decimals ("amount off by 1123.53"); group them like every other amount on screen. */
function groupNumbers(reason: string): string {
  return reason.replace(/-?\d+\.\d+/g, (number) => groupMoney(number));
}

interface ExplainPanelProps {
  client: EngineClient;
  target: ExplainTarget;
  /** Bumps with each run: the candidates are from the last run's work tables. */
  runVersion: number;
  isSelected(side: Side, rowId: number): boolean;
  onSelect(candidate: Candidate, side: Side): void;
  onClose(): void;
}

/** "Why didn't this match?": the nearest rows on the other side and what differs from each. */
export function ExplainPanel({ client, target, runVersion, isSelected, onSelect, onClose }: ExplainPanelProps) {
  const [candidates, setCandidates] = useState<readonly Candidate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const other: Side = target.side === 'L' ? 'R' : 'L';

  useEffect(() => {
    let isCurrent = true;
    setCandidates(null);
    setError(null);
    client.matchExplain(target.side, target.rowId).then(
      (result) => isCurrent && setCandidates(result),
      (failure: unknown) => isCurrent && setError(engineMessage(failure)),
    );
    return () => {
      isCurrent = false;
    };
  }, [client, target.side, target.rowId, runVersion]);

  return (
    <aside className="explain-panel" data-testid="match-explain" aria-label="Why no match">
      <header className="explain-head">
        <div className="explain-title">
          <h3>Why no match?</h3>
          <p className="truncate" title={target.label}>
            {target.side === 'L' ? 'Left' : 'Right'} row #{target.rowId} · {target.label}
          </p>
        </div>
        <button type="button" className="icon-btn" aria-label="Close" onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      {target.itemRows > 1 ? (
        <p className="explain-note">
          Nearest {other === 'L' ? 'left' : 'right'} rows to the item’s first row (1 of {formatCount(target.itemRows)}): the differences below are against that row, not the item total.
        </p>
      ) : null}
      {error ? <p className="match-error">{error}</p> : null}
      {candidates === null && error === null ? (
        <p className="explain-loading">
          <span className="spinner" /> Looking for the nearest rows…
        </p>
      ) : null}
      {candidates?.length === 0 ? <p className="muted">No rows on the {other === 'L' ? 'left' : 'right'} side come close (same currency).</p> : null}
      <ol className="explain-list">
        {candidates?.map((candidate) => (
          <li key={candidate.rowId} className="explain-candidate" data-testid="match-explain-candidate">
            <div className="explain-candidate-head num">
              <span className="explain-row">
                {other === 'L' ? 'Left' : 'Right'} #{candidate.rowId}
              </span>
              <span className="mono truncate" title={candidate.key ?? ''}>
                {candidate.key ?? 'no key'}
              </span>
              <span className="explain-amount">
                {groupMoney(candidate.amount)} {candidate.currency}
              </span>
            </div>
            <ul className="explain-reasons">
              {candidate.reasons.map((reason) => (
                <li key={reason}>{groupNumbers(reason)}</li>
              ))}
            </ul>
            <div className="explain-candidate-foot">
              <span className="muted">{candidate.status.replace('_', ' ')}</span>
              <button type="button" className="btn btn-sm" onClick={() => onSelect(candidate, other)} disabled={isSelected(other, candidate.rowId)}>
                {isSelected(other, candidate.rowId) ? 'Selected' : 'Add to selection'}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </aside>
  );
}
