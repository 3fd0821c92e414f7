import { EngineError } from '../errors';
import { formatMinor, impliedToMinor, isoFromYymmdd } from './amount-text';
import type { EntryRecord, ParsedStatements, StatementRecord, StatementWarning } from './statement-model';

/**
 * NACHA ACH files: fixed 94-character records, 1 file header, 5 batch
 * header, 6 entry, 7 addenda, 8 batch control, 9 file control, padded with
 * all-9 lines to blocks of ten. Each batch is a statement (no balances);
 * each 6 is an entry. Returns (addenda 99, R01…) and notifications of
 * change (addenda 98, C01…) carry their reason code in typeCode and the
 * ORIGINAL entry's trace number in bankReference, which is how a return is
 * matched back to the payment. Direction follows the transaction code's
 * last digit as NACHA's own control totals do (1–4 credit, 6–9 debit).
 * Control-record counts and totals that disagree are warnings.
 */

const RECORD_LENGTH = 94;

interface Batch {
  statement: StatementRecord;
  entryAndAddenda: number;
  debits: bigint;
  credits: bigint;
  hash: bigint;
  effectiveDate: string | null;
  line: number;
}

export function parseNacha(text: string, file: string): ParsedStatements {
  const lines = physicalRecords(text);
  const statements: StatementRecord[] = [];
  const entries: EntryRecord[] = [];
  const warnings: StatementWarning[] = [];
  const fileTotals = { batches: 0, entryAndAddenda: 0, debits: 0n, credits: 0n, hash: 0n };
  let batch: Batch | null = null;
  let entry: EntryRecord | null = null;
  let sawHeader = false;
  let sawControl = false;
  const bad = (message: string, line: number): EngineError => new EngineError('bad-input', message, { file, line });

  for (const { record, line } of lines) {
    if (/^9{94}$/.test(record) && sawControl) continue; // block filler after the file control
    if (record.length !== RECORD_LENGTH) throw bad(`NACHA records are 94 characters; this one has ${record.length}.`, line);
    const type = record[0];
    const field = (from: number, to: number) => record.slice(from - 1, to);
    if (!sawHeader && type !== '1') throw bad('A NACHA file starts with a 1 (file header) record.', line);
    if (sawControl) throw bad('A record after the 9 file control record.', line);
    switch (type) {
      case '1':
        if (sawHeader) throw bad('A second 1 (file header) record.', line);
        sawHeader = true;
        break;
      case '5': {
        if (batch) throw bad(`A 5 batch header before the 8 control of the batch from line ${batch.line}.`, line);
        const number = field(88, 94);
        batch = {
          statement: {
            statementId: `${statements.length + 1}:${number}`,
            account: `${field(5, 20).trim()} (${field(41, 50).trim()})`,
            currency: 'USD',
            openingBalanceMinor: null,
            openingDate: null,
            closingBalanceMinor: null,
            closingDate: null,
            entryCount: 0,
            sourceLine: line,
          },
          entryAndAddenda: 0,
          debits: 0n,
          credits: 0n,
          hash: 0n,
          effectiveDate: isoFromYymmdd(field(70, 75)),
          line,
        };
        break;
      }
      case '6': {
        if (!batch) throw bad('A 6 entry record outside a batch.', line);
        const code = field(2, 3);
        const amount = impliedToMinor(field(30, 39));
        if ('problem' in amount) throw bad(`Entry amount ${amount.problem}.`, line);
        const isDebit = /[5-9]$/.test(code);
        if (isDebit) batch.debits += amount.value;
        else batch.credits += amount.value;
        batch.hash += BigInt(field(4, 11).trim() || '0');
        batch.entryAndAddenda++;
        const trace = field(80, 94).trim();
        entry = {
          statementId: batch.statement.statementId,
          bookingDate: batch.effectiveDate,
          valueDate: batch.effectiveDate,
          amountMinor: isDebit ? -amount.value : amount.value,
          currency: 'USD',
          direction: isDebit ? 'debit' : 'credit',
          typeCode: code,
          bankReference: trace || null,
          customerReference: field(40, 54).trim() || null,
          endToEndId: trace || null,
          counterparty: field(55, 76).trim() || null,
          remittance: null,
          batchCount: null,
          raw: record,
          line,
        };
        entries.push(entry);
        batch.statement.entryCount++;
        break;
      }
      case '7': {
        if (!batch || !entry) throw bad('A 7 addenda record without an entry before it.', line);
        batch.entryAndAddenda++;
        entry.raw = `${entry.raw}\n${record}`;
        applyAddenda(entry, field);
        break;
      }
      case '8': {
        if (!batch) throw bad('An 8 batch control record without a batch.', line);
        checkBatchControl(batch, field, line, warnings);
        fileTotals.batches++;
        fileTotals.entryAndAddenda += batch.entryAndAddenda;
        fileTotals.debits += batch.debits;
        fileTotals.credits += batch.credits;
        fileTotals.hash += batch.hash;
        statements.push(batch.statement);
        batch = null;
        entry = null;
        break;
      }
      case '9': {
        if (batch) throw bad(`The 9 file control comes before the 8 control of the batch from line ${batch.line}.`, line);
        checkFileControl(fileTotals, field, line, warnings);
        sawControl = true;
        break;
      }
      default:
        throw bad(`"${type}" is not a NACHA record type (1, 5, 6, 7, 8, 9).`, line);
    }
  }
  const lastLine = lines[lines.length - 1]?.line ?? 1;
  if (!sawControl) throw bad(batch ? `The file ends inside the batch from line ${batch.line}: no 8 batch control and no 9 file control. Was it cut off?` : 'The file ends without its 9 file control record. Was it cut off?', lastLine);
  return { format: 'nacha', statements, entries, warnings };
}

/** Lines, or 94-character slices when a file arrives as one unbroken line. */
function physicalRecords(text: string): { record: string; line: number }[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length <= 2 && (lines[0]?.length ?? 0) > RECORD_LENGTH && lines[0]!.length % RECORD_LENGTH === 0) {
    const single = lines[0]!;
    return Array.from({ length: single.length / RECORD_LENGTH }, (_, i) => ({ record: single.slice(i * RECORD_LENGTH, (i + 1) * RECORD_LENGTH), line: 1 }));
  }
  // Some systems strip trailing spaces; the records are still fixed-width, so pad them back.
  return lines.map((record, index) => ({ record: record.length < RECORD_LENGTH && record.trim() !== '' ? record.padEnd(RECORD_LENGTH) : record, line: index + 1 })).filter(({ record }) => record.trim() !== '');
}

function applyAddenda(entry: EntryRecord, field: (from: number, to: number) => string): void {
  const kind = field(2, 3);
  if (kind === '99' || kind === '98') {
    // Return (R01…) or notification of change (C01…): matched back by the original entry's trace number.
    entry.typeCode = field(4, 6).trim();
    entry.bankReference = field(7, 21).trim() || null;
    const info = kind === '98' ? field(36, 64).trim() : field(36, 79).trim();
    entry.remittance = info ? `${kind === '98' ? 'Corrected data' : 'Addenda information'}: ${info}` : null;
  } else if (kind === '05' || kind === '02') {
    const info = field(4, 83).trim();
    if (info) entry.remittance = entry.remittance ? `${entry.remittance} ${info}` : info;
  }
}

function checkBatchControl(batch: Batch, field: (from: number, to: number) => string, line: number, warnings: StatementWarning[]): void {
  const what = `8 batch control on line ${line} (batch from line ${batch.line})`;
  compareCount(what, 'entry and addenda records', field(5, 10), batch.entryAndAddenda, line, warnings);
  compareMoney(what, 'total debits', field(21, 32), batch.debits, line, warnings);
  compareMoney(what, 'total credits', field(33, 44), batch.credits, line, warnings);
  compareHash(what, field(11, 20), batch.hash, line, warnings);
}

function checkFileControl(totals: { batches: number; entryAndAddenda: number; debits: bigint; credits: bigint; hash: bigint }, field: (from: number, to: number) => string, line: number, warnings: StatementWarning[]): void {
  const what = `9 file control on line ${line}`;
  compareCount(what, 'batches', field(2, 7), totals.batches, line, warnings);
  compareCount(what, 'entry and addenda records', field(14, 21), totals.entryAndAddenda, line, warnings);
  compareMoney(what, 'total debits', field(32, 43), totals.debits, line, warnings);
  compareMoney(what, 'total credits', field(44, 55), totals.credits, line, warnings);
  compareHash(what, field(22, 31), totals.hash, line, warnings);
}

function compareCount(what: string, label: string, declared: string, counted: number, line: number, warnings: StatementWarning[]): void {
  if (Number(declared) !== counted) warnings.push({ message: `${what} says ${Number(declared)} ${label}, but there are ${counted}.`, line });
}

function compareMoney(what: string, label: string, declared: string, counted: bigint, line: number, warnings: StatementWarning[]): void {
  const value = impliedToMinor(declared);
  if ('problem' in value) warnings.push({ message: `${what}: ${label} ${value.problem}.`, line });
  else if (value.value !== counted) warnings.push({ message: `${what} says ${label} ${formatMinor(value.value, 'USD')}, but the entries add up to ${formatMinor(counted, 'USD')}.`, line });
}

/** The entry hash is the sum of the 8-digit receiving routing numbers, keeping its low ten digits. */
function compareHash(what: string, declared: string, counted: bigint, line: number, warnings: StatementWarning[]): void {
  const expected = counted % 10_000_000_000n;
  if (/^\d+$/.test(declared.trim()) && BigInt(declared.trim()) !== expected) warnings.push({ message: `${what} says entry hash ${declared.trim()}, but the routing numbers add up to ${expected}.`, line });
}
