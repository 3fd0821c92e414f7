import type { ColumnInfo, ColumnType } from '../api';
import type { BindValue } from '../sqlite/sqljs-types';
import { currencyExponent } from './currency-exponents';
import type { EntryRecord, ParsedStatements, StatementRecord } from './statement-model';

/**
 * The two tables a statement file becomes: <name>_statements and
 * <name>_entries. Amounts are `decimal` columns: INTEGER holding
 * value × 10^scale, with one scale per table, the largest exponent among
 * the file's currencies, so JPY 100 next to USD is stored as 10000 at
 * scale 2 and sums stay exact.
 */

export interface TableSpec {
  suffix: '_statements' | '_entries';
  columns: ColumnInfo[];
  rows: BindValue[][];
}

function column(name: string, label: string, type: ColumnType, scale = 0): ColumnInfo {
  return { name, label, type, scale, coercedCells: 0 };
}

export function amountScale(parsed: ParsedStatements): number {
  const currencies = new Set<string>();
  for (const statement of parsed.statements) if (statement.currency) currencies.add(statement.currency);
  for (const entry of parsed.entries) currencies.add(entry.currency);
  return currencies.size === 0 ? 2 : Math.max(...[...currencies].map(currencyExponent));
}

function scaled(value: bigint | null, currency: string | null, scale: number): bigint | null {
  if (value === null) return null;
  const exponent = currency ? currencyExponent(currency) : scale;
  return value * 10n ** BigInt(scale - exponent);
}

export function statementsTable(statements: StatementRecord[], scale: number): TableSpec {
  return {
    suffix: '_statements',
    columns: [
      column('statement_id', 'Statement', 'text'),
      column('account', 'Account', 'text'),
      column('currency', 'Currency', 'text'),
      column('opening_balance', 'Opening balance', 'decimal', scale),
      column('opening_date', 'Opening date', 'date'),
      column('closing_balance', 'Closing balance', 'decimal', scale),
      column('closing_date', 'Closing date', 'date'),
      column('entry_count', 'Entries', 'integer'),
      column('line', 'Line', 'integer'),
    ],
    rows: statements.map((s) => [
      s.statementId,
      s.account,
      s.currency,
      scaled(s.openingBalanceMinor, s.currency, scale),
      s.openingDate,
      scaled(s.closingBalanceMinor, s.currency, scale),
      s.closingDate,
      s.entryCount,
      s.sourceLine,
    ]),
  };
}

export function entriesTable(entries: EntryRecord[], scale: number): TableSpec {
  return {
    suffix: '_entries',
    columns: [
      column('statement_id', 'Statement', 'text'),
      column('booking_date', 'Booking date', 'date'),
      column('value_date', 'Value date', 'date'),
      column('amount', 'Amount', 'decimal', scale),
      column('currency', 'Currency', 'text'),
      column('direction', 'Direction', 'text'),
      column('type_code', 'Type code', 'text'),
      column('bank_reference', 'Bank reference', 'text'),
      column('customer_reference', 'Customer reference', 'text'),
      column('end_to_end_id', 'End-to-end ID', 'text'),
      column('counterparty', 'Counterparty', 'text'),
      column('remittance', 'Remittance', 'text'),
      column('batch_count', 'Batch count', 'integer'),
      column('line', 'Line', 'integer'),
      column('raw', 'Raw record', 'text'),
    ],
    rows: entries.map((e) => [
      e.statementId,
      e.bookingDate,
      e.valueDate,
      scaled(e.amountMinor, e.currency, scale),
      e.currency,
      e.direction,
      e.typeCode,
      e.bankReference,
      e.customerReference,
      e.endToEndId,
      e.counterparty,
      e.remittance,
      e.batchCount,
      e.line,
      e.raw,
    ]),
  };
}
