import { describe, expect, it } from 'vitest';
import { decodeStatementBytes } from '../../../shared/engine/formats/decode-statement';
import { parseMt940 } from '../../../shared/engine/formats/mt940';
import { corpusText, parseCorpus, thrownBy, totalsByCurrency, warningText } from './corpus-files';

/* Expected numbers come from reading the :61: lines (decimal comma; C/RD credit, D/RC debit). */
describe('MT940 corpus', () => {
  it('ABN AMRO: preamble lines, "9," and "11,8" amounts, 60M/62M pages; its balances do not add up', () => {
    const parsed = parseCorpus('mt940/abnamro.sta');
    expect(parsed.format).toBe('mt940');
    expect(parsed.statements).toHaveLength(2);
    expect(parsed.entries).toHaveLength(10);
    // page 1: 9.00+11.59+11.63+11.80+13.45+15.49+107.00+141.48 = 321.44 debit; page 2: 9.49+15.00 = 24.49 → −345.93
    expect(totalsByCurrency(parsed.entries)).toEqual({ EUR: -34593n });
    expect(parsed.entries.slice(0, 4).map((e) => e.amountMinor)).toEqual([-900n, -1159n, -1163n, -1180n]);
    // Not flagged in SOURCES.md, but the numbers say so: 3236.28 − 321.44 = 2914.84 ≠ 876.84; 2876.84 − 24.49 = 2852.35 ≠ 1849.75
    expect(warningText(parsed)).toEqual([
      'Statement 1:ABN AMRO BANK NV/19321/1 (account 517852257) does not add up: opening 3236.28 EUR + 8 entries -321.44 EUR = 2914.84 EUR, but the closing balance :62F:/:62M: is 876.84 EUR (difference -2038.00 EUR).',
      'Statement 2:ABN AMRO BANK NV/19322/1 (account 517852257) does not add up: opening 2876.84 EUR + 2 entries -24.49 EUR = 2852.35 EUR, but the closing balance :62F:/:62M: is 1849.75 EUR (difference -1002.60 EUR).',
      'Statement 2:ABN AMRO BANK NV/19322/1 opens at 2876.84 EUR but the previous statement 1:ABN AMRO BANK NV/19321/1 for account 517852257 closed at 876.84 EUR.',
    ]);
    expect(parsed.entries[1]).toMatchObject({ valueDate: '2011-05-21', bookingDate: '2011-05-23', typeCode: 'N426' });
  });

  it('betterplace SEPA: 26 statements, D opening balances, "CR300," funds code R, RCR reversal, wrapped ?2|2 subfields', () => {
    const parsed = parseCorpus('mt940/betterplace_sepa_de.sta');
    expect(parsed.statements).toHaveLength(26);
    expect(parsed.entries).toHaveLength(97);
    // every :61: summed with awk: 41 credits 5188474.94, 56 debits 14457610.84 → −9269135.90
    expect(totalsByCurrency(parsed.entries)).toEqual({ EUR: -926913590n });
    // statement 1 by hand: −1234718.36 + 300 + 335.33 + 15000 + 66295.08 + 915311.55 − 204.88 − 999946.95 = −1237628.23 = :62F:D
    expect(parsed.statements[0]).toMatchObject({ openingBalanceMinor: -123471836n, closingBalanceMinor: -123762823n, entryCount: 7 });
    expect(parsed.warnings).toEqual([]);
    const reversal = parsed.entries[5]!;
    expect(reversal).toMatchObject({ direction: 'debit', amountMinor: -20488n, typeCode: 'NRTI 079 SAMMLER/STORNO' });
    // "…?2" + newline + "2MTLG…" is subfield ?22, not text
    const wrapped = parsed.entries.find((e) => e.raw.includes('PayId CTSc-?2101 EBB?2\n2MTLG'))!;
    expect(wrapped.remittance).toBe('KREF+TFNr 01005 PayId CTSc-01 EBBMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000005 Zahlungen');
  });

  it('Citi USD: entry date as four spaces, "DD"/"CD" = mark + funds code D, supplementary details', () => {
    const parsed = parseCorpus('mt940/citi_usd.txt');
    expect(parsed.statements).toHaveLength(1);
    expect(parsed.entries).toHaveLength(5);
    // −212.39 − 369.28 + 0 + 0 − 561.08 = −1142.75; 17376.67 − 1142.75 = 16233.92 = :62F:
    expect(totalsByCurrency(parsed.entries)).toEqual({ USD: -114275n });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries[2]).toMatchObject({ amountMinor: 0n, direction: 'credit', bookingDate: '2024-03-12', remittance: '/ABC/DEF/C 37897,00 BAI CD 025' });
  });

  it('ING NL: header lines, no entry date, statement-level :86: after :62F:; balances do not add up', () => {
    const parsed = parseCorpus('mt940/ing_nl.sta');
    expect(parsed.entries).toHaveLength(7);
    // debits 25.03+3.03+1.11+20.00+1.10 = 50.27, credits 3.68+1.00 = 4.68 → −45.59
    expect(totalsByCurrency(parsed.entries)).toEqual({ EUR: -4559n });
    expect(warningText(parsed)).toEqual([
      'Statement 1:MPBZ/000 (account 0001234567) does not add up: opening 0.00 EUR + 7 entries -45.59 EUR = -45.59 EUR, but the closing balance :62F:/:62M: is 3.47 EUR (difference 49.06 EUR).',
    ]);
    expect(parsed.entries[2]).toMatchObject({ customerReference: 'TMG TANGO', bookingDate: '2010-07-22' });
    expect(parsed.entries[6]!.remittance).toBe('0111111111 Hr S Marechal ROSMALEN Hr S Marechal ROSMALEN Betaling transactiedatum: 22-07-2010');
  });

  it('mBank PL: SOH/ETX framing bytes, "CN0,01", bank reference after //', () => {
    const parsed = parseCorpus('mt940/mbank_pl.sta');
    expect(parsed.entries).toHaveLength(3);
    // 0.40 + 3 × 0.01 = 0.43 = :62F:
    expect(totalsByCurrency(parsed.entries)).toEqual({ PLN: 3n });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries[0]).toMatchObject({ bankReference: 'MB170119012058', customerReference: null, line: 6 });
    expect(parsed.entries[0]!.remittance).toContain('911-TRANSAKCJA IPH 911 TRANSAKCJA COLLECT');
  });

  it('Raiffeisen HU: CP852 text, HUF; balances do not add up', () => {
    const parsed = parseCorpus('mt940/raiffeisen_hu_cp852.sta');
    expect(parsed.encoding).toBe('cp852');
    expect(parsed.entries).toHaveLength(7);
    // +2066637.00 − 14790.00 − 3051800.00 − 3892.77 − 789.24 − 1578.49 − 6000.00 = −1012213.50
    expect(totalsByCurrency(parsed.entries)).toEqual({ HUF: -101221350n });
    expect(parsed.entries[0]!.remittance).toContain('Csoportos átutalás jóváírása');
    expect(parsed.entries[3]!.remittance).toContain('Díj, jutalék');
    expect(parsed.entries[0]!.remittance).toContain('napi összevont utánvét');
    expect(warningText(parsed)).toEqual([
      'Statement 1:STARTUMS/0072 (account UBRTHUHB/123456789150ABCDEF002/HUF) does not add up: opening 25170637.10 HUF + 7 entries -1012213.50 HUF = 24158423.60 HUF, but the closing balance :62F:/:62M: is 25281687.60 HUF (difference 1123264.00 HUF).',
    ]);
  });

  it('VR-Bank DE: three one-day statements, DR/CR funds code, value date ≠ entry date, German ?20–?63 subfields', () => {
    const parsed = parseCorpus('mt940/vr_teilhaberbank_de.mta');
    expect(parsed.statements.map((s) => s.statementId)).toEqual(['1:STARTUMS/0', '2:STARTUMS/0', '3:STARTUMS/0']);
    expect(parsed.entries).toHaveLength(5);
    // −17.90 − 6.00 − 39.90 − 453.11 + 175.00 = −341.91; chained 15188.85 → 15170.95 → 15164.95 → 14846.94
    expect(totalsByCurrency(parsed.entries)).toEqual({ EUR: -34191n });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries[0]).toMatchObject({
      amountMinor: -1790n,
      typeCode: 'NDDT 105 Basislastschrift',
      endToEndId: '1046450041914',
      counterparty: 'PayPal Europe S.a.r.l. et Cie S.C.A',
    });
    expect(parsed.entries[1]).toMatchObject({ valueDate: '2025-11-30', bookingDate: '2025-11-28', remittance: 'SVWZ+Abschluss per 30.11.2025' });
    expect(parsed.entries[4]).toMatchObject({ direction: 'credit', amountMinor: 17500n, counterparty: 'Max Mustermann', remittance: 'KREF+2025120189396728587800000000000903SVWZ+Rate' });
  });
});

describe('MT940 edge cases', () => {
  const statement = (lines: string[]) => [':20:YEAREND', ':25:NL00BANK0123456789', ':28C:1/1', ...lines, '-'].join('\r\n');

  it('entry date MMDD across Dec 31 → Jan 1 takes the year nearest the value date', () => {
    const text = statement([':60F:C231231EUR100,00', ':61:2312310102D10,00NTRFNONREF//B1', ':86:Year-end fee', ':61:2401021231C5,00NTRFNONREF//B2', ':62F:C240102EUR95,00']);
    const parsed = parseMt940(text, 'yearend.sta');
    expect(parsed.entries.map((e) => [e.valueDate, e.bookingDate, e.amountMinor])).toEqual([
      ['2023-12-31', '2024-01-02', -1000n],
      ['2024-01-02', '2023-12-31', 500n],
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('SWIFT {1:}{2:}{4: envelope and RD reversal', () => {
    const text = `{1:F01BANKBEBBAXXX0000000000}{2:O9401200240101BANKBEBBAXXX00000000002401011200N}{4:\n${statement([':60F:C240101EUR0,', ':61:240101RD12,5NTRFREF1', ':62F:C240101EUR12,50'])}}`;
    const parsed = parseMt940(text, 'fin.sta');
    expect(parsed.entries[0]).toMatchObject({ direction: 'credit', amountMinor: 1250n, customerReference: 'REF1', line: 6 });
    expect(parsed.warnings).toEqual([]);
  });

  it('MT942 (no balances): entries parsed and :90D:/:90C: counts and sums checked', () => {
    const text = [':20:INTRA', ':25:DE00/1', ':28C:1', ':34F:EURD0,', ':13D:2401011200+0100', ':61:240101C10,00NTRFREF1', ':61:240101D2,50NTRFREF2', ':90D:1EUR2,50', ':90C:2EUR10,00', '-'].join('\n');
    const parsed = parseMt940(text, 'intra.sta');
    expect(parsed.format).toBe('mt942');
    expect(parsed.statements[0]).toMatchObject({ currency: 'EUR', openingBalanceMinor: null, closingBalanceMinor: null, entryCount: 2 });
    expect(totalsByCurrency(parsed.entries)).toEqual({ EUR: 750n });
    expect(warningText(parsed)).toEqual([':90C: on line 9 says 2 credits totalling 10.00 EUR, but the report has 1 totalling 10.00 EUR.']);
  });

  it('a statement cut before :62F: is refused where the file ends', () => {
    const cut = corpusText('mt940/vr_teilhaberbank_de.mta').split('\n').slice(0, 9).join('\n');
    const error = thrownBy(() => parseMt940(cut, 'cut.mta'));
    expect(error).toMatchObject({ code: 'bad-input', location: { file: 'cut.mta', line: 9 } });
    expect(error.message).toContain('no closing balance');
    expect(error.message).toContain('cut off');
  });

  it('an unreadable :61: is refused with its line', () => {
    const error = thrownBy(() => parseMt940(statement([':60F:C240101EUR0,', ':61:24010X', ':62F:C240101EUR0,']), 'bad.sta'));
    expect(error).toMatchObject({ code: 'bad-input', location: { line: 5 } });
  });

  it('CP852 bytes are decoded with our own table, not as Windows-1252', () => {
    const bytes = new Uint8Array([0x3a, 0x38, 0x36, 0x3a, 0x44, 0xa1, 0x6a, 0x2c, 0x20, 0x6a, 0x75, 0x74, 0x61, 0x6c, 0x82, 0x6b]); // ":86:Díj, jutalék"
    expect(decodeStatementBytes(bytes, 'mt940', 'x.sta')).toMatchObject({ text: ':86:Díj, jutalék', encoding: 'cp852' });
    expect(decodeStatementBytes(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), 'mt940', 'x.sta')).toMatchObject({ text: 'Müller', encoding: 'windows-1252' });
  });
});
