/**
 * Loads Amazon's static sandbox examples (shared/amazon/samples/sandbox-static-examples) for the
 * models this client is generated from, and helpers to compare requests with dates as instants.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../../../../test-support/shared';
import { OPERATIONS, type OperationSpec } from '../../src/index';

/** Example folders of the implemented models. */
const FOLDERS = [
  'orders_2026-01-01',
  'ordersV0',
  'reports_2021-06-30',
  'feeds_2021-06-30',
  'listingsItems_2021-08-01',
  'definitionsProductTypes_2020-09-01',
  'catalogItems_2022-04-01',
  'finances_2024-06-19',
  'financesV0',
  'fulfillmentInbound_2024-03-20',
  'fulfillmentInboundV0',
  'tokens_2021-03-01',
  'sellers',
  'notifications',
];

/** One request/response pair of the sandbox. */
export interface SandboxCase {
  name: string;
  operation: string;
  spec: OperationSpec;
  status: number;
  parameters: Record<string, unknown>;
  response: unknown;
}

interface ExampleFile {
  operationId: string;
  method: string;
  path: string;
  examples: {
    status: number;
    request: { parameters: Record<string, { value: unknown }> };
    response: unknown;
  }[];
}

function operationFor(file: ExampleFile): [string, OperationSpec] | undefined {
  return (Object.entries(OPERATIONS) as [string, OperationSpec][]).find(
    ([, spec]) =>
      spec.operationId === file.operationId &&
      spec.method === file.method &&
      spec.path === file.path,
  );
}

/** Every example of the implemented models (files of operations we do not generate are skipped). */
export function loadSandboxCases(): SandboxCase[] {
  const cases: SandboxCase[] = [];

  for (const folder of FOLDERS) {
    const dir = sharedPath('amazon', 'samples', 'sandbox-static-examples', folder);

    for (const fileName of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const file = JSON.parse(readFileSync(join(dir, fileName), 'utf8')) as ExampleFile;
      const found = operationFor(file);
      if (!found) throw new Error(`no generated operation for ${folder}/${fileName}`);

      file.examples.forEach((example, index) => {
        const parameters = Object.fromEntries(
          Object.entries(example.request.parameters).map(([name, { value }]) => [name, value]),
        );
        cases.push({
          name: `${folder}/${file.operationId}#${index} ${example.status}`,
          operation: found[0],
          spec: found[1],
          status: example.status,
          parameters,
          response: example.response,
        });
      });
    }
  }
  return cases;
}

/** Replaces ISO date-time strings by their epoch milliseconds, deeply, so dates compare as instants. */
export function asInstants(value: unknown): unknown {
  if (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
  ) {
    return Date.parse(
      /(Z|[+-]\d{2}:?\d{2})$/.test(value) || !value.includes('T') ? value : `${value}Z`,
    );
  }
  if (Array.isArray(value)) return value.map(asInstants);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asInstants(item)]));
  return value;
}

/**
 * 2xx examples whose request breaks the model's own input rules; our validation rejects them
 * before sending, naming the parameter.
 */
export const RULE_BREAKING_EXAMPLES: Readonly<Record<string, string>> = {
  // `CreatedAfter` must be ISO-8601; the sandbox keys on magic strings such as TEST_CASE_200.
  'ordersV0/getOrders#0 200': 'query.CreatedAfter',
  'ordersV0/getOrders#1 200': 'query.CreatedAfter',
  'ordersV0/getOrders#2 200': 'query.CreatedAfter',
  // `QueryType` is an enum of DATE_RANGE and NEXT_TOKEN in fulfillmentInboundV0.json.
  'fulfillmentInboundV0/getShipmentItems#0 200': 'query.QueryType',
  'fulfillmentInboundV0/getShipmentItems#1 200': 'query.QueryType',
};

/**
 * Fills the required parameters an example leaves out (the sandbox matches on the parameters
 * an example names); returns the names filled so they are left out of the comparison.
 */
export function fillRequired(
  example: SandboxCase,
  request: { path: Record<string, string>; query: Record<string, unknown>; body: unknown },
): Set<string> {
  const filled = new Set<string>();

  for (const parameter of example.spec.parameters.filter((candidate) => candidate.required)) {
    if (parameter.in === 'path' && request.path[parameter.name] === undefined)
      request.path[parameter.name] = 'SANDBOX';
    else if (parameter.in === 'query' && request.query[parameter.name] === undefined)
      request.query[parameter.name] = fillerValue(parameter);
    else if (parameter.in === 'body' && request.body === undefined)
      request.body = BODY_FILLERS[example.operation] ?? {};
    else continue;
    filled.add(parameter.name);
  }
  return filled;
}

// Minimal valid bodies for examples that name no body.
const BODY_FILLERS: Readonly<Record<string, unknown>> = {
  patchListingsItem: {
    productType: 'PRODUCT',
    patches: [{ op: 'replace', path: '/attributes/item_name', value: [] }],
  },
  putListingsItem: { productType: 'PRODUCT', attributes: {} },
};

function fillerValue(parameter: OperationSpec['parameters'][number]): unknown {
  const first = parameter.enum?.[0];

  if (parameter.type === 'array') return [first ?? 'ATVPDKIKX0DER'];
  if (parameter.type === 'integer') return parameter.minimum ?? 1;
  return first ?? 'SANDBOX';
}
