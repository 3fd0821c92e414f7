// End-to-end checks of the sample-data generator: runs it in-process on a small row
// count, then re-reads the files with papaparse and recomputes everything the manifest
// claims from the CSV text alone. Money is parsed from strings into BigInt minor
// units here (independently of the generator's formatter), never through floats.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleData } from '../../../resources/sample-data/generate';
import { breaksPerKind } from '../../../resources/sample-data/bank-statement';
import type { Manifest } from '../../../resources/sample-data/manifest';

const ROWS = 5_000;
const SEED = 20_240_101;

const PROCESSOR_HEADER = [
  'balance_transaction_id', 'created_utc', 'available_on_utc', 'currency', 'gross', 'fee', 'net',
  'reporting_category', 'source_id', 'description', 'card_brand', 'card_country', 'automatic_payout_id',
  'merchant_order_ref', 'arn',
];
const BANK_HEADER = ['booking_date', 'value_date', 'amount', 'currency', 'counterparty', 'remittance_info', 'bank_reference'];

// Column indexes, named so assertions read like the spec.
const P = { id: 0, created: 1, available: 2, currency: 3, gross: 4, fee: 5, net: 6, category: 7, source: 8,
  description: 9, brand: 10, country: 11, payout: 12, orderRef: 13, arn: 14 } as const;
const B = { booking: 0, value: 1, amount: 2, currency: 3, counterparty: 4, remittance: 5, reference: 6 } as const;

/** "12.34" → 1234n, "-0.05" → -5n, "1234" (JPY) → 1234n; rejects any other shape. */
function toMinor(text: string, currency: string): bigint {
  const shape = currency.toLowerCase() === 'jpy' ? /^-?\d+$/ : /^-?\d+\.\d{2}$/;
  if (!shape.test(text)) throw new Error(`bad ${currency} amount "${text}"`);
  return BigInt(text.replace('.', ''));
}

function cell(row: readonly string[], index: number): string {
  const value = row[index];
  if (value === undefined) throw new Error(`missing column ${index} in ${JSON.stringify(row)}`);
  return value;
}

function dayDiff(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Minimal RFC 4180 writer used to prove the file quotes exactly the fields that need it. */
function reserialize(rows: readonly (readonly string[])[]): string {
  const field = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(field).join(',') + '\n').join('');
}

function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  // The file ends with LF, which papaparse reports as one trailing empty row.
  const last = result.data[result.data.length - 1];
  if (last !== undefined && last.length === 1 && last[0] === '') result.data.pop();
  return result.data;
}

/**
 * Runs a per-row check and returns the first few failures. One expect() per file
 * instead of one per row keeps 5k-row checks fast and reports every bad row at once.
 */
function problems<T>(items: readonly T[], check: (item: T, index: number) => string | undefined): string[] {
  const found: string[] = [];
  items.forEach((item, index) => {
    const problem = check(item, index);
    if (problem !== undefined && found.length < 10) found.push(`#${index}: ${problem} ${JSON.stringify(item)}`);
  });
  return found;
}

interface PayoutFacts {
  currency: string;
  day: string;
  netMinor: bigint;
}

let dir = '';
let manifest: Manifest;
let processorText = '';
let bankText = '';
let processorRows: string[][] = [];
let bankRows: string[][] = [];
const payouts = new Map<string, PayoutFacts>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sample-data-'));
  manifest = await generateSampleData({ rows: ROWS, seed: SEED, outDir: dir });
  processorText = await readFile(join(dir, manifest.files.processorBalance), 'utf8');
  bankText = await readFile(join(dir, manifest.files.bankStatement), 'utf8');
  const processorAll = parseCsv(processorText);
  const bankAll = parseCsv(bankText);
  expect(processorAll[0]).toEqual(PROCESSOR_HEADER);
  expect(bankAll[0]).toEqual(BANK_HEADER);
  processorRows = processorAll.slice(1);
  bankRows = bankAll.slice(1);
  for (const row of processorRows) {
    const id = cell(row, P.payout);
    const facts = payouts.get(id) ?? { currency: cell(row, P.currency), day: cell(row, P.available).slice(0, 10), netMinor: 0n };
    facts.netMinor += toMinor(cell(row, P.net), cell(row, P.currency));
    payouts.set(id, facts);
  }
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('processor_balance.csv', () => {
  it('is UTF-8 without BOM, LF-only, one record per row, 15 columns', async () => {
    const bytes = await readFile(join(dir, manifest.files.processorBalance));
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(processorText.includes('\r')).toBe(false);
    expect(processorText.endsWith('\n')).toBe(true);
    expect(processorRows).toHaveLength(ROWS);
    expect(problems(processorRows, (r) => (r.length === 15 ? undefined : 'column count'))).toEqual([]);
  });

  it('quotes exactly the fields that need it, and quoting round-trips through papaparse', () => {
    expect(reserialize([PROCESSOR_HEADER, ...processorRows])).toBe(processorText);
    const descriptions = processorRows.map((r) => cell(r, P.description));
    expect(descriptions.some((d) => d.includes(',') && d.includes('"'))).toBe(true);
    expect(descriptions.some((d) => /[^\x00-\x7f]/.test(d))).toBe(true);
    expect(descriptions.some((d) => d.includes('日本'))).toBe(true);
    // A description like Order #1, "gift" box must be written as "Order #1, ""gift"" box".
    expect(processorText).toMatch(/,"Order #\d+, ""gift"" box",/);
  });

  it('has unique, Stripe-shaped ids', () => {
    expect(
      problems(processorRows, (r) => {
        if (!/^txn_[0-9A-Za-z]{24}$/.test(cell(r, P.id))) return 'balance_transaction_id';
        if (!/^(ch|re|dp)_[0-9A-Za-z]{24}$/.test(cell(r, P.source))) return 'source_id';
        if (!/^po_[0-9A-Za-z]{24}$/.test(cell(r, P.payout))) return 'automatic_payout_id';
        return undefined;
      }),
    ).toEqual([]);
    expect(new Set(processorRows.map((r) => cell(r, P.id))).size).toBe(ROWS);
  });

  it('is sorted by created time, spans ~90 days from 2024-01-01, available two days later at midnight', () => {
    let previous = '';
    expect(
      problems(processorRows, (r) => {
        const created = cell(r, P.created);
        if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(created)) return 'created format';
        if (created < previous) return 'not sorted';
        previous = created;
        if (cell(r, P.available) !== `${addDays(created.slice(0, 10), 2)} 00:00:00`) return 'available_on';
        return undefined;
      }),
    ).toEqual([]);
    expect(cell(processorRows[0] ?? [], P.created).slice(0, 10)).toBe('2024-01-01');
    expect(dayDiff('2024-01-01', previous.slice(0, 10))).toBeGreaterThanOrEqual(88);
    expect(dayDiff('2024-01-01', previous.slice(0, 10))).toBeLessThan(90);
  });

  it('keeps net = gross − fee exactly, with per-category signs and JPY written without decimals', () => {
    const check = (row: readonly string[]): string | undefined => {
      const currency = cell(row, P.currency);
      const gross = toMinor(cell(row, P.gross), currency);
      const fee = toMinor(cell(row, P.fee), currency);
      const net = toMinor(cell(row, P.net), currency);
      const source = cell(row, P.source);
      if (net !== gross - fee) return 'net != gross - fee';
      if (fee < 0n) return 'negative fee';
      switch (cell(row, P.category)) {
        case 'charge':
          return gross > 0n && source.startsWith('ch_') ? undefined : 'charge';
        case 'refund':
          return gross < 0n && fee === 0n && source.startsWith('re_') ? undefined : 'refund';
        case 'dispute':
          // Fee is 15.00, or ¥1500, so net is more negative than gross.
          return gross < 0n && fee === 1500n && net < gross && source.startsWith('dp_') ? undefined : 'dispute';
        case 'adjustment':
          return fee === 0n && gross !== 0n && gross >= -3000n && gross <= 3000n ? undefined : 'adjustment';
        default:
          return 'unexpected category';
      }
    };
    expect(problems(processorRows, check)).toEqual([]);
  });

  it('has the requested currency and category mix', () => {
    const share = (col: number, value: string): number =>
      processorRows.filter((r) => cell(r, col) === value).length / ROWS;
    expect(share(P.currency, 'usd')).toBeGreaterThan(0.5);
    expect(share(P.currency, 'usd')).toBeLessThan(0.6);
    for (const c of ['eur', 'gbp', 'jpy', 'cad']) expect(share(P.currency, c)).toBeGreaterThan(0.03);
    expect(share(P.category, 'charge')).toBeGreaterThan(0.87);
    expect(share(P.category, 'charge')).toBeLessThan(0.93);
    expect(share(P.category, 'refund')).toBeGreaterThan(0.05);
    expect(share(P.category, 'dispute')).toBeGreaterThan(0.003);
    expect(share(P.category, 'adjustment')).toBeGreaterThan(0.005);
  });

  it('keeps order refs with leading zeros and 23-digit ARNs on card rows only', () => {
    const check = (row: readonly string[]): string | undefined => {
      const arn = cell(row, P.arn);
      const orderRef = cell(row, P.orderRef);
      if (cell(row, P.category) === 'adjustment' ? orderRef !== '' : !/^00\d{7}$/.test(orderRef)) return 'order ref';
      if (cell(row, P.brand) === '') {
        return cell(row, P.country) === '' && arn === '' ? undefined : 'non-card row with card data';
      }
      if (!/^(visa|mastercard|amex|discover|jcb)$/.test(cell(row, P.brand))) return 'card_brand';
      if (!/^[A-Z]{2}$/.test(cell(row, P.country))) return 'card_country';
      return /^\d{23}$/.test(arn) ? undefined : 'arn';
    };
    expect(problems(processorRows, check)).toEqual([]);
    expect(processorRows.some((r) => cell(r, P.arn).startsWith('0'))).toBe(true);
    expect(processorRows.some((r) => cell(r, P.brand) === '')).toBe(true);
  });

  it('groups rows into one payout per (available_on date, currency)', () => {
    const idByGroup = new Map<string, string>();
    const check = (row: readonly string[]): string | undefined => {
      const group = `${cell(row, P.available)}|${cell(row, P.currency)}`;
      const id = cell(row, P.payout);
      if ((idByGroup.get(group) ?? id) !== id) return 'second payout id in one group';
      idByGroup.set(group, id);
      return undefined;
    };
    expect(problems(processorRows, check)).toEqual([]);
    expect(new Set(idByGroup.values()).size).toBe(idByGroup.size);
    expect(manifest.payouts).toBe(idByGroup.size);
    expect(payouts.size).toBe(idByGroup.size);
  });
});

describe('manifest totals', () => {
  it('match an independent recomputation from the processor CSV', () => {
    const sums = new Map<string, { count: number; gross: bigint; fee: bigint; net: bigint }>();
    for (const row of processorRows) {
      const c = cell(row, P.currency);
      const s = sums.get(c) ?? { count: 0, gross: 0n, fee: 0n, net: 0n };
      s.count++;
      s.gross += toMinor(cell(row, P.gross), c);
      s.fee += toMinor(cell(row, P.fee), c);
      s.net += toMinor(cell(row, P.net), c);
      sums.set(c, s);
    }
    expect(Object.keys(manifest.totals).sort()).toEqual([...sums.keys()].sort());
    for (const [currency, s] of sums) {
      const t = manifest.totals[currency as keyof Manifest['totals']];
      expect(t).toBeDefined();
      if (t === undefined) continue;
      expect(t.count).toBe(s.count);
      expect(BigInt(t.grossMinor)).toBe(s.gross);
      expect(BigInt(t.feeMinor)).toBe(s.fee);
      expect(BigInt(t.netMinor)).toBe(s.net);
      // Decimal strings must say the same thing in major units.
      expect(toMinor(t.gross, currency)).toBe(s.gross);
      expect(toMinor(t.fee, currency)).toBe(s.fee);
      expect(toMinor(t.net, currency)).toBe(s.net);
    }
  });

  it('bank totals match an independent recomputation from the bank CSV', () => {
    const sums = new Map<string, { count: number; amount: bigint }>();
    for (const row of bankRows) {
      const c = cell(row, B.currency).toLowerCase();
      const s = sums.get(c) ?? { count: 0, amount: 0n };
      s.count++;
      s.amount += toMinor(cell(row, B.amount), c);
      sums.set(c, s);
    }
    expect(Object.keys(manifest.bankTotals).sort()).toEqual([...sums.keys()].sort());
    for (const [currency, s] of sums) {
      const t = manifest.bankTotals[currency as keyof Manifest['bankTotals']];
      expect(t?.count).toBe(s.count);
      expect(t === undefined ? undefined : BigInt(t.amountMinor)).toBe(s.amount);
      expect(t === undefined ? undefined : toMinor(t.amount, currency)).toBe(s.amount);
    }
  });
});

describe('bank_statement.csv', () => {
  const payoutIdOf = (row: readonly string[]): string => {
    const match = /STRIPE PAYOUT (po_[0-9A-Za-z]{24})/.exec(cell(row, B.remittance));
    if (match?.[1] === undefined) throw new Error(`no payout id in ${cell(row, B.remittance)}`);
    return match[1];
  };

  it('is well-formed: sorted by booking date, uppercase currency, unique 16-char references', () => {
    expect(reserialize([BANK_HEADER, ...bankRows])).toBe(bankText);
    let previous = '';
    const check = (row: readonly string[]): string | undefined => {
      if (cell(row, B.booking) < previous) return 'not sorted by booking_date';
      previous = cell(row, B.booking);
      if (!/^(USD|EUR|GBP|JPY|CAD)$/.test(cell(row, B.currency))) return 'currency';
      if (!/^[A-Z0-9]{16}$/.test(cell(row, B.reference))) return 'bank_reference';
      if (![0, 1].includes(dayDiff(cell(row, B.value), cell(row, B.booking)))) return 'booking vs value date';
      return payouts.has(payoutIdOf(row)) ? undefined : 'unknown payout';
    };
    expect(problems(bankRows, check)).toEqual([]);
    expect(new Set(bankRows.map((r) => cell(r, B.reference))).size).toBe(bankRows.length);
    expect(bankRows.some((r) => cell(r, B.remittance) !== `STRIPE PAYOUT ${payoutIdOf(r)}`)).toBe(true);
  });

  it('plants ~1 break per 150 payouts of each kind, never two on one payout', () => {
    const perKind = breaksPerKind(manifest.payouts);
    expect(perKind).toBeGreaterThanOrEqual(1);
    for (const kind of ['missing', 'duplicated', 'amount_off', 'date_shifted', 'fee_netted']) {
      expect(manifest.breaks.filter((b) => b.kind === kind)).toHaveLength(perKind);
    }
    expect(new Set(manifest.breaks.map((b) => b.payoutId)).size).toBe(manifest.breaks.length);
  });

  it('contains every planted break exactly as the manifest describes, and clean payouts once with the exact amount', () => {
    const linesByPayout = new Map<string, string[][]>();
    for (const row of bankRows) {
      const id = payoutIdOf(row);
      linesByPayout.set(id, [...(linesByPayout.get(id) ?? []), row]);
    }
    const breakByPayout = new Map(manifest.breaks.map((b) => [b.payoutId, b]));

    for (const [payoutId, facts] of payouts) {
      const lines = linesByPayout.get(payoutId) ?? [];
      const amounts = lines.map((l) => toMinor(cell(l, B.amount), facts.currency));
      const refs = lines.map((l) => cell(l, B.reference));
      for (const l of lines) expect(cell(l, B.currency)).toBe(facts.currency.toUpperCase());
      const planted = breakByPayout.get(payoutId);
      if (planted === undefined) {
        expect(amounts).toEqual([facts.netMinor]);
        expect(cell(lines[0] ?? [], B.value)).toBe(facts.day);
        continue;
      }
      expect(planted.currency).toBe(facts.currency);
      expect(BigInt(planted.expectedMinor)).toBe(facts.netMinor);
      expect(planted.bankReferences).toEqual(refs);
      switch (planted.kind) {
        case 'missing':
          expect(lines).toHaveLength(0);
          expect(planted.actualMinor).toBeNull();
          break;
        case 'duplicated':
          expect(amounts).toEqual([facts.netMinor, facts.netMinor]);
          expect(new Set(refs).size).toBe(2);
          expect(planted.actualMinor).toBe(facts.netMinor.toString());
          for (const l of lines) expect(cell(l, B.value)).toBe(facts.day);
          break;
        case 'amount_off': {
          const delta = BigInt(planted.deltaMinor ?? 'NaN');
          const magnitude = delta < 0n ? -delta : delta;
          const limit = facts.currency === 'jpy' ? 9n : 99n;
          expect(magnitude >= 1n && magnitude <= limit).toBe(true);
          expect(amounts).toEqual([facts.netMinor + delta]);
          expect(planted.actualMinor).toBe((facts.netMinor + delta).toString());
          expect(cell(lines[0] ?? [], B.value)).toBe(facts.day);
          break;
        }
        case 'date_shifted': {
          const days = planted.days ?? 0;
          expect(days).toBeGreaterThanOrEqual(4);
          expect(days).toBeLessThanOrEqual(10);
          expect(amounts).toEqual([facts.netMinor]);
          expect(dayDiff(facts.day, cell(lines[0] ?? [], B.value))).toBe(days);
          break;
        }
        case 'fee_netted': {
          const delta = BigInt(planted.deltaMinor ?? 'NaN');
          expect(delta < 0n).toBe(true);
          expect(-delta <= 1500n).toBe(true);
          expect(amounts).toEqual([facts.netMinor + delta]);
          expect(planted.actualMinor).toBe((facts.netMinor + delta).toString());
          break;
        }
      }
    }
  });
});

describe('determinism', () => {
  const names = ['processor_balance.csv', 'bank_statement.csv', 'manifest.json'];
  const generateInto = async (seed: number): Promise<Buffer[]> => {
    const out = await mkdtemp(join(tmpdir(), 'sample-data-det-'));
    try {
      await generateSampleData({ rows: ROWS, seed, outDir: out });
      return await Promise.all(names.map((n) => readFile(join(out, n))));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  };

  it('produces byte-identical files for the same seed and different files for another seed', async () => {
    const original = await Promise.all(names.map((n) => readFile(join(dir, n))));
    const again = await generateInto(SEED);
    const other = await generateInto(SEED + 1);
    names.forEach((name, i) => {
      expect(again[i]?.equals(original[i] ?? Buffer.alloc(0)), `${name} same seed`).toBe(true);
      expect(other[i]?.equals(original[i] ?? Buffer.alloc(0)), `${name} other seed`).toBe(false);
    });
  });
});
