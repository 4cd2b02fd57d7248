/**
 * Stage 6: parse a response body and check, with zod, the fields the client and flows rely on
 * (unknown fields pass through). Money stays the decimal text Amazon sent: the Finances APIs
 * send amounts as JSON numbers (`CurrencyAmount`, reference/amazon-sp-api.md §2.5), which are
 * turned into strings before `JSON.parse` could round them through a float.
 */
import { ServerError } from '@sellerbridge/http-core';
import { z } from 'zod';

const nextToken = z.string().min(1).optional();
const pagination = z.looseObject({ nextToken }).optional();

const order = z.looseObject({
  orderId: z.string().min(1),
  createdTime: z.string(),
  lastUpdatedTime: z.string(),
});

// Operation key → the fields we rely on in a 2xx body.
const RESPONSE_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  searchOrders: z.looseObject({ orders: z.array(order), pagination }),
  getOrder: z.looseObject({ order }),
  getOrders: z.looseObject({
    payload: z.looseObject({
      Orders: z.array(z.looseObject({ AmazonOrderId: z.string() })),
      NextToken: nextToken,
    }),
  }),
  getOrderItems: z.looseObject({
    payload: z.looseObject({
      OrderItems: z.array(z.looseObject({ OrderItemId: z.string() })),
      NextToken: nextToken,
    }),
  }),
  createRestrictedDataToken: z.looseObject({
    restrictedDataToken: z.string().min(1),
    expiresIn: z.number(),
  }),
  getInventorySummaries: z.looseObject({
    payload: z
      .looseObject({
        inventorySummaries: z.array(z.looseObject({ sellerSku: z.string().optional() })),
      })
      .optional(),
    pagination,
  }),
  searchListingsItems: z.looseObject({
    items: z.array(z.looseObject({ sku: z.string() })),
    pagination,
  }),
  getListingsItem: z.looseObject({ sku: z.string() }),
  searchCatalogItems: z.looseObject({
    items: z.array(z.looseObject({ asin: z.string() })),
    pagination,
  }),
  listInboundPlans: z.looseObject({ pagination }),
  listTransactions: z.looseObject({ payload: z.looseObject({ nextToken }).optional() }),
  listFinancialEventGroups: z.looseObject({
    payload: z.looseObject({ NextToken: nextToken }).optional(),
  }),
};

// Finances money fields arrive as JSON numbers; keep their exact text.
const MONEY_NUMBER =
  /("(?:CurrencyAmount|currencyAmount)"\s*:\s*)(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;
const MONEY_AS_NUMBER_OPERATIONS = /^(list(Financial|Transactions|Balances|Summary))/;

function parseJson(operation: string, text: string): unknown {
  if (text.length === 0) return undefined;

  const source = MONEY_AS_NUMBER_OPERATIONS.test(operation)
    ? text.replace(MONEY_NUMBER, '$1"$2"')
    : text;
  return JSON.parse(source) as unknown;
}

/** Where the response came from, for the error when it cannot be parsed. */
export interface ResponseContext {
  vendor: 'amazon';
  operation: string;
  method: string;
  url: string;
  requestId?: string;
  attempts: number;
}

/**
 * Parses a body; for a 2xx also checks the fields we rely on.
 * @throws ServerError (non-retryable) when a 2xx body is not JSON or lacks a relied-on field
 */
export function parseResponseBody(
  operation: string,
  text: string,
  status: number,
  context: ResponseContext,
): unknown {
  let body: unknown;

  try {
    body = parseJson(operation, text);
  } catch {
    if (status < 200 || status >= 300) return undefined;
    throw new ServerError({
      ...context,
      status,
      message: `${operation}: response is not JSON`,
      retryable: false,
    });
  }

  const schema = status >= 200 && status < 300 ? RESPONSE_SCHEMAS[operation] : undefined;
  const result = schema?.safeParse(body);

  if (result && !result.success) {
    const issue = result.error.issues[0]!;
    throw new ServerError({
      ...context,
      status,
      message: `${operation}: unexpected response at ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      retryable: false,
    });
  }
  return body;
}
