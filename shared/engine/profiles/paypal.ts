import { HeaderSet, keys, money, type ColumnRule, type Profile } from './profile-types';

/**
 * PayPal STL/TRR amounts are unsigned whole numbers of 1/100 unit for every
 * currency ("100,00 yen and $100.00 USD are both represented as 10000"), so
 * the implied scale is 2 even for JPY; the sign is in the CR/DR columns.
 */
const GROSS_CURRENCY = 'Gross Transaction Currency';

const SETTLEMENT_COLUMNS: ColumnRule[] = [
  money('Gross Transaction Amount', GROSS_CURRENCY, 2),
  money('Fee Amount', 'Fee Currency', 2),
  money(/^(Credit Transactional Fee|Credit Promotional Fee|Insurance Amount|Sales Tax Amount|Shipping Amount)$/, GROSS_CURRENCY, 2),
  { match: /^(Gross Transaction|Fee) Currency$/, role: 'currency' },
  { match: /^(Transaction|Fee) Debit or Credit$/, role: 'indicator' },
  ...keys('Transaction ID', 'Invoice ID', 'PayPal Reference ID', 'Bank Reference ID', 'Custom Field', 'Consumer ID', 'Payment Tracking ID', 'Store ID', "Payer's Account ID", 'Item ID', 'Auction Buyer ID', /Zip$/),
];

const DERIVED = [
  { kind: 'indicator' as const, amount: 'Gross Transaction Amount', indicator: 'Transaction Debit or Credit', name: 'gross_signed' },
  { kind: 'indicator' as const, amount: 'Fee Amount', indicator: 'Fee Debit or Credit', name: 'fee_signed' },
];

const SIGN = 'Unsigned whole minor units (always ×100, even JPY) with CR/DR indicator columns; gross_signed and fee_signed carry the sign (DR negative).';

export const paypalSettlement: Profile = {
  id: 'paypal-stl',
  name: 'PayPal Settlement report (STL)',
  matches: (h: HeaderSet) => h.has('Transaction ID', 'Transaction Debit or Credit', 'Gross Transaction Amount', 'Fee Debit or Credit') && !h.has('Transactional Status'),
  columns: SETTLEMENT_COLUMNS,
  derived: DERIVED,
  signConvention: SIGN,
};

export const paypalTransactionDetail: Profile = {
  id: 'paypal-trr',
  name: 'PayPal Transaction detail report (TRR)',
  matches: (h: HeaderSet) => h.has('Transaction ID', 'Transaction Debit or Credit', 'Gross Transaction Amount', 'Transactional Status'),
  columns: SETTLEMENT_COLUMNS,
  derived: DERIVED,
  signConvention: SIGN,
};

export const paypalActivityDe: Profile = {
  id: 'paypal-activity-de',
  name: 'PayPal Activity download (DE)',
  matches: (h: HeaderSet) => h.has('Datum', 'Brutto', 'Netto', 'Transaktionscode'),
  columns: [
    money(/^(Brutto|Gebühr|Netto|Guthaben|Versand- und Bearbeitungsgebühr|Versicherungsbetrag|Umsatzsteuer)$/, 'Währung'),
    { match: 'Währung', role: 'currency' },
    ...keys('Transaktionscode', 'Zugehöriger Transaktionscode', 'Rechnungsnummer', 'Empfangsnummer', 'Zollnummer', 'Artikelnummer', 'PLZ', 'Telefon'),
  ],
  derived: [],
  signConvention: 'Signed major units in German notation (1.234,56); holds and their releases net to zero.',
};

export const paypalActivityEn: Profile = {
  id: 'paypal-activity-en',
  name: 'PayPal Activity download',
  matches: (h: HeaderSet) => h.has('Date', 'Gross', 'Fee', 'Net', 'Transaction ID', 'Balance'),
  columns: [
    money(/^(Gross|Fee|Net|Balance|Shipping and Handling Amount|Insurance Amount|Sales Tax)$/, 'Currency'),
    { match: 'Currency', role: 'currency' },
    ...keys('Transaction ID', 'Reference Txn ID', 'Receipt ID', 'Invoice Number'),
  ],
  derived: [],
  signConvention: 'Signed major units; holds and their releases net to zero.',
};
