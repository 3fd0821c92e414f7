import { adyenPaymentAccounting, adyenSettlementDetails } from './adyen';
import { checkoutPayouts, checkoutSettlementBreakdown } from './checkout';
import { braintreeTransactions, dlocalSettlement } from './other-psp';
import { paypalActivityDe, paypalActivityEn, paypalSettlement, paypalTransactionDetail } from './paypal';
import { HeaderSet, type Profile } from './profile-types';
import { stripeItemized, stripePayoutReconciliation, stripePayouts } from './stripe';

export type { ColumnRole, ColumnRule, DerivedRule, Profile } from './profile-types';
export { ruleMatches } from './profile-types';

/** Most specific first: the first profile whose headers match wins. */
const PROFILES: Profile[] = [
  adyenSettlementDetails,
  adyenPaymentAccounting,
  paypalTransactionDetail,
  paypalSettlement,
  paypalActivityDe,
  paypalActivityEn,
  stripePayoutReconciliation,
  stripeItemized,
  stripePayouts,
  checkoutSettlementBreakdown,
  checkoutPayouts,
  braintreeTransactions,
  dlocalSettlement,
];

/** The processor report these header labels belong to, or null for an unknown file. */
export function findProfile(labels: readonly string[]): Profile | null {
  const headers = new HeaderSet(labels);
  return PROFILES.find((profile) => profile.matches(headers)) ?? null;
}

export function listProfiles(): readonly Profile[] {
  return PROFILES;
}
