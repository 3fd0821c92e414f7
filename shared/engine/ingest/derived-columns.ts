/**
 * Signed amounts the file only implies: an unsigned amount plus a `CR`/`DR`
 * column (PayPal STL), or a debit and a credit column of which one is filled
 * (Adyen, Targobank). They are added after the rows are in, with one UPDATE,
 * so files without them pay nothing. The source columns stay as they were.
 */
import type { ColumnInfo, TableInfo } from '../api';
import type { EngineContext } from '../context';
import type { DerivedRule } from '../profiles';
import type { ColumnPlan } from './column-plan';
import { quoteIdentifier, sanitizeName } from './names';

export interface DerivedResult {
  columns: ColumnInfo[];
  warnings: string[];
}

function findPlan(plans: ColumnPlan[], label: string): ColumnPlan | undefined {
  const wanted = label.trim().toLowerCase();
  return plans.find((plan) => plan.info.label.trim().toLowerCase() === wanted);
}

function isNumeric(plan: ColumnPlan | undefined): plan is ColumnPlan {
  return plan !== undefined && (plan.info.type === 'decimal' || plan.info.type === 'integer');
}

function scalar(context: EngineContext, sql: string): number {
  return Number(context.sqlite.db.exec(sql)[0]?.values[0]?.[0] ?? 0);
}

export function addDerivedColumns(context: EngineContext, table: TableInfo, plans: ColumnPlan[], rules: DerivedRule[]): DerivedResult {
  const result: DerivedResult = { columns: [], warnings: [] };
  const used = new Set(table.columns.map((column) => column.name));
  const t = quoteIdentifier(table.name);
  for (const rule of rules) {
    const name = sanitizeName(rule.name, 'derived');
    if (used.has(name)) continue; // the file already has a column by that name
    used.add(name);
    const q = quoteIdentifier(name);
    if (rule.kind === 'indicator') {
      const amount = findPlan(plans, rule.amount);
      const indicator = findPlan(plans, rule.indicator);
      if (!isNumeric(amount) || !indicator) continue;
      const a = quoteIdentifier(amount.info.name);
      const i = quoteIdentifier(indicator.info.name);
      context.sqlite.db.run(`ALTER TABLE ${t} ADD COLUMN ${q} INTEGER`);
      context.sqlite.db.run(
        `UPDATE ${t} SET ${q} = CASE upper(trim(${i})) WHEN 'DR' THEN -${a} WHEN 'D' THEN -${a} WHEN 'CR' THEN ${a} WHEN 'C' THEN ${a} END WHERE typeof(${a}) = 'integer'`,
      );
      const unsigned = scalar(context, `SELECT count(*) FROM ${t} WHERE typeof(${a}) = 'integer' AND ${q} IS NULL`);
      if (unsigned > 0) result.warnings.push(`${unsigned} row(s) have a ${amount.info.label} but no CR/DR in ${indicator.info.label}; their ${name} is empty.`);
      result.columns.push(derived(name, `${amount.info.label} (signed by ${indicator.info.label})`, amount, `${amount.info.label} × (CR +1, DR −1) from ${indicator.info.label}`));
    } else if (rule.kind === 'debit-credit') {
      const debit = findPlan(plans, rule.debit);
      const credit = findPlan(plans, rule.credit);
      if (!isNumeric(debit) || !isNumeric(credit)) continue;
      const scale = Math.max(debit.info.scale, credit.info.scale);
      const d = `${quoteIdentifier(debit.info.name)} * ${10 ** (scale - debit.info.scale)}`;
      const c = `${quoteIdentifier(credit.info.name)} * ${10 ** (scale - credit.info.scale)}`;
      const isInt = (plan: ColumnPlan) => `typeof(${quoteIdentifier(plan.info.name)}) = 'integer'`;
      // Targobank writes debits already negative, Adyen positive: subtract only positive ones.
      const positiveDebits = scalar(context, `SELECT count(*) FROM ${t} WHERE ${isInt(debit)} AND ${quoteIdentifier(debit.info.name)} > 0`);
      const negativeDebits = scalar(context, `SELECT count(*) FROM ${t} WHERE ${isInt(debit)} AND ${quoteIdentifier(debit.info.name)} < 0`);
      const subtract = positiveDebits > 0 || negativeDebits === 0;
      const how = subtract ? `${credit.info.label} − ${debit.info.label}` : `${credit.info.label} + ${debit.info.label} (debits are written negative)`;
      const debitTerm = subtract ? `- CASE WHEN ${isInt(debit)} THEN ${d} ELSE 0 END` : `+ CASE WHEN ${isInt(debit)} THEN ${d} ELSE 0 END`;
      context.sqlite.db.run(`ALTER TABLE ${t} ADD COLUMN ${q} INTEGER`);
      context.sqlite.db.run(
        `UPDATE ${t} SET ${q} = CASE WHEN ${isInt(credit)} THEN ${c} ELSE 0 END ${debitTerm} WHERE ${isInt(credit)} OR ${isInt(debit)}`,
      );
      const both = scalar(context, `SELECT count(*) FROM ${t} WHERE ${isInt(credit)} AND ${isInt(debit)} AND ${quoteIdentifier(credit.info.name)} <> 0 AND ${quoteIdentifier(debit.info.name)} <> 0`);
      if (both > 0) result.warnings.push(`${both} row(s) have both ${debit.info.label} and ${credit.info.label} filled; ${name} nets them.`);
      result.columns.push(derived(name, `${name} (${how})`, { ...credit, info: { ...credit.info, scale } }, how));
    } else {
      const from = findPlan(plans, rule.from);
      if (!from) continue;
      context.sqlite.db.run(`ALTER TABLE ${t} ADD COLUMN ${q} TEXT`);
      context.sqlite.db.run(`UPDATE ${t} SET ${q} = json_extract(${quoteIdentifier(from.info.name)}, ?) WHERE json_valid(${quoteIdentifier(from.info.name)})`, [rule.path]);
      result.columns.push({ name, label: `${rule.name} (from ${from.info.label} ${rule.path})`, type: 'text', scale: 0, coercedCells: 0, role: 'key', derivedFrom: `${from.info.label} ${rule.path}` });
    }
  }
  return result;
}

function derived(name: string, label: string, source: ColumnPlan, how: string): ColumnInfo {
  const column: ColumnInfo = { name, label, type: 'decimal', scale: source.info.scale, coercedCells: 0, role: 'derived', derivedFrom: how };
  if (source.info.currencyColumn) column.currencyColumn = source.info.currencyColumn;
  return column;
}
