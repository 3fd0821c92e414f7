import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../shared/engine';
import type { MatchRun } from '../../../shared/engine/match/run-match';
import { openByteSource } from '../../../electron/cli/node-byte-source';
import { generateSampleData } from '../../../resources/sample-data/generate';
import type { Manifest } from '../../../resources/sample-data/manifest';
import { newEngine } from '../../support/engine';

/** The reconciliation an analyst sets up for Stripe payouts against the bank. */
export const PAYOUT_SPEC = {
  name: 'payouts',
  left: { table: 'processor_balance' },
  right: { table: 'bank_statement' },
  keys: [{ left: 'automatic_payout_id', right: 'remittance_info', normalize: [{ regex: 'po_[A-Za-z0-9]+' }] }],
  amount: { left: 'net', right: 'amount', toleranceMinor: 2000, tolerancePercent: 1 },
  date: { left: 'available_on_utc', right: 'value_date', windowDays: 2 },
  currency: { left: 'currency', right: 'currency' },
  group: { side: 'left', feeColumn: 'fee' },
};

let engine: Engine;
let manifest: Manifest;
let run: MatchRun;

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'recon-match-'));
  manifest = await generateSampleData({ rows: 60_000, seed: 11, outDir });
  engine = await newEngine();
  for (const file of [manifest.files.processorBalance, manifest.files.bankStatement]) {
    const source = openByteSource(join(outDir, file));
    await engine.importFile(source, { importId: file });
    source.close();
  }
  run = engine.match(PAYOUT_SPEC);
});

describe('matching the sample pair', () => {
  it('reports exactly the planted breaks, and nothing else', () => {
    // Every payout (key) that is not cleanly matched, with what the matcher says about it.
    const open = engine.query(
      `SELECT key, group_concat(DISTINCT status) FROM match_payouts_rows WHERE status <> 'matched' AND key IS NOT NULL GROUP BY key ORDER BY key`,
    ).rows;
    const reported = new Map(open.map(([key, statuses]) => [String(key), String(statuses)]));
    const planted = new Map(manifest.breaks.map((b) => [b.payoutId, b.kind]));
    expect([...reported.keys()].sort()).toEqual([...planted.keys()].sort());
    const expectedStatus: Record<string, string> = {
      missing: 'left_only',
      duplicated: 'ambiguous',
      amount_off: 'matched_diff',
      date_shifted: 'matched_diff',
      fee_netted: 'matched_diff',
    };
    for (const [payout, kind] of planted) expect(reported.get(payout), `${kind} ${payout}`).toBe(expectedStatus[kind]);
    // Bank lines with no payout key at all would be right-only noise: there are none.
    expect(engine.query("SELECT count(*) FROM match_payouts_rows WHERE status = 'right_only'").rows).toEqual([[0]]);
  });

  it('records the amount and day differences the manifest planted', () => {
    const matches = engine.query("SELECT key, delta, days FROM match_payouts_matches WHERE status = 'matched_diff'").rows;
    const byKey = new Map(matches.map(([key, delta, days]) => [String(key), { delta: Number(delta), days: Number(days) }]));
    for (const planted of manifest.breaks) {
      const found = byKey.get(planted.payoutId);
      // Bank amounts are in the currency's minor unit; the match runs at scale 2 (JPY ×100).
      const factor = planted.currency === 'jpy' ? 100 : 1;
      if (planted.kind === 'amount_off' || planted.kind === 'fee_netted') expect(found?.delta).toBe(Number(planted.deltaMinor ?? BigInt(planted.actualMinor ?? 0) - BigInt(planted.expectedMinor)) * factor);
      if (planted.kind === 'date_shifted') expect(Math.abs(found?.days ?? 0)).toBe(Math.abs(planted.days ?? 0));
    }
  });

  it('ties out: every row counted once and the difference fully explained, per currency', () => {
    for (const line of run.tieOut) {
      expect(line.isTied, line.currency).toBe(true);
      expect(line.unexplained).toMatch(/^-?0\.00$/);
    }
    const currencies = run.tieOut.map((line) => line.currency).sort();
    expect(currencies).toEqual(Object.keys(manifest.totals).map((c) => c.toUpperCase()).sort());
    const leftRows = engine.query("SELECT count(*) FROM match_payouts_rows WHERE side = 'L'").rows[0]![0];
    expect(leftRows).toBe(60_000);
    // 15 planted breaks: 3 missing (left), 3 duplicated (ambiguous on both sides), 9 with differences.
    expect(run.openBreaks).toBe(18);
  });
});
