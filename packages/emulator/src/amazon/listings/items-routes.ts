/**
 * Listings Items API 2021-08-01: get/put/patch/delete/search
 * (https://developer-docs.amazon.com/sp-api/docs/listings-items-api-v2021-08-01-reference).
 */
import { AmazonApiError } from '../server/errors';
import type { AmazonContext, AmazonRequest, AmazonResponse, AmazonRoute } from '../server/types';
import { listParam } from '../server/params';
import { deleteListing, findListing, patchListing, putListing } from './operations';
import { LISTING_KIND, type ListingRecord } from './records';

const ITEM_PATH = '/listings/2021-08-01/items/{sellerId}/{sku}';
const INCLUDED = new Set([
  'summaries',
  'attributes',
  'issues',
  'offers',
  'fulfillmentAvailability',
  'procurement',
  'relationships',
  'productTypes',
]);
/** searchListingsItems pages hold at most 20 items (model `pageSize`). */
const MAX_SEARCH_PAGE = 20;

function badRequest(details: string): never {
  throw new AmazonApiError(400, [{ code: 'BAD_REQUEST', message: 'Invalid input', details }]);
}

function checkSeller(req: AmazonRequest): void {
  if (req.params.sellerId !== req.sellerId) {
    throw new AmazonApiError(403, [
      { code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' },
    ]);
  }
}

function requireMarketplace(ctx: AmazonContext, req: AmazonRequest): string {
  const ids = listParam(req.query, 'marketplaceIds');
  if (ids.length === 0) badRequest('marketplaceIds is required.');
  const known = ctx.world.seller.marketplaces.map((m) => m.id);
  const unknown = ids.find((id) => !known.includes(id));
  if (unknown) badRequest(`Invalid marketplaceId ${unknown}.`);
  return ids[0] as string;
}

function notFound(sku: string): never {
  throw new AmazonApiError(404, [
    { code: 'NOT_FOUND', message: `SKU '${sku}' not found in marketplace.` },
  ]);
}

function entryValue(record: ListingRecord, name: string): unknown {
  const value = record.attributes[name];
  return Array.isArray(value) ? (value[0] as { value?: unknown } | undefined)?.value : undefined;
}

/** The item as getListingsItem returns it for `includedData`. */
export function presentListing(record: ListingRecord, included: string[]): Record<string, unknown> {
  const item: Record<string, unknown> = { sku: record.sku };
  const { quantity, price, currency } = record.state;
  if (included.includes('summaries')) {
    item.summaries = [
      {
        marketplaceId: record.marketplaceId,
        asin: record.asin,
        productType: record.productType,
        conditionType: entryValue(record, 'condition_type'),
        status: quantity === 0 ? ['DISCOVERABLE'] : ['BUYABLE', 'DISCOVERABLE'],
        itemName: entryValue(record, 'item_name'),
        createdDate: record.createdDate,
        lastUpdatedDate: record.lastUpdatedDate,
      },
    ];
  }
  if (included.includes('attributes')) item.attributes = record.attributes;
  if (included.includes('issues')) item.issues = [];
  if (included.includes('offers')) {
    item.offers = price
      ? [
          {
            marketplaceId: record.marketplaceId,
            offerType: 'B2C',
            price: { currencyCode: currency, amount: price },
            audience: { value: 'ALL', displayName: 'Sell on Amazon' },
          },
        ]
      : [];
  }
  if (included.includes('fulfillmentAvailability')) {
    const rows =
      (record.attributes.fulfillment_availability as Array<Record<string, unknown>> | undefined) ??
      [];
    item.fulfillmentAvailability = rows.map((r) => ({
      fulfillmentChannelCode: r.fulfillment_channel_code,
      ...(r.quantity === undefined ? {} : { quantity: r.quantity }),
    }));
  }
  if (included.includes('productTypes'))
    item.productTypes = [{ marketplaceId: record.marketplaceId, productType: record.productType }];
  return item;
}

function includedOf(req: AmazonRequest): string[] {
  const included = listParam(req.query, 'includedData');
  const bad = included.find((v) => !INCLUDED.has(v));
  if (bad) badRequest(`Invalid includedData value ${bad}.`);
  return included.length > 0 ? included : ['summaries'];
}

function modeIsPreview(req: AmazonRequest): boolean {
  const mode = req.query.get('mode');
  if (mode !== null && mode !== 'VALIDATION_PREVIEW') badRequest(`Invalid mode ${mode}.`);
  return mode === 'VALIDATION_PREVIEW';
}

function submission(sku: string, outcome: object): AmazonResponse {
  return { status: 200, body: { sku, ...outcome } };
}

function searchListings(ctx: AmazonContext, req: AmazonRequest): AmazonResponse {
  checkSeller(req);
  const marketplaceId = requireMarketplace(ctx, req);
  const included = includedOf(req);
  const pageSize = Number(req.query.get('pageSize') ?? '10');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_SEARCH_PAGE)
    badRequest('pageSize must be between 1 and 20.');

  const identifiers = listParam(req.query, 'identifiers');
  const type = req.query.get('identifiersType');
  if (identifiers.length > 0 && type !== 'SKU' && type !== 'ASIN')
    badRequest('identifiersType must be SKU or ASIN when identifiers are given.');
  const all = ctx.store
    .list<ListingRecord>(LISTING_KIND, (r) => r.marketplaceId === marketplaceId)
    .filter(
      (r) =>
        identifiers.length === 0 || identifiers.includes(type === 'ASIN' ? (r.asin ?? '') : r.sku),
    );

  const offset = Number(
    Buffer.from(req.query.get('pageToken') ?? 'MA', 'base64url').toString() || '0',
  );
  const page = all.slice(offset, offset + pageSize);
  const pagination: Record<string, string> = {};
  if (offset + pageSize < all.length)
    pagination.nextToken = Buffer.from(String(offset + pageSize)).toString('base64url');
  if (offset > 0)
    pagination.previousToken = Buffer.from(String(Math.max(0, offset - pageSize))).toString(
      'base64url',
    );
  const body: Record<string, unknown> = {
    numberOfResults: all.length,
    items: page.map((r) => presentListing(r, included)),
  };
  if (Object.keys(pagination).length > 0) body.pagination = pagination;
  return { status: 200, body };
}

/** Listings Items routes. */
export function listingsItemRoutes(ctx: AmazonContext): AmazonRoute[] {
  return [
    {
      method: 'GET',
      path: ITEM_PATH,
      operation: 'getListingsItem',
      handle(req) {
        checkSeller(req);
        requireMarketplace(ctx, req);
        const record = findListing(ctx, req.params.sku ?? '');
        if (!record) notFound(req.params.sku ?? '');
        return { status: 200, body: presentListing(record, includedOf(req)) };
      },
    },
    {
      method: 'PUT',
      path: ITEM_PATH,
      operation: 'putListingsItem',
      handle(req) {
        checkSeller(req);
        const marketplaceId = requireMarketplace(ctx, req);
        const body = (req.body ?? {}) as {
          productType?: unknown;
          requirements?: unknown;
          attributes?: unknown;
        };
        if (body.attributes === undefined) badRequest('attributes is required.');
        const sku = req.params.sku ?? '';
        const input = {
          sellerId: req.sellerId,
          sku,
          marketplaceId,
          productType: body.productType,
          requirements: body.requirements,
          attributes: body.attributes,
        };
        const outcome = putListing(ctx, input, modeIsPreview(req));
        return submission(sku, outcome);
      },
    },
    {
      method: 'PATCH',
      path: ITEM_PATH,
      operation: 'patchListingsItem',
      handle(req) {
        checkSeller(req);
        requireMarketplace(ctx, req);
        const body = (req.body ?? {}) as { productType?: unknown; patches?: unknown };
        const sku = req.params.sku ?? '';
        const outcome = patchListing(
          ctx,
          { sku, productType: body.productType, patches: body.patches },
          modeIsPreview(req),
        );
        if (!outcome) notFound(sku);
        return submission(sku, outcome);
      },
    },
    {
      method: 'DELETE',
      path: ITEM_PATH,
      operation: 'deleteListingsItem',
      handle(req) {
        checkSeller(req);
        requireMarketplace(ctx, req);
        const sku = req.params.sku ?? '';
        const outcome = deleteListing(ctx, sku);
        if (!outcome) notFound(sku);
        return submission(sku, outcome);
      },
    },
    {
      method: 'GET',
      path: '/listings/2021-08-01/items/{sellerId}',
      operation: 'searchListingsItems',
      handle: (req) => searchListings(ctx, req),
    },
  ];
}
