import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectStatementFormat } from '../../../shared/engine/formats/detect-format';
import { CORPUS_DIR, corpusBytes } from './corpus-files';

const encode = (text: string) => new TextEncoder().encode(text);

describe('detectStatementFormat', () => {
  it.each([
    ['bai2/moj_natwest_gbp.bai2', 'bai2'],
    ['bai2/moj_svb_usd.bai2', 'bai2'],
    ['bai2/moov_sample1.txt', 'bai2'],
    ['bai2/moov_sample2_spec_example.txt', 'bai2'],
    ['bai2/moov_sample3_multi_record_lines.txt', 'bai2'],
    ['bai2/moov_sample4_continuations.txt', 'bai2'],
    ['mt940/abnamro.sta', 'mt940'],
    ['mt940/betterplace_sepa_de.sta', 'mt940'],
    ['mt940/citi_usd.txt', 'mt940'],
    ['mt940/ing_nl.sta', 'mt940'],
    ['mt940/mbank_pl.sta', 'mt940'],
    ['mt940/raiffeisen_hu_cp852.sta', 'mt940'],
    ['mt940/vr_teilhaberbank_de.mta', 'mt940'],
    ['camt/actual_camt052_v8_latin1.xml', 'camt.052'],
    ['camt/genkgo_camt053_v2_five_decimals.xml', 'camt.053'],
    ['camt/genkgo_camt053_v2_multi_statement.xml', 'camt.053'],
    ['camt/genkgo_camt054_v4_batch.xml', 'camt.054'],
    ['camt/oca_creditsuisse_camt053_v4_multicurrency.xml', 'camt.053'],
    ['nacha/moov_cor_noc_example.ach', 'nacha'],
    ['nacha/moov_return_WEB.ach', 'nacha'],
  ])('%s → %s', (path, format) => {
    expect(detectStatementFormat(corpusBytes(path))).toBe(format);
  });

  it('every CSV/JSON file in the corpus is left to the CSV importer', () => {
    const others = ['adyen', 'bank_csv', 'braintree', 'checkout', 'other_psp', 'paypal', 'stripe'].flatMap((dir) => readdirSync(CORPUS_DIR + dir).map((name) => `${dir}/${name}`));
    expect(others.length).toBeGreaterThan(15);
    for (const path of others) expect([path, detectStatementFormat(corpusBytes(path))]).toEqual([path, null]);
  });

  it('needs two signs, not one', () => {
    // a headerless CSV whose ids happen to be 01, 02: no YYMMDD dates where BAI2 has them
    expect(detectStatementFormat(encode('01,2024-01-01,12.50\n02,2024-01-02,3.00\n'))).toBeNull();
    expect(detectStatementFormat(encode('01,A,B,240101,0000,1,,,2/\n02,B,A,1,240101,,USD,2/\n'))).toBe('bai2');
    expect(detectStatementFormat(encode('01,Alice,12.50\n03,Bob,3.00\n'))).toBeNull();
    expect(detectStatementFormat(encode('id,note\n1,":20: looks like a tag"\n'))).toBeNull();
    expect(detectStatementFormat(encode(`101${' '.repeat(91)}\nnot a batch\n`))).toBeNull();
    expect(detectStatementFormat(encode('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"/>'))).toBeNull();
    expect(detectStatementFormat(encode(''))).toBeNull();
  });

  it('recognises MT942 by its floor limit and no opening balance', () => {
    expect(detectStatementFormat(encode(':20:INTRA\n:25:DE00/1\n:28C:1\n:34F:EURD0,\n:13D:2401011200+0100\n-\n'))).toBe('mt942');
  });

  it('finds a camt Document behind a DOCTYPE, so the parser can refuse it', () => {
    expect(detectStatementFormat(encode('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'))).toBe('camt.053');
  });
});
