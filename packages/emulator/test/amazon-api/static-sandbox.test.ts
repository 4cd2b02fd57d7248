import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../../../test-support/shared';
import { startAmazonEmulator, type RunningAmazonEmulator } from '../../src/amazon/server/emulator';
import { call, grantlessToken, sellerToken } from './helpers';

interface Example {
  status: number;
  request: { parameters: Record<string, { value?: unknown }> };
  response: unknown;
}
interface Operation {
  operationId: string;
  method: string;
  path: string;
  examples: Example[];
}

const dir = sharedPath('amazon', 'samples', 'sandbox-static-examples');
const operations: Array<Operation & { file: string }> = readdirSync(dir).flatMap((model) =>
  readdirSync(join(dir, model)).map((file) => ({
    file: `${model}/${file}`,
    ...(JSON.parse(readFileSync(join(dir, model, file), 'utf8')) as Operation),
  })),
);
const GRANTLESS = new Set([
  'getDestinations',
  'createDestination',
  'getDestination',
  'deleteDestination',
  'deleteSubscriptionById',
]);

let amazon: RunningAmazonEmulator;
let seller: string;
let grantless: string;

beforeAll(async () => {
  // A huge timeScale lifts the sandbox's 5 rps so 283 calls in a row are not throttled.
  amazon = await startAmazonEmulator({
    mode: 'static',
    staticExamplesDir: dir,
    worldOptions: { orders: 50 },
    timeScale: 1_000_000,
  });
  seller = await sellerToken(amazon);
  grantless = await grantlessToken(amazon);
});
afterAll(async () => amazon.close());

function buildRequest(op: Operation, example: Example): { path: string; body?: unknown } {
  const params = example.request.parameters;
  const query = new URLSearchParams();
  let body: unknown;
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]?.value;
    return value === undefined ? 'X' : encodeURIComponent(String(value));
  });
  const pathNames = new Set([...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
  for (const [name, spec] of Object.entries(params)) {
    if (!spec || !('value' in spec) || pathNames.has(name)) continue;
    if (name === 'body') body = spec.value;
    else if (Array.isArray(spec.value)) query.set(name, spec.value.join(','));
    else query.set(name, String(spec.value));
  }
  const qs = query.toString();
  return { path: qs ? `${path}?${qs}` : path, body };
}

/** The example Amazon's matcher answers with: the first with the same (most specific) parameters. */
function expectedFor(op: Operation, example: Example): Example {
  const key = JSON.stringify(example.request.parameters);
  return op.examples.find((e) => JSON.stringify(e.request.parameters) === key) ?? example;
}

describe('static sandbox mode', () => {
  it('has the 283 documented pairs', () => {
    expect(operations.reduce((n, op) => n + op.examples.length, 0)).toBe(283);
  });

  it('answers every documented request with its documented response', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      for (const [i, example] of op.examples.entries()) {
        const { path, body } = buildRequest(op, example);
        const token = GRANTLESS.has(op.operationId) ? grantless : seller;
        const res = await call(amazon, token, op.method.toUpperCase(), path, body);
        const expected = expectedFor(op, example);
        // A 204 has no body on the wire; the examples write it as {}.
        const expectedBody =
          expected.response === null || expected.status === 204 ? undefined : expected.response;
        const same =
          res.status === expected.status &&
          JSON.stringify(res.body) === JSON.stringify(expectedBody);
        if (!same)
          failures.push(
            `${op.file}#${i} ${op.method} ${path} -> ${res.status} ${String(JSON.stringify(res.body)).slice(0, 120)} expected ${expected.status}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers Amazon's 400 when nothing matches", async () => {
    const res = await call(
      amazon,
      seller,
      'GET',
      '/orders/v0/orders/NO-SUCH/orderItems?NextToken=zzz',
    );
    const examples = operations.find((o) => o.operationId === 'getOrderItems')!.examples;
    if (examples.every((e) => Object.keys(e.request.parameters).length > 0)) {
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toBe('Could not match input arguments');
    }
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
  });
});
