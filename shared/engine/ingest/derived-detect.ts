/**
 * Signed-amount columns a file implies without a profile saying so: a
 * `CR`/`DR` column right before an amount, a `… Debit`/`… Credit` (or
 * Soll/Haben) header pair, or, in a headerless file, two adjacent amount
 * columns of which every row fills exactly one (Targobank).
 */
import type { DerivedRule } from '../profiles';
import type { ColumnPlan } from './column-plan';
import type { TypeSampler } from './infer-types';
import { sanitizeName } from './names';
import { decodeUtf8 } from './text-codec';

const INDICATOR = new Set(['CR', 'DR', 'C', 'D']);
const DEBIT_WORD = /\b(debit|soll|belastung|withdrawals?)\b/i;
const CREDIT_WORD = /\b(credit|haben|gutschrift|deposits?)\b/i;

function isNumeric(plan: ColumnPlan | undefined): plan is ColumnPlan {
  return plan !== undefined && (plan.info.type === 'decimal' || plan.info.type === 'integer');
}

export function detectDerived(plans: ColumnPlan[], sampler: TypeSampler, hasHeader: boolean): DerivedRule[] {
  const rules: DerivedRule[] = [];
  plans.forEach((plan, index) => {
    const next = plans[index + 1];
    if (plan.info.type !== 'text' || !isNumeric(next)) return;
    const cells = sampler.cells[index]!;
    if (cells.length > 0 && cells.every((cell) => INDICATOR.has(decodeUtf8(cell).trim().toUpperCase()))) {
      rules.push({ kind: 'indicator', amount: next.info.label, indicator: plan.info.label, name: `${next.info.name}_signed` });
    }
  });
  if (hasHeader) {
    for (const debit of plans) {
      if (!isNumeric(debit) || !DEBIT_WORD.test(debit.info.label)) continue;
      const key = debit.info.label.replace(DEBIT_WORD, '#').toLowerCase();
      const credit = plans.find((other) => isNumeric(other) && CREDIT_WORD.test(other.info.label) && other.info.label.replace(CREDIT_WORD, '#').toLowerCase() === key);
      if (!credit) continue;
      const stem = sanitizeName(key.replace('#', ' '), '');
      rules.push({ kind: 'debit-credit', debit: debit.info.label, credit: credit.info.label, name: stem ? `${stem}_signed` : 'net' });
    }
    return rules;
  }
  for (let c = 0; c + 1 < plans.length; c++) {
    const left = plans[c];
    const right = plans[c + 1];
    if (!isNumeric(left) || !isNumeric(right) || left.info.type !== 'decimal' || sampler.rows < 2) continue;
    if (sampler.pairBoth[c] !== 0 || sampler.pairNeither[c] !== 0) continue;
    // German statements put Soll (debit) before Haben (credit); a column of negatives is the debit one either way.
    const rightIsDebit = sampler.cells[c + 1]!.some((cell) => cell[0] === 0x2d) && !sampler.cells[c]!.some((cell) => cell[0] === 0x2d);
    const [debit, credit] = rightIsDebit ? [right, left] : [left, right];
    rules.push({ kind: 'debit-credit', debit: debit.info.label, credit: credit.info.label, name: 'net' });
    c++;
  }
  return rules;
}
