/**
 * A processor export and the bank statement it should reconcile with, for
 * the match e2e: rows grouped into payouts by `payout_id`, one bank credit
 * per payout, and planted breaks whose effect the test asserts. Every amount
 * is integer cents, computed here, so expectations never touch floats.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCents } from './fixtures';

export interface Payout {
  id: string;
  currency: 'EUR' | 'USD';
  rows: number;
  /** Σ net of its rows, in cents. */
  net: bigint;
  /** The last row's date, which the bank credit carries. */
  day: number;
}

export interface MatchFixture {
  processorPath: string;
  bankPath: string;
  processorRows: number;
  payouts: Payout[];
  /** Bank credit 0.07 above the payout's net: a match with a difference within tolerance. */
  offByCents: Payout;
  /** Booked 5 days after the payout: matched on key and amount, outside the date window. */
  late: Payout;
  /** No bank credit with its reference. */
  missing: Payout;
  /** A bank credit with no payout reference, 2.00 above the missing payout: matchable only by force. */
  strayCents: bigint;
  strayRemittance: string;
}

const START = Date.UTC(2024, 2, 1);
const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function isoDay(day: number): string {
  return new Date(START + day * 86_400_000).toISOString().slice(0, 10);
}

export function writeMatchFixture(dir: string): MatchFixture {
  const random = lcg(7_0707);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const processor = ['id,created,type,description,gross,fee,net,currency,payout_id'];
  const payouts: Payout[] = [];
  let txn = 0;
  for (let p = 0; p < 24; p++) {
    let id = 'po_';
    for (let i = 0; i < 14; i++) id += ALPHANUM[int(0, ALPHANUM.length - 1)];
    const currency = p % 4 === 3 ? 'USD' : 'EUR';
    const count = int(9, 16);
    let net = 0n;
    let day = 0;
    for (let r = 0; r < count; r++) {
      txn += 1;
      day = p * 3 + Math.floor(r / 6);
      const isRefund = r > 0 && random() < 0.12;
      const gross = BigInt(isRefund ? -int(500, 9_000) : int(500, 50_000));
      const fee = isRefund ? 0n : (gross * 29n) / 1000n + 25n;
      net += gross - fee;
      processor.push(
        [`txn_${String(txn).padStart(6, '0')}`, isoDay(day), isRefund ? 'refund' : 'charge', `Order ${1000 + txn}`, formatCents(gross, false), formatCents(fee, false), formatCents(gross - fee, false), currency.toLowerCase(), id].join(','),
      );
    }
    payouts.push({ id, currency, rows: count, net, day });
  }
  // The 0.07 break gets the smallest EUR id, so it is the first difference in the engine's order (status, currency, key).
  const eur = payouts.filter((payout) => payout.currency === 'EUR').sort((a, b) => (a.id < b.id ? -1 : 1));
  const [offByCents, late, missing] = eur as [Payout, Payout, Payout];
  const strayCents = missing.net + 200n;
  const strayRemittance = 'SEPA CREDIT ACME GMBH INV 4471';

  const bank = ['booking_date,value_date,amount,currency,remittance,bank_reference'];
  payouts.forEach((payout, index) => {
    if (payout === missing) return;
    const amount = payout === offByCents ? payout.net + 7n : payout.net;
    const day = payout === late ? payout.day + 5 : payout.day;
    bank.push([isoDay(day), isoDay(day), formatCents(amount, false), payout.currency, `STRIPE PAYMENTS EUROPE PAYOUT ${payout.id} REF ${9000 + index}`, `BK${String(index).padStart(8, '0')}`].join(','));
  });
  bank.push([isoDay(missing.day), isoDay(missing.day), formatCents(strayCents, false), 'EUR', strayRemittance, 'BK99999999'].join(','));

  const processorPath = join(dir, 'processor_export.csv');
  const bankPath = join(dir, 'bank_statement.csv');
  writeFileSync(processorPath, `${processor.join('\n')}\n`);
  writeFileSync(bankPath, `${bank.join('\n')}\n`);
  return { processorPath, bankPath, processorRows: txn, payouts, offByCents, late, missing, strayCents, strayRemittance };
}

/** Rows and total per currency of the payouts matching `pick`. */
export function rowsOf(payouts: readonly Payout[], pick: (payout: Payout) => boolean): { rows: number; net: bigint } {
  return payouts.filter(pick).reduce((sum, payout) => ({ rows: sum.rows + payout.rows, net: sum.net + payout.net }), { rows: 0, net: 0n });
}
