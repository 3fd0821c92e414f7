import { EngineError } from '../errors';

/**
 * A match spec: what to reconcile against what, and how. Saved as named JSON
 * and edited in the UI; validated here because it also arrives from files.
 */
export type Normalizer = 'trim' | 'casefold' | 'alnum' | { regex: string };

export interface KeyPair {
  left: string;
  right: string;
  normalize: Normalizer[];
}

export interface MatchSpec {
  name: string;
  left: { table: string; where?: string };
  right: { table: string; where?: string };
  keys: KeyPair[];
  amount?: {
    left: string;
    right: string;
    /** Absolute tolerance in minor units at the common scale of the two columns. */
    toleranceMinor?: number;
    /** Relative tolerance in percent of the left amount. */
    tolerancePercent?: number;
    /** `opposite`: left = −right (a ledger debit against a bank credit). */
    sign?: 'same' | 'opposite';
  };
  date?: { left: string; right: string; windowDays: number };
  currency?: { left: string; right: string };
  /** Passes 4/5: sum one side's rows that share its key and match the sum to one row of the other side. */
  group?: { side: 'left' | 'right'; feeColumn?: string };
  passes?: PassName[];
}

export type PassName = 'exact' | 'tolerance' | 'amountDate' | 'manyToOne' | 'oneToMany';
/**
 * Run order. The numbers follow the spec (3 = amount and date with no key),
 * but keyed grouping runs before the key-less pass: on a Stripe export a
 * single charge within tolerance of a bank credit's amount is common, and
 * letting a key-less pass take it first would steal the payout's bank line.
 */
export const ALL_PASSES: PassName[] = ['exact', 'tolerance', 'manyToOne', 'oneToMany', 'amountDate'];
export const PASS_NUMBER: Record<PassName, number> = { exact: 1, tolerance: 2, amountDate: 3, manyToOne: 4, oneToMany: 5 };

function fail(message: string): never {
  throw new EngineError('bad-input', `Match spec: ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200) fail(`${where} must be a non-empty name`);
  return value;
}

function optionalWhere(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > 2000) fail(`${where} must be SQL text`);
  // A filter is a WHERE fragment over one table: no statement separators.
  if (value.includes(';')) fail(`${where} may not contain ";"`);
  return value;
}

function normalizer(value: unknown, where: string): Normalizer {
  if (value === 'trim' || value === 'casefold' || value === 'alnum') return value;
  if (isRecord(value) && typeof value.regex === 'string') {
    try {
      new RegExp(value.regex);
    } catch {
      fail(`${where}: invalid regex ${JSON.stringify(value.regex)}`);
    }
    return { regex: value.regex };
  }
  return fail(`${where} must be "trim", "casefold", "alnum" or { "regex": "…" }`);
}

function pair(value: unknown, where: string): { left: string; right: string } {
  if (!isRecord(value)) fail(`${where} must be { "left": column, "right": column }`);
  return { left: text(value.left, `${where}.left`), right: text(value.right, `${where}.right`) };
}

function finiteNumber(value: unknown, where: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) fail(`${where} must be a number from ${min} to ${max}`);
  return value;
}

export function validateMatchSpec(raw: unknown): MatchSpec {
  if (!isRecord(raw)) fail('must be a JSON object');
  const name = text(raw.name, 'name');
  if (!/^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(name)) fail('name must be letters, digits and _ (starting with a letter)');
  if (!isRecord(raw.left) || !isRecord(raw.right)) fail('left and right must be { "table": … }');
  const left = { table: text(raw.left.table, 'left.table'), where: optionalWhere(raw.left.where, 'left.where') };
  const right = { table: text(raw.right.table, 'right.table'), where: optionalWhere(raw.right.where, 'right.where') };
  const keys = Array.isArray(raw.keys) ? raw.keys : [];
  const spec: MatchSpec = {
    name,
    left: left.where === undefined ? { table: left.table } : left,
    right: right.where === undefined ? { table: right.table } : right,
    keys: keys.map((key, i) => {
      const base = pair(key, `keys[${i}]`);
      const normalize = isRecord(key) && Array.isArray(key.normalize) ? key.normalize.map((n, j) => normalizer(n, `keys[${i}].normalize[${j}]`)) : [];
      return { ...base, normalize };
    }),
  };
  if (raw.amount !== undefined) {
    const amount = raw.amount;
    if (!isRecord(amount)) fail('amount must be an object');
    const sign = amount.sign;
    if (sign !== undefined && sign !== 'same' && sign !== 'opposite') fail('amount.sign must be "same" or "opposite"');
    const toleranceMinor = finiteNumber(amount.toleranceMinor, 'amount.toleranceMinor', 0, 1e12);
    const tolerancePercent = finiteNumber(amount.tolerancePercent, 'amount.tolerancePercent', 0, 100);
    spec.amount = { ...pair(amount, 'amount'), ...(toleranceMinor !== undefined ? { toleranceMinor: Math.trunc(toleranceMinor) } : {}), ...(tolerancePercent !== undefined ? { tolerancePercent } : {}), ...(sign ? { sign } : {}) };
  }
  if (raw.date !== undefined) {
    if (!isRecord(raw.date)) fail('date must be an object');
    spec.date = { ...pair(raw.date, 'date'), windowDays: Math.trunc(finiteNumber(raw.date.windowDays, 'date.windowDays', 0, 366) ?? 0) };
  }
  if (raw.currency !== undefined) spec.currency = pair(raw.currency, 'currency');
  if (raw.group !== undefined) {
    if (!isRecord(raw.group) || (raw.group.side !== 'left' && raw.group.side !== 'right')) fail('group.side must be "left" or "right"');
    const feeColumn = raw.group.feeColumn === undefined ? undefined : text(raw.group.feeColumn, 'group.feeColumn');
    spec.group = { side: raw.group.side, ...(feeColumn ? { feeColumn } : {}) };
  }
  if (raw.passes !== undefined) {
    if (!Array.isArray(raw.passes) || !raw.passes.every((p): p is PassName => ALL_PASSES.includes(p as PassName))) fail(`passes must be a list of ${ALL_PASSES.join(', ')}`);
    spec.passes = raw.passes;
  }
  if (spec.keys.length === 0 && !spec.amount) fail('needs at least one key pair or an amount pair');
  return spec;
}
