/**
 * Customer resolution inside the order handler (DESIGN §4 "Sequencing": the order flow finds or
 * creates the customer before the sales order that needs it as `entity`).
 */
import { buildCustomerBody } from '../customers/customer-body';
import { chooseCustomer } from '../customers/strategy';
import type { AmazonOrder } from '../orders/amazon-order';
import { marketplaceMappingOf } from '../orders/sales-order';
import type { StarterContext } from './context';

/**
 * The NetSuite customer id of an order: a configured default, or a customer created once per
 * order or buyer (linked, with a deterministic external id).
 * @throws MissingSettingError when a default strategy has no default customer.
 */
export async function resolveCustomer(
  ctx: StarterContext,
  order: AmazonOrder,
  sellerId: string,
): Promise<string> {
  const mapping = marketplaceMappingOf(order, ctx.settings);
  const choice = chooseCustomer(order, sellerId, ctx.settings.customers, mapping);

  if (choice.kind === 'existing') {
    return choice.customerId;
  }

  const body = buildCustomerBody(order, choice.externalId, ctx.settings.customers, mapping);
  const result = await ctx.links.createOnce({
    sourceKey: choice.linkKey,
    recordType: 'customer',
    externalId: choice.externalId,
    summary: `customer ${choice.externalId}`,
    create: async (externalId) =>
      (
        await ctx.netsuite.records.create(
          'customer',
          { ...body, externalId },
          { signal: ctx.signal },
        )
      ).id,
  });

  return result.netsuiteId;
}
