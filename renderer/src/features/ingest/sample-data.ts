/**
 * The built-in sample: a Stripe-like itemized balance export, generated in the
 * browser so "Load sample data" works offline and shows the product in one
 * click. Deterministic (seeded), so screenshots and support answers match.
 * Money is integer minor units throughout: net = gross − fee exactly.
 */

export const SAMPLE_FILE_NAME = 'sample_stripe_balance.csv';
const SAMPLE_ROWS = 2000;
const SEED = 20240501;
const START_MS = Date.UTC(2024, 2, 1, 8, 0, 0);

const HEADER = [
  'balance_transaction_id', 'created_utc', 'available_on_utc', 'currency', 'gross', 'fee', 'net', 'reporting_category',
  'description', 'card_brand', 'card_country', 'automatic_payout_id', 'merchant_order_ref',
];

type Currency = 'usd' | 'eur' | 'gbp' | 'jpy';

/** mulberry32: tiny, fast and good enough for fake data. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = weighted[weighted.length - 1];
  if (!last) throw new Error('pick needs at least one choice');
  return last[0];
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function stripeId(random: () => number, prefix: string): string {
  let id = prefix;
  for (let i = 0; i < 24; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)] ?? '0';
  return id;
}

/** Minor units → CSV text: 2 decimals, or none for zero-decimal currencies (JPY). */
function money(minor: number, currency: Currency): string {
  if (currency === 'jpy') return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const CUSTOMERS = ['Acme, Inc.', 'Globex GmbH', 'Initech', 'Umbrella "Health" Ltd', 'Soylent Corp', 'Hooli', 'Stark Industries', 'Wayne Enterprises'];

function description(random: () => number, category: string, order: string): string {
  const customer = CUSTOMERS[Math.floor(random() * CUSTOMERS.length)] ?? 'Customer';
  switch (category) {
    case 'refund':
      return random() < 0.5 ? `Refund for order ${order}` : `Refund ${order}, requested by "${customer}"`;
    case 'dispute':
      return `Chargeback on order ${order} (reason: fraudulent)`;
    default:
      return random() < 0.3 ? `Invoice ${order}, ${customer}` : `Payment for order ${order}`;
  }
}

/** Gross amount in minor units: mostly small tickets, a long tail of large ones. */
function grossMinor(random: () => number, currency: Currency): number {
  const major = Math.round(5 * Math.exp(random() * Math.log(500)));
  const minor = currency === 'jpy' ? major * 150 : major * 100 + Math.floor(random() * 100);
  return Math.max(currency === 'jpy' ? 100 : 50, minor);
}

function feeMinor(gross: number, currency: Currency, category: string): number {
  if (category === 'refund') return 0;
  if (category === 'dispute') return currency === 'jpy' ? 2000 : 1500;
  return currency === 'jpy' ? Math.round(gross * 0.036) : Math.round(gross * 0.029) + 30;
}

export function sampleCsvText(rows: number = SAMPLE_ROWS): string {
  const random = createRandom(SEED);
  const payouts = new Map<string, string>();
  const lines = [HEADER.join(',')];
  let clock = START_MS;
  for (let i = 0; i < rows; i++) {
    clock += Math.floor(random() * 40 * 60_000);
    const currency = pick<Currency>(random, [['usd', 60], ['eur', 20], ['gbp', 12], ['jpy', 8]]);
    const category = pick(random, [['charge', 85], ['refund', 12], ['dispute', 3]]);
    const base = grossMinor(random, currency);
    const gross = category === 'charge' ? base : -base;
    const fee = feeMinor(base, currency, category);
    const availableOn = new Date(clock + 2 * 86_400_000).toISOString().slice(0, 10);
    let payout = payouts.get(availableOn);
    if (payout === undefined) {
      payout = stripeId(random, 'po_');
      payouts.set(availableOn, payout);
    }
    const order = String(Math.floor(random() * 1_000_000)).padStart(8, '0');
    lines.push([
      stripeId(random, 'txn_'),
      isoTimestamp(clock),
      availableOn,
      currency,
      money(gross, currency),
      money(fee, currency),
      money(gross - fee, currency),
      category,
      csvField(description(random, category, order)),
      pick(random, [['visa', 50], ['mastercard', 30], ['amex', 12], ['discover', 8]]),
      pick(random, [['US', 40], ['GB', 15], ['DE', 10], ['FR', 8], ['NL', 6], ['JP', 8], ['CA', 7], ['AU', 6]]),
      payout,
      order,
    ].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The sample as a File, so it imports exactly like a dropped one. */
export function createSampleFile(): File {
  return new File([sampleCsvText()], SAMPLE_FILE_NAME, { type: 'text/csv' });
}
