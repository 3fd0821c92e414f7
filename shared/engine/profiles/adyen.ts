import { HeaderSet, keys, money, type ColumnRule, type Profile } from './profile-types';

/** Adyen reports: major-unit decimals; direction from which Debit/Credit column is filled. */
const RESERVED = /^Reserved\d+$/i;

const SETTLEMENT_COLUMNS: ColumnRule[] = [
  money('Gross Debit (GC)', 'Gross Currency'),
  money('Gross Credit (GC)', 'Gross Currency'),
  money(/\(NC\)$/, 'Net Currency'),
  money(/\(BC\)$/, 'Balance Currency'),
  money(/^Balance Platform (Debit|Credit)$/, 'Balance Currency'),
  { match: /^(Gross|Net|Balance) Currency$/, role: 'currency' },
  ...keys('Psp Reference', 'Merchant Reference', 'Modification Reference', 'Modification Merchant Reference', 'Batch Number', 'ARN', 'Merchant Order Reference', 'Dispute Reference', 'Authorisation Code', RESERVED),
];

export const adyenSettlementDetails: Profile = {
  id: 'adyen-settlement-details',
  name: 'Adyen Settlement details report',
  matches: (h: HeaderSet) => h.has('Psp Reference', 'Gross Debit (GC)', 'Gross Credit (GC)', 'Net Debit (NC)', 'Net Credit (NC)'),
  columns: SETTLEMENT_COLUMNS,
  derived: [
    { kind: 'debit-credit', debit: 'Gross Debit (GC)', credit: 'Gross Credit (GC)', name: 'gross_signed' },
    { kind: 'debit-credit', debit: 'Net Debit (NC)', credit: 'Net Credit (NC)', name: 'net_signed' },
    { kind: 'debit-credit', debit: 'Net Debit (BC)', credit: 'Net Credit (BC)', name: 'net_bc_signed' },
  ],
  signConvention: 'Unsigned major units: direction from which of Debit/Credit is filled (derived *_signed = credit − debit); fees positive in their own (NC) columns; the MerchantPayout row equals the bank credit.',
};

export const adyenPaymentAccounting: Profile = {
  id: 'adyen-payment-accounting',
  name: 'Adyen Payment accounting report',
  matches: (h: HeaderSet) => h.has('Psp Reference', 'Record Type', 'Main Amount', 'Payable (SC)'),
  columns: [
    money('Main Amount', 'Main Currency'),
    money(/\(PC\)$/, 'Payment Currency'),
    money(/\(SC\)$/, 'Settlement Currency'),
    money('Processing Fee (FC)', 'Processing Fee Currency'),
    money('Original Amount', 'Payment Currency'),
    { match: /^(Main|Payment|Settlement|Processing Fee) Currency$/, role: 'currency' },
    ...keys('Psp Reference', 'Merchant Reference', 'Modification Psp Reference', 'Modification Merchant Reference', 'Merchant Order Reference', 'Shopper Reference', RESERVED),
  ],
  derived: [],
  signConvention: 'Signed major units per status row: the (PC) columns move with opposite signs as a payment goes from one Record Type to the next; Payable (SC) is what settles.',
};
