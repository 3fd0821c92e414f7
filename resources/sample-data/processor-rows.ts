// Row model for the processor export (Stripe "itemized balance change from activity").
// Pure: rows come out of a seeded generator and only become text in processorRowToCsv.
// All money is integer minor units; totals are kept per payout so the bank statement
// and manifest can be derived without re-reading the CSV.

import { createRng, weighted } from './prng';
import type { Rng } from './prng';
import { CURRENCIES, csvField, epochDayOf, formatAmount, formatDay, formatTimeOfDay } from './csv-format';
import type { Currency } from './csv-format';

export type ReportingCategory = 'charge' | 'refund' | 'dispute' | 'adjustment';

export interface ProcessorRow {
  balanceTransactionId: string;
  createdDay: number; // epoch day (UTC)
  createdSecondOfDay: number;
  availableOnDay: number; // epoch day; the payout date
  currency: Currency;
  grossMinor: number;
  feeMinor: number;
  netMinor: number;
  reportingCategory: ReportingCategory;
  sourceId: string;
  description: string;
  cardBrand: string; // '' for non-card rows
  cardCountry: string; // '' for non-card rows
  payoutId: string;
  merchantOrderRef: string;
  arn: string; // '' for non-card rows
}

export interface Payout {
  id: string;
  currency: Currency;
  day: number; // epoch day the payout is paid (= rows' available_on)
  rowCount: number;
  grossMinor: bigint;
  feeMinor: bigint;
  netMinor: bigint;
}

export const PROCESSOR_HEADER =
  'balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,' +
  'source_id,description,card_brand,card_country,automatic_payout_id,merchant_order_ref,arn\n';

export const START_DAY = epochDayOf(2024, 1, 1);
export const SPAN_DAYS = 90;
/** Stripe makes funds available (and pays them out) two days after the charge. */
export const AVAILABLE_AFTER_DAYS = 2;
export const DISPUTE_FEE_MINOR = 1500; // 15.00, or ¥1500 for JPY
/**
 * Per-row amounts stay below 1e7 minor units and the CLI caps rows at 50M, so
 * per-payout sums in plain numbers stay far below 2^53 and are exact.
 */
export const MAX_ROWS = 50_000_000;

const SPAN_SECONDS = SPAN_DAYS * 86_400;
const BASE62_CODES: readonly number[] = Array.from(
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  (ch) => ch.charCodeAt(0),
);
const BASE62_POW5 = 62 ** 5; // < 2^32, so one draw yields five base62 digits
const ID_CODES: number[] = new Array<number>(24).fill(0);

/**
 * 24 random base62 characters, the length Stripe uses for object ids. Built with one
 * String.fromCharCode call: 24 one-character concatenations made millions of
 * short-lived rope nodes for the GC at 1M rows.
 */
export function base62Id(rng: Rng): string {
  let pos = 0;
  for (let block = 0; block < 5; block++) {
    let n = Math.floor(rng.float() * BASE62_POW5);
    const count = block === 4 ? 4 : 5;
    for (let i = 0; i < count; i++) {
      ID_CODES[pos++] = BASE62_CODES[n % 62] ?? 48;
      n = Math.floor(n / 62);
    }
  }
  return String.fromCharCode(...ID_CODES);
}

interface FeeRule {
  bps: number;
  fixedMinor: number;
  homeCountries: readonly string[];
}

const FEE_RULES: Readonly<Record<Currency, FeeRule>> = {
  usd: { bps: 290, fixedMinor: 30, homeCountries: ['US'] },
  eur: { bps: 150, fixedMinor: 25, homeCountries: ['DE', 'FR', 'NL', 'ES', 'IT', 'IE', 'BE'] },
  gbp: { bps: 150, fixedMinor: 20, homeCountries: ['GB'] },
  jpy: { bps: 360, fixedMinor: 0, homeCountries: ['JP'] },
  cad: { bps: 290, fixedMinor: 30, homeCountries: ['CA'] },
};
const CROSS_BORDER_BPS = 150;

const pickCurrency = weighted<Currency>([
  ['usd', 55],
  ['eur', 20],
  ['gbp', 10],
  ['jpy', 10],
  ['cad', 5],
]);

const pickCategory = weighted<ReportingCategory>([
  ['charge', 90],
  ['refund', 7],
  ['dispute', 1],
  ['adjustment', 2],
]);

const BRAND_PICKERS: Readonly<Record<Currency, (rng: Rng) => string>> = {
  usd: weighted([['visa', 50], ['mastercard', 30], ['amex', 12], ['discover', 7], ['jcb', 1]]),
  eur: weighted([['visa', 52], ['mastercard', 38], ['amex', 8], ['jcb', 2]]),
  gbp: weighted([['visa', 55], ['mastercard', 35], ['amex', 9], ['jcb', 1]]),
  jpy: weighted([['jcb', 35], ['visa', 35], ['mastercard', 24], ['amex', 6]]),
  cad: weighted([['visa', 50], ['mastercard', 38], ['amex', 10], ['discover', 2]]),
};

const COUNTRY_PICKERS: Readonly<Record<Currency, (rng: Rng) => string>> = {
  usd: weighted([['US', 85], ['CA', 4], ['GB', 3], ['DE', 2], ['FR', 2], ['MX', 2], ['JP', 1], ['BR', 1]]),
  eur: weighted([['DE', 30], ['FR', 25], ['NL', 15], ['ES', 10], ['IT', 10], ['IE', 5], ['BE', 3], ['US', 2]]),
  gbp: weighted([['GB', 85], ['IE', 5], ['US', 5], ['DE', 3], ['FR', 2]]),
  jpy: weighted([['JP', 90], ['US', 5], ['SG', 3], ['GB', 2]]),
  cad: weighted([['CA', 88], ['US', 12]]),
};

// [min, max] of a charge in minor units; most payments are small, a few are large.
const pickAmountTier = weighted<readonly [number, number]>([
  [[500, 2_999], 35],
  [[3_000, 9_999], 35],
  [[10_000, 49_999], 20],
  [[50_000, 199_999], 8],
  [[200_000, 1_000_000], 2],
]);

/** A price-like charge amount: cents often end in .99/.00, yen in whole hundreds. */
function chargeAmount(rng: Rng, currency: Currency): number {
  const [min, max] = pickAmountTier(rng);
  const raw = rng.int(min, max);
  const roll = rng.float();
  if (currency === 'jpy') {
    if (roll < 0.6) return Math.max(100, Math.round(raw / 100) * 100);
    return roll < 0.85 ? Math.max(10, Math.round(raw / 10) * 10) : raw;
  }
  if (roll < 0.4) return Math.floor(raw / 100) * 100 + 99;
  return roll < 0.6 ? Math.max(100, Math.floor(raw / 100) * 100) : raw;
}

type DescriptionTemplate = (rng: Rng, order: number) => string;

// Deliberately awkward text: commas, embedded quotes and non-ASCII are what break
// naive CSV importers, so they appear often enough to show up in any sample.
const CHARGE_DESCRIPTIONS = weighted<DescriptionTemplate>([
  [() => '', 25],
  [(_, o) => `Order #${o}`, 25],
  [(_, o) => `Order #${o}, "gift" box`, 8],
  [(_, o) => `Invoice INV-${o}, net 30`, 6],
  [() => 'Subscription – Pro plan (monthly)', 8],
  [(r) => `Café Crème, table ${r.int(1, 40)}`, 5],
  [(_, o) => `Müller & Söhne GmbH – order ${o}`, 5],
  [(_, o) => `日本茶セット 注文 #${o}`, 5],
  [() => 'Customer note: "leave at door"', 4],
  [(r) => `Ticket "VIP", row ${r.int(1, 30)}`, 4],
  [(r) => `Große Bestellung, Lieferung Nr. ${r.int(1, 999)}`, 3],
]);
const REFUND_DESCRIPTIONS = weighted<DescriptionTemplate>([
  [() => '', 20],
  [(_, o) => `Refund for order #${o}`, 50],
  [(_, o) => `REFUND: "damaged item", order #${o}`, 20],
  [(_, o) => `Remboursement – commande ${o}`, 10],
]);
const DISPUTE_DESCRIPTIONS = weighted<DescriptionTemplate>([
  [() => 'Dispute: fraudulent', 50],
  [() => 'Chargeback, reason "product_not_received"', 30],
  [() => 'Dispute — duplicate charge', 20],
]);
const ADJUSTMENT_DESCRIPTIONS = weighted<DescriptionTemplate>([
  [() => 'Adjustment: FX rounding', 50],
  [(r) => `Fee correction, ref ${r.int(1000, 9999)}`, 30],
  [() => 'Réajustement de solde', 20],
]);

const ARN_FIRST_DIGIT = weighted<string>([['2', 45], ['7', 25], ['0', 15], ['8', 15]]);

/** 23-digit acquirer reference number; text only, it must never become a float. */
function arn(rng: Rng): string {
  let out = ARN_FIRST_DIGIT(rng);
  out += String(rng.int(0, 999_999_999)).padStart(9, '0');
  out += String(rng.int(0, 999_999_999)).padStart(9, '0');
  out += String(rng.int(0, 9_999)).padStart(4, '0');
  return out;
}

/**
 * Groups rows into one payout per (available_on day, currency) and keeps the
 * payout's running sums. Sums are plain integers (see MAX_ROWS) turned into BigInt
 * only when read, which keeps the per-row hot path cheap.
 */
export class PayoutBook {
  private readonly byKey = new Map<string, { payout: Payout; gross: number; fee: number; net: number }>();

  constructor(private readonly rng: Rng) {}

  assign(day: number, currency: Currency, gross: number, fee: number, net: number): string {
    const key = `${day}|${currency}`;
    let entry = this.byKey.get(key);
    if (entry === undefined) {
      const payout: Payout = {
        id: `po_${base62Id(this.rng)}`,
        currency,
        day,
        rowCount: 0,
        grossMinor: 0n,
        feeMinor: 0n,
        netMinor: 0n,
      };
      entry = { payout, gross: 0, fee: 0, net: 0 };
      this.byKey.set(key, entry);
    }
    entry.payout.rowCount++;
    entry.gross += gross;
    entry.fee += fee;
    entry.net += net;
    return entry.payout.id;
  }

  /** Payouts ordered by day, then by the fixed currency order. */
  payouts(): Payout[] {
    const order = (c: Currency): number => CURRENCIES.indexOf(c);
    return [...this.byKey.values()]
      .map(({ payout, gross, fee, net }) => ({
        ...payout,
        grossMinor: BigInt(gross),
        feeMinor: BigInt(fee),
        netMinor: BigInt(net),
      }))
      .sort((a, b) => a.day - b.day || order(a.currency) - order(b.currency));
  }
}

export interface RowOptions {
  rows: number;
  seed: number;
}

/**
 * Yields `rows` rows sorted by created time. Time i is drawn inside the i-th of
 * `rows` equal slices of the 90-day span, which keeps the output sorted without
 * buffering or sorting a million rows.
 */
export function* processorRows(options: RowOptions, book: PayoutBook): Generator<ProcessorRow, void> {
  const { rows } = options;
  const rng = createRng(options.seed, 1);
  for (let i = 0; i < rows; i++) {
    // Clamp because i + u can round up to rows for the last row.
    const offset = Math.min(SPAN_SECONDS - 1, Math.floor(((i + rng.float()) * SPAN_SECONDS) / rows));
    const createdDay = START_DAY + Math.floor(offset / 86_400);
    const availableOnDay = createdDay + AVAILABLE_AFTER_DAYS;
    const currency = pickCurrency(rng);
    const category = pickCategory(rng);
    const isCard = category === 'dispute' || (category !== 'adjustment' && rng.chance(0.96));
    const cardBrand = isCard ? BRAND_PICKERS[currency](rng) : '';
    const cardCountry = isCard ? COUNTRY_PICKERS[currency](rng) : '';
    const order = rng.int(1, 9_999_999);

    let gross: number;
    let fee = 0;
    let source: string;
    let description: string;
    if (category === 'charge') {
      gross = chargeAmount(rng, currency);
      const rule = FEE_RULES[currency];
      const crossBorder = isCard && !rule.homeCountries.includes(cardCountry);
      const bps = rule.bps + (crossBorder ? CROSS_BORDER_BPS : 0);
      // Round half up on integers: gross*bps stays < 2^31, so this is exact.
      fee = Math.floor((gross * bps + 5_000) / 10_000) + rule.fixedMinor;
      source = 'ch_';
      description = CHARGE_DESCRIPTIONS(rng)(rng, order);
    } else if (category === 'refund') {
      const charged = chargeAmount(rng, currency);
      // Full refunds dominate; partial ones return at least a tenth of the charge.
      gross = -(rng.chance(0.65) ? charged : rng.int(Math.ceil(charged / 10), charged));
      source = 're_';
      description = REFUND_DESCRIPTIONS(rng)(rng, order);
    } else if (category === 'dispute') {
      gross = -chargeAmount(rng, currency);
      fee = DISPUTE_FEE_MINOR;
      source = 'dp_';
      description = DISPUTE_DESCRIPTIONS(rng)(rng, order);
    } else {
      const magnitude = rng.int(1, currency === 'jpy' ? 3_000 : 2_500);
      gross = rng.chance(0.5) ? magnitude : -magnitude;
      source = 'ch_';
      description = ADJUSTMENT_DESCRIPTIONS(rng)(rng, order);
    }
    const net = gross - fee;

    const row: ProcessorRow = {
      balanceTransactionId: `txn_${base62Id(rng)}`,
      createdDay,
      createdSecondOfDay: offset % 86_400,
      availableOnDay,
      currency,
      grossMinor: gross,
      feeMinor: fee,
      netMinor: net,
      reportingCategory: category,
      sourceId: source + base62Id(rng),
      description,
      cardBrand,
      cardCountry,
      payoutId: book.assign(availableOnDay, currency, gross, fee, net),
      merchantOrderRef: category === 'adjustment' ? '' : String(order).padStart(9, '0'),
      arn: isCard ? arn(rng) : '',
    };
    yield row;
  }
}

/** One CSV record; only description can contain characters that need quoting. */
export function processorRowToCsv(row: ProcessorRow): string {
  const c = row.currency;
  return (
    `${row.balanceTransactionId},${formatDay(row.createdDay)} ${formatTimeOfDay(row.createdSecondOfDay)},` +
    `${formatDay(row.availableOnDay)} 00:00:00,${c},` +
    `${formatAmount(row.grossMinor, c)},${formatAmount(row.feeMinor, c)},${formatAmount(row.netMinor, c)},` +
    `${row.reportingCategory},${row.sourceId},${csvField(row.description)},${row.cardBrand},${row.cardCountry},` +
    `${row.payoutId},${row.merchantOrderRef},${row.arn}\n`
  );
}
