import type { SqlJsDatabase } from '../sqlite/sqljs-types';

/**
 * Turns candidate pairs into decisions, the same way for every pass.
 *
 * Input: temp table `_wb_c(x, y, da, dd, dist)` — x is a left row (or group),
 * y a right row (or group), dist how far apart they are (0 = identical).
 * A pair is accepted when each is the other's unique closest candidate. Where
 * the closest candidates tie, both sides are flagged ambiguous instead of one
 * being picked at random. Output: `_wb_acc(x, y, da, dd)`, `_wb_amb_x(x)`,
 * `_wb_amb_y(y)`.
 */
export function resolveCandidates(db: SqlJsDatabase): void {
  db.run(`DROP TABLE IF EXISTS _wb_best; DROP TABLE IF EXISTS _wb_ties; DROP TABLE IF EXISTS _wb_acc; DROP TABLE IF EXISTS _wb_amb_x; DROP TABLE IF EXISTS _wb_amb_y; DROP TABLE IF EXISTS _wb_cx; DROP TABLE IF EXISTS _wb_cy;`);
  // Most candidates are the only one for both of their rows: accept those
  // directly and run the window functions only over the contested rest.
  db.run(`CREATE TABLE _wb_cx AS SELECT x FROM _wb_c GROUP BY x HAVING count(*) > 1`);
  db.run(`CREATE TABLE _wb_cy AS SELECT y FROM _wb_c GROUP BY y HAVING count(*) > 1`);
  const contested = `(x IN (SELECT x FROM _wb_cx) OR y IN (SELECT y FROM _wb_cy))`;
  db.run(`CREATE TABLE _wb_acc AS SELECT x, y, da, dd FROM _wb_c WHERE NOT ${contested}`);
  db.run(`CREATE TABLE _wb_best AS
    SELECT x, y, da, dd, dist,
           min(dist) OVER (PARTITION BY x) AS mx,
           min(dist) OVER (PARTITION BY y) AS my
    FROM _wb_c WHERE ${contested}`);
  db.run(`CREATE TABLE _wb_ties AS
    SELECT x, y, da, dd, dist, mx, my,
           sum(dist = mx) OVER (PARTITION BY x) AS tx,
           sum(dist = my) OVER (PARTITION BY y) AS ty
    FROM _wb_best WHERE dist = mx OR dist = my`);
  db.run(`INSERT INTO _wb_acc SELECT x, y, da, dd FROM _wb_ties WHERE dist = mx AND dist = my AND tx = 1 AND ty = 1`);
  // A tie on either side makes every pair in it ambiguous, on both sides.
  db.run(`CREATE TABLE _wb_amb_x AS
    SELECT DISTINCT x FROM _wb_ties
    WHERE ((dist = mx AND tx > 1) OR (dist = mx AND dist = my AND ty > 1)) AND x NOT IN (SELECT x FROM _wb_acc)`);
  db.run(`CREATE TABLE _wb_amb_y AS
    SELECT DISTINCT y FROM _wb_ties
    WHERE ((dist = my AND ty > 1) OR (dist = my AND dist = mx AND tx > 1)) AND y NOT IN (SELECT y FROM _wb_acc)`);
}
