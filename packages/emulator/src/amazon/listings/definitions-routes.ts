/**
 * Product Type Definitions API 2020-09-01: the definition points at its JSON Schema through a
 * presigned link, like Amazon's (https://developer-docs.amazon.com/sp-api/docs/product-type-definitions-api-v2020-09-01-reference).
 */
import { createHash } from 'node:crypto';
import { AmazonApiError } from '../server/errors';
import type { AmazonContext, AmazonRoute, StoredDocument } from '../server/types';
import { listParam } from '../server/params';
import {
  PRODUCT_TYPES,
  productTypeSchema,
  PROPERTY_GROUPS,
  type Requirements,
} from './definitions';

/** Schema links stay valid for 7 days (ours: absolute time). */
const SCHEMA_LINK_TTL_MS = 7 * 86_400_000;

function badRequest(): never {
  throw new AmazonApiError(400, [
    { code: 'BAD_REQUEST', message: 'Invalid input', details: 'Invalid input' },
  ]);
}

function schemaLink(ctx: AmazonContext, productType: string, requirements: Requirements) {
  const text = JSON.stringify(productTypeSchema(productType, requirements));
  const id = `ptd-${productType}-${requirements}`;
  ctx.store.put<StoredDocument>('document', id, {
    contentType: 'application/json',
    charset: 'UTF-8',
    compressed: false,
    body: Buffer.from(text).toString('base64'),
  });
  return {
    link: { resource: ctx.presign(`/__documents/${id}`, SCHEMA_LINK_TTL_MS), verb: 'GET' },
    checksum: createHash('md5').update(text).digest('hex'),
  };
}

/** Definitions routes. */
export function definitionsRoutes(ctx: AmazonContext): AmazonRoute[] {
  return [
    {
      method: 'GET',
      path: '/definitions/2020-09-01/productTypes/{productType}',
      operation: 'getDefinitionsProductType',
      handle(req) {
        const productType = req.params.productType ?? '';
        const marketplaceIds = listParam(req.query, 'marketplaceIds');
        if (!PRODUCT_TYPES[productType] || marketplaceIds.length === 0) badRequest();
        const requirements = (req.query.get('requirements') ?? 'LISTING') as Requirements;
        if (!['LISTING', 'LISTING_PRODUCT_ONLY', 'LISTING_OFFER_ONLY'].includes(requirements))
          badRequest();

        const schema = schemaLink(ctx, productType, requirements);
        return {
          status: 200,
          body: {
            metaSchema: {
              link: {
                resource:
                  'https://schemas.amazon.com/selling-partners/definitions/product-types/meta-schema/v1',
                verb: 'GET',
              },
              checksum: schema.checksum,
            },
            schema,
            requirements,
            requirementsEnforced: req.query.get('requirementsEnforced') ?? 'ENFORCED',
            propertyGroups: PROPERTY_GROUPS,
            locale: req.query.get('locale') ?? 'en_US',
            marketplaceIds,
            productType,
            displayName: PRODUCT_TYPES[productType],
            productTypeVersion: { version: 'EMULATOR-1', latest: true, releaseCandidate: false },
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/definitions/2020-09-01/productTypes',
      operation: 'searchDefinitionsProductTypes',
      handle(req) {
        if (listParam(req.query, 'marketplaceIds').length === 0) badRequest();
        const keywords = listParam(req.query, 'keywords').map((k) => k.toLowerCase());
        const productTypes = Object.entries(PRODUCT_TYPES)
          .filter(
            ([name, display]) =>
              keywords.length === 0 ||
              keywords.some((k) => `${name} ${display}`.toLowerCase().includes(k)),
          )
          .map(([name, displayName]) => ({
            name,
            displayName,
            marketplaceIds: listParam(req.query, 'marketplaceIds'),
          }));
        return { status: 200, body: { productTypes, productTypeVersion: 'EMULATOR-1' } };
      },
    },
  ];
}
