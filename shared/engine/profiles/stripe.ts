import { HeaderSet, keys, money, type ColumnRule, type Profile } from './profile-types';

/** Stripe's CSV reports: signed major units, `net = gross − fee`, fee positive (docs.stripe.com/reports). */
const COLUMNS: ColumnRule[] = [
  money('gross', 'currency'),
  money('fee', 'currency'),
  money('net', 'currency'),
  money('customer_facing_amount', 'customer_facing_currency'),
  { match: 'currency', role: 'currency' },
  { match: 'customer_facing_currency', role: 'currency' },
  // Metadata values such as `24315.1` are order references, never amounts.
  ...keys('balance_transaction_id', 'automatic_payout_id', 'payout_id', 'source_id', 'charge_id', 'payment_intent_id', 'trace_id', 'customer_id', 'invoice_id', 'subscription_id', 'connected_account_id', /^(payment|refund|transfer)_metadata\[/),
];

const SIGN = 'Signed major units: net = gross − fee; fee positive; refunds and disputes have negative gross.';

export const stripeItemized: Profile = {
  id: 'stripe-balance-change',
  name: 'Stripe Itemized balance change from activity',
  matches: (h: HeaderSet) => h.has('balance_transaction_id', 'gross', 'fee', 'net', 'reporting_category') && !h.has('automatic_payout_id'),
  columns: COLUMNS,
  derived: [],
  signConvention: SIGN,
};

export const stripePayoutReconciliation: Profile = {
  id: 'stripe-payout-reconciliation',
  name: 'Stripe Payout reconciliation (itemized)',
  matches: (h: HeaderSet) => h.has('balance_transaction_id', 'gross', 'fee', 'net', 'automatic_payout_id'),
  columns: COLUMNS,
  derived: [],
  signConvention: `${SIGN} automatic_payout_id ties each row to the bank credit of its payout.`,
};

export const stripePayouts: Profile = {
  id: 'stripe-payouts',
  name: 'Stripe Payouts (itemized)',
  matches: (h: HeaderSet) => h.has('payout_id', 'gross', 'net', 'currency') && !h.has('automatic_payout_id'),
  columns: COLUMNS,
  derived: [],
  signConvention: SIGN,
};
