import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAmazonEmulator } from '../../src/amazon/server/emulator';
import { type ApiBody, call, sellerToken, startTestEmulator } from './helpers';

let amazon: RunningAmazonEmulator;
let token: string;
const US = 'ATVPDKIKX0DER';

beforeAll(async () => {
  ({ amazon } = await startTestEmulator({ timeScale: 100_000 }));
  token = await sellerToken(amazon);
});
afterAll(async () => amazon.close());

const itemPath = (sku: string, query = '') =>
  `/listings/2021-08-01/items/${amazon.credentials.sellingPartnerId}/${encodeURIComponent(sku)}?marketplaceIds=${US}${query}`;

const fullAttributes = {
  item_name: [{ value: 'Émulateur Mug / 350 ml', language_tag: 'en_US', marketplace_id: US }],
  brand: [{ value: 'SellerBridge', marketplace_id: US }],
  condition_type: [{ value: 'new_new', marketplace_id: US }],
  externally_assigned_product_identifier: [
    { type: 'upc', value: '012345678905', marketplace_id: US },
  ],
  purchasable_offer: [
    { marketplace_id: US, currency: 'USD', our_price: [{ schedule: [{ value_with_tax: 12.5 }] }] },
  ],
  fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 7 }],
};

describe('Listings Items', () => {
  it('serves the seeded catalog with quantity and price', async () => {
    const item =
      amazon.world.catalog.find((c) => c.channels.includes('MFN') && /[ /,]/.test(c.sku)) ??
      amazon.world.catalog[0]!;
    const res = await call(
      amazon,
      token,
      'GET',
      itemPath(item.sku, '&includedData=summaries,offers,fulfillmentAvailability'),
    );
    expect(res.status).toBe(200);
    expect(res.body.sku).toBe(item.sku);
    expect(res.body.summaries[0]).toMatchObject({ asin: item.asin, productType: item.productType });
    expect(res.body.offers[0].price).toEqual({ currencyCode: 'USD', amount: item.price });
    expect(res.body.fulfillmentAvailability).toContainEqual({
      fulfillmentChannelCode: 'DEFAULT',
      quantity: item.amazonQuantity,
    });
  });

  it('validates a put against the product type and stores it', async () => {
    const preview = await call(
      amazon,
      token,
      'PUT',
      itemPath('NEW/SKU, ü', '&mode=VALIDATION_PREVIEW'),
      { productType: 'HOME', requirements: 'LISTING', attributes: fullAttributes },
    );
    expect(preview.body).toMatchObject({ sku: 'NEW/SKU, ü', status: 'VALID', issues: [] });
    expect(amazon.inspect.listing('NEW/SKU, ü')).toBeUndefined();

    const missing = await call(amazon, token, 'PUT', itemPath('NEW/SKU, ü'), {
      productType: 'HOME',
      attributes: { item_name: fullAttributes.item_name },
    });
    expect(missing.body.status).toBe('INVALID');
    expect(missing.body.issues).toContainEqual(
      expect.objectContaining({
        code: '90220',
        message: "'brand' is required but not supplied.",
        categories: ['MISSING_ATTRIBUTE'],
      }),
    );

    const ok = await call(amazon, token, 'PUT', itemPath('NEW/SKU, ü'), {
      productType: 'HOME',
      requirements: 'LISTING',
      attributes: fullAttributes,
    });
    expect(ok.body.status).toBe('ACCEPTED');
    expect(ok.body.submissionId).toBeTruthy();
    expect(amazon.inspect.listing('NEW/SKU, ü')).toMatchObject({
      quantity: 7,
      price: '12.50',
      currency: 'USD',
    });

    const unknownType = await call(amazon, token, 'PUT', itemPath('X1'), {
      productType: 'SPACESHIP',
      attributes: fullAttributes,
    });
    expect(unknownType.body.status).toBe('INVALID');
  });

  it('patches quantity and price, rejecting invalid values and nested paths', async () => {
    const sku = amazon.world.catalog.find((c) => c.channels.includes('MFN'))!.sku;
    const patch = (patches: unknown[], query = '') =>
      call(amazon, token, 'PATCH', itemPath(sku, query), { productType: 'HOME', patches });

    const negative = await patch([
      {
        op: 'replace',
        path: '/attributes/fulfillment_availability',
        value: [{ fulfillment_channel_code: 'DEFAULT', quantity: -1 }],
      },
    ]);
    expect(negative.body.status).toBe('INVALID');
    expect(negative.body.issues[0]).toMatchObject({
      code: '4000001',
      attributeNames: ['fulfillment_availability'],
    });

    const nested = await patch([
      { op: 'replace', path: '/attributes/purchasable_offer/0/currency', value: ['USD'] },
    ]);
    expect(nested.body.status).toBe('INVALID');

    const preview = await patch(
      [
        {
          op: 'replace',
          path: '/attributes/fulfillment_availability',
          value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }],
        },
      ],
      '&mode=VALIDATION_PREVIEW',
    );
    expect(preview.body.status).toBe('VALID');
    expect(amazon.inspect.listing(sku)?.quantity).not.toBe(3);

    const ok = await patch([
      {
        op: 'replace',
        path: '/attributes/fulfillment_availability',
        value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }],
      },
      {
        op: 'replace',
        path: '/attributes/purchasable_offer',
        value: [
          {
            marketplace_id: US,
            currency: 'USD',
            our_price: [{ schedule: [{ value_with_tax: 21.99 }] }],
          },
        ],
      },
    ]);
    expect(ok.body.status).toBe('ACCEPTED');
    expect(amazon.inspect.listing(sku)).toMatchObject({ quantity: 3, price: '21.99' });
    const read = await call(
      amazon,
      token,
      'GET',
      itemPath(sku, '&includedData=fulfillmentAvailability,offers'),
    );
    expect(read.body.fulfillmentAvailability[0]).toEqual({
      fulfillmentChannelCode: 'DEFAULT',
      quantity: 3,
    });
    expect(read.body.offers[0].price.amount).toBe('21.99');
  });

  it('answers 404 for unknown SKUs, 403 for another seller and deletes', async () => {
    expect((await call(amazon, token, 'GET', itemPath('NOPE'))).status).toBe(404);
    const other = await call(
      amazon,
      token,
      'GET',
      `/listings/2021-08-01/items/AOTHER/x?marketplaceIds=${US}`,
    );
    expect(other.status).toBe(403);
    const noMarket = await call(
      amazon,
      token,
      'GET',
      `/listings/2021-08-01/items/${amazon.credentials.sellingPartnerId}/x`,
    );
    expect(noMarket.body.errors[0].code).toBe('BAD_REQUEST');

    await call(amazon, token, 'PUT', itemPath('TO-DELETE'), {
      productType: 'HOME',
      attributes: fullAttributes,
    });
    const deleted = await call(amazon, token, 'DELETE', itemPath('TO-DELETE'));
    expect(deleted.body.status).toBe('ACCEPTED');
    expect((await call(amazon, token, 'GET', itemPath('TO-DELETE'))).status).toBe(404);
  });

  it('searches with pagination of at most 20', async () => {
    const base = `/listings/2021-08-01/items/${amazon.credentials.sellingPartnerId}?marketplaceIds=${US}&pageSize=20`;
    const first = await call(amazon, token, 'GET', base);
    expect(first.body.items).toHaveLength(Math.min(20, first.body.numberOfResults));
    if (first.body.pagination?.nextToken) {
      const second = await call(
        amazon,
        token,
        'GET',
        `${base}&pageToken=${first.body.pagination.nextToken}`,
      );
      expect(second.body.items[0].sku).not.toBe(first.body.items[0].sku);
    }
    expect(
      (await call(amazon, token, 'GET', base.replace('pageSize=20', 'pageSize=21'))).status,
    ).toBe(400);
    const bySku = await call(
      amazon,
      token,
      'GET',
      `${base}&identifiersType=SKU&identifiers=${encodeURIComponent(amazon.world.catalog[0]!.sku)}`,
    );
    expect(bySku.body.numberOfResults).toBe(1);
  });
});

describe('Product type definitions and catalog', () => {
  it('serves a definition whose schema link downloads the JSON schema', async () => {
    const res = await call(
      amazon,
      token,
      'GET',
      `/definitions/2020-09-01/productTypes/HOME?marketplaceIds=${US}&requirements=LISTING`,
    );
    expect(res.body).toMatchObject({ productType: 'HOME', requirements: 'LISTING' });
    const schema = (await (await fetch(res.body.schema.link.resource)).json()) as ApiBody;
    expect(schema.required).toContain('item_name');
    expect(schema.properties.fulfillment_availability).toBeDefined();
    const bad = await call(
      amazon,
      token,
      'GET',
      `/definitions/2020-09-01/productTypes/INVALID?marketplaceIds=${US}`,
    );
    expect(bad.body.errors[0]).toEqual({
      code: 'BAD_REQUEST',
      message: 'Invalid input',
      details: 'Invalid input',
    });
  });

  it('gets and searches catalog items', async () => {
    const item = amazon.world.catalog[0]!;
    const got = await call(
      amazon,
      token,
      'GET',
      `/catalog/2022-04-01/items/${item.asin}?marketplaceIds=${US}&includedData=summaries,identifiers`,
    );
    expect(got.body.summaries[0].itemName).toBe(item.title);
    expect(got.body.identifiers[0].identifiers[0]).toEqual({
      identifierType: 'UPC',
      identifier: item.upc,
    });
    const found = await call(
      amazon,
      token,
      'GET',
      `/catalog/2022-04-01/items?marketplaceIds=${US}&identifiersType=UPC&identifiers=${item.upc}`,
    );
    expect(found.body.items.map((i: { asin: string }) => i.asin)).toContain(item.asin);
    const bad = await call(
      amazon,
      token,
      'GET',
      `/catalog/2022-04-01/items?marketplaceIds=&keywords=tv`,
    );
    expect(bad.status).toBe(400);
  });
});
