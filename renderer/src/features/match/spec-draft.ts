import type { ColumnInfo, TableInfo } from '../../../../shared/engine/api';
import { formatScaled } from '../../../../shared/engine/money/decimal';
import { ALL_PASSES, type MatchSpec, type Normalizer, type PassName } from '../../../../shared/engine/match/spec';

/**
 * The spec editor's form state. Numbers stay as the text the analyst typed
 * (a tolerance of "0.05" is major units) until build-spec turns the draft into
 * a MatchSpec, so a half-typed value is never rounded or rejected mid-edit.
 */
export interface KeyDraft {
  /** Stable React key: pairs can be removed from the middle. */
  id: number;
  left: string;
  right: string;
  /** Applied in order, as the engine does: regex before alnum differs from alnum before regex. */
  steps: Normalizer[];
}

export type GroupSide = 'none' | 'left' | 'right';

export interface SpecDraft {
  name: string;
  left: { table: string; where: string };
  right: { table: string; where: string };
  keys: KeyDraft[];
  amount: { left: string; right: string; tolerance: string; percent: string; sign: 'same' | 'opposite' };
  date: { left: string; right: string; windowDays: string };
  currency: { left: string; right: string };
  group: { side: GroupSide; feeColumn: string };
  passes: PassName[];
}

let nextKeyId = 0;
export function emptyKey(): KeyDraft {
  nextKeyId += 1;
  return { id: nextKeyId, left: '', right: '', steps: ['trim'] };
}

export function emptyDraft(): SpecDraft {
  return {
    name: 'recon',
    left: { table: '', where: '' },
    right: { table: '', where: '' },
    keys: [emptyKey()],
    amount: { left: '', right: '', tolerance: '', percent: '', sign: 'same' },
    date: { left: '', right: '', windowDays: '0' },
    currency: { left: '', right: '' },
    group: { side: 'none', feeColumn: '' },
    passes: [...ALL_PASSES],
  };
}

export function findColumn(tables: readonly TableInfo[], table: string, column: string): ColumnInfo | undefined {
  return tables.find((candidate) => candidate.name === table)?.columns.find((candidate) => candidate.name === column);
}

/** Decimal places an amount column is stored at (integers are scale 0); null when it is not a number column. */
export function amountScaleOf(column: ColumnInfo | undefined): number | null {
  if (column?.type === 'decimal') return column.scale;
  if (column?.type === 'integer') return 0;
  return null;
}

/** The engine compares amounts at the larger scale of the two columns; the tolerance is entered at that scale. */
export function toleranceScale(tables: readonly TableInfo[], draft: Pick<SpecDraft, 'left' | 'right' | 'amount'>): number | null {
  const left = amountScaleOf(findColumn(tables, draft.left.table, draft.amount.left));
  const right = amountScaleOf(findColumn(tables, draft.right.table, draft.amount.right));
  if (left === null && right === null) return null;
  return Math.max(left ?? 0, right ?? 0);
}

/** A saved or imported spec back into the form (tolerance shown in major units). */
export function draftFromSpec(spec: MatchSpec, tables: readonly TableInfo[]): SpecDraft {
  const base: SpecDraft = {
    ...emptyDraft(),
    name: spec.name,
    left: { table: spec.left.table, where: spec.left.where ?? '' },
    right: { table: spec.right.table, where: spec.right.where ?? '' },
    keys: spec.keys.map((key) => ({ ...emptyKey(), left: key.left, right: key.right, steps: [...key.normalize] })),
    date: spec.date ? { left: spec.date.left, right: spec.date.right, windowDays: String(spec.date.windowDays) } : { left: '', right: '', windowDays: '0' },
    currency: spec.currency ? { ...spec.currency } : { left: '', right: '' },
    group: spec.group ? { side: spec.group.side, feeColumn: spec.group.feeColumn ?? '' } : { side: 'none', feeColumn: '' },
    passes: spec.passes ? [...spec.passes] : [...ALL_PASSES],
  };
  if (spec.amount) {
    base.amount = { left: spec.amount.left, right: spec.amount.right, tolerance: '', percent: spec.amount.tolerancePercent?.toString() ?? '', sign: spec.amount.sign ?? 'same' };
    if (spec.amount.toleranceMinor !== undefined) {
      // Unknown columns (tables not loaded yet) leave the scale unknown: show minor units rather than guess.
      const scale = toleranceScale(tables, base) ?? 0;
      base.amount.tolerance = formatScaled(BigInt(spec.amount.toleranceMinor), scale);
    }
  }
  if (base.keys.length === 0) base.keys = [{ ...emptyKey(), steps: [] }];
  return base;
}
