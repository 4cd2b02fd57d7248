/** Store kinds of the inbound area. */
export const PLAN_KIND = 'inboundPlan';
export const OPERATION_KIND = 'inboundOperation';

/** One SKU of a plan or shipment. */
export interface PlanItem {
  msku: string;
  asin: string;
  fnsku: string;
  quantity: number;
  labelOwner: string;
  prepOwner: string;
}

/** A shipment Amazon proposes inside a placement option. */
export interface PlanShipment {
  shipmentId: string;
  shipmentConfirmationId: string;
  placementOptionId: string;
  name: string;
  warehouseId: string;
  items: PlanItem[];
  /** When its placement option was confirmed; drives the status progression. */
  confirmedAtMs?: number;
}

/** Packing or placement option as stored (wire shape plus visibility time). */
export interface StoredOption {
  id: string;
  status: 'OFFERED' | 'ACCEPTED' | 'EXPIRED';
  feeCents: number;
  shipmentIds: string[];
  packingGroups: string[];
}

/** Fulfillment Inbound 2024-03-20 inbound plan as stored. */
export interface StoredPlan {
  inboundPlanId: string;
  name: string;
  status: 'ACTIVE' | 'VOIDED' | 'SHIPPED' | 'ERRORED';
  createdAt: string;
  lastUpdatedAt: string;
  marketplaceIds: string[];
  sourceAddress: Record<string, string>;
  items: PlanItem[];
  packingOptions: StoredOption[];
  packingAvailableAtMs?: number;
  placementOptions: StoredOption[];
  placementAvailableAtMs?: number;
  shipments: PlanShipment[];
}

/** An asynchronous operation (getInboundOperationStatus). */
export interface StoredOperation {
  operationId: string;
  operation: string;
  doneAtMs: number;
  failed: boolean;
  problems: Array<{
    code: string;
    message: string;
    severity: 'ERROR' | 'WARNING';
    details?: string;
  }>;
}
