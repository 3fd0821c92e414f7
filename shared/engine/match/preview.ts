import type { EngineContext } from '../context';
import { prepareSides, WORK } from './work-tables';
import { validateMatchSpec } from './spec';

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

export function previewMatch(context: EngineContext, rawSpec: unknown): MatchPreview {
  const spec = validateMatchSpec(rawSpec);
  prepareSides(context, spec);
  const db = context.sqlite.db;
  const one = (sql: string) => Number(db.exec(sql)[0]?.values[0]?.[0] ?? 0);
  const side = (table: string) => ({
    rows: one(`SELECT count(*) FROM ${table}`),
    keys: one(`SELECT count(DISTINCT k) FROM ${table}`),
    duplicates: one(`SELECT count(*) FROM (SELECT k FROM ${table} WHERE k IS NOT NULL GROUP BY k HAVING count(*) > 1)`),
    missing: one(`SELECT count(*) FROM ${table} WHERE k IS NULL`),
  });
  const left = side(WORK.L);
  const right = side(WORK.R);
  const fan = db.exec(`SELECT sum(l.n * r.n), sum(l.n > 1 AND r.n > 1)
    FROM (SELECT k, count(*) AS n FROM ${WORK.L} WHERE k IS NOT NULL GROUP BY k) l
    JOIN (SELECT k, count(*) AS n FROM ${WORK.R} WHERE k IS NOT NULL GROUP BY k) r ON r.k = l.k`)[0]?.values[0] ?? [];
  const expectedPairs = Number(fan[0] ?? 0);
  const manyToManyKeys = Number(fan[1] ?? 0);
  const warnings: string[] = [];
  if (manyToManyKeys > 0) warnings.push(`${manyToManyKeys} key(s) repeat on both sides: their rows can only match as ambiguous unless grouped or told apart by amount and date.`);
  if (left.duplicates > 0 && spec.group?.side !== 'left') warnings.push(`${left.duplicates} left key(s) repeat; group the left side if they are parts of one right row.`);
  if (right.duplicates > 0 && spec.group?.side !== 'right') warnings.push(`${right.duplicates} right key(s) repeat; group the right side if they are parts of one left row.`);
  if (spec.keys.length > 0 && left.missing + right.missing > 0) warnings.push(`${left.missing} left and ${right.missing} right row(s) have no key after normalising.`);
  return {
    leftRows: left.rows, rightRows: right.rows, leftKeys: left.keys, rightKeys: right.keys,
    leftDuplicateKeys: left.duplicates, rightDuplicateKeys: right.duplicates,
    leftMissingKeys: left.missing, rightMissingKeys: right.missing,
    expectedPairs, manyToManyKeys, warnings,
  };
}
