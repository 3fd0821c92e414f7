import type { MatchStatus } from '../../../../shared/engine/match/summary';
import type { PassName } from '../../../../shared/engine/match/spec';

/** Status names as an analyst says them, in the order they work through them. */
export const STATUS_LABEL: Readonly<Record<MatchStatus, string>> = {
  matched: 'Matched',
  matched_diff: 'Matched with difference',
  ambiguous: 'Ambiguous',
  left_only: 'Left only',
  right_only: 'Right only',
};

/** Short form for chips and badges. */
export const STATUS_SHORT: Readonly<Record<MatchStatus, string>> = {
  matched: 'Matched',
  matched_diff: 'Difference',
  ambiguous: 'Ambiguous',
  left_only: 'Left only',
  right_only: 'Right only',
};

/** Summary order: clean matches first, then what needs work. */
export const SUMMARY_ORDER: readonly MatchStatus[] = ['matched', 'matched_diff', 'ambiguous', 'left_only', 'right_only'];

/** Items order, as the engine sorts them: breaks first. */
export const ITEMS_ORDER: readonly MatchStatus[] = ['matched_diff', 'ambiguous', 'left_only', 'right_only', 'matched'];

/** A break is anything that is not a clean match: what "next difference" steps through. */
export function isBreak(status: MatchStatus): boolean {
  return status !== 'matched';
}

export function isOpen(status: MatchStatus): boolean {
  return status === 'ambiguous' || status === 'left_only' || status === 'right_only';
}

export const PASS_LABEL: Readonly<Record<PassName, string>> = {
  exact: 'Exact key and amount',
  tolerance: 'Key, amount within tolerance',
  amountDate: 'Amount and date, no key',
  manyToOne: 'Many left → one right',
  oneToMany: 'One left → many right',
};

/**
 * Pass 0 is a manual decision replayed before the passes: a manual match, or
 * rows an analyst unmatched, which stay open (no pass may take them again).
 */
export function passName(pass: number | null, status: MatchStatus): string {
  if (pass === null) return '';
  if (pass === 0) return isOpen(status) ? 'unmatched by hand' : 'manual';
  return `pass ${pass}`;
}
