/**
 * Static sandbox mode: answers from Amazon's `x-amzn-api-sandbox.static` examples (one JSON file
 * per operation: `{operationId, method, path, examples:[{status, request:{parameters}, response}]}`)
 * the way the SP-API sandbox matches them: a request matches an example when every parameter the
 * example names has that value; the most specific match wins, the first on ties; no match is
 * Amazon's 400 "Could not match input arguments"
 * (https://developer-docs.amazon.com/sp-api/docs/the-selling-partner-api-sandbox).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { AmazonApiError } from './errors';
import type { AmazonRequest, AmazonResponse, AmazonRoute } from './types';

interface StaticExample {
  status: number;
  request: { parameters: Record<string, { value?: unknown } | undefined> };
  response: unknown;
}

interface StaticOperation {
  operationId: string;
  method: string;
  path: string;
  examples: StaticExample[];
}

/** Grantless operations (client-credentials token), per the Notifications API reference. */
const GRANTLESS = new Set([
  'getDestinations',
  'createDestination',
  'getDestination',
  'deleteDestination',
  'deleteSubscriptionById',
]);

function readOperations(dir: string): StaticOperation[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return readOperations(full);
      return name.endsWith('.json')
        ? [JSON.parse(readFileSync(full, 'utf8')) as StaticOperation]
        : [];
    });
}

function paramMatches(req: AmazonRequest, name: string, expected: unknown): boolean {
  if (name === 'body') return isDeepStrictEqual(req.body ?? {}, expected);
  if (name in req.params) return req.params[name] === String(expected);

  const values = req.query.getAll(name).flatMap((v) => v.split(','));
  if (Array.isArray(expected)) return isDeepStrictEqual(values, expected.map(String));
  if (values.length === 0) {
    const header = req.headers[name.toLowerCase()];
    return header !== undefined && String(header) === String(expected);
  }
  return values.length === 1 && values[0] === String(expected);
}

/** Number of matched parameters, or -1 when the example does not match. */
function score(example: StaticExample, req: AmazonRequest): number {
  let matched = 0;
  for (const [name, spec] of Object.entries(example.request.parameters)) {
    // Entries without a value (e.g. `"body": {}`) constrain nothing.
    if (!spec || !('value' in spec)) continue;
    if (!paramMatches(req, name, spec.value)) return -1;
    matched += 1;
  }
  return matched;
}

/** Picks the example answering `req`. */
export function matchStaticExample(
  examples: StaticExample[],
  req: AmazonRequest,
): StaticExample | undefined {
  let best: StaticExample | undefined;
  let bestScore = -1;
  for (const example of examples) {
    const s = score(example, req);
    if (s > bestScore) {
      best = example;
      bestScore = s;
    }
  }
  return best;
}

function answer(example: StaticExample): AmazonResponse {
  if (example.response === null || example.response === undefined)
    return { status: example.status };
  return { status: example.status, body: example.response };
}

/** One route per operation in `dir`, answering from its examples. */
export function staticSandboxRoutes(dir: string): AmazonRoute[] {
  return readOperations(dir).map((op) => ({
    method: op.method.toUpperCase(),
    path: op.path,
    operation: op.operationId,
    grantless: GRANTLESS.has(op.operationId),
    handle(req) {
      const example = matchStaticExample(op.examples, req);
      if (!example) {
        throw new AmazonApiError(400, [
          { code: 'InvalidInput', message: 'Could not match input arguments', details: '' },
        ]);
      }
      return answer(example);
    },
  }));
}
