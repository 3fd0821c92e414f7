import { formatCount } from '../../lib/format';
import { formatMoney } from './money';
import type { MatchAction, SelectionTotals } from './selection';

interface SelectionBarProps {
  totals: SelectionTotals;
  scale: number;
  /** Largest difference a match may have without forcing, at the run's scale. */
  allowed: bigint;
  action: MatchAction;
  canUnmatch: boolean;
  isBusy: boolean;
  onMatch(): void;
  onForce(): void;
  onUnmatch(): void;
  onClear(): void;
}

function rows(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'row' : 'rows'}`;
}

/** Live sums of the picked rows and what can be done with them. */
export function SelectionBar({ totals, scale, allowed, action, canUnmatch, isBusy, onMatch, onForce, onUnmatch, onClear }: SelectionBarProps) {
  const isWithin = action === 'match';
  return (
    <div className="selection-bar" data-testid="match-selection-bar" role="region" aria-label="Selection">
      <dl className="selection-sums num">
        <div>
          <dt>Left · {rows(totals.leftRows)}</dt>
          <dd data-testid="match-selection-left">{formatMoney(totals.left, scale)}</dd>
        </div>
        <div>
          <dt>Right · {rows(totals.rightRows)}</dt>
          <dd data-testid="match-selection-right">{formatMoney(totals.right, scale)}</dd>
        </div>
        <div className={action === 'none' ? '' : isWithin ? 'is-within' : 'is-outside'}>
          <dt>Left − right</dt>
          <dd data-testid="match-selection-difference">{formatMoney(totals.difference, scale)}</dd>
        </div>
        <div className="selection-tolerance">
          <dt>Tolerance</dt>
          <dd>± {formatMoney(allowed, scale)}</dd>
        </div>
      </dl>
      <span className="selection-spacer" />
      {action === 'none' && !canUnmatch ? <span className="selection-help">Pick rows on both sides to match them.</span> : null}
      {canUnmatch ? (
        <button type="button" className="btn" onClick={onUnmatch} disabled={isBusy} data-testid="match-unmatch">
          Unmatch…
        </button>
      ) : null}
      {action === 'force' ? (
        <button type="button" className="btn btn-danger" onClick={onForce} disabled={isBusy} data-testid="match-force" title="The difference is outside the tolerance: a reason is required">
          Force match…
        </button>
      ) : (
        <button type="button" className="btn btn-primary" onClick={onMatch} disabled={isBusy || action !== 'match'} data-testid="match-selected">
          Match selected
        </button>
      )}
      <button type="button" className="btn btn-ghost" onClick={onClear}>
        Clear
      </button>
    </div>
  );
}
