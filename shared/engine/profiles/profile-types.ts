/**
 * A processor profile: what a known report's columns mean. Header labels
 * identify the report; the profile then fixes what inference cannot know
 * (a reference like `2444.1` is an id, not a number; PayPal STL amounts are
 * cents even for JPY; which column holds each amount's currency).
 */

export type ColumnRole = 'money' | 'currency' | 'key' | 'indicator';

export interface ColumnRule {
  /** The header label, compared case-insensitively, or a pattern over it. */
  match: string | RegExp;
  role: ColumnRole;
  /** For money: the label of the column holding its currency. */
  currency?: string;
  /** Whole numbers that mean value / 10^impliedScale (PayPal STL/TRR: always 2). */
  impliedScale?: number;
}

/** A signed column made from an unsigned amount and a `CR`/`DR` column. */
export interface IndicatorRule {
  kind: 'indicator';
  amount: string;
  indicator: string;
  name: string;
}

/** A signed column made from a pair of debit and credit columns. */
export interface DebitCreditRule {
  kind: 'debit-credit';
  debit: string;
  credit: string;
  name: string;
}

/** A value lifted out of a JSON-text column (Braintree's settlement batch id sits inside an array). */
export interface JsonPathRule {
  kind: 'json-path';
  from: string;
  path: string;
  name: string;
}

export type DerivedRule = IndicatorRule | DebitCreditRule | JsonPathRule;

export interface Profile {
  id: string;
  /** What people call the report. */
  name: string;
  /** Labels as read (trimmed); `has` is case-insensitive. */
  matches(headers: HeaderSet): boolean;
  columns: ColumnRule[];
  derived: DerivedRule[];
  /** How signs work in this report, for the report and the UI. */
  signConvention: string;
}

export class HeaderSet {
  private readonly lower: Set<string>;
  constructor(readonly labels: readonly string[]) {
    this.lower = new Set(labels.map((label) => label.trim().toLowerCase()));
  }
  has(...labels: string[]): boolean {
    return labels.every((label) => this.lower.has(label.toLowerCase()));
  }
  get size(): number {
    return this.labels.length;
  }
}

export function ruleMatches(rule: ColumnRule, label: string): boolean {
  return typeof rule.match === 'string' ? rule.match.toLowerCase() === label.trim().toLowerCase() : rule.match.test(label.trim());
}

export function money(match: string | RegExp, currency: string, impliedScale?: number): ColumnRule {
  return { match, role: 'money', currency, ...(impliedScale === undefined ? {} : { impliedScale }) };
}

export function keys(...labels: (string | RegExp)[]): ColumnRule[] {
  return labels.map((match) => ({ match, role: 'key' }));
}
