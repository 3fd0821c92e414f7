// Payouts → bank statement lines, with planted reconciliation breaks.
// Pure: the same payouts and seed always give the same lines and break list, and the
// break list is the ground truth the reconciliation engine is tested against.

import { createRng, shuffleInPlace, weighted } from './prng';
import type { Rng } from './prng';
import { csvField, formatAmount, formatDay } from './csv-format';
import type { Currency } from './csv-format';
import type { Payout } from './processor-rows';

export type BreakKind = 'missing' | 'duplicated' | 'amount_off' | 'date_shifted' | 'fee_netted';

export const BREAK_KINDS: readonly BreakKind[] = ['missing', 'duplicated', 'amount_off', 'date_shifted', 'fee_netted'];

/** Roughly one break of each kind per this many payouts. */
export const PAYOUTS_PER_BREAK = 150;

export interface BankLine {
  bookingDay: number; // epoch day
  valueDay: number; // epoch day
  amountMinor: bigint;
  currency: Currency;
  counterparty: string;
  remittanceInfo: string;
  bankReference: string;
  payoutId: string;
}

export interface PlantedBreak {
  kind: BreakKind;
  payoutId: string;
  currency: Currency;
  expectedMinor: bigint; // the payout's net
  actualMinor: bigint | null; // amount on each bank line, null when missing
  deltaMinor?: bigint; // actual − expected (amount_off, fee_netted)
  days?: number; // value-date shift (date_shifted)
  bankReferences: string[];
}

export interface BankStatement {
  lines: BankLine[];
  breaks: PlantedBreak[];
}

export const BANK_HEADER = 'booking_date,value_date,amount,currency,counterparty,remittance_info,bank_reference\n';

const COUNTERPARTIES: Readonly<Record<Currency, string>> = {
  usd: 'STRIPE',
  eur: 'STRIPE PAYMENTS EUROPE LTD',
  gbp: 'STRIPE PAYMENTS UK LTD',
  jpy: 'ストライプジャパン株式会社',
  cad: 'STRIPE PAYMENTS CANADA LTD',
};

// Banks wrap the payout id in their own noise; matchers have to dig it out.
const REMITTANCE = weighted<(id: string, rng: Rng) => string>([
  [(id) => `STRIPE PAYOUT ${id}`, 55],
  [(id) => `STRIPE PAYOUT ${id} STRIPE PAYMENTS`, 15],
  [(id) => `SEPA CT /REMI/STRIPE PAYOUT ${id}`, 10],
  [(id) => `TRF FROM STRIPE, STRIPE PAYOUT ${id}`, 10],
  [(id, rng) => `/PT/FT/STRIPE PAYOUT ${id}/REF ${rng.int(100_000, 999_999)}`, 10],
]);

// Bank charges are round numbers, which also keeps them distinguishable from the
// small odd deltas of amount_off breaks.
const BANK_FEES_CENTS: readonly number[] = [25, 50, 100, 250, 500, 750, 1_000, 1_250, 1_500];
const BANK_FEES_YEN: readonly number[] = [110, 220, 330, 440, 550, 660, 880];

const REF_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function uniqueReference(rng: Rng, used: Set<string>): string {
  for (;;) {
    let ref = '';
    for (let i = 0; i < 16; i++) ref += REF_ALPHABET[rng.int(0, REF_ALPHABET.length - 1)];
    if (!used.has(ref)) {
      used.add(ref);
      return ref;
    }
  }
}

/** Breaks per kind: ~1 per 150 payouts, at least one when there is room for all kinds. */
export function breaksPerKind(payoutCount: number): number {
  const wanted = Math.max(1, Math.round(payoutCount / PAYOUTS_PER_BREAK));
  return Math.min(wanted, Math.floor(payoutCount / BREAK_KINDS.length));
}

/** Picks distinct payouts for each break kind, so no payout ever gets two breaks. */
function assignBreaks(rng: Rng, payoutCount: number): Map<number, BreakKind> {
  const perKind = breaksPerKind(payoutCount);
  const indices = shuffleInPlace(
    rng,
    Array.from({ length: payoutCount }, (_, i) => i),
  );
  const assigned = new Map<number, BreakKind>();
  BREAK_KINDS.forEach((kind, k) => {
    for (let j = 0; j < perKind; j++) {
      const index = indices[k * perKind + j];
      if (index !== undefined) assigned.set(index, kind);
    }
  });
  return assigned;
}

export function buildBankStatement(payouts: readonly Payout[], seed: number): BankStatement {
  const rng = createRng(seed, 3);
  const planned = assignBreaks(rng, payouts.length);
  const usedRefs = new Set<string>();
  const lines: BankLine[] = [];
  const breaks: PlantedBreak[] = [];

  payouts.forEach((payout, index) => {
    const kind = planned.get(index);
    const expected = payout.netMinor;
    const line = (amountMinor: bigint, valueDay: number): BankLine => {
      const bankLine: BankLine = {
        // Most banks book same day; some book the next day.
        bookingDay: valueDay + (rng.chance(0.3) ? 1 : 0),
        valueDay,
        amountMinor,
        currency: payout.currency,
        counterparty: COUNTERPARTIES[payout.currency],
        remittanceInfo: REMITTANCE(rng)(payout.id, rng),
        bankReference: uniqueReference(rng, usedRefs),
        payoutId: payout.id,
      };
      lines.push(bankLine);
      return bankLine;
    };
    const base = { payoutId: payout.id, currency: payout.currency, expectedMinor: expected };

    switch (kind) {
      case undefined:
        line(expected, payout.day);
        return;
      case 'missing':
        breaks.push({ ...base, kind, actualMinor: null, bankReferences: [] });
        return;
      case 'duplicated': {
        const first = line(expected, payout.day);
        const second = line(expected, payout.day);
        second.bookingDay = first.bookingDay; // a re-sent file, same day
        breaks.push({ ...base, kind, actualMinor: expected, bankReferences: [first.bankReference, second.bankReference] });
        return;
      }
      case 'amount_off': {
        const magnitude = BigInt(payout.currency === 'jpy' ? rng.int(1, 9) : rng.int(1, 99));
        const delta = rng.chance(0.5) ? magnitude : -magnitude;
        const only = line(expected + delta, payout.day);
        breaks.push({ ...base, kind, actualMinor: expected + delta, deltaMinor: delta, bankReferences: [only.bankReference] });
        return;
      }
      case 'date_shifted': {
        const days = rng.int(4, 10);
        const only = line(expected, payout.day + days);
        breaks.push({ ...base, kind, actualMinor: expected, days, bankReferences: [only.bankReference] });
        return;
      }
      case 'fee_netted': {
        const fee = BigInt(rng.pick(payout.currency === 'jpy' ? BANK_FEES_YEN : BANK_FEES_CENTS));
        const only = line(expected - fee, payout.day);
        breaks.push({ ...base, kind, actualMinor: expected - fee, deltaMinor: -fee, bankReferences: [only.bankReference] });
        return;
      }
    }
  });

  // Array#sort is stable, so equal booking days keep payout order.
  lines.sort((a, b) => a.bookingDay - b.bookingDay);
  return { lines, breaks };
}

export function bankLineToCsv(line: BankLine): string {
  return (
    `${formatDay(line.bookingDay)},${formatDay(line.valueDay)},${formatAmount(line.amountMinor, line.currency)},` +
    `${line.currency.toUpperCase()},${csvField(line.counterparty)},${csvField(line.remittanceInfo)},${line.bankReference}\n`
  );
}
