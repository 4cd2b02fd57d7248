/**
 * The Starter edition plugin (DESIGN §7): MFN and FBA orders (customers resolved inside the
 * order handler), fulfillments, inventory and pricing.
 */
import { definePlugin } from '@sellerbridge/flows-core';
import type { NetSuiteClient } from '@sellerbridge/netsuite-client';
import type { SpApiClient } from '@sellerbridge/sp-api-client';

import { starterSettingsSchema } from './settings/index';
import { fulfillmentsFlow } from './flows/fulfillments';
import { inventoryFlow } from './flows/inventory';
import { fbaOrdersFlow, mfnOrdersFlow, mfnOrdersOnDemandFlow } from './flows/order-flows';
import { pricingFlow } from './flows/pricing';

/** Ids of the Starter flows. */
export const STARTER_FLOW_IDS = [
  'mfn-orders',
  'fba-orders',
  'mfn-orders-on-demand',
  'fulfillments',
  'inventory',
  'pricing',
] as const;

/**
 * The Starter plugin; its options are the Starter settings (every field has a default).
 * @example
 * createIntegration({ id: 'acme-us', amazon, netsuite, store,
 *   plugins: [starter({ sellerId: 'A2SELLER', customers: { defaultCustomerIds: ['42'] } })] });
 */
export const starter = definePlugin<typeof starterSettingsSchema, SpApiClient, NetSuiteClient>({
  name: 'starter',
  settings: starterSettingsSchema,
  flows: [
    mfnOrdersFlow,
    fbaOrdersFlow,
    mfnOrdersOnDemandFlow,
    fulfillmentsFlow,
    inventoryFlow,
    pricingFlow,
  ],
});
