import type { MatchRun } from '../../../../shared/engine/match/run-match';
import type { MatchStatus, StatusLine } from '../../../../shared/engine/match/summary';
import { formatCount } from '../../lib/format';
import { formatMoney, groupMoney, parseMoney } from './money';
import { STATUS_LABEL, SUMMARY_ORDER } from './status';

interface SummaryTableProps {
  run: MatchRun;
  onPickStatus(status: MatchStatus): void;
}

function emptyLine(status: MatchStatus, currency: string, zero: string): StatusLine {
  return { status, currency, leftRows: 0, leftTotal: zero, rightRows: 0, rightTotal: zero, items: 0 };
}

/** Rows and totals per currency × status, every status listed so a zero reads as zero, not as missing. */
export function SummaryTable({ run, onPickStatus }: SummaryTableProps) {
  const zero = formatMoney(0n, run.scale);
  const currencies = [...new Set([...run.statuses.map((line) => line.currency), ...run.tieOut.map((tie) => tie.currency)])].sort();
  const units = (text: string) => parseMoney(text, run.scale) ?? 0n;
  return (
    <table className="summary-table num" data-testid="match-summary">
      <thead>
        <tr>
          <th className="summary-status">Status</th>
          <th>Left rows</th>
          <th>Left total</th>
          <th>Right rows</th>
          <th>Right total</th>
          <th title="Left total − right total">Left − right</th>
        </tr>
      </thead>
      {currencies.map((currency) => {
        const lines = SUMMARY_ORDER.map((status) => run.statuses.find((line) => line.status === status && line.currency === currency) ?? emptyLine(status, currency, zero));
        const sum = (pick: (line: StatusLine) => bigint) => lines.reduce((total, line) => total + pick(line), 0n);
        const left = sum((line) => units(line.leftTotal));
        const right = sum((line) => units(line.rightTotal));
        return (
          <tbody key={currency} data-currency={currency}>
            <tr className="summary-currency">
              <th colSpan={6} scope="colgroup">
                {currency === '' ? 'No currency column' : currency}
              </th>
            </tr>
            {lines.map((line) => {
              const difference = units(line.leftTotal) - units(line.rightTotal);
              const isEmpty = line.leftRows === 0 && line.rightRows === 0;
              return (
                <tr key={line.status} className={`summary-row${isEmpty ? ' is-empty' : ''}`} data-status={line.status}>
                  <th scope="row" className="summary-status">
                    <button type="button" className="summary-status-link" onClick={() => onPickStatus(line.status)} title="Show these items side by side" disabled={isEmpty}>
                      <span className={`status-dot-match is-${line.status}`} aria-hidden="true" />
                      {STATUS_LABEL[line.status]}
                      {line.items > 0 ? <span className="summary-items">{formatCount(line.items)} {line.items === 1 ? 'match' : 'matches'}</span> : null}
                    </button>
                  </th>
                  <td data-cell="left-rows">{formatCount(line.leftRows)}</td>
                  <td data-cell="left-total">{groupMoney(line.leftTotal)}</td>
                  <td data-cell="right-rows">{formatCount(line.rightRows)}</td>
                  <td data-cell="right-total">{groupMoney(line.rightTotal)}</td>
                  <td className={difference === 0n ? 'is-zero' : ''}>{formatMoney(difference, run.scale)}</td>
                </tr>
              );
            })}
            <tr className="summary-total">
              <th scope="row" className="summary-status">
                Total
              </th>
              <td>{formatCount(lines.reduce((total, line) => total + line.leftRows, 0))}</td>
              <td>{formatMoney(left, run.scale)}</td>
              <td>{formatCount(lines.reduce((total, line) => total + line.rightRows, 0))}</td>
              <td>{formatMoney(right, run.scale)}</td>
              <td>{formatMoney(left - right, run.scale)}</td>
            </tr>
          </tbody>
        );
      })}
    </table>
  );
}
