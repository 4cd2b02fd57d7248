import { marketplaceById } from '../../world/marketplaces';
import { AmazonApiError } from '../server/errors';
import type { AmazonContext, AmazonRequest, AmazonResponse, RouteModule } from '../server/types';
import { inventorySummaries, type InventorySummary } from './summaries';

/** Amazon returns at most 50 summaries per page. */
const PAGE_SIZE = 50;
/** "The string token will expire 30 seconds after being created" (fbaInventory.json); absolute, not scaled. */
export const INVENTORY_TOKEN_TTL_MS = 30_000;
/** startDateTime may reach back at most 18 months (fbaInventory.json). */
const MAX_LOOKBACK_MS = 548 * 86_400_000;

interface TokenState {
  marketplaceId: string;
  startDateTime: string;
  skus: string[];
  offset: number;
  issuedMs: number;
}

/** Errors of this API come in its response envelope `{errors:[...]}` with code InvalidInput. */
function fail(message: string): never {
  throw new AmazonApiError(400, [{ code: 'InvalidInput', message, details: '' }]);
}

function decode(token: string, nowMs: number, startDateTime: string): TokenState {
  let state: TokenState;
  try {
    state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as TokenState;
  } catch {
    return fail('Next token is invalid or expired');
  }

  if (typeof state.issuedMs !== 'number' || nowMs - state.issuedMs > INVENTORY_TOKEN_TTL_MS)
    fail('Next token is invalid or expired');
  // With startDateTime, every page must repeat it together with the token.
  if (state.startDateTime !== startDateTime) fail('Next token is invalid or expired');
  return state;
}

function firstPage(req: AmazonRequest, nowMs: number): TokenState {
  const q = req.query;
  const granularityType = q.get('granularityType');
  const granularityId = q.get('granularityId') ?? '';
  const marketplaceIds = (q.get('marketplaceIds') ?? '').split(',').filter(Boolean);

  if (granularityType !== 'Marketplace')
    fail('Query parameter [granularityType] value must be Marketplace');
  if (marketplaceIds.length !== 1 || !marketplaceById(marketplaceIds[0] ?? ''))
    fail('Query parameter [marketplaceIds] is invalid');
  if (granularityId !== marketplaceIds[0])
    fail('Query parameter [granularityId] must equal the marketplace id');

  const startDateTime = q.get('startDateTime') ?? '';
  if (startDateTime) {
    const startMs = Date.parse(startDateTime);
    if (Number.isNaN(startMs))
      fail('Query parameter [startDateTime] value is not a valid ISO date-time object');
    // Amazon's own (oddly worded) message for a start older than 18 months.
    if (startMs < nowMs - MAX_LOOKBACK_MS)
      fail('Query startDateTime cannot not be earlier than 18 months');
  }

  const skus = q
    .getAll('sellerSkus')
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  if (skus.length > 50) fail('Query parameter [sellerSkus] may contain at most 50 SKUs');
  const single = q.get('sellerSku');
  return {
    marketplaceId: marketplaceIds[0] ?? '',
    startDateTime,
    skus: skus.length > 0 ? skus : single ? [single] : [],
    offset: 0,
    issuedMs: nowMs,
  };
}

function strip(summary: InventorySummary, details: boolean): Partial<InventorySummary> {
  if (details) return summary;
  const { inventoryDetails: _details, ...rest } = summary;
  return rest;
}

function getInventorySummaries(ctx: AmazonContext, req: AmazonRequest): AmazonResponse {
  const nowMs = ctx.clock().getTime();
  const token = req.query.get('nextToken');
  const state = token
    ? decode(token, nowMs, req.query.get('startDateTime') ?? '')
    : firstPage(req, nowMs);
  const details = req.query.get('details') === 'true';

  let all = inventorySummaries(ctx.world, state.marketplaceId);
  // startDateTime wins over the SKU filters (fbaInventory.json, getInventorySummaries).
  if (state.startDateTime)
    all = all.filter(
      (s) =>
        s.lastUpdatedTime >=
        new Date(Date.parse(state.startDateTime)).toISOString().replace('.000Z', 'Z'),
    );
  else if (state.skus.length > 0) all = all.filter((s) => state.skus.includes(s.sellerSku));

  const page = all.slice(state.offset, state.offset + PAGE_SIZE).map((s) => strip(s, details));
  const body: Record<string, unknown> = {
    payload: {
      granularity: { granularityType: 'Marketplace', granularityId: state.marketplaceId },
      inventorySummaries: page,
    },
  };
  if (state.offset + PAGE_SIZE < all.length) {
    const next: TokenState = { ...state, offset: state.offset + PAGE_SIZE, issuedMs: nowMs };
    body.pagination = { nextToken: Buffer.from(JSON.stringify(next)).toString('base64url') };
  }

  return { status: 200, body };
}

/** FBA Inventory v1 `getInventorySummaries`. */
export const fbaInventoryRoutes: RouteModule = (ctx) => [
  {
    method: 'GET',
    path: '/fba/inventory/v1/summaries',
    operation: 'getInventorySummaries',
    handle: (req) => getInventorySummaries(ctx, req),
  },
];
