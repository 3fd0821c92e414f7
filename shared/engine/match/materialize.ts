import type { EngineContext } from '../context';
import { quoteIdentifier } from '../ingest/names';
import { bulkInserter } from '../sqlite/bulk-insert';
import { fallbackSql } from './normalize-keys';
import { KIND_NAMES, STATUS_NAMES, type MatchList, type RunState } from './run-state';
import type { SideData } from './side-data';
import type { MatchSpec } from './spec';

export interface ResultTables {
  /** View: one row per source row of both sides (side, row_id, status, match_id, pass, currency, amount, key). */
  rows: string;
  /** View: one row per match, kind and status as names; a 1:1 match's currency, key, amounts and days read from its two rows. */
  matches: string;
  /** Table: one row per 1:1 match, only match id, pass, status code and the two rowids. */
  pairs: string;
  /** Table: one row per match of any other kind (groups, manual), kind and status as codes. */
  matchData: string;
  leftOnly: string;
  rightOnly: string;
  /** Tables behind `rows`: each side's rows that are not in a 1:1 match (those are in `pairs`). */
  left: string;
  right: string;
}

export function resultPrefix(spec: MatchSpec): string {
  return `match_${spec.name.toLowerCase()}`;
}

export function resultTables(spec: MatchSpec): ResultTables {
  const prefix = resultPrefix(spec);
  return {
    rows: `${prefix}_rows`, matches: `${prefix}_matches`, pairs: `${prefix}_pairs`, matchData: `${prefix}_match_data`,
    leftOnly: `${prefix}_left_only`, rightOnly: `${prefix}_right_only`, left: `${prefix}_left`, right: `${prefix}_right`,
  };
}

/**
 * Writes the run's decisions as SQL the analyst can query, storing each
 * fact once because every stored row and column costs time on a 1M-row run:
 * a 1:1 match is one row of `_pairs` (its id, pass and status as one code, and two rowids;
 * 4 columns insert in well under half the time of the 15 a general match needs), and
 * the `_matches` view reads its currency, key, amounts and days from those
 * two rows. Other matches are rows of `_match_data`. The side tables hold
 * every row not in a 1:1 match (group members, ambiguous, one-sided); the
 * `_rows` view puts them together with currency, amount and key from the
 * source. Keys made by normalisers are stored as a raw → key table so the
 * views work in any SQLite, not only inside this engine.
 */
export function materialize(context: EngineContext, spec: MatchSpec, state: RunState): ResultTables {
  const db = context.sqlite.db;
  const tables = resultTables(spec);
  const q = quoteIdentifier;
  const prefix = resultPrefix(spec);
  // Earlier runs (and earlier versions) left tables or views under these names.
  const previous = [tables.rows, tables.leftOnly, tables.rightOnly, tables.matches, `${prefix}_items`, tables.pairs, tables.matchData, tables.left, tables.right, `${prefix}_keys_l`, `${prefix}_keys_r`];
  for (const name of previous) dropObject(context, name);
  db.run('BEGIN');
  try {
    const ids = new SqlMatchIds(state.matches);
    writeMatches(context, tables, state, ids);
    writeSide(context, tables.left, state.left, state.L, state.matches.kind, ids);
    writeSide(context, tables.right, state.right, state.R, state.matches.kind, ids);
    const keyL = writeKeyMap(context, 'left', `${prefix}_keys_l`, state, spec);
    const keyR = writeKeyMap(context, 'right', `${prefix}_keys_r`, state, spec);
    const codes = (column: string, names: readonly string[]) => `CASE ${column} ${names.map((name, code) => `WHEN ${code} THEN '${name}'`).join(' ')} END`;
    const leftAmount = sourced(state.left.expressions.amount, 's');
    const rightAmount = sourced(state.right.expressions.amount, 't');
    // SQLite's round() is half away from zero, as the run's (roundDays).
    const days = `CAST(round(${sourced(state.right.expressions.day, 't')} - ${sourced(state.left.expressions.day, 's')}) AS INTEGER)`;
    db.run(`CREATE VIEW ${q(tables.matches)} AS
      SELECT p.match_id, p.code >> 3 AS pass, '1:1' AS kind, ${codes('p.code & 7', STATUS_NAMES)} AS status,
        ${sourced(state.left.expressions.currency, 's')} AS currency, ${keyL} AS key, 1 AS left_rows, 1 AS right_rows,
        ${leftAmount} AS left_amount, ${rightAmount} AS right_amount, ${rightAmount} - ${leftAmount} AS delta, ${days} AS days,
        NULL AS fee, p.left_id, p.right_id
      FROM ${q(tables.pairs)} p JOIN ${q(spec.left.table)} s ON s.rowid = p.left_id JOIN ${q(spec.right.table)} t ON t.rowid = p.right_id
      UNION ALL
      SELECT d.match_id, d.pass, ${codes('d.kind', KIND_NAMES)}, ${codes('d.status', STATUS_NAMES)}, d.currency, d.key, d.left_rows, d.right_rows,
        d.left_amount, d.right_amount, d.delta, d.days, d.fee, d.left_id, d.right_id
      FROM ${q(tables.matchData)} d`);
    // A row in a 1:1 match is described by its pair; the side tables hold every other row.
    const side = (name: 'L' | 'R', table: string, data: SideData, key: string) => {
      const id = name === 'L' ? 'left_id' : 'right_id';
      const columns = `${sourced(data.expressions.currency)} AS currency, ${sourced(data.expressions.amount)} AS amount, ${key} AS key`;
      return `SELECT '${name}' AS side, m.${id} AS row_id, ${codes('m.code & 7', STATUS_NAMES)} AS status, m.match_id, m.code >> 3 AS pass, ${columns}
         FROM ${q(tables.pairs)} m JOIN ${q(data.table.name)} s ON s.rowid = m.${id}
       UNION ALL
       SELECT '${name}', r.row_id, r.status, r.match_id, r.pass, ${columns}
         FROM ${q(table)} r JOIN ${q(data.table.name)} s ON s.rowid = r.row_id`;
    };
    db.run(`CREATE VIEW ${q(tables.rows)} AS ${side('L', tables.left, state.left, keyL)} UNION ALL ${side('R', tables.right, state.right, keyR)}`);
    // One-sided rows are never in a 1:1 match, so the side tables alone list them.
    db.run(`CREATE VIEW ${q(tables.leftOnly)} AS SELECT t.* FROM ${q(spec.left.table)} t JOIN ${q(tables.left)} r ON r.row_id = t.rowid WHERE r.status = 'left_only'`);
    db.run(`CREATE VIEW ${q(tables.rightOnly)} AS SELECT t.* FROM ${q(spec.right.table)} t JOIN ${q(tables.right)} r ON r.row_id = t.rowid WHERE r.status = 'right_only'`);
    db.run('COMMIT');
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  }
  return tables;
}

/**
 * Match ids as the result tables number them: the 1:1 matches first, 1…P in
 * run order, then every other kind (groups, manual), P + 1… in run order. The
 * run itself numbers all kinds together. With the pairs first, `_pairs` takes
 * its ids from SQLite as rows are appended; binding an explicit INTEGER
 * PRIMARY KEY made SQLite look each one up: a million pairs took 0.40–0.54 s
 * to insert that way and 0.27–0.29 s this way.
 */
export class SqlMatchIds {
  /** Run indices of the matches that are not 1:1, ascending (few). */
  private readonly general: number[];
  private readonly pairs: number;

  constructor(matches: MatchList) {
    this.general = [...matches.general.keys()].sort((a, b) => a - b);
    this.pairs = matches.size - this.general.length;
  }

  /** The result tables' id of the match at run index `i`. */
  of(i: number): number {
    // General matches before i (for a general match: its own rank among them).
    let lo = 0;
    let hi = this.general.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.general[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    const isGeneral = lo < this.general.length && this.general[lo] === i;
    return isGeneral ? this.pairs + lo + 1 : i + 1 - lo;
  }
}

/** The side's SQL expressions name columns bare; in a view they belong to an alias (`s` unless named). */
function sourced(expression: string, alias = 's'): string {
  return expression.replace(/"((?:[^"]|"")*)"/g, `${alias}."$1"`);
}

function writeMatches(context: EngineContext, tables: ResultTables, state: RunState, ids: SqlMatchIds): void {
  const db = context.sqlite.db;
  // Pass and status share one column (code = pass × 8 + status): a million rows of four values
  // insert in about 0.85 of the time five take.
  db.run(`CREATE TABLE ${quoteIdentifier(tables.pairs)} (match_id INTEGER PRIMARY KEY, code INTEGER, left_id INTEGER, right_id INTEGER)`);
  db.run(`CREATE TABLE ${quoteIdentifier(tables.matchData)} (
    match_id INTEGER PRIMARY KEY, pass INTEGER, kind INTEGER, status INTEGER, currency TEXT, key TEXT,
    left_rows INTEGER, right_rows INTEGER, left_amount INTEGER, right_amount INTEGER,
    delta INTEGER, days INTEGER, fee INTEGER, left_id INTEGER, right_id INTEGER)`);
  const m = state.matches;
  const oneToOne = KIND_NAMES.indexOf('1:1');
  const interner = state.interners.keys;
  // Pairs get their match ids 1, 2, 3… from SQLite as they are appended (see SqlMatchIds).
  const pairs = bulkInserter(context.sqlite, `${quoteIdentifier(tables.pairs)} (code, left_id, right_id)`, 3);
  const others = bulkInserter(context.sqlite, quoteIdentifier(tables.matchData), 15);
  try {
    for (let i = 0; i < m.size; i++) {
      const kind = m.kind[i]!;
      if (kind === oneToOne) {
        pairs.number(m.pass[i]! * 8 + m.status[i]!);
        pairs.number(m.leftId(i));
        pairs.number(m.rightId(i));
        pairs.endRow();
        continue;
      }
      const k = m.key(i);
      others.number(ids.of(i));
      others.number(m.pass[i]!);
      others.number(kind);
      others.number(m.status[i]!);
      others.text(state.interners.currencies.text(m.currency(i)));
      if (k < 0) others.null();
      else others.text(interner.text(k)); // few matches are not 1:1, so no key bytes are copied in bulk
      others.number(m.leftRows(i));
      others.number(m.rightRows(i));
      others.numberOrNull(m.leftAmount(i));
      others.numberOrNull(m.rightAmount(i));
      others.numberOrNull(m.delta(i));
      others.numberOrNull(m.days(i));
      others.numberOrNull(m.fee(i));
      others.numberOrNull(m.leftId(i));
      others.numberOrNull(m.rightId(i));
      others.endRow();
    }
  } finally {
    // Each finish() writes its pending rows and frees its statements (on failure too: the caller rolls back).
    try {
      pairs.finish();
    } finally {
      others.finish();
    }
  }
}

/** memcmp order, then the shorter first: SQLite's BINARY collation. */
function compareBytes(bytes: Uint8Array, a: number, aLength: number, b: number, bLength: number): number {
  const length = Math.min(aLength, bLength);
  for (let i = 0; i < length; i++) {
    const difference = bytes[a + i]! - bytes[b + i]!;
    if (difference !== 0) return difference;
  }
  return aLength - bLength;
}

/** Drops a table or view of this name, whichever it is. */
function dropObject(context: EngineContext, name: string): void {
  const type = context.sqlite.db.exec('SELECT type FROM sqlite_master WHERE name = ? AND type IN (\'table\', \'view\')', [name])[0]?.values[0]?.[0];
  if (type === 'view') context.sqlite.db.run(`DROP VIEW ${quoteIdentifier(name)}`);
  else if (type === 'table') context.sqlite.db.run(`DROP TABLE ${quoteIdentifier(name)}`);
}

function writeSide(context: EngineContext, table: string, data: SideData, side: RunState['L'], kinds: Uint8Array, ids: SqlMatchIds): void {
  const oneToOne = KIND_NAMES.indexOf('1:1');
  context.sqlite.db.run(`CREATE TABLE ${quoteIdentifier(table)} (row_id INTEGER PRIMARY KEY, status TEXT NOT NULL, match_id INTEGER, pass INTEGER)`);
  const insert = bulkInserter(context.sqlite, quoteIdentifier(table), 4);
  for (let i = 0; i < data.n; i++) {
    const match = side.match[i]!;
    if (match > 0 && kinds[match - 1] === oneToOne) continue;
    insert.number(data.ids[i]!);
    insert.text(STATUS_NAMES[side.status[i]!]!);
    if (match > 0) insert.number(ids.of(match - 1));
    else insert.null();
    const pass = side.pass[i]!;
    if (pass >= 0) insert.number(pass);
    else insert.null();
    insert.endRow();
  }
  insert.finish();
}

/**
 * The key expression for the views: the raw column, or, with normalisers, its
 * normalised form. The map table stores only raw keys whose normalised form
 * differs from them (trim or casefold on clean references changes almost
 * none); every other raw key is its own key. Its texts are copied into WASM
 * memory in one block and bound by pointer: bound as JS strings, a million
 * rows (a regex over every bank line) took over 15 s.
 */
function writeKeyMap(context: EngineContext, own: 'left' | 'right', table: string, state: RunState, spec: MatchSpec): string {
  const data = own === 'left' ? state.left : state.right;
  const raw = data.rawKeys;
  if (!raw) return data.expressions.key === 'NULL' ? 'NULL' : sourced(data.expressions.key);
  const { module, db } = context.sqlite;
  const q = quoteIdentifier(table);
  db.run(`CREATE TABLE ${q} (raw TEXT PRIMARY KEY, key TEXT) WITHOUT ROWID`);
  const keys = state.interners.keys;
  const changed: number[] = [];
  let size = 0;
  for (let id = 0; id < raw.interner.size; id++) {
    if (!raw.changed[id]) continue;
    changed.push(id);
    const key = raw.normalised[id]!;
    size += raw.interner.lengthOf(id) + (key >= 0 ? keys.lengthOf(key) : 0);
  }
  if (changed.length > 0) {
    // In the table's order (SQLite compares TEXT bytewise, then by length), so each insert appends
    // to the B-tree: in interner order, a million raw keys (casefold on mixed-case references)
    // took 17 s of inserts at random places.
    const arena = raw.interner.allBytes();
    const starts = new Int32Array(raw.interner.size);
    const lengths = new Int32Array(raw.interner.size);
    for (const id of changed) {
      starts[id] = raw.interner.offsetOf(id);
      lengths[id] = raw.interner.lengthOf(id);
    }
    changed.sort((a, b) => compareBytes(arena, starts[a]!, lengths[a]!, starts[b]!, lengths[b]!));
    // Every text in one block, in the order bound: raw, then its key (if any).
    const block = new Uint8Array(Math.max(1, size));
    let at = 0;
    for (const id of changed) {
      block.set(raw.interner.utf8(id), at);
      at += raw.interner.lengthOf(id);
      const key = raw.normalised[id]!;
      if (key >= 0) {
        block.set(keys.utf8(key), at);
        at += keys.lengthOf(key);
      }
    }
    const pointer = module._malloc(block.length);
    context.sqlite.heap().set(block, pointer);
    const insert = bulkInserter(context.sqlite, q, 2);
    try {
      at = pointer;
      for (const id of changed) {
        insert.textAt(at, raw.interner.lengthOf(id));
        at += raw.interner.lengthOf(id);
        const key = raw.normalised[id]!;
        if (key >= 0) {
          insert.textAt(at, keys.lengthOf(key));
          at += keys.lengthOf(key);
        } else insert.null();
        insert.endRow();
      }
    } finally {
      try {
        insert.finish();
      } finally {
        module._free(pointer);
      }
    }
  }
  const rawText = sourced(data.expressions.key);
  const lookup = (column: string) => `(SELECT k.${column} FROM ${q} k WHERE k.raw = ${rawText})`;
  return `CASE WHEN ${rawText} IS NULL THEN NULL WHEN EXISTS ${lookup('raw')} THEN ${lookup('key')} ELSE ${fallbackSql(spec.keys, rawText)} END`;
}
