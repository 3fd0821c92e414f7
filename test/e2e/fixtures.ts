/**
 * Deterministic CSV fixtures for the e2e tests, written to a temp folder,
 * with the answers (minimum, filtered count, exact sums) computed here in
 * integer cents so the assertions never depend on float maths.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MERCHANTS = ['Acme, Inc.', 'Globex', 'Initech', 'Umbrella "Health"', 'Hooli', 'Stark Industries'];

/** Unique minimum, placed mid-file so sorting has to find it. */
export const MIN_AMOUNT_CENTS = -999_999n;

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** 12345n at scale 2 → "123.45"; grouping adds thousands separators like the UI. */
export function formatUnits(units: bigint, scale: number, grouping = true): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  let whole = digits.slice(0, digits.length - scale);
  if (grouping) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${digits.slice(digits.length - scale)}`;
}

export function formatCents(cents: bigint, grouping = true): string {
  return formatUnits(cents, 2, grouping);
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'recon-e2e-'));
}

export interface PaymentsFixture {
  path: string;
  rows: number;
  amounts: bigint[];
}

/** id (leading zeros), created (date), merchant (quotes, commas), amount (2 decimals), currency. */
export function writePaymentsCsv(dir: string, name: string, rows: number): PaymentsFixture {
  const random = lcg(424242);
  const amounts: bigint[] = [];
  const lines = ['txn_id,created,merchant,amount,currency'];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 1; i <= rows; i++) {
    let cents = BigInt(Math.floor(random() * 2_000_000) - 500_000);
    if (i === Math.floor(rows / 2)) cents = MIN_AMOUNT_CENTS;
    else if (cents <= MIN_AMOUNT_CENTS) cents = MIN_AMOUNT_CENTS + 1n;
    amounts.push(cents);
    const created = new Date(start + ((i * 7) % 366) * 86_400_000).toISOString().slice(0, 10);
    const merchant = MERCHANTS[i % MERCHANTS.length] ?? 'Acme';
    lines.push([String(i).padStart(10, '0'), created, csvField(merchant), formatCents(cents, false), i % 3 === 0 ? 'eur' : 'usd'].join(','));
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, rows, amounts };
}

/** A CSV whose line `line` opens a quote that never closes. */
export function writeUnclosedQuoteCsv(dir: string, name: string, line: number): string {
  const lines = ['id,amount,note'];
  for (let i = 2; i < line; i++) lines.push(`${i},${i}.50,ok`);
  lines.push(`${line},1.00,"this quote never ends`);
  for (let i = line + 1; i < line + 5; i++) lines.push(`${i},2.00,after`);
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/**
 * A file larger than the engine's first 4 MiB chunk (which types the columns),
 * whose `amount` column turns bad near the end: those cells are kept as text.
 */
export function writeLateMisfitsCsv(dir: string, name: string): { path: string; misfits: readonly string[] } {
  const rows = 150_000;
  const misfits = ['N/A', '12.345'];
  const lines = ['ref,amount,memo'];
  for (let i = 1; i <= rows; i++) {
    const amount = i === rows - 10 ? misfits[0] : i === rows - 5 ? misfits[1] : `${i % 5000}.${String(i % 100).padStart(2, '0')}`;
    lines.push(`R${i},${amount},settlement batch ${i % 97}`);
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, misfits };
}
