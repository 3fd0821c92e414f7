import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { formatCount } from '../../lib/format';
import { formatMoney } from './money';
import type { SelectionTotals } from './selection';

export type DecisionKind = 'match' | 'force' | 'unmatch';

interface DecisionDialogProps {
  kind: DecisionKind;
  totals: SelectionTotals;
  scale: number;
  allowed: bigint;
  isBusy: boolean;
  /** The engine's refusal, if it refused. */
  error: string | null;
  onConfirm(reason: string): void;
  onCancel(): void;
}

const TITLES: Readonly<Record<DecisionKind, string>> = { match: 'Match selected rows', force: 'Force a match', unmatch: 'Unmatch' };
const CONFIRM: Readonly<Record<DecisionKind, string>> = { match: 'Match', force: 'Force match', unmatch: 'Unmatch' };

/** Confirms a manual decision and takes its note; a forced match cannot be confirmed without a reason. */
export function DecisionDialog({ kind, totals, scale, allowed, isBusy, error, onConfirm, onCancel }: DecisionDialogProps) {
  const [reason, setReason] = useState('');
  const isReasonMissing = kind === 'force' && reason.trim() === '';
  const confirm = () => {
    if (!isReasonMissing && !isBusy) onConfirm(reason.trim());
  };
  return (
    <Dialog
      title={TITLES[kind]}
      onClose={onCancel}
      width={480}
      testId="match-decision-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className={`btn ${kind === 'force' ? 'btn-danger' : 'btn-primary'}`} onClick={confirm} disabled={isReasonMissing || isBusy} data-testid="match-confirm">
            {isBusy ? <span className="spinner" /> : null} {CONFIRM[kind]}
          </button>
        </>
      }
    >
      {kind === 'unmatch' ? (
        <p>
          The whole match is broken up ({formatCount(totals.leftRows)} left, {formatCount(totals.rightRows)} right {totals.leftRows + totals.rightRows === 1 ? 'row' : 'rows'}); its rows stay unmatched in later runs until matched by hand.
        </p>
      ) : (
        <p className="num">
          {formatCount(totals.leftRows)} left {totals.leftRows === 1 ? 'row' : 'rows'} ({formatMoney(totals.left, scale)}) against {formatCount(totals.rightRows)} right{' '}
          {totals.rightRows === 1 ? 'row' : 'rows'} ({formatMoney(totals.right, scale)}): left − right = <strong>{formatMoney(totals.difference, scale)}</strong>
          {kind === 'force' ? <>, outside the tolerance of ± {formatMoney(allowed, scale)}.</> : '.'} The decision is kept in the audit trail and survives re-runs.
        </p>
      )}
      <label className="decision-reason">
        <span>{kind === 'force' ? 'Reason (required)' : 'Note (optional)'}</span>
        <textarea
          rows={3}
          value={reason}
          autoFocus
          maxLength={2000}
          data-testid="match-force-reason"
          placeholder={kind === 'force' ? 'Why these rows belong together despite the difference' : 'e.g. confirmed with the bank'}
          onChange={(event) => setReason(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) confirm();
          }}
        />
      </label>
      {error ? (
        <p className="match-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
