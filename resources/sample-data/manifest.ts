// manifest.json: the ground truth written next to the sample files, so tests and
// benchmarks can check an import or a reconciliation run without trusting the engine.
// Every amount is serialised as a string: BigInt has no JSON form and a JSON number
// would invite float parsing on the reading side.

import { CURRENCIES, formatAmount } from './csv-format';
import type { Currency } from './csv-format';
import type { BankLine, BreakKind, PlantedBreak } from './bank-statement';
import type { Payout } from './processor-rows';

export interface ProcessorTotals {
  count: number;
  gross: string;
  fee: string;
  net: string;
  grossMinor: string;
  feeMinor: string;
  netMinor: string;
}

export interface BankTotals {
  count: number;
  amount: string;
  amountMinor: string;
}

export interface ManifestBreak {
  kind: BreakKind;
  payoutId: string;
  currency: Currency;
  expectedMinor: string;
  actualMinor: string | null;
  deltaMinor?: string;
  days?: number;
  bankReferences: string[];
}

export interface ManifestFiles {
  processorBalance: string;
  bankStatement: string;
}

/** Currency keys are lowercase ISO codes everywhere, although the bank file prints them uppercase. */
export interface Manifest {
  seed: number;
  rows: number;
  files: ManifestFiles;
  payouts: number;
  totals: Partial<Record<Currency, ProcessorTotals>>;
  bankTotals: Partial<Record<Currency, BankTotals>>;
  breaks: ManifestBreak[];
}

export interface ManifestInput {
  seed: number;
  rows: number;
  files: ManifestFiles;
  payouts: readonly Payout[];
  bankLines: readonly BankLine[];
  breaks: readonly PlantedBreak[];
}

/** Processor totals per currency, summed from payouts (each row belongs to exactly one). */
function processorTotals(payouts: readonly Payout[]): Partial<Record<Currency, ProcessorTotals>> {
  const totals: Partial<Record<Currency, ProcessorTotals>> = {};
  for (const currency of CURRENCIES) {
    let count = 0;
    let gross = 0n;
    let fee = 0n;
    let net = 0n;
    for (const payout of payouts) {
      if (payout.currency !== currency) continue;
      count += payout.rowCount;
      gross += payout.grossMinor;
      fee += payout.feeMinor;
      net += payout.netMinor;
    }
    if (count === 0) continue;
    totals[currency] = {
      count,
      gross: formatAmount(gross, currency),
      fee: formatAmount(fee, currency),
      net: formatAmount(net, currency),
      grossMinor: gross.toString(),
      feeMinor: fee.toString(),
      netMinor: net.toString(),
    };
  }
  return totals;
}

function bankTotals(lines: readonly BankLine[]): Partial<Record<Currency, BankTotals>> {
  const totals: Partial<Record<Currency, BankTotals>> = {};
  for (const currency of CURRENCIES) {
    let count = 0;
    let amount = 0n;
    for (const line of lines) {
      if (line.currency !== currency) continue;
      count++;
      amount += line.amountMinor;
    }
    if (count === 0) continue;
    totals[currency] = { count, amount: formatAmount(amount, currency), amountMinor: amount.toString() };
  }
  return totals;
}

function manifestBreak(b: PlantedBreak): ManifestBreak {
  return {
    kind: b.kind,
    payoutId: b.payoutId,
    currency: b.currency,
    expectedMinor: b.expectedMinor.toString(),
    actualMinor: b.actualMinor === null ? null : b.actualMinor.toString(),
    // Optional keys appear only for the kinds they describe.
    ...(b.deltaMinor === undefined ? {} : { deltaMinor: b.deltaMinor.toString() }),
    ...(b.days === undefined ? {} : { days: b.days }),
    bankReferences: [...b.bankReferences],
  };
}

export function buildManifest(input: ManifestInput): Manifest {
  return {
    seed: input.seed,
    rows: input.rows,
    files: input.files,
    payouts: input.payouts.length,
    totals: processorTotals(input.payouts),
    bankTotals: bankTotals(input.bankLines),
    breaks: input.breaks.map(manifestBreak),
  };
}

/** Stable, human-diffable JSON (key order follows construction order above). */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
