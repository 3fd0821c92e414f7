import { describe, expect, it } from 'vitest';
import { detectStatementFormat } from '../../../shared/engine/formats/detect-format';
import { parseNacha } from '../../../shared/engine/formats/nacha';
import { corpusText, parseCorpus, thrownBy, totalsByCurrency, warningText } from './corpus-files';

/* Expected numbers from the fixed columns: amount 30–39 in cents, transaction code 2–3 (…1–4 credit, …6–9 debit). */
describe('NACHA corpus', () => {
  it('return file: two WEB batches, R01 and R03 returns keyed by the original trace number', () => {
    const parsed = parseCorpus('nacha/moov_return_WEB.ach');
    expect(parsed.format).toBe('nacha');
    expect(parsed.statements).toHaveLength(2);
    expect(parsed.entries).toHaveLength(2);
    // code 26 (debit return) 0000012354 and code 21 (credit return) 0000004565 → −123.54 + 45.65 = −77.89
    expect(totalsByCurrency(parsed.entries)).toEqual({ USD: -7789n });
    expect(parsed.entries.map((e) => [e.typeCode, e.bankReference, e.endToEndId, e.counterparty, e.amountMinor])).toEqual([
      ['R01', '091400600000001', '091000017611242', 'Paul Jones', -12354n],
      ['R03', '091400600000003', '021000029461242', 'Bob Marley', 4565n],
    ]);
    // 8 records: 2 entry+addenda, debits 12354 / credits 4565, hash 09140060; 9: 2 batches, 4, 18280120
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries[0]!.raw.split('\n')).toHaveLength(2);
  });

  it('COR/NOC file: zero-amount entry, C01 change code with the corrected data, 9-filled block', () => {
    const parsed = parseCorpus('nacha/moov_cor_noc_example.ach');
    expect(parsed.statements).toHaveLength(1);
    expect(parsed.entries).toHaveLength(1);
    expect(totalsByCurrency(parsed.entries)).toEqual({ USD: 0n });
    expect(parsed.entries[0]).toMatchObject({ typeCode: 'C01', bankReference: '121042880000001', remittance: 'Corrected data: 1918171614', counterparty: 'Best Co. #23', line: 3 });
    expect(parsed.warnings).toEqual([]);
  });
});

describe('NACHA failures and control checks', () => {
  const lines = () => corpusText('nacha/moov_return_WEB.ach').split('\n');

  it('a file without its 9 file control is refused at the last line', () => {
    const error = thrownBy(() => parseNacha(lines().slice(0, 9).join('\n'), 'cut.ach'));
    expect(error).toMatchObject({ code: 'bad-input', location: { file: 'cut.ach', line: 9 } });
    expect(error.message).toContain('9 file control');
  });

  it('a batch control that disagrees is a warning naming both numbers', () => {
    const copy = lines();
    copy[4] = copy[4]!.slice(0, 20) + '000000012355' + copy[4]!.slice(32);
    const parsed = parseNacha(copy.join('\n'), 'edited.ach');
    expect(warningText(parsed)).toEqual(['8 batch control on line 5 (batch from line 2) says total debits 123.55 USD, but the entries add up to 123.54 USD.']);
  });

  it('trailing spaces stripped by a mail or FTP client are put back, and the file is still recognised', () => {
    const stripped = lines().map((line) => line.trimEnd()).join('\n');
    expect(detectStatementFormat(new TextEncoder().encode(stripped))).toBe('nacha');
    const parsed = parseNacha(stripped, 'stripped.ach');
    expect(totalsByCurrency(parsed.entries)).toEqual({ USD: -7789n });
    expect(parsed.warnings).toEqual([]);
  });

  it('a file without line breaks is read as 94-character records', () => {
    const single = lines().join('');
    expect(detectStatementFormat(new TextEncoder().encode(single))).toBe('nacha');
    expect(parseNacha(single, 'one-line.ach').entries).toHaveLength(2);
  });

  it('a long record is refused with its line', () => {
    const copy = lines();
    copy[2] = `${copy[2]!}XYZ`;
    const error = thrownBy(() => parseNacha(copy.join('\n'), 'long.ach'));
    expect(error).toMatchObject({ code: 'bad-input', location: { line: 3 } });
  });
});
