import { describe, expect, it } from 'vitest';
import { parseBai2 } from '../../../shared/engine/formats/bai2';
import { corpusText, parseCorpus, thrownBy, totalsByCurrency, warningText } from './corpus-files';

/*
 * Expected numbers were worked out by reading the files, not from the parser:
 * BAI2 amounts are minor units already; 100–399 credit, 400–699 debit.
 */
describe('BAI2 corpus', () => {
  it('NatWest GBP: 88 text wrapped mid-word, HH:MM:SS creation time, trailers consistent', () => {
    const parsed = parseCorpus('bai2/moj_natwest_gbp.bai2');
    expect(parsed.format).toBe('bai2');
    expect(parsed.statements).toHaveLength(1);
    expect(parsed.entries).toHaveLength(5);
    // debits 699: 971 + 100 + 123 + 1571 = 2765; credit 399: 89 → 89 − 2765 = −2676
    expect(totalsByCurrency(parsed.entries)).toEqual({ GBP: -2676n });
    // 010 opening 36521 − 2765 + 89 = 33845 = 015 closing
    expect(parsed.statements[0]).toMatchObject({ account: '88888888 600004', currency: 'GBP', openingBalanceMinor: 36521n, closingBalanceMinor: 33845n, openingDate: '2009-12-16', entryCount: 5 });
    // 49: 03 amounts 36521+33845×3+0+0+0+2765+89 = 140910, + 16s 2854 = 143764; 14 records. 98: 16, 99: 18.
    expect(parsed.warnings).toEqual([]);
    const last = parsed.entries[4]!;
    expect(last).toMatchObject({ typeCode: '399', direction: 'credit', amountMinor: 89n, line: 13 });
    // "…INTERNATIONAL-5373 CLIE" fills the 80-column record, so "NT SECCY…" continues the word.
    expect(last.remittance).toBe('TFR XBANKGO24007680SJ CAT JPY 2 GBPXBANKGO24007680BGC INTERNATIONAL-5373 CLIENT SECCY AC TFR');
    expect(last.raw.split('\n')).toHaveLength(3);
  });

  it('SVB USD: two groups for one account, 03 continued by three 88s, 99 without "/"', () => {
    const parsed = parseCorpus('bai2/moj_svb_usd.bai2');
    expect(parsed.statements).toHaveLength(2);
    expect(parsed.entries).toHaveLength(2);
    // 142 ACH credits: 490196 + 905800 = 1395996
    expect(totalsByCurrency(parsed.entries)).toEqual({ USD: 1395996n });
    expect(parsed.statements.map((s) => [s.openingBalanceMinor, s.closingBalanceMinor, s.openingDate])).toEqual([
      [34726979n, 35217175n, '2022-02-01'],
      [35217175n, 36122975n, '2022-02-02'],
    ]);
    // "16,142,490196,,172629,/": type, amount, funds type (defaulted), bank reference, customer reference (empty).
    expect(parsed.entries[0]).toMatchObject({ typeCode: '142', bankReference: '172629', customerReference: null, remittance: 'SOME PAYMENT ACH OFFSET' });
    expect(parsed.warnings).toEqual([]);
  });

  it('moov sample1 CAD: funds type V value dates, signed zero-padded trailers', () => {
    const parsed = parseCorpus('bai2/moov_sample1.txt');
    expect(parsed.statements).toHaveLength(2);
    expect(parsed.entries).toHaveLength(17);
    // account 1: credits 203500+2500+2500 = 208500, debits 2500+90000+500+20000+90000+2000+2500+1000 = 208500
    // account 2: credits 11500+100000 = 111500, debits 100000+9000+2000+500 = 111500 → net 0
    expect(totalsByCurrency(parsed.entries)).toEqual({ CAD: 0n });
    const credits = parsed.entries.filter((e) => e.direction === 'credit').reduce((sum, e) => sum + e.amountMinor, 0n);
    expect(credits).toBe(208500n + 111500n);
    expect(parsed.entries[0]).toMatchObject({ valueDate: '2006-03-16', bookingDate: '2006-03-17', remittance: 'RETURNED CHEQUE', amountMinor: -2500n });
    // 49 +834000 (14 records), +446000 (9), 98 +1280000 (2 accounts, 25), 99 (27): all agree
    expect(parsed.warnings).toEqual([]);
  });

  it('moov sample2 (the spec example): funds types S, V, D and 03 fields split over 88s', () => {
    const parsed = parseCorpus('bai2/moov_sample2_spec_example.txt');
    expect(parsed.statements).toHaveLength(5);
    expect(parsed.entries).toHaveLength(4);
    // 115 450000 + 115 500000 + 218 20000000 + 195 10000000, all credits; no currency anywhere → USD
    expect(totalsByCurrency(parsed.entries)).toEqual({ USD: 30950000n });
    // 49 totals include the 03/88 summaries but not the S/D availability amounts: 9150000, 4000000, 180000000, 140500000, 11800000
    expect(parsed.warnings).toEqual([]);
    expect(parsed.statements[1]!.openingBalanceMinor).toBe(-500000n);
    expect(parsed.entries[2]).toMatchObject({ bankReference: 'SP4738', customerReference: 'YRC065321', valueDate: '2004-06-22', remittance: 'PROCEEDS OF LETTER OF CREDIT FROM THE ARAMCO OIL CO' });
  });

  it('moov sample3: several records per line and a 16 broken over two lines', () => {
    const parsed = parseCorpus('bai2/moov_sample3_multi_record_lines.txt');
    expect(parsed.statements).toHaveLength(15);
    expect(parsed.entries).toHaveLength(26);
    // per account (credits − debits): 3100−3200, −(27500+3203), 3700−18651, 320−5944, 32593−920
    // = −100 − 30703 − 14951 − 5624 + 31673 = −19705
    expect(totalsByCurrency(parsed.entries)).toEqual({ USD: -19705n });
    // 49 counts (11, 4, 14, 6, 15…) only agree if the broken 16 counts once: 98 says 15 accounts, 72 records.
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries[1]).toMatchObject({ line: 3, remittance: 'TRANSFER   MSPBNA BANK        PPD', amountMinor: 500n });
  });

  it('moov sample4: long 88 chains with TAG: values, and trailers that do not match (warned with both numbers)', () => {
    const parsed = parseCorpus('bai2/moov_sample4_continuations.txt');
    expect(parsed.statements).toHaveLength(5);
    expect(parsed.entries).toHaveLength(17);
    // account 107049932: −60000 + 143500 − 928650 = −845150
    // account 104108339: credits 1912+1125+60000+931+50050+527+337686+5000 = 457231,
    //   debits 200000+55555+50500+10100+44250+30000000 = 30360405 → −29903174; total −30748324
    expect(totalsByCurrency(parsed.entries)).toEqual({ USD: -30748324n });
    const warnings = warningText(parsed);
    // 03 060 6865898 + 100 1912 + 16s 60000+143500+928650 = 7999960; 03 + 3×16 + 13×88 + 49 = 18 records
    expect(warnings).toContain('49 account trailer (account 107049932) on line 22: control total -1260161341762 in the file, but the records add up to 7999960 (difference -1260169341722).');
    expect(warnings).toContain('49 account trailer (account 107049932) on line 22: 26 records in the file, but there are 18.');
    // 03 159581194+159381194+158568897+158368897+200000 = 636100182, + 16s 30817636 = 666917818; 1 + 14 + 72 + 1 = 88 records
    expect(warnings).toContain('49 account trailer (account 104108339) on line 110: control total 6869722 in the file, but the records add up to 666917818 (difference -660048096).');
    expect(warnings).toContain('49 account trailer (account 104108339) on line 110: 8 records in the file, but there are 88.');
    // 13053325440 + 7999960 + 666917818 + 0 + 0 = 13728243218
    expect(warnings).toContain('98 group trailer on line 115: control total 13060195162 in the file, but the records add up to 13728243218 (difference -668048056).');
    expect(warnings).toContain('98 group trailer on line 115: 4 accounts in the file, but there are 5.');
    expect(warnings).toContain('99 file trailer on line 116: 18 records in the file, but there are 116.');
    expect(warnings).toHaveLength(9);
    const returned = parsed.entries.find((e) => e.typeCode === '557')!;
    expect(returned).toMatchObject({ direction: 'debit', amountMinor: -200000n, endToEndId: '021000080000030', counterparty: 'Test', bankReference: 'SB2322600000214' });
    expect(returned.remittance).toContain('Reason: "R02"');
  });
});

describe('BAI2 edge cases', () => {
  // 03 + 16 + 88 + 49 = 4 records; 02…98 = 6; 01…99 = 8. Control total 1000 + 500 = 1500.
  const file = (currency: string) =>
    ['01,BANK,CUST,240101,9999,1,,,2/', '02,CUST,BANK,1,240101,9999,USD,2/', `03,123,${currency},010,1000,,/`, '16,475,500,,BR1,CR1,CHECK PAID/', '88,SECOND LINE/', '49,1500,4/', '98,1500,1,6/', '99,1500,1,8/'].join('\n');

  it('accepts time 9999 (end of day) and counts 88s in the trailers', () => {
    const parsed = parseBai2(file('USD'), 'eod.bai');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries[0]).toMatchObject({ amountMinor: -500n, bankReference: 'BR1', customerReference: 'CR1', bookingDate: '2024-01-01', remittance: 'CHECK PAID SECOND LINE' });
  });

  it('uses the currency exponent: JPY amounts are whole yen', () => {
    const parsed = parseBai2(file('JPY'), 'jpy.bai');
    expect(parsed.entries[0]).toMatchObject({ currency: 'JPY', amountMinor: -500n });
    expect(parsed.statements[0]).toMatchObject({ currency: 'JPY', openingBalanceMinor: 1000n });
  });

  it('a file cut before its trailers is refused at the last line', () => {
    const cut = corpusText('bai2/moj_natwest_gbp.bai2').split('\n').slice(0, 10).join('\n');
    const error = thrownBy(() => parseBai2(cut, 'cut.bai2'));
    expect(error).toMatchObject({ code: 'bad-input', location: { file: 'cut.bai2', line: 10 } });
    expect(error.message).toContain('ends early');
  });

  it('a 16 outside an account is refused with its line', () => {
    const error = thrownBy(() => parseBai2('01,A,B,240101,0000,1,,,2/\n02,B,A,1,240101,,USD,2/\n16,475,500,,,/\n', 'bad.bai2'));
    expect(error).toMatchObject({ code: 'bad-input', location: { line: 3 } });
  });
});
