/**
 * Each API's pagination rule (reference/amazon-sp-api.md §2.6): which parameter carries the
 * token, where the next token is in the body, and what accompanies it.
 */

/** How one paginated operation continues. */
export interface PaginationRule {
  /** Query parameter of the token. */
  tokenParam: string;
  /** The next token of a page body, undefined on the last page. */
  readToken(body: unknown): string | undefined;
  /**
   * Reports/Feeds: "Specifying nextToken with any other parameters will cause the request to
   * fail" — the token is sent alone (reports_2021-06-30.json, feeds_2021-06-30.json).
   */
  tokenAlone?: boolean;
  /** Parameters kept beside the token when the others are dropped (Inbound v0). */
  keepWithToken?: readonly string[];
  /** Parameters added beside the token (Inbound v0 `QueryType=NEXT_TOKEN`). */
  addWithToken?: Readonly<Record<string, unknown>>;
  /**
   * FBA Inventory: the token expires after 30 s (fbaInventory.json), so the next page is
   * requested as soon as a page arrives, not when the consumer asks for it.
   */
  prefetch?: boolean;
}

type Body = Record<string, unknown> | undefined;

const at = (body: unknown, ...keys: string[]): string | undefined => {
  let value: unknown = body;

  for (const key of keys) value = (value as Body)?.[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

const paginationNext = (body: unknown) => at(body, 'pagination', 'nextToken');
const payloadNext = (body: unknown) => at(body, 'payload', 'NextToken');
const ordersNext: PaginationRule = { tokenParam: 'paginationToken', readToken: paginationNext };
const v0Next: PaginationRule = { tokenParam: 'NextToken', readToken: payloadNext };
const tokenAlone: PaginationRule = {
  tokenParam: 'nextToken',
  readToken: (body) => at(body, 'nextToken'),
  tokenAlone: true,
};
const inboundV0: PaginationRule = {
  tokenParam: 'NextToken',
  readToken: payloadNext,
  tokenAlone: true,
  keepWithToken: ['MarketplaceId'],
  addWithToken: { QueryType: 'NEXT_TOKEN' },
};

/** Pagination rules by operation key. */
export const PAGINATION_RULES: Readonly<Record<string, PaginationRule>> = {
  searchOrders: ordersNext,
  getOrders: v0Next,
  getOrderItems: v0Next,
  getOrderItemsBuyerInfo: v0Next,
  getReports: tokenAlone,
  getFeeds: tokenAlone,
  getInventorySummaries: { tokenParam: 'nextToken', readToken: paginationNext, prefetch: true },
  searchListingsItems: { tokenParam: 'pageToken', readToken: paginationNext },
  searchCatalogItems: { tokenParam: 'pageToken', readToken: paginationNext },
  listInboundPlans: ordersNext,
  listInboundPlanItems: ordersNext,
  listShipmentItems: ordersNext,
  listShipmentBoxes: ordersNext,
  getShipments: inboundV0,
  getShipmentItems: inboundV0,
  listFinancialEventGroups: v0Next,
  listFinancialEvents: v0Next,
  listFinancialEventsByGroupId: v0Next,
  listFinancialEventsByOrderId: v0Next,
  listTransactions: {
    tokenParam: 'nextToken',
    readToken: (body) => at(body, 'payload', 'nextToken'),
  },
};
