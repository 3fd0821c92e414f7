/**
 * Totals a file states about itself (a `Total` row, dLocal's summary
 * section, PayPal's SF/RF footers) checked against the rows actually loaded.
 * Sums are exact (SQLite integer SUM read back as text, then BigInt); a
 * mismatch is reported with both numbers, never adjusted.
 */
import type { ControlTotal, TableInfo } from '../api';
import type { EngineContext } from '../context';
import { formatScaled, pow10 } from '../money/decimal';
import { MAX_SCALE } from './cell-classify';
import type { ColumnPlan } from './column-plan';
import { quoteIdentifier } from './names';
import { COMMA, DOT, lastNumber, parseLocaleScaled } from './number-format';
import { createEncoder } from './text-codec';

const encoder = createEncoder();

export interface Stated {
  value: bigint;
  scale: number;
}

/** A number as a file states it in a footer or summary (`1.234,56`, `5735`, `259.7`), or null. */
export function parseStated(text: string, decimal: number): Stated | null {
  const bytes = encoder.encode(text.trim());
  if (bytes.length === 0) return null;
  const value = parseLocaleScaled(bytes, 0, bytes.length, decimal, MAX_SCALE, false);
  return value === value ? { value: BigInt(value), scale: lastNumber.fracDigits } : null;
}

export function sumOf(context: EngineContext, table: TableInfo, column: string, where = '', params: (string | number)[] = []): bigint {
  const name = quoteIdentifier(column);
  const sql = `SELECT CAST(coalesce(sum(${name}), 0) AS TEXT) FROM ${quoteIdentifier(table.name)} WHERE typeof(${name}) = 'integer'${where ? ` AND ${where}` : ''}`;
  const value = context.sqlite.db.exec(sql, params)[0]?.values[0]?.[0];
  return BigInt(String(value ?? '0'));
}

export function countOf(context: EngineContext, table: TableInfo, where = '', params: (string | number)[] = []): number {
  const sql = `SELECT count(*) FROM ${quoteIdentifier(table.name)}${where ? ` WHERE ${where}` : ''}`;
  return Number(context.sqlite.db.exec(sql, params)[0]?.values[0]?.[0] ?? 0);
}

/** Half away from zero: the way report totals are rounded for display. */
function roundTo(value: bigint, from: number, to: number): bigint {
  if (to >= from) return value * pow10(to - from);
  const divisor = pow10(from - to);
  const half = divisor / 2n;
  return value < 0n ? -((-value + half) / divisor) : (value + half) / divisor;
}

/**
 * Compares a stated total with a column sum at `scale`. Items kept finer than
 * cents (dLocal's 6 decimals) are summarised in cents, so there the sum is
 * compared rounded to 2 places; otherwise exactly.
 */
export function compare(label: string, line: number, stated: Stated, actual: bigint, scale: number): ControlTotal {
  const rounded = stated.scale < scale && scale > 2;
  const at = rounded ? Math.max(stated.scale, 2) : Math.max(stated.scale, scale);
  const actualAt = roundTo(actual, scale, at);
  const statedAt = roundTo(stated.value, stated.scale, at);
  return {
    label: rounded ? `${label} (rows rounded to ${at} decimals)` : label,
    line,
    expected: formatScaled(stated.value, stated.scale),
    actual: formatScaled(actual, scale),
    ok: actualAt === statedAt,
  };
}

export function countCheck(label: string, line: number, stated: number, actual: number): ControlTotal {
  return { label, line, expected: String(stated), actual: String(actual), ok: stated === actual };
}

const COUNT_LABEL = /^(records?|record count|count|rows?|anzahl|number of (rows|records|items|transactions))\b/i;
const SUM_LABEL = /^(grand total|totals?|subtotal|summe|gesamt(summe)?|sum|total amount)\b/i;

/** Trailing summary rows as control totals: a count, or sums of the money columns they line up with. */
export function checkTrailers(context: EngineContext, table: TableInfo, plans: ColumnPlan[], trailers: { line: number; cells: string[] }[], rows: number): ControlTotal[] {
  const checks: ControlTotal[] = [];
  const numeric = plans.filter((plan) => plan.info.type === 'decimal' || plan.info.type === 'integer');
  for (const { line, cells } of trailers) {
    const label = cells.find((cell) => cell.trim() !== '')?.trim() ?? '';
    if (COUNT_LABEL.test(label)) {
      const stated = /(\d+)\s*$/.exec(label)?.[1] ?? cells.slice(cells.indexOf(label) + 1).find((cell) => /^\s*\d+\s*$/.test(cell));
      if (stated) checks.push(countCheck(`"${label}" row count`, line, Number(stated), rows));
      continue;
    }
    if (!SUM_LABEL.test(label)) continue;
    if (cells.length === plans.length) {
      plans.forEach((plan, index) => {
        if (plan.info.type !== 'decimal' && plan.info.type !== 'integer') return;
        const stated = parseStated(cells[index] ?? '', plan.decimal);
        if (stated) checks.push(compare(`"${label}" row: ${plan.info.label}`, line, stated, sumOf(context, table, plan.info.name), plan.info.scale));
      });
      continue;
    }
    const money = numeric.filter((plan) => plan.info.role === 'money' || plan.info.type === 'decimal');
    const stated = cells.slice(1).map((cell) => parseStated(cell, money[0]?.decimal ?? DOT)).find((value) => value !== null);
    if (money.length === 1 && stated) checks.push(compare(`"${label}" row: ${money[0]!.info.label}`, line, stated, sumOf(context, table, money[0]!.info.name), money[0]!.info.scale));
  }
  return checks;
}

/** dLocal-style summary section: `NUMBER_OF_ITEMS`, and `X_TOTAL_AMOUNT` against the body's `X_AMOUNT`. */
export function checkSummarySection(context: EngineContext, table: TableInfo, plans: ColumnPlan[], labels: string[], values: string[], line: number, rows: number): ControlTotal[] {
  const checks: ControlTotal[] = [];
  labels.forEach((label, index) => {
    const text = values[index]?.trim() ?? '';
    if (!text) return;
    if (/^(NUMBER_OF_ITEMS|ITEMS|COUNT|RECORDS)$/i.test(label.trim()) && /^\d+$/.test(text)) {
      checks.push(countCheck(`${label} in the summary section`, line, Number(text), rows));
      return;
    }
    const target = label.trim().replace(/_?TOTAL_?/i, '_').replace(/^_|_$/g, '');
    if (target === label.trim()) return;
    const plan = plans.find((candidate) => candidate.info.label.trim().toLowerCase() === target.toLowerCase());
    const stated = plan ? parseStated(text, plan.decimal === COMMA ? COMMA : DOT) : null;
    if (plan && stated && (plan.info.type === 'decimal' || plan.info.type === 'integer')) {
      checks.push(compare(`${label} in the summary section vs Σ ${plan.info.label}`, line, stated, sumOf(context, table, plan.info.name), plan.info.scale));
    }
  });
  return checks;
}
