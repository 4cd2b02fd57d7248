/**
 * Catalog Items API 2022-04-01 over the world's catalog: getCatalogItem and searchCatalogItems
 * (https://developer-docs.amazon.com/sp-api/docs/catalog-items-api-v2022-04-01-reference).
 */
import type { CatalogItem } from '../../world/types';
import { AmazonApiError } from '../server/errors';
import type { AmazonContext, AmazonRequest, AmazonRoute } from '../server/types';
import { listParam } from '../server/params';

/** searchCatalogItems pages hold at most 20 items (model `pageSize`). */
const MAX_PAGE = 20;
const IDENTIFIER_TYPES = new Set([
  'ASIN',
  'SKU',
  'UPC',
  'EAN',
  'GTIN',
  'ISBN',
  'JAN',
  'MINSAN',
  'FNSKU',
]);

function invalid(): never {
  throw new AmazonApiError(400, [
    {
      code: 'InvalidInput',
      message: 'Request has missing or invalid parameters and cannot be parsed.',
    },
  ]);
}

function presentItem(item: CatalogItem, included: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = { asin: item.asin };
  const market = item.marketplaceId;
  if (included.includes('summaries')) {
    result.summaries = [
      {
        marketplaceId: market,
        brand: 'SellerBridge',
        itemName: item.title,
        manufacturer: 'SellerBridge',
        itemClassification: 'BASE_PRODUCT',
      },
    ];
  }
  if (included.includes('identifiers')) {
    result.identifiers = [
      { marketplaceId: market, identifiers: [{ identifierType: 'UPC', identifier: item.upc }] },
    ];
  }
  if (included.includes('productTypes'))
    result.productTypes = [{ marketplaceId: market, productType: item.productType }];
  if (included.includes('attributes')) {
    result.attributes = {
      item_name: [{ value: item.title, marketplace_id: market }],
      brand: [{ value: 'SellerBridge', marketplace_id: market }],
    };
  }
  return result;
}

function includedOf(req: AmazonRequest): string[] {
  const included = listParam(req.query, 'includedData');
  return included.length > 0 ? included : ['summaries'];
}

function matchesIdentifier(item: CatalogItem, type: string, value: string): boolean {
  if (type === 'ASIN') return item.asin === value;
  if (type === 'SKU') return item.sku === value;
  if (type === 'FNSKU') return item.fnsku === value;
  return item.upc === value;
}

/** Catalog routes. */
export function catalogRoutes(ctx: AmazonContext): AmazonRoute[] {
  return [
    {
      method: 'GET',
      path: '/catalog/2022-04-01/items/{asin}',
      operation: 'getCatalogItem',
      handle(req) {
        const marketplaceIds = listParam(req.query, 'marketplaceIds');
        if (!req.params.asin || marketplaceIds.length === 0) invalid();
        const item = ctx.world.catalog.find(
          (c) => c.asin === req.params.asin && marketplaceIds.includes(c.marketplaceId),
        );
        if (!item)
          throw new AmazonApiError(404, [
            {
              code: 'NotFound',
              message: `Requested item '${req.params.asin}' not found in marketplace(s) ${marketplaceIds.join(',')}.`,
            },
          ]);
        return { status: 200, body: presentItem(item, includedOf(req)) };
      },
    },
    {
      method: 'GET',
      path: '/catalog/2022-04-01/items',
      operation: 'searchCatalogItems',
      handle(req) {
        const marketplaceIds = listParam(req.query, 'marketplaceIds');
        const identifiers = listParam(req.query, 'identifiers');
        const keywords = listParam(req.query, 'keywords').map((k) => k.toLowerCase());
        const type = req.query.get('identifiersType') ?? '';
        if (marketplaceIds.length === 0 || (identifiers.length === 0) === (keywords.length === 0))
          invalid();
        if (identifiers.length > 0 && !IDENTIFIER_TYPES.has(type)) invalid();
        if (type === 'SKU' && !req.query.get('sellerId')) invalid();
        const pageSize = Number(req.query.get('pageSize') ?? '10');
        if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE) invalid();

        const found = ctx.world.catalog.filter(
          (item) =>
            marketplaceIds.includes(item.marketplaceId) &&
            (identifiers.length > 0
              ? identifiers.some((id) => matchesIdentifier(item, type, id))
              : keywords.every((k) => item.title.toLowerCase().includes(k))),
        );
        const offset = Number(
          Buffer.from(req.query.get('pageToken') ?? 'MA', 'base64url').toString() || '0',
        );
        const page = found.slice(offset, offset + pageSize);
        const body: Record<string, unknown> = {
          numberOfResults: found.length,
          items: page.map((i) => presentItem(i, includedOf(req))),
        };
        if (offset + pageSize < found.length)
          body.pagination = {
            nextToken: Buffer.from(String(offset + pageSize)).toString('base64url'),
          };
        return { status: 200, body };
      },
    },
  ];
}
