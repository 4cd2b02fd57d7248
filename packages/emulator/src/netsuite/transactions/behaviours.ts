/**
 * The behaviour of each record type that has one.
 */
import type { Behaviour } from '../context';
import { inventoryAdjustmentBehaviour } from './adjustment';
import { billingBehaviour } from './billing';
import { itemFulfillmentBehaviour, itemReceiptBehaviour } from './fulfilment';
import { orderBehaviour } from './orders';
import { customerPaymentBehaviour, customerRefundBehaviour } from './payments';

/** Behaviours keyed by record type name. */
export function createBehaviours(): Record<string, Behaviour> {
  return {
    salesOrder: orderBehaviour('salesOrder'),
    transferOrder: orderBehaviour('transferOrder'),
    returnAuthorization: orderBehaviour('returnAuthorization'),
    itemFulfillment: itemFulfillmentBehaviour,
    itemReceipt: itemReceiptBehaviour,
    invoice: billingBehaviour('invoice'),
    cashSale: billingBehaviour('cashSale'),
    creditMemo: billingBehaviour('creditMemo'),
    customerPayment: customerPaymentBehaviour,
    customerRefund: customerRefundBehaviour,
    inventoryAdjustment: inventoryAdjustmentBehaviour,
  };
}
