import { formatMinor } from './amount-text';
import type { StatementRecord, StatementWarning } from './statement-model';

/**
 * opening + Σ entries = closing (RELIABILITY §7.4). A mismatch is reported
 * with every number so the analyst can see whether an entry is missing or
 * a balance is wrong; the entries themselves are still imported.
 */
export function checkRunningBalance(statement: StatementRecord, amounts: bigint[], closingLabel: string): StatementWarning | null {
  const { openingBalanceMinor: opening, closingBalanceMinor: closing, currency } = statement;
  if (opening === null || closing === null) return null;
  const sum = amounts.reduce((total, amount) => total + amount, 0n);
  const expected = opening + sum;
  if (expected === closing) return null;
  const money = (value: bigint) => formatMinor(value, currency);
  const account = statement.account ? ` (account ${statement.account})` : '';
  return {
    message:
      `Statement ${statement.statementId}${account} does not add up: opening ${money(opening)} + ${amounts.length} entries ${money(sum)} = ${money(expected)}, ` +
      `but the closing balance ${closingLabel} is ${money(closing)} (difference ${money(closing - expected)}).`,
    line: statement.sourceLine,
  };
}
