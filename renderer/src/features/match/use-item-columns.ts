import { useMemo, useState } from 'react';
import type { ColumnInfo } from '../../../../shared/engine/api';
import type { MatchSpec } from '../../../../shared/engine/match/spec';
import { defaultColumns, type SideName } from './item-columns';

export interface ItemColumns {
  readonly left: readonly string[];
  readonly right: readonly string[];
  set(side: SideName, names: string[]): void;
  reset(side: SideName): void;
}

/**
 * The analyst's column choice per side. It belongs to the tables and the
 * compared columns: a new spec over other tables starts from the defaults
 * again, a re-run of the same one keeps the choice.
 */
export function useItemColumns(spec: MatchSpec | null, leftColumns: readonly ColumnInfo[], rightColumns: readonly ColumnInfo[]): ItemColumns {
  const identity = spec ? JSON.stringify([spec.left.table, spec.right.table, spec.keys[0], spec.amount?.left, spec.amount?.right, spec.date, spec.currency]) : '';
  const [choice, setChoice] = useState<{ identity: string; left: string[] | null; right: string[] | null }>({ identity, left: null, right: null });
  const current = choice.identity === identity ? choice : { identity, left: null, right: null };
  const left = useMemo(() => current.left ?? (spec ? defaultColumns(spec, 'left', leftColumns) : []), [current.left, spec, leftColumns]);
  const right = useMemo(() => current.right ?? (spec ? defaultColumns(spec, 'right', rightColumns) : []), [current.right, spec, rightColumns]);
  return {
    left,
    right,
    set: (side, names) => setChoice({ ...current, [side]: names }),
    reset: (side) => setChoice({ ...current, [side]: null }),
  };
}
