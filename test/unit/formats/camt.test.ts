import { describe, expect, it } from 'vitest';
import { parseCamt } from '../../../shared/engine/formats/camt';
import { corpusText, parseCorpus, thrownBy, totalsByCurrency, warningText } from './corpus-files';

const CAMT053 = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02';
function statementXml(entries: string, balances = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="${CAMT053}"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>\n<Stmt><Id>S1</Id><Acct><Id><IBAN>DE00</IBAN></Id><Ccy>EUR</Ccy></Acct>${balances}\n${entries}</Stmt></BkToCstmrStmt></Document>`;
}

/* Expected numbers from reading the XML: Amt is positive, CdtDbtInd gives the sign. */
describe('camt corpus', () => {
  it('camt.052 v8 in ISO-8859-1: umlauts intact, <Sts><Cd>, v8 <Pty><Nm>', () => {
    const parsed = parseCorpus('camt/actual_camt052_v8_latin1.xml');
    expect(parsed.format).toBe('camt.052');
    expect(parsed.encoding).toBe('iso-8859-1');
    expect(parsed.statements).toHaveLength(1);
    expect(parsed.entries).toHaveLength(2);
    // +100.00 − 5.00 = 95.00
    expect(totalsByCurrency(parsed.entries)).toEqual({ EUR: 9500n });
    expect(parsed.entries[1]).toMatchObject({
      counterparty: 'Grüße aus München',
      remittance: 'Restaurant Schrödingers Katze und Café Ünique',
      bankReference: '2025090900000001',
      bookingDate: '2025-09-09',
    });
    expect(parsed.entries[0]!.remittance).toBe('M-Überschusssparen');
    expect(parsed.warnings).toEqual([]);
  });

  it('camt.053 v2 with three fraction digits: "18.150" EUR is 1815 cents, not mis-scaled; balances off by 0.05', () => {
    const parsed = parseCorpus('camt/genkgo_camt053_v2_five_decimals.xml');
    expect(parsed.entries).toHaveLength(1);
    expect(totalsByCurrency(parsed.entries)).toEqual({ EUR: 885n });
    expect(parsed.statements[0]).toMatchObject({ openingBalanceMinor: 1815n, closingBalanceMinor: 2705n, openingDate: '2014-12-30', closingDate: '2014-12-31' });
    // 18.150 + 8.850 = 27.000, but CLBD says 27.050 (not flagged in SOURCES.md)
    expect(warningText(parsed)).toEqual([
      'Statement 1:253EURNL26VAYB8060476890 (account NL26VAYB8060476890) does not add up: opening 18.15 EUR + 1 entries 8.85 EUR = 27.00 EUR, but the closing balance CLBD is 27.05 EUR (difference 0.05 EUR).',
    ]);
  });

  it('camt.053 v2 with two <Stmt>: each balances on its own', () => {
    const parsed = parseCorpus('camt/genkgo_camt053_v2_multi_statement.xml');
    expect(parsed.statements).toHaveLength(2);
    expect(parsed.entries).toHaveLength(2);
    // 18.15 + 8.85 = 27.00; 27.00 − 7.00 = 20.00 → entries +8.85 − 7.00 = 1.85
    expect(totalsByCurrency(parsed.entries)).toEqual({ EUR: 185n });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries.map((e) => [e.statementId, e.typeCode, e.endToEndId, e.bookingDate, e.valueDate])).toEqual([
      ['1:253EURNL26VAYB8060476890', '544', '000000001', '2014-12-31', '2015-01-02'],
      ['2:254EURNL26VAYB8060476890', '544', '000000002', '2014-12-31', '2015-01-02'],
    ]);
  });

  it('camt.054 batch: one entry with batchCount, and warnings for NbOfTxs 2 vs 3 TxDtls and TtlAmt 6.3 vs 9.5', () => {
    const parsed = parseCorpus('camt/genkgo_camt054_v4_batch.xml');
    expect(parsed.format).toBe('camt.054');
    expect(parsed.entries).toHaveLength(1);
    expect(totalsByCurrency(parsed.entries)).toEqual({ SEK: -20000000n });
    const [entry] = parsed.entries;
    expect(entry).toMatchObject({ batchCount: 2, typeCode: 'PMNT/ICDT/DMCT', bankReference: 'ACSR160617103200001', customerReference: 'UXC06170000006PI00001', line: 63 });
    // the duplicate EndToEndId of TxDtls 2 and 3 is listed once
    expect(entry!.endToEndId).toBe('UXC06170000006PI00001EE00001; UXC06170000006PI00001EE00002');
    expect(entry!.raw.startsWith('<Ntry>') && entry!.raw.endsWith('</Ntry>')).toBe(true);
    // TxDtls 3.1 + 3.2 + 3.2 = 9.5 CHF against TtlAmt 6.3 CHF
    expect(warningText(parsed)).toEqual([
      'The entry on line 63 is a batch that declares 2 transactions (Btch/NbOfTxs) but lists 3 TxDtls (1 more).',
      'The entry on line 63: the batch total Btch/TtlAmt is 6.30 CHF but its TxDtls add up to 9.50 CHF (difference 3.20 CHF).',
    ]);
  });

  it('Credit Suisse camt.053 v4: TxsSummry and balances reconcile; FX entry stays in the account currency', () => {
    const parsed = parseCorpus('camt/oca_creditsuisse_camt053_v4_multicurrency.xml');
    expect(parsed.entries).toHaveLength(2);
    // −579.21 + 134.00 = −445.21; 350777.85 − 445.21 = 350332.64 = CLBD; TxsSummry 2 / 713.21 / net 445.21 DBIT
    expect(totalsByCurrency(parsed.entries)).toEqual({ CHF: -44521n });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries[0]).toMatchObject({ counterparty: 'Batelier', endToEndId: 'SP-98803960-0', customerReference: 'DNCS-20210913-IXN0-TXN0', remittance: 'Devis DEV-01387', typeCode: 'PMNT/ICDT/ESCT' });
    expect(parsed.entries[1]).toMatchObject({ counterparty: 'EPFL', direction: 'credit', remittance: '/INV/09.2021/01 7.9.2021' });
  });
});

describe('camt safety and failures', () => {
  it('refuses any DOCTYPE before parsing (billion laughs)', () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<Document xmlns="${CAMT053}"><BkToCstmrStmt><Stmt><Id>&lol2;</Id></Stmt></BkToCstmrStmt></Document>`;
    const error = thrownBy(() => parseCamt(bomb, 'bomb.xml'));
    expect(error).toMatchObject({ code: 'bad-input', location: { file: 'bomb.xml', line: 2 } });
    expect(error.message).toContain('DOCTYPE not allowed: entity-expansion risk');
  });

  it('decodes only the predefined entities and character references', () => {
    const xml = statementXml('<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><NtryDtls><TxDtls><RmtInf><Ustrd>A &amp; B &#x20AC; &lt;x&gt; &unknown;</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>');
    expect(parseCamt(xml, 'e.xml').entries[0]!.remittance).toBe('A & B € <x> &unknown;');
  });

  it('a truncated file gives a located XML error', () => {
    const text = corpusText('camt/oca_creditsuisse_camt053_v4_multicurrency.xml');
    const cut = text.slice(0, text.indexOf('<Ntry>') + 200);
    const error = thrownBy(() => parseCamt(cut, 'cut.xml'));
    expect(error.code).toBe('bad-input');
    expect(error.message).toContain('not well-formed');
    expect(error.location?.line).toBeGreaterThan(1);
  });

  it('refuses an amount that would need rounding (EUR with a non-zero third decimal)', () => {
    const error = thrownBy(() => parseCamt(statementXml('<Ntry><Amt Ccy="EUR">1.005</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>'), 'r.xml'));
    expect(error).toMatchObject({ code: 'bad-input', location: { line: 4 } });
    expect(error.message).toContain('rounded');
  });

  it('checks TxsSummry and skips pending entries in the balance', () => {
    const balances =
      '<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2024-01-01</Dt></Dt></Bal>' +
      '<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">2.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-01</Dt></Dt></Bal>' +
      '<TxsSummry><TtlNtries><NbOfNtries>3</NbOfNtries><Sum>99.00</Sum></TtlNtries></TxsSummry>';
    const entries =
      '<Ntry><Amt Ccy="EUR">12.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>\n<Ntry><Amt Ccy="EUR">50.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>PDNG</Sts></Ntry>';
    const parsed = parseCamt(statementXml(entries, balances), 's.xml');
    // booked: −10.00 + 12.00 = 2.00 = CLBD; the pending 50.00 is not in it
    expect(warningText(parsed)).toEqual([
      'Statement 1:S1: TxsSummry/TtlNtries says 3 entries, but there are 2.',
      'Statement 1:S1: TxsSummry/TtlNtries/Sum is 99.00 EUR, but the entries add up to 62.00 EUR (difference -37.00 EUR).',
    ]);
  });
});
