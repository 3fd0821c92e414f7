import type { CellValue, ColumnInfo } from '../../../../shared/engine/api';
import type { MatchItem } from '../../../../shared/engine/match/items';
import type { MatchSpec, Normalizer } from '../../../../shared/engine/match/spec';
import { isZeroDecimal } from './money';

/**
 * Which compared fields differ between an item's two sides, so the view can
 * tint those cells. Amount and date come from the engine (difference, days);
 * the key is compared after the spec's normalisers, because "PAYOUT po_1 REF"
 * and "po_1" are the same key once the regex has run.
 */
export interface ItemDiff {
  amount: boolean;
  date: boolean;
  key: boolean;
}

/** Mirrors shared/engine/match/normalize.ts (the engine runs it in SQL; the view needs it per cell). */
export function normalizeKey(value: CellValue, steps: readonly Normalizer[]): string | null {
  if (value === null) return null;
  let text: string | null = String(value);
  for (const step of steps) {
    if (text === null) return null;
    if (step === 'trim') text = text.trim();
    else if (step === 'casefold') text = text.toLowerCase();
    else if (step === 'alnum') text = text.replace(/[^\p{L}\p{N}]+/gu, '');
    else {
      let found: RegExpExecArray | null = null;
      try {
        found = new RegExp(step.regex).exec(text);
      } catch {
        return null;
      }
      text = found ? (found[1] ?? found[0]) : null;
    }
  }
  return text === '' ? null : text;
}

function firstCell(rows: readonly CellValue[][], columns: readonly ColumnInfo[], name: string | undefined): CellValue {
  const index = columns.findIndex((column) => column.name === name);
  return index < 0 ? null : (rows[0]?.[index] ?? null);
}

export function itemDiff(item: MatchItem, spec: MatchSpec, leftColumns: readonly ColumnInfo[], rightColumns: readonly ColumnInfo[]): ItemDiff {
  const isTwoSided = item.left.count > 0 && item.right.count > 0;
  if (!isTwoSided) return { amount: false, date: false, key: false };
  const key = spec.keys[0];
  const keyDiffers =
    key !== undefined &&
    normalizeKey(firstCell(item.left.rows, leftColumns, key.left), key.normalize) !== normalizeKey(firstCell(item.right.rows, rightColumns, key.right), key.normalize);
  return {
    amount: item.difference !== '' && !isZeroDecimal(item.difference),
    date: item.days !== null && item.days !== 0,
    key: keyDiffers,
  };
}
