import type { TableInfo } from '../../../../shared/engine/api';
import { ALL_PASSES, PASS_NUMBER, type PassName } from '../../../../shared/engine/match/spec';
import type { FieldErrors } from './build-spec';
import { ColumnSelect } from './ColumnSelect';
import { FieldError } from './FieldError';
import { PASS_LABEL } from './status';
import type { GroupSide, SpecDraft } from './spec-draft';

interface GroupFieldsProps {
  group: SpecDraft['group'];
  left: TableInfo | undefined;
  right: TableInfo | undefined;
  error: string | undefined;
  onChange(group: SpecDraft['group']): void;
}

const GROUP_LABEL: Readonly<Record<GroupSide, string>> = { none: 'No grouping', left: 'Group left', right: 'Group right' };

/** Grouping: sum one side's rows sharing a key (a payout's charges) against one row of the other. */
export function GroupFields({ group, left, right, error, onChange }: GroupFieldsProps) {
  const grouped = group.side === 'left' ? left : group.side === 'right' ? right : undefined;
  return (
    <>
      <div className="match-inline">
        <div className="segmented" role="radiogroup" aria-label="Grouping">
          {(['none', 'left', 'right'] as const).map((side) => (
            <button key={side} type="button" role="radio" aria-checked={group.side === side} className={group.side === side ? 'is-on' : ''} onClick={() => onChange({ side, feeColumn: side === group.side ? group.feeColumn : '' })}>
              {GROUP_LABEL[side]}
            </button>
          ))}
        </div>
        {grouped ? (
          <label className="match-field match-field-grow">
            <span>Fee</span>
            <ColumnSelect columns={grouped.columns} value={group.feeColumn} label="Fee column" placeholder="none" onChange={(feeColumn) => onChange({ ...group, feeColumn })} />
          </label>
        ) : null}
      </div>
      <FieldError message={error} />
    </>
  );
}

interface PassTogglesProps {
  passes: readonly PassName[];
  draft: SpecDraft;
  error: string | undefined;
  onChange(passes: PassName[]): void;
}

/** Why a pass will not run with this spec, so a ticked box that does nothing explains itself. */
function inapplicable(pass: PassName, draft: SpecDraft): string | null {
  const hasKey = draft.keys.some((key) => key.left !== '' && key.right !== '');
  if ((pass === 'exact' || pass === 'tolerance') && !hasKey) return 'needs a key';
  if (pass === 'tolerance' && draft.amount.tolerance.trim() === '' && draft.amount.percent.trim() === '') return 'needs a tolerance';
  if (pass === 'amountDate' && (draft.amount.left === '' || draft.date.left === '')) return 'needs amount and date';
  if (pass === 'manyToOne' && draft.group.side !== 'left') return 'needs Group left';
  if (pass === 'oneToMany' && draft.group.side !== 'right') return 'needs Group right';
  return null;
}

export function PassToggles({ passes, draft, error, onChange }: PassTogglesProps) {
  // Listed in the engine's run order: keyed grouping runs before the key-less pass 3.
  return (
    <>
      <ul className="pass-list">
        {ALL_PASSES.map((pass) => {
          const reason = inapplicable(pass, draft);
          return (
            <li key={pass}>
              <label className={reason ? 'is-idle' : ''}>
                <input type="checkbox" checked={passes.includes(pass)} onChange={(event) => onChange(event.currentTarget.checked ? [...passes, pass] : passes.filter((other) => other !== pass))} />
                <span className="pass-number num">{PASS_NUMBER[pass]}</span>
                <span>{PASS_LABEL[pass]}</span>
                {reason ? <span className="pass-reason">{reason}</span> : null}
              </label>
            </li>
          );
        })}
      </ul>
      <FieldError message={error} />
    </>
  );
}
