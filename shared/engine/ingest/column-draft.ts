/**
 * A column while its plan is being decided: what the sample suggests, then
 * what a profile and the user's overrides make of it. Shared by the planner
 * and the override step so both change a column the same way.
 */
import type { ColumnType } from '../api';
import type { ColumnRule } from '../profiles';
import type { DateOrder } from './date-format';
import type { NumberNotation } from './number-infer';

export const KIND_TEXT = 0;
export const KIND_NUMBER = 1;
export const KIND_BOOLEAN = 2;
export const KIND_DATE = 3;
export const KIND_TIMESTAMP = 4;
export const KIND_LOCALE_NUMBER = 5;
export const KIND_DATE_CONVERT = 6;
/** Text, but the sample showed Excel damage, so every cell is checked and counted. */
export const KIND_TEXT_CHECKED = 7;
/** Left out by the user: the field is scanned past, never bound, never stored. */
export const KIND_SKIP = 8;

export const MONEY_MIN_SCALE = 2;

export interface Draft {
  label: string;
  name: string;
  rule: ColumnRule | undefined;
  typing: { type: ColumnType; scale: number };
  kind: number;
  parseScale: number;
  notation: NumberNotation | null;
  sourceFormat: string | undefined;
  date: { family: number; order: DateOrder } | null;
  /** A money column with no value in the sample: it follows the file's decimal mark. */
  isEmptyMoney?: boolean;
}

export function asDate(d: Draft, date: { family: number; order: DateOrder; type: ColumnType; label: string }): Draft {
  d.typing = { type: date.type, scale: 0 };
  d.kind = KIND_DATE_CONVERT;
  d.sourceFormat = date.label;
  d.date = { family: date.family, order: date.order };
  return d;
}

export function setNotation(d: Draft, notation: NumberNotation, isMoney: boolean): void {
  const scale = isMoney ? Math.max(notation.scale, MONEY_MIN_SCALE) : notation.scale;
  d.notation = notation;
  d.typing = { type: scale === 0 && notation.isWhole ? 'integer' : 'decimal', scale };
  d.parseScale = scale;
  // `12.5` under an id-like header ("Account Updater Fees") still takes the fast plain parser.
  d.kind = notation.isPlain ? KIND_NUMBER : KIND_LOCALE_NUMBER;
  d.sourceFormat = notation.isPlain ? undefined : notation.label;
}

/** Back to plain text: no parser, no conversion, nothing detected to show. */
export function asText(d: Draft): void {
  d.typing = { type: 'text', scale: 0 };
  d.kind = KIND_TEXT;
  d.parseScale = 0;
  d.notation = null;
  d.sourceFormat = undefined;
  d.date = null;
  d.isEmptyMoney = false;
}
