import { HeaderSet, keys, money, type Profile } from './profile-types';

/** Braintree's GraphQL transaction search, flattened from JSON (`amount.value`). */
export const braintreeTransactions: Profile = {
  id: 'braintree-transactions',
  name: 'Braintree transaction search (GraphQL JSON)',
  matches: (h: HeaderSet) => h.has('id', 'merchantAccountId', 'amount.value', 'amount.currencyCode'),
  columns: [
    money('amount.value', 'amount.currencyCode'),
    money('disbursementDetails.amount.value', 'disbursementDetails.amount.currencyCode'),
    { match: /currencyCode$/, role: 'currency' },
    ...keys('id', 'orderId', 'merchantAccountId', /venmoUserId$/),
  ],
  derived: [{ kind: 'json-path', from: 'statusHistory', path: '$[0].settlementBatchId', name: 'settlement_batch_id' }],
  signConvention: 'Unsigned major-unit strings; refunds and disputes are their own transactions. disbursementDetails.date is the bank match date.',
};

/** dLocal: a summary section, then the item section; amounts in the settlement currency. */
export const dlocalSettlement: Profile = {
  id: 'dlocal-settlement',
  name: 'dLocal Settlement report',
  matches: (h: HeaderSet) => h.has('ROW_TYPE', 'TRANSACTION_ID', 'GROSS_AMOUNT', 'FEE_AMOUNT', 'NET_AMOUNT'),
  columns: [
    money(/^(GROSS|FEE|NET)_AMOUNT$/, ''),
    money('LOCAL_AMOUNT', 'LOCAL_CURRENCY'),
    { match: 'LOCAL_CURRENCY', role: 'currency' },
    ...keys('MID', 'LOGIN', 'TRANSACTION_ID', 'DLOCAL_TRANSACTION_ID', 'CARD_BIN', 'USER_DOCUMENT', 'STATUS_CODE'),
  ],
  derived: [],
  signConvention: 'Signed major units (up to 6 decimals) in the summary section\'s SETTLEMENT_CURRENCY: NET = GROSS + FEE, fees negative.',
};
