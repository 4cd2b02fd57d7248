import { percentOfCents } from './money';

/**
 * Amazon selling fees the world charges, simplified to fixed tables.
 * Referral fee: 15 % of the total sales price for most categories
 * (https://sellercentral.amazon.com/help/hub/reference/external/GTG4BAWSY39Z98Z3).
 */
export const REFERRAL_FEE_BP = 1500;
/** Refund administration fee: 20 % of the refunded referral fee, at most $5.00. */
export const REFUND_ADMIN_BP = 2000;
export const REFUND_ADMIN_MAX_CENTS = 500;
/** Monthly Professional selling plan subscription. */
export const SUBSCRIPTION_CENTS = 3999;
/** Share of a settlement's positive balance Amazon holds back as reserve. */
export const RESERVE_BP = 300;

/** FBA fulfillment fee per unit in cents: by price tier, a stand-in for the size-tier table. */
export function fbaPerUnitFeeCents(unitPriceCents: number): number {
  if (unitPriceCents < 1000) return 306;
  return unitPriceCents < 5000 ? 322 : 475;
}

/** Referral fee (negative cents) on a sales base. */
export function referralFeeCents(baseCents: number): number {
  return -percentOfCents(Math.max(0, baseCents), REFERRAL_FEE_BP);
}

/** Refund administration fee (negative cents) for a refunded referral fee (positive cents). */
export function refundAdminFeeCents(refundedReferralCents: number): number {
  return -Math.min(REFUND_ADMIN_MAX_CENTS, percentOfCents(refundedReferralCents, REFUND_ADMIN_BP));
}
