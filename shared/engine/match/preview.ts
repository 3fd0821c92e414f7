import type { EngineContext } from '../context';
import { loadSides, type LoadedSides } from './run-match';
import type { SideData } from './side-data';
import type { MatchSpec } from './spec';

/** Dry run: what the keys look like before any pass runs. */
export interface MatchPreview {
  leftRows: number;
  rightRows: number;
  leftKeys: number;
  rightKeys: number;
  leftDuplicateKeys: number;
  rightDuplicateKeys: number;
  leftMissingKeys: number;
  rightMissingKeys: number;
  /** Pairs an exact-key join would produce: Σ over keys of left rows × right rows. */
  expectedPairs: number;
  /** Keys with several rows on both sides: every combination would be a candidate. */
  manyToManyKeys: number;
  warnings: string[];
}

function keyCounts(data: SideData, keyCount: number): { counts: Int32Array; keys: number; duplicates: number; missing: number } {
  const counts = new Int32Array(keyCount);
  let missing = 0;
  for (let i = 0; i < data.n; i++) {
    const k = data.key[i]!;
    if (k < 0) missing++;
    else counts[k] = counts[k]! + 1;
  }
  let keys = 0;
  let duplicates = 0;
  for (const count of counts) {
    if (count > 0) keys++;
    if (count > 1) duplicates++;
  }
  return { counts, keys, duplicates, missing };
}

/**
 * The dry run of `spec` on sides read now, or on `sides` a caller knows are
 * what reading would give; returns the sides too, for a run to reuse.
 */
export function previewMatch(context: EngineContext, spec: MatchSpec, sides: LoadedSides | null = null): { preview: MatchPreview; sides: LoadedSides } {
  const read = sides ?? loadSides(context, spec);
  const keyCount = read.interners.keys.size;
  const left = keyCounts(read.left, keyCount);
  const right = keyCounts(read.right, keyCount);
  let expectedPairs = 0;
  let manyToManyKeys = 0;
  for (let k = 0; k < keyCount; k++) {
    expectedPairs += left.counts[k]! * right.counts[k]!;
    if (left.counts[k]! > 1 && right.counts[k]! > 1) manyToManyKeys++;
  }
  const warnings: string[] = [];
  if (manyToManyKeys > 0) warnings.push(`${manyToManyKeys} key(s) repeat on both sides: their rows can only match as ambiguous unless grouped or told apart by amount and date.`);
  if (left.duplicates > 0 && spec.group?.side !== 'left') warnings.push(`${left.duplicates} left key(s) repeat; group the left side if they are parts of one right row.`);
  if (right.duplicates > 0 && spec.group?.side !== 'right') warnings.push(`${right.duplicates} right key(s) repeat; group the right side if they are parts of one left row.`);
  if (spec.keys.length > 0 && left.missing + right.missing > 0) warnings.push(`${left.missing} left and ${right.missing} right row(s) have no key after normalising.`);
  const preview: MatchPreview = {
    leftRows: read.left.n, rightRows: read.right.n, leftKeys: left.keys, rightKeys: right.keys,
    leftDuplicateKeys: left.duplicates, rightDuplicateKeys: right.duplicates,
    leftMissingKeys: left.missing, rightMissingKeys: right.missing,
    expectedPairs, manyToManyKeys, warnings,
  };
  return { preview, sides: read };
}
