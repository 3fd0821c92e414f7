/**
 * The user's word on single columns (type, scale, skip), applied after
 * inference. A column forced to a number keeps the notation its sample
 * showed (or takes the file's decimal mark); forced to a date, it keeps the
 * detected date shape or looks for one. Cells that then do not fit are
 * counted and kept as text, as always: an override never rounds or drops.
 */
import type { ColumnOverride, ColumnType } from '../api';
import { MAX_SCALE } from './cell-classify';
import { KIND_BOOLEAN, KIND_DATE, KIND_DATE_CONVERT, KIND_LOCALE_NUMBER, KIND_NUMBER, KIND_SKIP, KIND_TIMESTAMP, MONEY_MIN_SCALE, asDate, asText, type Draft } from './column-draft';
import { inferDate } from './date-infer';
import type { TypeSampler } from './infer-types';
import { COMMA, DOT } from './number-format';
import { inferNotation } from './number-infer';

const COLUMN_TYPES: readonly string[] = ['integer', 'decimal', 'timestamp', 'date', 'boolean', 'text'] satisfies ColumnType[];
/** A shape the user asked for need only fit most of the sample: the misfits are counted, not hidden. */
const FORCED_SHARE = 0.5;

export interface FileConventions {
  isEuropean: boolean;
  preferComma: boolean;
  dateOrder: 'DMY' | 'MDY' | undefined;
}

/** Applies overrides keyed by header (or by SQL name); returns warnings for what could not be applied. */
export function applyColumnOverrides(drafts: Draft[], sampler: TypeSampler, overrides: Record<string, ColumnOverride>, file: FileConventions): string[] {
  const warnings: string[] = [];
  const matched = new Set<string>();
  drafts.forEach((d, index) => {
    // Own keys only: a header named `__proto__` or `constructor` must not match the prototype.
    const key = Object.hasOwn(overrides, d.label) ? d.label : Object.hasOwn(overrides, d.name) ? d.name : null;
    if (key === null) return;
    matched.add(key);
    const problem = applyOne(d, overrides[key]!, sampler.cells[index]!, file);
    if (problem) warnings.push(`Column "${d.label}": ${problem}`);
  });
  for (const key of Object.keys(overrides)) if (!matched.has(key)) warnings.push(`No column is headed "${key}"; the setting for it was not used.`);
  return warnings;
}

function applyOne(d: Draft, override: ColumnOverride, cells: Uint8Array[], file: FileConventions): string | null {
  if (override.skip) {
    asText(d);
    d.kind = KIND_SKIP;
    return null;
  }
  const type = override.type ?? d.typing.type;
  // Overrides arrive from the CLI and from saved settings too, so they are checked at run time.
  if (!COLUMN_TYPES.includes(type)) return `"${String(type)}" is not a column type (use ${COLUMN_TYPES.join(', ')}); kept as ${d.typing.type}.`;
  let scale = override.scale;
  let problem: string | null = null;
  if (scale !== undefined && (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE)) {
    problem = `a scale of ${String(scale)} is not a whole number from 0 to ${MAX_SCALE}; the detected scale is kept.`;
    scale = undefined;
  }
  const isSame = type === d.typing.type && (type !== 'decimal' || scale === undefined || scale === d.typing.scale);
  if (isSame) return problem;
  if (type === 'text') asText(d);
  else if (type === 'boolean') {
    asText(d);
    d.typing = { type: 'boolean', scale: 0 };
    d.kind = KIND_BOOLEAN;
  } else if (type === 'integer' || type === 'decimal') toNumber(d, type, scale, cells, file.preferComma);
  else toDate(d, type, cells, file);
  return problem;
}

function toNumber(d: Draft, type: 'integer' | 'decimal', scale: number | undefined, cells: Uint8Array[], preferComma: boolean): void {
  // PayPal-style whole minor units: the cells stay integers, only the divisor changes.
  const isImplied = d.kind === KIND_NUMBER && d.typing.type === 'decimal' && d.parseScale !== d.typing.scale;
  const notation = d.notation ?? inferNotation(cells, FORCED_SHARE, preferComma);
  const wanted = type === 'integer' ? 0 : (scale ?? (d.typing.type === 'decimal' ? d.typing.scale : Math.max(notation?.scale ?? 0, MONEY_MIN_SCALE)));
  const wasPlainNumber = d.kind === KIND_NUMBER;
  d.date = null;
  d.isEmptyMoney = false;
  d.typing = { type, scale: wanted };
  if (isImplied && type === 'decimal') return;
  d.parseScale = wanted;
  if (notation && !notation.isPlain) {
    d.kind = KIND_LOCALE_NUMBER;
    d.notation = notation;
    d.sourceFormat = notation.label;
  } else if (wasPlainNumber || notation?.isPlain) {
    d.kind = KIND_NUMBER;
    d.sourceFormat = undefined;
  } else {
    // Nothing in the sample reads as a number: parse with the file's mark and count what fails.
    const decimal = preferComma ? COMMA : DOT;
    d.kind = KIND_LOCALE_NUMBER;
    d.notation = { decimal, scale: wanted, isWhole: wanted === 0, label: preferComma ? '1234,56' : '1234.56', isAmbiguous: false, isPlain: false };
    d.sourceFormat = undefined;
  }
}

function toDate(d: Draft, type: 'date' | 'timestamp', cells: Uint8Array[], file: FileConventions): void {
  if (d.kind === KIND_DATE_CONVERT || d.kind === KIND_DATE || d.kind === KIND_TIMESTAMP) {
    // The shape is known already; only what the column is called changes.
    d.typing = { type, scale: 0 };
    return;
  }
  const found = inferDate(cells, FORCED_SHARE, file.isEuropean, true, file.dateOrder);
  asText(d);
  if (found) {
    asDate(d, { ...found, type });
    return;
  }
  d.typing = { type, scale: 0 };
  d.kind = type === 'date' ? KIND_DATE : KIND_TIMESTAMP;
  d.sourceFormat = type === 'date' ? 'YYYY-MM-DD' : 'ISO 8601';
}
