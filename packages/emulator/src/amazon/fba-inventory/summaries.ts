import { hashString } from '../../world/hash';
import { isoSeconds } from '../../world/time';
import type { CatalogItem, World } from '../../world/types';

const DAY_MS = 86_400_000;

/** FBA Inventory v1 `InventorySummary` with details. */
export interface InventorySummary {
  asin: string;
  fnSku: string;
  sellerSku: string;
  condition: string;
  inventoryDetails: {
    fulfillableQuantity: number;
    inboundWorkingQuantity: number;
    inboundShippedQuantity: number;
    inboundReceivingQuantity: number;
    reservedQuantity: {
      totalReservedQuantity: number;
      pendingCustomerOrderQuantity: number;
      pendingTransshipmentQuantity: number;
      fcProcessingQuantity: number;
    };
    researchingQuantity: {
      totalResearchingQuantity: number;
      researchingQuantityBreakdown: Array<{ name: string; quantity: number }>;
    };
    unfulfillableQuantity: {
      totalUnfulfillableQuantity: number;
      customerDamagedQuantity: number;
      warehouseDamagedQuantity: number;
      distributorDamagedQuantity: number;
      carrierDamagedQuantity: number;
      defectiveQuantity: number;
      expiredQuantity: number;
    };
  };
  lastUpdatedTime: string;
  productName: string;
  totalQuantity: number;
  stores: string[];
}

interface Tally {
  working: number;
  shipped: number;
  receiving: number;
  pendingOrders: number;
  researching: number;
  customerDamaged: number;
  warehouseDamaged: number;
  defective: number;
}

function emptyTally(): Tally {
  return {
    working: 0,
    shipped: 0,
    receiving: 0,
    pendingOrders: 0,
    researching: 0,
    customerDamaged: 0,
    warehouseDamaged: 0,
    defective: 0,
  };
}

function tallies(world: World, marketplaceId: string): Map<string, Tally> {
  const bySku = new Map<string, Tally>();
  const of = (sku: string): Tally => {
    let tally = bySku.get(sku);
    if (!tally) bySku.set(sku, (tally = emptyTally()));
    return tally;
  };

  for (const shipment of world.inboundShipments) {
    if (shipment.marketplaceId !== marketplaceId) continue;
    for (const item of shipment.items) {
      const open = item.quantityShipped - item.quantityReceived;
      if (shipment.status === 'WORKING') of(item.sku).working += item.quantityShipped;
      if (
        shipment.status === 'SHIPPED' ||
        shipment.status === 'IN_TRANSIT' ||
        shipment.status === 'DELIVERED'
      )
        of(item.sku).shipped += item.quantityShipped;
      if (shipment.status === 'CHECKED_IN' || shipment.status === 'RECEIVING')
        of(item.sku).receiving += open;
    }
  }

  for (const order of world.orders) {
    const status = order.fulfillment?.fulfillmentStatus;
    if (
      order.fulfillment?.fulfilledBy !== 'AMAZON' ||
      order.salesChannel.marketplaceId !== marketplaceId
    )
      continue;
    if (status !== 'PENDING' && status !== 'UNSHIPPED') continue;
    for (const item of order.orderItems)
      of(item.product.sellerSku ?? '').pendingOrders += item.quantityOrdered;
  }

  for (const adjustment of world.adjustments) {
    if (adjustment.marketplaceId !== marketplaceId) continue;
    if (adjustment.reason === 'M') of(adjustment.sku).researching += 1;
    if (adjustment.disposition === 'UNSELLABLE')
      of(adjustment.sku).warehouseDamaged += adjustment.quantity;
  }

  for (const r of world.returns) {
    if (r.marketplaceId !== marketplaceId) continue;
    if (r.detailedDisposition === 'CUSTOMER_DAMAGED' || r.detailedDisposition === 'DAMAGED')
      of(r.sku).customerDamaged += r.quantity;
    if (r.detailedDisposition === 'DEFECTIVE') of(r.sku).defective += r.quantity;
  }

  return bySku;
}

function summaryOf(item: CatalogItem, tally: Tally, nowMs: number): InventorySummary {
  const reserved = tally.pendingOrders + (hashString(item.sku, 5) % 3);
  const unfulfillable = tally.customerDamaged + tally.warehouseDamaged + tally.defective;
  return {
    asin: item.asin,
    fnSku: item.fnsku,
    sellerSku: item.sku,
    condition: 'NewItem',
    inventoryDetails: {
      fulfillableQuantity: item.fbaFulfillable,
      inboundWorkingQuantity: tally.working,
      inboundShippedQuantity: tally.shipped,
      inboundReceivingQuantity: tally.receiving,
      reservedQuantity: {
        totalReservedQuantity: reserved,
        pendingCustomerOrderQuantity: tally.pendingOrders,
        pendingTransshipmentQuantity: reserved - tally.pendingOrders,
        fcProcessingQuantity: 0,
      },
      researchingQuantity: {
        totalResearchingQuantity: tally.researching,
        researchingQuantityBreakdown: [
          { name: 'researchingQuantityInShortTerm', quantity: tally.researching },
        ],
      },
      unfulfillableQuantity: {
        totalUnfulfillableQuantity: unfulfillable,
        customerDamagedQuantity: tally.customerDamaged,
        warehouseDamagedQuantity: tally.warehouseDamaged,
        distributorDamagedQuantity: 0,
        carrierDamagedQuantity: 0,
        defectiveQuantity: tally.defective,
        expiredQuantity: 0,
      },
    },
    // Each SKU last changed at a stable moment of the last 30 days.
    lastUpdatedTime: isoSeconds(nowMs - (hashString(item.sku, 9) % (30 * DAY_MS))),
    productName: item.title,
    totalQuantity:
      item.fbaFulfillable + tally.receiving + reserved + tally.researching + unfulfillable,
    stores: [],
  };
}

/** Inventory summaries of every FBA SKU of a marketplace, sorted by seller SKU as Amazon pages them. */
export function inventorySummaries(world: World, marketplaceId: string): InventorySummary[] {
  const counts = tallies(world, marketplaceId);
  const nowMs = Date.parse(world.options.startTime);

  return world.catalog
    .filter((item) => item.marketplaceId === marketplaceId && item.fnsku !== '')
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
    .map((item) => summaryOf(item, counts.get(item.sku) ?? emptyTally(), nowMs));
}
