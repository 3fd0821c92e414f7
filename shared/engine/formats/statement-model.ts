/**
 * The normalised shape every bank-statement parser (BAI2, MT940/MT942,
 * camt.05x, NACHA) produces. Amounts are exact integers in the currency's
 * minor units (see currency-exponents.ts); nothing in here is ever a float.
 */

export type StatementFormat = 'bai2' | 'mt940' | 'mt942' | 'camt.052' | 'camt.053' | 'camt.054' | 'nacha';

export interface StatementRecord {
  /** "<ordinal>:<the file's own id>", unique within the file even when banks repeat ids (VR-Bank's STARTUMS). */
  statementId: string;
  account: string | null;
  /** ISO 4217 code; null when the file never says (a camt.054 without Acct/Ccy and no entries). */
  currency: string | null;
  openingBalanceMinor: bigint | null;
  /** ISO YYYY-MM-DD. */
  openingDate: string | null;
  closingBalanceMinor: bigint | null;
  closingDate: string | null;
  entryCount: number;
  /** 1-based line in the decoded text where the statement starts. */
  sourceLine: number;
}

export interface EntryRecord {
  statementId: string;
  /** ISO YYYY-MM-DD, or null when the file has none (or an impossible one, which is warned about). */
  bookingDate: string | null;
  valueDate: string | null;
  /** Signed minor units: credit +, debit −. */
  amountMinor: bigint;
  currency: string;
  direction: 'credit' | 'debit';
  typeCode: string | null;
  bankReference: string | null;
  customerReference: string | null;
  endToEndId: string | null;
  counterparty: string | null;
  remittance: string | null;
  /** Payments inside one booked batch entry (camt Btch/NbOfTxs), else null. */
  batchCount: number | null;
  /** The source record text, so an analyst can always see what was parsed. */
  raw: string;
  line: number;
}

export interface StatementWarning {
  message: string;
  line?: number;
}

export interface ParsedStatements {
  format: StatementFormat;
  statements: StatementRecord[];
  entries: EntryRecord[];
  warnings: StatementWarning[];
}
