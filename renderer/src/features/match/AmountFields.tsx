import type { TableInfo } from '../../../../shared/engine/api';
import { parseToScaled } from '../../../../shared/engine/money/decimal';
import { formatCount } from '../../lib/format';
import type { FieldErrors } from './build-spec';
import { FieldError } from './FieldError';
import { SidePair } from './SidePair';
import type { SpecDraft } from './spec-draft';

interface AmountFieldsProps {
  amount: SpecDraft['amount'];
  left: TableInfo | undefined;
  right: TableInfo | undefined;
  /** Decimal places the two amount columns are compared at (the larger of the two). */
  scale: number | null;
  errors: FieldErrors;
  onChange(amount: SpecDraft['amount']): void;
}

/** Amount columns, tolerance (major units, as an analyst says "five cents") and sign convention. */
export function AmountFields({ amount, left, right, scale, errors, onChange }: AmountFieldsProps) {
  const minor = scale === null || amount.tolerance.trim() === '' ? null : parseToScaled(amount.tolerance, scale);
  return (
    <>
      <SidePair label="amount" left={amount.left} right={amount.right} leftColumns={left?.columns ?? []} rightColumns={right?.columns ?? []} isInvalid={Boolean(errors.amount)} onChange={(side, name) => onChange({ ...amount, [side]: name })} />
      <FieldError message={errors.amount} />
      <div className="match-inline">
        <label className="match-field">
          <span>Tolerance ±</span>
          <input
            className={`match-input num${errors['amount.tolerance'] ? ' is-invalid' : ''}`}
            value={amount.tolerance}
            inputMode="decimal"
            placeholder="0.00"
            aria-label="Amount tolerance"
            onChange={(event) => onChange({ ...amount, tolerance: event.currentTarget.value })}
          />
        </label>
        <label className="match-field">
          <span>or</span>
          <input
            className={`match-input match-input-short num${errors['amount.percent'] ? ' is-invalid' : ''}`}
            value={amount.percent}
            inputMode="decimal"
            placeholder="0"
            aria-label="Percent tolerance"
            onChange={(event) => onChange({ ...amount, percent: event.currentTarget.value })}
          />
          <span>%</span>
        </label>
        <div className="segmented" role="radiogroup" aria-label="Amount sign">
          {(['same', 'opposite'] as const).map((sign) => (
            <button
              key={sign}
              type="button"
              role="radio"
              aria-checked={amount.sign === sign}
              className={amount.sign === sign ? 'is-on' : ''}
              title={sign === 'same' ? 'Both sides book the money with the same sign' : 'Left = −right (a ledger debit against a bank credit)'}
              onClick={() => onChange({ ...amount, sign })}
            >
              {sign === 'same' ? 'Same sign' : 'Opposite sign'}
            </button>
          ))}
        </div>
      </div>
      {minor !== null && minor !== undefined && scale !== null && scale > 0 ? (
        <p className="match-hint num">
          = {formatCount(Number(minor))} minor units ({scale} decimals, the finer of the two amount columns)
        </p>
      ) : null}
      <FieldError message={errors['amount.tolerance'] ?? errors['amount.percent']} />
    </>
  );
}
