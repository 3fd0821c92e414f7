import type { ColumnInfo, TableInfo } from '../api';
import type { EngineContext } from '../context';
import { EngineError } from '../errors';
import { quoteIdentifier } from '../ingest/names';
import type { MatchSpec } from './spec';

/**
 * Each side is projected once into a narrow working table: row id, the
 * normalised key, the amount as an integer at the two sides' common scale
 * (sign-flipped for `opposite`), the day number, the currency. Every pass then
 * joins these on indexes instead of re-deriving keys per pass.
 */
export type Side = 'L' | 'R';

export interface PreparedSides {
  scale: number;
  left: TableInfo;
  right: TableInfo;
  leftRows: number;
  rightRows: number;
}

export const WORK = { L: '_wb_match_l', R: '_wb_match_r' } as const;

function column(table: TableInfo, name: string, role: string): ColumnInfo {
  const found = table.columns.find((c) => c.name === name);
  if (!found) throw new EngineError('unknown-column', `Match spec: ${role} column "${name}" is not in table "${table.name}"`);
  return found;
}

function amountScale(info: ColumnInfo): number {
  if (info.type === 'decimal') return info.scale;
  if (info.type === 'integer') return 0;
  throw new EngineError('bad-input', `Match spec: amount column "${info.label}" is ${info.type}, not a number`);
}

export function prepareSides(context: EngineContext, spec: MatchSpec): PreparedSides {
  const db = context.sqlite.db;
  const left = context.catalog.get(spec.left.table);
  const right = context.catalog.get(spec.right.table);
  const scales = spec.amount ? [amountScale(column(left, spec.amount.left, 'left amount')), amountScale(column(right, spec.amount.right, 'right amount'))] : [0, 0];
  const scale = Math.max(scales[0]!, scales[1]!);
  const build = (side: Side, table: TableInfo, own: 'left' | 'right', ownScale: number): number => {
    const key = spec.keys[0];
    const keyColumn = key ? quoteIdentifier(column(table, key[own], `${own} key`).name) : 'NULL';
    // Normalise each DISTINCT key once (a JS call per value is the slow part), then look it up.
    const keyMap = `${WORK[side]}_keys`;
    if (key && key.normalize.length > 0) {
      db.run(`DROP TABLE IF EXISTS ${keyMap}`);
      db.run(`CREATE TABLE ${keyMap} (raw PRIMARY KEY, k TEXT) WITHOUT ROWID`);
      db.run(`INSERT INTO ${keyMap} SELECT raw, wb_norm(raw, ${sqlText(JSON.stringify(key.normalize))}) FROM (SELECT DISTINCT ${keyColumn} AS raw FROM ${quoteIdentifier(table.name)} WHERE ${keyColumn} IS NOT NULL)`);
    }
    const keySql = !key ? 'NULL' : key.normalize.length > 0 ? `(SELECT k FROM ${keyMap} WHERE raw = ${keyColumn})` : `CAST(${keyColumn} AS TEXT)`;
    const multiplier = 10 ** (scale - ownScale) * (own === 'right' && spec.amount?.sign === 'opposite' ? -1 : 1);
    const amountSql = spec.amount ? `CASE WHEN typeof(${quoteIdentifier(column(table, spec.amount[own], `${own} amount`).name)}) = 'integer' THEN ${quoteIdentifier(spec.amount[own])} * ${multiplier} END` : '0';
    const daySql = spec.date ? `julianday(substr(${quoteIdentifier(column(table, spec.date[own], `${own} date`).name)}, 1, 10))` : 'NULL';
    const currencySql = spec.currency ? `upper(trim(${quoteIdentifier(column(table, spec.currency[own], `${own} currency`).name)}))` : "''";
    const feeSql = spec.group?.feeColumn && own === spec.group.side ? `${quoteIdentifier(column(table, spec.group.feeColumn, 'fee').name)}` : 'NULL';
    const where = spec[own].where ? ` WHERE ${spec[own].where}` : '';
    const work = WORK[side];
    db.run(`DROP TABLE IF EXISTS ${work}`);
    // s: status once decided (NULL = still open), m: match id, p: the pass that decided it.
    db.run(`CREATE TABLE ${work} (id INTEGER PRIMARY KEY, k TEXT, a INTEGER, d REAL, c TEXT, f INTEGER, s TEXT, m INTEGER, p INTEGER)`);
    try {
      db.run(`INSERT INTO ${work} (id, k, a, d, c, f) SELECT rowid, ${keySql}, ${amountSql}, ${daySql}, ${currencySql}, ${feeSql} FROM ${quoteIdentifier(table.name)}${where}`);
    } catch (error) {
      throw new EngineError('bad-input', `Match spec: ${own} side query failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    // The passes scan the left table and probe the right one, so only the right needs
    // indexes; an index build is the single most expensive step on 1M rows.
    if (side === 'R') {
      if (spec.keys.length > 0) db.run(`CREATE INDEX ${work}_k ON ${work} (k, c)`);
      if (spec.amount) db.run(`CREATE INDEX ${work}_a ON ${work} (c, a)`);
    }
    return Number(db.exec(`SELECT count(*) FROM ${work}`)[0]?.values[0]?.[0] ?? 0);
  };
  const leftRows = build('L', left, 'left', scales[0]!);
  const rightRows = build('R', right, 'right', scales[1]!);
  // Work tables live in the main :memory: database: sql.js keeps TEMP in its slow MEMFS file.
  db.run(`ANALYZE ${WORK.L}; ANALYZE ${WORK.R}`);
  return { scale, left, right, leftRows, rightRows };
}

function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
