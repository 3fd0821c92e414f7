import type { Normalizer } from '../../../../shared/engine/match/spec';
import { CloseIcon } from '../../components/icons';

interface NormalizerChipsProps {
  steps: readonly Normalizer[];
  /** For labels: "key 1". */
  label: string;
  isRegexInvalid: boolean;
  onChange(steps: Normalizer[]): void;
}

const SIMPLE: readonly { step: 'trim' | 'casefold' | 'alnum'; title: string }[] = [
  { step: 'trim', title: 'Drop leading and trailing spaces' },
  { step: 'casefold', title: 'Ignore upper/lower case' },
  { step: 'alnum', title: 'Keep only letters and digits (drops spaces, dashes, punctuation)' },
];

function stepName(step: Normalizer): string {
  return typeof step === 'string' ? step : 'regex';
}

/**
 * The key's normalisers as an ordered pipeline of chips: order matters (a
 * regex for "po_…" fails after alnum has removed the underscore), so the
 * chips read left to right in the order the engine applies them.
 */
export function NormalizerChips({ steps, label, isRegexInvalid, onChange }: NormalizerChipsProps) {
  const replace = (index: number, step: Normalizer) => onChange(steps.map((old, at) => (at === index ? step : old)));
  const remove = (index: number) => onChange(steps.filter((_, at) => at !== index));
  const hasRegex = steps.some((step) => typeof step !== 'string');
  return (
    <div className="norm-chips" aria-label={`Normalisers for ${label}`}>
      {steps.length === 0 ? <span className="norm-none">compared as is</span> : null}
      {steps.map((step, index) => (
        <span key={`${stepName(step)}-${index}`} className={`norm-chip${typeof step === 'string' ? '' : ' is-regex'}`}>
          {index > 0 ? <span className="norm-then" aria-hidden="true">→</span> : null}
          <span className="norm-chip-name">{stepName(step)}</span>
          {typeof step === 'string' ? null : (
            <input
              className={`norm-regex mono${isRegexInvalid ? ' is-invalid' : ''}`}
              value={step.regex}
              placeholder="po_[A-Za-z0-9]+"
              spellCheck={false}
              aria-label={`Regex for ${label}`}
              aria-invalid={isRegexInvalid || undefined}
              title="The first capture group if there is one, else the whole match, becomes the key"
              onChange={(event) => replace(index, { regex: event.currentTarget.value })}
            />
          )}
          <button type="button" className="norm-remove" aria-label={`Remove ${stepName(step)} from ${label}`} onClick={() => remove(index)}>
            <CloseIcon size={10} />
          </button>
        </span>
      ))}
      <span className="norm-add">
        {SIMPLE.filter(({ step }) => !steps.includes(step)).map(({ step, title }) => (
          <button key={step} type="button" className="norm-add-btn" title={title} onClick={() => onChange([...steps, step])}>
            + {step}
          </button>
        ))}
        {hasRegex ? null : (
          <button type="button" className="norm-add-btn" title="Extract the key with a regular expression" onClick={() => onChange([...steps, { regex: '' }])}>
            + regex
          </button>
        )}
      </span>
    </div>
  );
}
