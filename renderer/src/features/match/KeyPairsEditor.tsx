import type { TableInfo } from '../../../../shared/engine/api';
import { CloseIcon } from '../../components/icons';
import type { FieldErrors } from './build-spec';
import { ColumnSelect } from './ColumnSelect';
import { FieldError } from './FieldError';
import { NormalizerChips } from './NormalizerChips';
import { emptyKey, type KeyDraft } from './spec-draft';

interface KeyPairsEditorProps {
  keys: readonly KeyDraft[];
  left: TableInfo | undefined;
  right: TableInfo | undefined;
  errors: FieldErrors;
  onChange(keys: KeyDraft[]): void;
}

/** Key column pairs, each with its normaliser pipeline. */
export function KeyPairsEditor({ keys, left, right, errors, onChange }: KeyPairsEditorProps) {
  const patch = (id: number, change: Partial<KeyDraft>) => onChange(keys.map((key) => (key.id === id ? { ...key, ...change } : key)));
  return (
    <div className="key-pairs">
      {keys.map((key, index) => {
        const label = `key ${index + 1}`;
        const error = errors[`keys.${index}`];
        return (
          <div key={key.id} className="key-pair">
            <div className="match-pair">
              <ColumnSelect columns={left?.columns ?? []} value={key.left} label={`Left ${label} column`} isInvalid={Boolean(error) && key.left === ''} onChange={(name) => patch(key.id, { left: name })} />
              <span className="match-pair-arrow" aria-hidden="true">
                ↔
              </span>
              <ColumnSelect columns={right?.columns ?? []} value={key.right} label={`Right ${label} column`} isInvalid={Boolean(error) && key.right === ''} onChange={(name) => patch(key.id, { right: name })} />
              {keys.length > 1 ? (
                <button type="button" className="icon-btn" aria-label={`Remove ${label}`} onClick={() => onChange(keys.filter((other) => other.id !== key.id))}>
                  <CloseIcon />
                </button>
              ) : null}
            </div>
            <NormalizerChips steps={key.steps} label={label} isRegexInvalid={Boolean(errors[`keys.${index}.regex`])} onChange={(steps) => patch(key.id, { steps })} />
            <FieldError message={error ?? errors[`keys.${index}.regex`]} />
            {index > 0 ? <p className="match-hint">The engine matches on the first key pair; further pairs are saved with the spec for later.</p> : null}
          </div>
        );
      })}
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange([...keys, { ...emptyKey(), steps: [] }])}>
        + Add key pair
      </button>
    </div>
  );
}
