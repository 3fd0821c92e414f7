import type { EngineContext } from '../context';
import { quoteIdentifier } from '../ingest/names';
import { applyGroupDecisions, createMatchesTable, markUnmatched, runGroupPass, runPairPass } from './passes';
import { ALL_PASSES, PASS_NUMBER, validateMatchSpec, type MatchSpec, type PassName } from './spec';
import { aggregateStatuses, statusLines, tieOut, type StatusLine, type TieOut } from './summary';
import { prepareSides, WORK } from './work-tables';
import { replayDecisions } from './decisions';

export interface MatchRun {
  spec: MatchSpec;
  /** Common scale of the amounts in this run's totals. */
  scale: number;
  leftRows: number;
  rightRows: number;
  passes: { pass: number; name: PassName; matches: number; elapsedMs: number }[];
  statuses: StatusLine[];
  tieOut: TieOut[];
  /** Manual decisions replayed before the passes. */
  manualDecisions: number;
  /** Items (rows or groups) that are not cleanly matched. */
  openBreaks: number;
  /** Result tables: `<prefix>_rows`, `<prefix>_matches`, views `<prefix>_left_only`, `<prefix>_right_only`. */
  tables: { rows: string; matches: string; leftOnly: string; rightOnly: string };
  elapsedMs: number;
  /** Where the time went: prepare (work tables), passes, materialize, summary. */
  phases: Record<'prepareMs' | 'passesMs' | 'materializeMs' | 'summaryMs', number>;
}

export function resultPrefix(spec: MatchSpec): string {
  return `match_${spec.name.toLowerCase()}`;
}

export function runMatch(context: EngineContext, rawSpec: unknown): MatchRun {
  const spec = validateMatchSpec(rawSpec);
  const db = context.sqlite.db;
  const started = context.now();
  const sides = prepareSides(context, spec);
  const prepared = context.now();
  createMatchesTable(db);
  const manualDecisions = replayDecisions(db, spec);
  const enabled = new Set<PassName>(spec.passes ?? ALL_PASSES);
  const passes: MatchRun['passes'] = [];
  for (const name of ALL_PASSES) {
    if (!enabled.has(name) || !isApplicable(spec, name)) continue;
    const begin = context.now();
    const pass = PASS_NUMBER[name];
    const matches = pass <= 3 ? runPairPass(db, spec, pass as 1 | 2 | 3) : runGroupPass(db, spec, pass as 4 | 5);
    // Member rows take their group's decision before any later pass looks at them.
    if (pass >= 4) applyGroupDecisions(db, pass === 4 ? 'left' : 'right');
    passes.push({ pass, name, matches, elapsedMs: context.now() - begin });
  }
  markUnmatched(db);
  const passed = context.now();
  const tables = materialize(context, spec);
  const materialized = context.now();
  const aggregates = aggregateStatuses(db);
  const statuses = statusLines(db, sides.scale, aggregates);
  const ties = tieOut(db, spec, sides, aggregates);
  const finished = context.now();
  // A break is an item to investigate: a match with a difference, or an open key (a whole
  // payout, say) or key-less row on either side — not every member row of it.
  const openItems = (table: string) =>
    Number(db.exec(`SELECT count(DISTINCT coalesce(k, '#' || id)) FROM ${table} WHERE s IN ('ambiguous', 'left_only', 'right_only')`)[0]?.values[0]?.[0] ?? 0);
  const openBreaks = statuses.filter((line) => line.status === 'matched_diff').reduce((sum, line) => sum + line.items, 0) + openItems(WORK.L) + openItems(WORK.R);
  return {
    spec,
    scale: sides.scale,
    leftRows: sides.leftRows,
    rightRows: sides.rightRows,
    passes,
    manualDecisions,
    statuses,
    tieOut: ties,
    openBreaks,
    tables,
    elapsedMs: finished - started,
    phases: { prepareMs: prepared - started, passesMs: passed - prepared, materializeMs: materialized - passed, summaryMs: finished - materialized },
  };
}

function isApplicable(spec: MatchSpec, pass: PassName): boolean {
  switch (pass) {
    case 'exact':
    case 'tolerance':
      return spec.keys.length > 0 && (pass === 'exact' || Boolean(spec.amount?.toleranceMinor || spec.amount?.tolerancePercent));
    case 'amountDate':
      return Boolean(spec.amount && spec.date);
    case 'manyToOne':
      return spec.keys.length > 0 && spec.group?.side === 'left';
    case 'oneToMany':
      return spec.keys.length > 0 && spec.group?.side === 'right';
  }
}

/** Copies the decisions out of the temp work tables into tables the analyst can query. */
function materialize(context: EngineContext, spec: MatchSpec): MatchRun['tables'] {
  const db = context.sqlite.db;
  const prefix = resultPrefix(spec);
  const tables = { rows: `${prefix}_rows`, matches: `${prefix}_matches`, leftOnly: `${prefix}_left_only`, rightOnly: `${prefix}_right_only` };
  db.run(`DROP VIEW IF EXISTS ${quoteIdentifier(tables.leftOnly)}; DROP VIEW IF EXISTS ${quoteIdentifier(tables.rightOnly)};`);
  // The side-by-side items of the previous run are rebuilt on demand (items.ts).
  db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(`${prefix}_items`)}`);
  db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(tables.rows)}; DROP TABLE IF EXISTS ${quoteIdentifier(tables.matches)};`);
  db.run(`CREATE TABLE ${quoteIdentifier(tables.matches)} AS
    SELECT match_id, pass, kind, status, currency, key, left_rows, right_rows, left_amount, right_amount, delta, days, fee,
           CASE WHEN kind = '1:1' OR kind = '1:n' THEN x END AS left_id, CASE WHEN kind = '1:1' THEN y WHEN kind = 'n:1' THEN y END AS right_id
    FROM _wb_matches ORDER BY match_id`);
  db.run(`CREATE TABLE ${quoteIdentifier(tables.rows)} (side TEXT NOT NULL, row_id INTEGER NOT NULL, status TEXT NOT NULL, match_id INTEGER, pass INTEGER, currency TEXT, amount INTEGER, key TEXT, PRIMARY KEY (side, row_id)) WITHOUT ROWID`);
  db.run(`INSERT INTO ${quoteIdentifier(tables.rows)} SELECT 'L', id, s, m, p, c, a, k FROM ${WORK.L}`);
  db.run(`INSERT INTO ${quoteIdentifier(tables.rows)} SELECT 'R', id, s, m, p, c, a, k FROM ${WORK.R}`);
  db.run(`CREATE VIEW ${quoteIdentifier(tables.leftOnly)} AS SELECT t.* FROM ${quoteIdentifier(spec.left.table)} t JOIN ${quoteIdentifier(tables.rows)} r ON r.side = 'L' AND r.row_id = t.rowid WHERE r.status = 'left_only'`);
  db.run(`CREATE VIEW ${quoteIdentifier(tables.rightOnly)} AS SELECT t.* FROM ${quoteIdentifier(spec.right.table)} t JOIN ${quoteIdentifier(tables.rows)} r ON r.side = 'R' AND r.row_id = t.rowid WHERE r.status = 'right_only'`);
  return tables;
}
