import { HeaderSet, keys, money, type Profile } from './profile-types';

/** Checkout.com reports: signed major units, deductions and fees negative. */
export const checkoutPayouts: Profile = {
  id: 'checkout-payouts',
  name: 'Checkout.com Payouts report',
  matches: (h: HeaderSet) => h.has('Payout ID', 'Payout Amount', 'Holding Currency', 'Payout Date'),
  columns: [
    money(/^(Payout Amount|Payments|Refunds|Chargebacks|Pay To Cards|Acquiring Premiums|Adjustments|Tax|Transfers In|Transfers Out|.* Fees)$/, 'Holding Currency'),
    { match: 'Holding Currency', role: 'currency' },
    ...keys('Client Entity ID', 'Sub Entity ID', 'Currency Account ID', 'Payout ID'),
  ],
  derived: [],
  signConvention: 'Signed major units: Payments positive, fee buckets negative; Payout Amount is what reaches the bank.',
};

export const checkoutSettlementBreakdown: Profile = {
  id: 'checkout-settlement-breakdown',
  name: 'Checkout.com Settlement breakdown',
  matches: (h: HeaderSet) => h.has('Payout ID', 'Gross In Holding Currency', 'Net In Holding Currency'),
  columns: [
    money(/In Holding Currency$/, 'Holding Currency'),
    money('Gross In Processing Currency', 'Processing Currency'),
    { match: /^(Holding|Processing) Currency$/, role: 'currency' },
    ...keys('Client Entity ID', 'Processing Channel ID', 'Payment ID', 'Reference', 'Payout ID'),
  ],
  derived: [],
  signConvention: 'Signed major units: Net = Gross + Deduction; deductions and fees negative; rows share the Payout ID of one bank credit.',
};
