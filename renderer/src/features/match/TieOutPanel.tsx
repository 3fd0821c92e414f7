import type { MatchRun } from '../../../../shared/engine/match/run-match';
import { groupMoney, isZeroDecimal } from './money';
import { STATUS_LABEL, SUMMARY_ORDER } from './status';

/**
 * The tie-out per currency: the source totals (read from the tables, not the
 * match results), their difference, and the same difference rebuilt from the
 * statuses. If a pass lost or double-counted a row, the two disagree.
 */
export function TieOutPanel({ run }: { run: MatchRun }) {
  if (run.tieOut.length === 0) {
    return (
      <div className="tieout" data-testid="match-tieout">
        <p className="muted">No amount columns in this spec: there are no totals to tie out.</p>
      </div>
    );
  }
  return (
    <div className="tieout" data-testid="match-tieout">
      {run.tieOut.map((tie) => (
        <section key={tie.currency} className={`tieout-card ${tie.isTied ? 'is-tied' : 'is-broken'}`} data-currency={tie.currency} aria-label={`Tie-out ${tie.currency}`}>
          <header className="tieout-head">
            <span className="tieout-currency">{tie.currency === '' ? 'All rows' : tie.currency}</span>
            <span className={`tieout-badge ${tie.isTied ? 'is-tied' : 'is-broken'}`} data-testid="match-tieout-badge">
              {tie.isTied ? '✓ Ties' : '✗ Does not tie'}
            </span>
          </header>
          <div className="tieout-equation num">
            <span className="tieout-term">
              <span className="tieout-label">Left total</span>
              <span className="tieout-value">{groupMoney(tie.leftTotal)}</span>
            </span>
            <span className="tieout-op">−</span>
            <span className="tieout-term">
              <span className="tieout-label">Right total</span>
              <span className="tieout-value">{groupMoney(tie.rightTotal)}</span>
            </span>
            <span className="tieout-op">=</span>
            <span className="tieout-term is-result">
              <span className="tieout-label">Difference</span>
              <span className="tieout-value" data-testid="match-tieout-difference">
                {groupMoney(tie.difference)}
              </span>
            </span>
          </div>
          <div className="tieout-explained num">
            <span className="tieout-op">=</span>
            {SUMMARY_ORDER.map((status, index) => {
              const amount = tie.explainedByStatus[status];
              return (
                <span key={status} className={`tieout-part${isZeroDecimal(amount) ? ' is-zero' : ''}`}>
                  {index > 0 ? <span className="tieout-plus">+</span> : null}
                  <span className="tieout-label">{STATUS_LABEL[status]}</span> <span className="tieout-value">{groupMoney(amount)}</span>
                </span>
              );
            })}
          </div>
          {tie.isTied ? null : (
            <p className="tieout-unexplained num">
              Unexplained: <strong>{groupMoney(tie.unexplained)}</strong> — rows were lost or counted twice; re-run, and report the spec if it persists.
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
