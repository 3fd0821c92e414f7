import type { SqlJsDatabase } from '../sqlite/sqljs-types';
import { resolveCandidates } from './resolve';
import type { MatchSpec } from './spec';
import { WORK } from './work-tables';

/**
 * The passes, from highest fidelity to lowest. Each works only on rows no
 * earlier pass decided, writes its decisions into the work tables (s, m, p)
 * and records one row per match in `_wb_matches`.
 */
const L = WORK.L;
const R = WORK.R;

export function createMatchesTable(db: SqlJsDatabase): void {
  db.run('DROP TABLE IF EXISTS _wb_matches');
  db.run('DROP TABLE IF EXISTS _wb_multi');
  createMatchesTableIfMissing(db);
}

export function createMatchesTableIfMissing(db: SqlJsDatabase): void {
  db.run(`CREATE TABLE IF NOT EXISTS _wb_matches (
    match_id INTEGER PRIMARY KEY, pass INTEGER, kind TEXT, status TEXT, currency TEXT, key TEXT,
    left_rows INTEGER, right_rows INTEGER, left_amount INTEGER, right_amount INTEGER,
    delta INTEGER, days INTEGER, fee INTEGER, x INTEGER, y INTEGER)`);
}

/** Tolerance in minor units around `amount` (SQL expression). */
function tolerance(spec: MatchSpec, amount: string): string {
  const absolute = spec.amount?.toleranceMinor ?? 0;
  const percent = spec.amount?.tolerancePercent ?? 0;
  return percent > 0 ? `max(${absolute}, CAST(abs(${amount}) * ${percent} / 100.0 AS INTEGER))` : String(absolute);
}

function statusSql(spec: MatchSpec): string {
  const window = spec.date?.windowDays ?? 0;
  return `CASE WHEN da = 0 AND (dd IS NULL OR abs(dd) <= ${window}) THEN 'matched' ELSE 'matched_diff' END`;
}

/** Marks ambiguous rows of a 1:1 pass. */
function markAmbiguous(db: SqlJsDatabase, pass: number): void {
  db.run(`UPDATE ${L} SET s = 'ambiguous', p = ${pass} FROM _wb_amb_x a WHERE ${L}.id = a.x`);
  db.run(`UPDATE ${R} SET s = 'ambiguous', p = ${pass} FROM _wb_amb_y a WHERE ${R}.id = a.y`);
}

/** Passes 1–3: one left row to one right row. */
export function runPairPass(db: SqlJsDatabase, spec: MatchSpec, pass: 1 | 2 | 3): number {
  const dayDelta = spec.date ? 'CAST(round(r.d - l.d) AS INTEGER)' : 'NULL';
  const window = spec.date?.windowDays ?? 0;
  let condition: string;
  if (pass === 1) condition = 'r.k = l.k AND r.c = l.c AND r.a = l.a';
  else if (pass === 2) condition = `r.k = l.k AND r.c = l.c AND r.a BETWEEN l.a - ${tolerance(spec, 'l.a')} AND l.a + ${tolerance(spec, 'l.a')}`;
  else condition = `r.c = l.c AND r.a BETWEEN l.a - ${tolerance(spec, 'l.a')} AND l.a + ${tolerance(spec, 'l.a')} AND abs(r.d - l.d) <= ${window}`;
  // With grouping on, a key shared by several rows of the grouped side names a group
  // (a payout), never a single row: keep those rows for the group pass.
  let groupGuard = '';
  if (spec.group && pass !== 3) {
    const grouped = spec.group.side === 'left' ? L : R;
    // Built once per run (createMatchesTable drops it): passes 1 and 2 share it.
    db.run(`CREATE TABLE IF NOT EXISTS _wb_multi AS SELECT k FROM ${grouped} WHERE k IS NOT NULL GROUP BY k HAVING count(*) > 1`);
    groupGuard = ` AND ${spec.group.side === 'left' ? 'l' : 'r'}.k NOT IN (SELECT k FROM _wb_multi)`;
  }
  db.run('DROP TABLE IF EXISTS _wb_c');
  // Closest first: amount difference, then days apart.
  db.run(`CREATE TABLE _wb_c AS
    SELECT l.id AS x, r.id AS y, r.a - l.a AS da, ${dayDelta} AS dd,
           abs(r.a - l.a) + abs(ifnull(r.d - l.d, 0)) / 1000.0 AS dist
    FROM ${L} l JOIN ${R} r ON ${condition}
    WHERE l.s IS NULL AND r.s IS NULL AND l.a IS NOT NULL ${pass === 3 ? 'AND l.d IS NOT NULL' : 'AND l.k IS NOT NULL'}${groupGuard}`);
  resolveCandidates(db);
  db.run(`INSERT INTO _wb_matches (pass, kind, status, currency, key, left_rows, right_rows, left_amount, right_amount, delta, days, x, y)
    SELECT ${pass}, '1:1', ${statusSql(spec)}, l.c, l.k, 1, 1, l.a, r.a, da, dd, x, y
    FROM _wb_acc JOIN ${L} l ON l.id = x JOIN ${R} r ON r.id = y`);
  // UPDATE … FROM walks the new matches once and finds each row by its primary key.
  db.run(`UPDATE ${L} SET s = mt.status, m = mt.match_id, p = mt.pass FROM _wb_matches mt WHERE mt.pass = ${pass} AND ${L}.id = mt.x`);
  db.run(`UPDATE ${R} SET s = mt.status, m = mt.match_id, p = mt.pass FROM _wb_matches mt WHERE mt.pass = ${pass} AND ${R}.id = mt.y`);
  markAmbiguous(db, pass);
  return Number(db.exec('SELECT count(*) FROM _wb_acc')[0]?.values[0]?.[0] ?? 0);
}

/**
 * Passes 4–5: rows of one side that share a key, summed, against one row of
 * the other side (a Stripe payout's charges, refunds and fees against the one
 * bank credit). Fees on the grouped side are summed as their own component.
 */
export function runGroupPass(db: SqlJsDatabase, spec: MatchSpec, pass: 4 | 5): number {
  const grouped = pass === 4 ? L : R;
  const single = pass === 4 ? R : L;
  const sign = pass === 4 ? '' : '-';
  db.run('DROP TABLE IF EXISTS _wb_g');
  db.run(`CREATE TABLE _wb_g AS
    SELECT row_number() OVER () AS gid, k, c, sum(a) AS a, max(d) AS d, count(*) AS n, sum(f) AS f
    FROM ${grouped} WHERE s IS NULL AND k IS NOT NULL AND a IS NOT NULL GROUP BY k, c HAVING count(*) > 1`);
  db.run('CREATE INDEX _wb_g_kc ON _wb_g (k, c)');
  const dayDelta = spec.date ? 'CAST(round(o.d - g.d) AS INTEGER)' : 'NULL';
  db.run('DROP TABLE IF EXISTS _wb_c');
  db.run(`CREATE TABLE _wb_c AS
    SELECT g.gid AS x, o.id AS y, ${sign}(o.a - g.a) AS da, ${sign === '-' ? '-' : ''}(${dayDelta}) AS dd,
           abs(o.a - g.a) + abs(ifnull(o.d - g.d, 0)) / 1000.0 AS dist
    FROM _wb_g g JOIN ${single} o ON o.k = g.k AND o.c = g.c
      AND o.a BETWEEN g.a - ${tolerance(spec, 'g.a')} AND g.a + ${tolerance(spec, 'g.a')}
    WHERE o.s IS NULL`);
  resolveCandidates(db);
  const leftSide = pass === 4 ? 'g' : 'o';
  const rightSide = pass === 4 ? 'o' : 'g';
  db.run(`INSERT INTO _wb_matches (pass, kind, status, currency, key, left_rows, right_rows, left_amount, right_amount, delta, days, fee, x, y)
    SELECT ${pass}, '${pass === 4 ? 'n:1' : '1:n'}', ${statusSql(spec)}, g.c, g.k,
           ${pass === 4 ? 'g.n, 1' : '1, g.n'}, ${leftSide}.a, ${rightSide}.a, da, dd, g.f, x, y
    FROM _wb_acc JOIN _wb_g g ON g.gid = x JOIN ${single} o ON o.id = y`);
  // Group decisions keyed by (k, c), so the member rows are updated through one index lookup each.
  db.run('DROP TABLE IF EXISTS _wb_gm');
  db.run(`CREATE TABLE _wb_gm (k TEXT, c TEXT, status TEXT, match_id INTEGER, PRIMARY KEY (k, c))`);
  db.run(`INSERT INTO _wb_gm SELECT g.k, g.c, mt.status, mt.match_id FROM _wb_matches mt JOIN _wb_g g ON g.gid = mt.x WHERE mt.pass = ${pass}`);
  db.run(`INSERT OR IGNORE INTO _wb_gm SELECT g.k, g.c, 'ambiguous', NULL FROM _wb_amb_x JOIN _wb_g g ON g.gid = _wb_amb_x.x`);
  db.run(`UPDATE ${single} SET s = mt.status, m = mt.match_id, p = mt.pass FROM _wb_matches mt WHERE mt.pass = ${pass} AND ${single}.id = mt.y`);
  db.run(`UPDATE ${single} SET s = 'ambiguous', p = ${pass} FROM _wb_amb_y a WHERE ${single}.id = a.y`);
  return Number(db.exec('SELECT count(*) FROM _wb_acc')[0]?.values[0]?.[0] ?? 0);
}

/** Member rows of decided groups take the group's status and match id. */
export function applyGroupDecisions(db: SqlJsDatabase, side: 'left' | 'right'): void {
  const grouped = side === 'left' ? L : R;
  const pass = side === 'left' ? 4 : 5;
  db.run(`UPDATE ${grouped} SET s = gm.status, m = gm.match_id, p = ${pass} FROM _wb_gm gm WHERE ${grouped}.s IS NULL AND gm.k = ${grouped}.k AND gm.c = ${grouped}.c`);
}

export function markUnmatched(db: SqlJsDatabase): void {
  db.run(`UPDATE ${L} SET s = 'left_only' WHERE s IS NULL`);
  db.run(`UPDATE ${R} SET s = 'right_only' WHERE s IS NULL`);
}
