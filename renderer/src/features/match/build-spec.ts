import type { TableInfo } from '../../../../shared/engine/api';
import { parseToScaled } from '../../../../shared/engine/money/decimal';
import { ALL_PASSES, validateMatchSpec, type MatchSpec } from '../../../../shared/engine/match/spec';
import { isNumericType } from '../../lib/column-type';
import { findColumn, toleranceScale, type SpecDraft } from './spec-draft';

/**
 * Draft → MatchSpec, with a message per field the analyst can fix where they
 * typed it. Runs the engine's own validator last (it is pure and shared), so
 * a spec the UI accepts is one the worker accepts too.
 */
export type FieldErrors = Readonly<Record<string, string>>;

export type BuildResult = { ok: true; spec: MatchSpec } | { ok: false; errors: FieldErrors };

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,40}$/;

export function buildSpec(draft: SpecDraft, tables: readonly TableInfo[]): BuildResult {
  const errors: Record<string, string> = {};
  const column = (side: 'left' | 'right', name: string) => findColumn(tables, draft[side].table, name);
  const pairOf = (field: string, pair: { left: string; right: string }): { left: string; right: string } | undefined => {
    if (pair.left === '' && pair.right === '') return undefined;
    if (pair.left === '' || pair.right === '') errors[field] = 'Pick a column on both sides, or on neither.';
    return pair;
  };

  if (!NAME.test(draft.name.trim())) errors.name = 'Letters, digits and _ only, starting with a letter (it names the result tables).';
  for (const side of ['left', 'right'] as const) {
    const table = draft[side].table;
    if (table === '') errors[`${side}.table`] = 'Pick a table.';
    else if (!tables.some((candidate) => candidate.name === table)) errors[`${side}.table`] = `Table “${table}” is not loaded.`;
    // A run over a table that is still streaming in would match only the rows read so far.
    else if (tables.some((candidate) => candidate.name === table && candidate.isLoading)) errors[`${side}.table`] = `“${table}” is still loading; run when the import has finished.`;
    if (draft[side].where.includes(';')) errors[`${side}.where`] = 'A filter is one WHERE condition: no “;”.';
  }

  const keys = draft.keys.flatMap((key, index) => {
    if (key.left === '' && key.right === '') return [];
    if (key.left === '' || key.right === '') errors[`keys.${index}`] = 'Pick the key column on both sides.';
    for (const step of key.steps) {
      if (typeof step === 'string') continue;
      if (step.regex === '') errors[`keys.${index}.regex`] = 'Type a pattern, or remove the regex step.';
      else if (!isValidRegex(step.regex)) errors[`keys.${index}.regex`] = 'Not a valid regular expression.';
    }
    return [{ left: key.left, right: key.right, normalize: key.steps }];
  });

  const amountPair = pairOf('amount', draft.amount);
  let amount: MatchSpec['amount'];
  if (amountPair) {
    for (const side of ['left', 'right'] as const) {
      const info = column(side, draft.amount[side]);
      if (info && !isNumericType(info.type)) errors.amount = `“${info.name}” is ${info.type}, not an amount.`;
    }
    amount = { ...amountPair, sign: draft.amount.sign };
    const scale = toleranceScale(tables, draft) ?? 0;
    if (draft.amount.tolerance.trim() !== '') {
      const minor = parseToScaled(draft.amount.tolerance, scale);
      if (minor === null || minor < 0n) errors['amount.tolerance'] = scale === 0 ? 'A whole number (the amounts have no decimals).' : `A positive amount with at most ${scale} decimals, like 0.05.`;
      else amount.toleranceMinor = Number(minor);
    }
    if (draft.amount.percent.trim() !== '') {
      const percent = Number(draft.amount.percent);
      if (!Number.isFinite(percent) || percent < 0 || percent > 100) errors['amount.percent'] = 'A percentage from 0 to 100.';
      else amount.tolerancePercent = percent;
    }
  }

  const datePair = pairOf('date', draft.date);
  const window = Number(draft.date.windowDays.trim() === '' ? '0' : draft.date.windowDays);
  if (datePair && (!Number.isInteger(window) || window < 0 || window > 366)) errors['date.window'] = 'Whole days from 0 to 366.';
  const currency = pairOf('currency', draft.currency);

  if (keys.length === 0 && !amountPair) errors.keys = 'Match on a key pair, an amount pair, or both.';
  let group: MatchSpec['group'];
  if (draft.group.side !== 'none') {
    if (keys.length === 0) errors.group = 'Grouping sums rows that share a key: add a key pair.';
    if (draft.group.feeColumn !== '' && !column(draft.group.side, draft.group.feeColumn)) errors.group = 'The fee column must be on the grouped side.';
    group = draft.group.feeColumn === '' ? { side: draft.group.side } : { side: draft.group.side, feeColumn: draft.group.feeColumn };
  }
  if (draft.passes.length === 0) errors.passes = 'Turn on at least one pass.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const where = (text: string) => (text.trim() === '' ? {} : { where: text.trim() });
  const raw: MatchSpec = {
    name: draft.name.trim(),
    left: { table: draft.left.table, ...where(draft.left.where) },
    right: { table: draft.right.table, ...where(draft.right.where) },
    keys,
    ...(amount ? { amount } : {}),
    ...(datePair ? { date: { ...datePair, windowDays: window } } : {}),
    ...(currency ? { currency } : {}),
    ...(group ? { group } : {}),
    // All passes on is the engine's default (and its run order), so leave it out of the saved JSON.
    ...(draft.passes.length === ALL_PASSES.length ? {} : { passes: ALL_PASSES.filter((pass) => draft.passes.includes(pass)) }),
  };
  try {
    return { ok: true, spec: validateMatchSpec(raw) };
  } catch (error) {
    return { ok: false, errors: { form: error instanceof Error ? error.message : String(error) } };
  }
}

function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
