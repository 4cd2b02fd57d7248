/**
 * Product type definitions the emulator serves (Product Type Definitions API 2020-09-01) and
 * validates listings against. Each is a JSON Schema in the shape Amazon publishes (attributes are
 * arrays of objects with `marketplace_id`/`language_tag`), reduced to the attributes the flows use:
 * https://developer-docs.amazon.com/sp-api/docs/product-type-definitions-api-v2020-09-01-use-case-guide.
 */

/** A JSON Schema node (the subset the validator understands). */
export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  title?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: Array<string | number>;
  minimum?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean;
}

/** Requirements sets (`requirements` parameter of put/getDefinitionsProductType). */
export type Requirements = 'LISTING' | 'LISTING_PRODUCT_ONLY' | 'LISTING_OFFER_ONLY';

/** Product types served; a listing with another type is rejected. */
export const PRODUCT_TYPES: Record<string, string> = {
  PRODUCT: 'Product',
  HOME: 'Home',
  KITCHEN: 'Kitchen',
  APPAREL: 'Apparel',
  SHIRT: 'Shirt',
  OFFICE_PRODUCTS: 'Office Products',
  TOYS_AND_GAMES: 'Toys & Games',
  PET_SUPPLIES: 'Pet Supplies',
  SPORTING_GOODS: 'Sporting Goods',
  GROCERY: 'Grocery',
  BEAUTY: 'Beauty',
  LUGGAGE: 'Luggage',
};

const marketplaceValue = (value: SchemaNode): SchemaNode => ({
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['value'],
    properties: { value, marketplace_id: { type: 'string' }, language_tag: { type: 'string' } },
  },
});

const ATTRIBUTES: Record<string, SchemaNode> = {
  item_name: marketplaceValue({ type: 'string', maxLength: 200 }),
  brand: marketplaceValue({ type: 'string', maxLength: 100 }),
  product_description: marketplaceValue({ type: 'string', maxLength: 2000 }),
  bullet_point: { ...marketplaceValue({ type: 'string', maxLength: 500 }), maxItems: 10 },
  condition_type: marketplaceValue({
    type: 'string',
    enum: [
      'new_new',
      'new_open_box',
      'used_like_new',
      'used_very_good',
      'used_good',
      'used_acceptable',
      'refurbished_refurbished',
    ],
  }),
  merchant_suggested_asin: marketplaceValue({ type: 'string', maxLength: 10 }),
  color: marketplaceValue({ type: 'string' }),
  size: marketplaceValue({ type: 'string' }),
  externally_assigned_product_identifier: {
    type: 'array',
    items: {
      type: 'object',
      required: ['type', 'value'],
      properties: {
        type: { type: 'string', enum: ['upc', 'ean', 'gtin', 'isbn'] },
        value: { type: 'string' },
        marketplace_id: { type: 'string' },
      },
    },
  },
  list_price: {
    type: 'array',
    items: {
      type: 'object',
      required: ['value', 'currency'],
      properties: {
        value: { type: 'number', minimum: 0 },
        currency: { type: 'string' },
        marketplace_id: { type: 'string' },
      },
    },
  },
  purchasable_offer: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['currency', 'our_price'],
      properties: {
        marketplace_id: { type: 'string' },
        currency: { type: 'string', enum: ['USD', 'EUR', 'CAD', 'GBP', 'MXN'] },
        audience: { type: 'string', enum: ['ALL', 'B2B'] },
        our_price: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['schedule'],
            properties: {
              schedule: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  required: ['value_with_tax'],
                  properties: { value_with_tax: { type: 'number', minimum: 0 } },
                },
              },
            },
          },
        },
      },
    },
  },
  fulfillment_availability: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['fulfillment_channel_code'],
      properties: {
        fulfillment_channel_code: { type: 'string', enum: ['DEFAULT', 'AMAZON_NA', 'AMAZON_EU'] },
        quantity: { type: 'integer', minimum: 0 },
        lead_time_to_ship_max_days: { type: 'integer', minimum: 0 },
        marketplace_id: { type: 'string' },
      },
    },
  },
};

const REQUIRED: Record<Requirements, string[]> = {
  LISTING: ['item_name', 'brand', 'condition_type', 'externally_assigned_product_identifier'],
  LISTING_PRODUCT_ONLY: ['item_name', 'brand', 'externally_assigned_product_identifier'],
  LISTING_OFFER_ONLY: ['condition_type', 'merchant_suggested_asin'],
};

/** The JSON Schema of a product type for a requirements set. */
export function productTypeSchema(
  productType: string,
  requirements: Requirements = 'LISTING',
): SchemaNode & { $id: string } {
  return {
    $id: `https://schemas.amazon.com/selling-partners/definitions/product-types/schema/v1/${productType}`,
    title: PRODUCT_TYPES[productType] ?? productType,
    type: 'object',
    properties: ATTRIBUTES,
    required: REQUIRED[requirements],
    additionalProperties: false,
  };
}

/** Property groups as getDefinitionsProductType returns them. */
export const PROPERTY_GROUPS = {
  product_identity: {
    title: 'Product Identity',
    description:
      'Information to uniquely identify your product (e.g., UPC, EAN, GTIN, Product Type, Brand)',
    propertyNames: [
      'item_name',
      'brand',
      'externally_assigned_product_identifier',
      'merchant_suggested_asin',
    ],
  },
  offer: {
    title: 'Offer',
    description: 'Information to enable the item to be buyable, such as condition and price',
    propertyNames: [
      'condition_type',
      'list_price',
      'purchasable_offer',
      'fulfillment_availability',
    ],
  },
  product_details: {
    title: 'Product Details',
    description: 'Information that describes the product',
    propertyNames: ['product_description', 'bullet_point', 'color', 'size'],
  },
};
