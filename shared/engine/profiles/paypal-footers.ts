/**
 * PayPal STL section (SF) and report (RF) footers, one per currency:
 * `currency, gross credits, gross debits, fee debits, fee credits, …, row count`,
 * all in whole 1/100 units like the body. The fee order follows the corpus
 * (GBP: fee DR 87, fee CR 47); FORMATS.md asks to confirm it against the spec.
 */
import type { ControlTotal, TableInfo } from '../api';
import type { EngineContext } from '../context';
import type { ColumnPlan } from '../ingest/column-plan';
import { compare, countCheck, countOf, sumOf } from '../ingest/control-totals';
import { quoteIdentifier } from '../ingest/names';

function column(plans: ColumnPlan[], label: string): string | null {
  return plans.find((plan) => plan.info.label.toLowerCase() === label.toLowerCase())?.info.name ?? null;
}

export function checkPaypalFooters(context: EngineContext, table: TableInfo, plans: ColumnPlan[], footers: { line: number; cells: string[] }[]): ControlTotal[] {
  const gross = column(plans, 'Gross Transaction Amount');
  const grossSign = column(plans, 'Transaction Debit or Credit');
  const grossCurrency = column(plans, 'Gross Transaction Currency');
  const fee = column(plans, 'Fee Amount');
  const feeSign = column(plans, 'Fee Debit or Credit');
  const feeCurrency = column(plans, 'Fee Currency');
  if (!gross || !grossSign || !grossCurrency) return [];
  const checks: ControlTotal[] = [];
  for (const { line, cells } of footers) {
    const [code, currency, grossCr, grossDr, feeDr, feeCr] = cells.map((cell) => cell.trim());
    if ((code !== 'SF' && code !== 'RF') || !currency || !/^[A-Z]{3}$/.test(currency) || cells.length < 6) continue;
    const where = (sign: string, signColumn: string, currencyColumn: string) => ({
      sql: `upper(trim(${quoteIdentifier(signColumn)})) = ? AND ${quoteIdentifier(currencyColumn)} = ?`,
      params: [sign, currency],
    });
    const check = (what: string, stated: string | undefined, amount: string, signColumn: string, currencyColumn: string, sign: string) => {
      if (!stated || !/^\d+$/.test(stated)) return;
      const filter = where(sign, signColumn, currencyColumn);
      checks.push(compare(`${code} ${currency} ${what}`, line, { value: BigInt(stated), scale: 2 }, sumOf(context, table, amount, filter.sql, filter.params), 2));
    };
    check('gross credits', grossCr, gross, grossSign, grossCurrency, 'CR');
    check('gross debits', grossDr, gross, grossSign, grossCurrency, 'DR');
    if (fee && feeSign && feeCurrency) {
      check('fee debits', feeDr, fee, feeSign, feeCurrency, 'DR');
      check('fee credits', feeCr, fee, feeSign, feeCurrency, 'CR');
    }
    const count = cells[cells.length - 1]?.trim();
    if (count && /^\d+$/.test(count)) {
      checks.push(countCheck(`${code} ${currency} row count`, line, Number(count), countOf(context, table, `${quoteIdentifier(grossCurrency)} = ?`, [currency])));
    }
  }
  return checks;
}
