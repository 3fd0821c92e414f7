/**
 * Every CSV/JSON file in the shared corpus imports, and for most of them the
 * row counts and per-currency totals equal figures worked out by hand from
 * the file (the arithmetic is in the comments; none of it comes from the
 * importer's own output).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../shared/engine';
import type { ImportReport } from '../../../shared/engine/api';
import { importText, newEngine, rejectionOf } from '../../support/engine';

const CORPUS = join(__dirname, '../../../../shared/corpus');
const CSV_DIRS = ['bank_csv', 'stripe', 'adyen', 'paypal', 'checkout', 'other_psp', 'braintree'];

function bytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CORPUS, path)));
}

async function load(path: string): Promise<{ engine: Engine; report: ImportReport; table: string }> {
  const engine = await newEngine();
  const report = await importText(engine, path.split('/').pop()!, bytes(path));
  return { engine, report, table: report.table.name };
}

/** Per-currency sums of a scaled-integer column, exact (as text). */
function totals(engine: Engine, table: string, column: string, currency: string): Record<string, string> {
  const rows = engine.query(`SELECT upper(${currency}), CAST(sum(${column}) AS TEXT) FROM "${table}" WHERE ${column} IS NOT NULL GROUP BY 1 ORDER BY 1`).rows;
  return Object.fromEntries(rows.map(([code, sum]) => [String(code), String(sum)]));
}

describe('every corpus CSV/JSON file imports', () => {
  const files = CSV_DIRS.flatMap((dir) => readdirSync(join(CORPUS, dir)).map((name) => `${dir}/${name}`));
  it.each(files.filter((path) => !path.includes('ing_de_latin1')))('%s', async (path) => {
    const { report } = await load(path);
    expect(report.rows).toBeGreaterThan(0);
    expect(report.detected).toBeTruthy();
    // Nothing unexplained: no cell fell out of its column type.
    expect(report.coercedTotal).toBe(0);
  });

  it('ING DE: the anonymised export has one row with a field missing; it is set aside with its line, the rest loads', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'ing.csv', bytes('bank_csv/ing_de_latin1.csv'));
    // Line 23 ("28.11.2025;28.11.2025;Rente;97052181157Z00511 RV-RENTE 11.2025;2.647,74;EUR") has 6 fields, not 7.
    expect(report.rejectedTotal).toBe(1);
    expect(report.rejectedRows?.[0]).toMatchObject({ line: 23, fields: 6 });
    expect(report.rejectedRows?.[0]?.reason).toContain('6 fields but the header has 7');
    // The 19 seven-field rows below the header (lines 15–34 less line 23), summed by awk over the
    // Latin-1 text with "." grouping removed and "," as the decimal mark: -1285.21 EUR.
    expect(report.rows).toBe(19);
    expect(totals(engine, 'ing', 'betrag', 'wahrung')).toEqual({ EUR: '-128521' });
    expect(engine.query('SELECT line, fields FROM ing_rejected').rows).toEqual([[23, 6]]);
  });
});

describe('hand-checked totals', () => {
  it('ING DE (Latin-1, 13 preamble lines), lines 1–22 only', async () => {
    const all = bytes('bank_csv/ing_de_latin1.csv');
    let end = 0;
    for (let line = 0; line < 22; line++) end = all.indexOf(0x0a, end) + 1;
    const engine = await newEngine();
    const report = await importText(engine, 'ing.csv', all.subarray(0, end));
    expect(report.table.encoding).toBe('windows-1252');
    expect(report.table.headerLine).toBe(14);
    expect(report.table.columns.find((c) => c.name === 'betrag')).toMatchObject({ type: 'decimal', scale: 2, sourceFormat: '1234,56' });
    expect(report.metadata?.some((m) => m.text === 'Saldo;66.331,90;EUR')).toBe(true);
    // Lines 15–22: -13,98 -200,00 -81,60 -12,36 -45,00 -219,80 -1,99 -7,15 = -581,88
    expect(report.rows).toBe(8);
    expect(totals(engine, 'ing', 'betrag', 'wahrung')).toEqual({ EUR: '-58188' });
    expect(engine.query("SELECT auftraggeber_empfanger FROM ing WHERE rowid = 2").rows).toEqual([['Gerhard Zintel']]);
  });

  it('DKB (BOM, preamble, DD.MM.YY, "-62,3")', async () => {
    const { engine, report, table } = await load('bank_csv/dkb_de.csv');
    // 200 - 62,3 + 150 + 75 - 48 - 207 - 29,99 - 27,28 = 50,43
    expect(report.rows).toBe(8);
    expect(engine.query(`SELECT CAST(sum(betrag) AS TEXT) FROM ${table}`).rows).toEqual([['5043']]);
    expect(report.table.headerLine).toBe(5);
    expect(engine.query(`SELECT buchungsdatum, buchungsdatum_raw FROM ${table} WHERE rowid = 1`).rows).toEqual([['2025-12-08', '08.12.25']]);
  });

  it('VR-Teilhaberbank (comma decimals, no grouping)', async () => {
    const { engine, report, table } = await load('bank_csv/vr_teilhaberbank_de.csv');
    // 175,00 - 453,11 - 39,90 - 6,00 - 17,90 = -341,91; last running balance 15170,95
    expect(report.rows).toBe(5);
    expect(totals(engine, table, 'betrag', 'waehrung')).toEqual({ EUR: '-34191' });
    expect(engine.query(`SELECT saldo_nach_buchung FROM ${table} WHERE rowid = 5`).rows).toEqual([[1517095]]);
  });

  it('Targobank (no header, debit/credit columns, Excel apostrophes)', async () => {
    const { engine, report, table } = await load('bank_csv/targobank_de_noheader.csv');
    // debits 5+24+20+98,40+53+357,61+6,95+102,39+8,99+25 = 701,34; credit 83,16; net 83,16 - 701,34 = -618,18
    expect(report.rows).toBe(11);
    expect(engine.query(`SELECT CAST(sum(column_3) AS TEXT), CAST(sum(column_4) AS TEXT), CAST(sum(net) AS TEXT) FROM ${table}`).rows).toEqual([['-70134', '8316', '-61818']]);
    expect(report.table.columns.find((c) => c.name === 'column_7')?.damagedCells).toBe(11);
    expect(report.warnings.join('\n')).toMatch(/column_7.*precision lost before this file reached you/);
  });

  it('Stripe itemized (hledger)', async () => {
    const { engine, report, table } = await load('stripe/hledger_stripe_itemized.csv');
    // gross 12.00 - 0.77 = 11.23; fee 0; net 12.00 - 0.77 = 11.23
    expect(report.detected).toBe('Stripe Itemized balance change from activity (9 columns)');
    expect(report.rows).toBe(2);
    expect(totals(engine, table, 'gross', 'currency')).toEqual({ USD: '1123' });
    expect(totals(engine, table, 'net', 'currency')).toEqual({ USD: '1123' });
  });

  it('Stripe payments activity', async () => {
    const { engine, report, table } = await load('stripe/smashpig_payments_activity.csv');
    // gross 30.00 - 30.00 = 0; fee 1.20 + 15.00 = 16.20; net 28.80 - 45.00 = -16.20
    expect(report.rows).toBe(2);
    expect(totals(engine, table, 'gross', 'currency')).toEqual({ USD: '0' });
    expect(totals(engine, table, 'fee', 'currency')).toEqual({ USD: '1620' });
    expect(totals(engine, table, 'net', 'currency')).toEqual({ USD: '-1620' });
  });

  it('Stripe settlement report (USD/usd mixed, metadata ids stay text)', async () => {
    const { engine, report, table } = await load('stripe/smashpig_settlement_report.csv');
    // gross 25 - 10 + 10 - 0.5 - 0.5 + 3.35 + 24 = 51.35; fee 0.95; net 24.05 - 10 + 10 - 0.5 - 0.5 + 3.35 + 23.05 = 49.45
    expect(report.rows).toBe(7);
    expect(totals(engine, table, 'gross', 'currency')).toEqual({ USD: '5135' });
    expect(totals(engine, table, 'fee', 'currency')).toEqual({ USD: '95' });
    expect(totals(engine, table, 'net', 'currency')).toEqual({ USD: '4945' });
    expect(engine.query(`SELECT payment_metadata_external_identifier FROM ${table} WHERE rowid = 1`).rows).toEqual([['24315.1']]);
  });

  it('Checkout.com payouts and settlement breakdown', async () => {
    const payouts = await load('checkout/smashpig_payouts.csv');
    expect(payouts.report.rows).toBe(1);
    expect(payouts.engine.query(`SELECT payout_amount, payments, merchant_payout_fees, payout_id FROM ${payouts.table}`).rows).toEqual([[7951, 8500, -200, '00000003K599']]);
    const breakdown = await load('checkout/smashpig_settlement_breakdown.csv');
    // gross 50+25+10 = 85; deductions -1.5-0.75-0.3-0.25-0.1-0.1-0.2-0.3-2 = -5.50; net 48.5+24.25+9.7-0.25-0.1-0.1-0.2-0.3-2 = 79.50
    expect(breakdown.report.rows).toBe(9);
    expect(totals(breakdown.engine, breakdown.table, 'gross_in_holding_currency', 'holding_currency')).toEqual({ USD: '8500' });
    expect(totals(breakdown.engine, breakdown.table, 'deduction_in_holding_currency', 'holding_currency')).toEqual({ USD: '-550' });
    expect(totals(breakdown.engine, breakdown.table, 'net_in_holding_currency', 'holding_currency')).toEqual({ USD: '7950' });
  });

  it('Adyen settlement details, 30 and 49 columns', async () => {
    const legacy = await load('adyen/smashpig_settlement_detail_donation_30col.csv');
    expect(legacy.report.detected).toBe('Adyen Settlement details report (30 columns)');
    // Settled: Net Credit 0.76; MerchantPayout: Net Debit 0.76 → net_signed 0.76 - 0.76 = 0
    expect(legacy.report.rows).toBe(2);
    expect(totals(legacy.engine, legacy.table, 'net_signed', 'net_currency')).toEqual({ USD: '0' });
    expect(totals(legacy.engine, legacy.table, 'gross_signed', 'gross_currency')).toEqual({ USD: '100' });
    const current = await load('adyen/smashpig_settlement_detail_49col_inr.csv');
    expect(current.report.detected).toBe('Adyen Settlement details report (49 columns)');
    // Gross Credit 10 INR; fees exceed gross, so Net Debit 0.03 USD → net_signed -0.03
    expect(current.engine.query(`SELECT gross_signed, net_signed, arn FROM ${current.table}`).rows).toEqual([[1000, -3, '1.2302025304E+022']]);
    expect(current.report.warnings.join('\n')).toMatch(/"ARN": 1 cell.*precision lost before this file reached you/);
  });

  it('Adyen payment accounting (status rows with opposite signs)', async () => {
    const { engine, report, table } = await load('adyen/smashpig_payments_accounting_nyce.csv');
    // Main Amount 10.02 + 10.40 × 3 = 41.22; Captured -10.40 + 10.40 = 0; Payable 10.02 + 10.02 = 20.04
    expect(report.rows).toBe(4);
    expect(totals(engine, table, 'main_amount', 'main_currency')).toEqual({ USD: '4122' });
    expect(totals(engine, table, 'captured_pc', 'payment_currency')).toEqual({ USD: '0' });
    expect(totals(engine, table, 'payable_sc', 'settlement_currency')).toEqual({ USD: '2004' });
  });

  it('PayPal STL: sections, ×100 amounts, CR/DR, footers checked', async () => {
    const { engine, report, table } = await load('paypal/smashpig_stl.csv');
    // AUD: CR 5200 + CR 535 = 5735; GBP: CR 834 - DR 134 - DR 100 = 600 (minor units; scale 2)
    expect(report.rows).toBe(5);
    expect(totals(engine, table, 'gross_signed', 'gross_transaction_currency')).toEqual({ AUD: '5735', GBP: '600' });
    // fees: AUD DR 225 + DR 75 = -300; GBP DR 87, CR 47 = -40
    expect(totals(engine, table, 'fee_signed', 'fee_currency')).toEqual({ AUD: '-300', GBP: '-40' });
    // SF GBP says gross debits 134, but the rows hold 134 + the 100 withdrawal: reported with both numbers.
    const gbpDebits = report.controlTotals?.find((c) => c.label === 'SF GBP gross debits');
    expect(gbpDebits).toMatchObject({ expected: '1.34', actual: '2.34', ok: false });
    expect(report.controlTotals?.find((c) => c.label === 'SF AUD gross credits')).toMatchObject({ expected: '57.35', ok: true });
  });

  it('PayPal STL with BOM and TRR in JPY (still ×100)', async () => {
    const brl = await load('paypal/smashpig_stl_brl_refund_bom.csv');
    // BRL: DR 1500 + CR 1162 = -338; USD: DR 211
    expect(brl.report.rows).toBe(3);
    expect(totals(brl.engine, brl.table, 'gross_signed', 'gross_transaction_currency')).toEqual({ BRL: '-338', USD: '-211' });
    const trr = await load('paypal/smashpig_trr_jpy.csv');
    // 15000 = ¥150.00 (PayPal's ×100 even for JPY); fee DR 4300
    expect(trr.report.detected).toMatch(/^PayPal Transaction detail report \(TRR\)/);
    expect(trr.engine.query(`SELECT gross_signed, fee_signed FROM ${trr.table}`).rows).toEqual([[15000, -4300]]);
    expect(trr.report.table.columns.find((c) => c.name === 'gross_transaction_amount')).toMatchObject({ type: 'decimal', scale: 2 });
  });

  it('PayPal activity (DE): holds and releases net out', async () => {
    const { engine, report, table } = await load('paypal/paypal_activity_de.csv');
    // 100,00 - 6,19 - 29,93 - 13,21 - 13,21 + 13,21 - 34,49 - 12,50 - 12,50 + 12,50 - 28,45 = -24,77
    // (balance 138,53 - 100,00 = 38,53 before; 38,53 - 24,77 = 13,76 = the last Guthaben)
    expect(report.rows).toBe(11);
    expect(totals(engine, table, 'brutto', 'wahrung')).toEqual({ EUR: '-2477' });
  });

  it('dLocal: summary section checked against the items', async () => {
    const { engine, report, table } = await load('other_psp/smashpig_dlocal_settlement.csv');
    // -2.38 + 254.0104 + 3.287193 + 1.008571 + 3.772121 + 0 = 259.698285 (6 decimals)
    expect(report.rows).toBe(6);
    expect(engine.query(`SELECT CAST(sum(gross_amount) AS TEXT) FROM ${table}`).rows).toEqual([['259698285']]);
    const checks = Object.fromEntries((report.controlTotals ?? []).map((c) => [c.label.split(' ')[0], c.ok]));
    // 259.70 ≈ 259.7 and -80.22 ≈ -80.224472 agree; NET 179.473813 ≠ 179.49 and 6 items ≠ 1356 do not.
    expect(checks).toEqual({ NUMBER_OF_ITEMS: false, GROSS_TOTAL_AMOUNT: true, FEE_TOTAL_AMOUNT: true, NET_TOTAL_AMOUNT: false });
  });

  it('Trustly P11K and Braintree JSON', async () => {
    const trustly = await load('other_psp/smashpig_trustly_P11KFUN.csv');
    // I rows: 860 + 2.84 = 862.84 (the L record's total)
    expect(trustly.report.rows).toBe(2);
    expect(trustly.engine.query(`SELECT CAST(sum(column_15) AS TEXT) FROM ${trustly.table}`).rows).toEqual([['86284']]);
    const braintree = await load('braintree/smashpig_raw_settlement_batch_report.json');
    // 3.10 + 3.00 + 3.10 = 9.20
    expect(braintree.report.rows).toBe(3);
    expect(totals(braintree.engine, braintree.table, 'amount_value', 'amount_currencycode')).toEqual({ USD: '920' });
    expect(braintree.engine.query(`SELECT settlement_batch_id FROM ${braintree.table} WHERE rowid = 2`).rows).toEqual([['2025-12-21_wikimediafoundation_instant_0wh92fsw']]);
  });
});
