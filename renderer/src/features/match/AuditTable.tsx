import type { AuditEntry } from '../../../../shared/engine/match/decisions';
import { formatClock, formatCount } from '../../lib/format';
import { groupMoney } from './money';

/** A handful of ids, then "+ N more": a payout can contribute thousands. */
function idList(ids: readonly number[]): string {
  const shown = ids.slice(0, 6).map((id) => `#${id}`).join(', ');
  return ids.length > 6 ? `${shown} + ${formatCount(ids.length - 6)} more` : shown;
}

/** Every manual decision for the spec, oldest first, as recorded (decisions are never edited). */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <div className="audit" data-testid="match-audit">
      {entries.length === 0 ? (
        <p className="muted audit-empty">No manual decisions yet. Select rows side by side and match or unmatch them; each decision is recorded here.</p>
      ) : (
        <table className="audit-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Action</th>
              <th>Left rows</th>
              <th>Right rows</th>
              <th className="is-num">Left − right</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="match-audit-entry">
                <td title={entry.at}>{formatClock(entry.at)}</td>
                <td>
                  <span className={`audit-action is-${entry.action}`}>{entry.action}</span>
                  {entry.force ? <span className="audit-forced">forced</span> : null}
                </td>
                <td className="mono" title={entry.leftIds.join(', ')}>
                  {idList(entry.leftIds)}
                </td>
                <td className="mono" title={entry.rightIds.join(', ')}>
                  {idList(entry.rightIds)}
                </td>
                <td className="is-num num">{groupMoney(entry.difference)}</td>
                <td className="audit-reason">{entry.reason || <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
