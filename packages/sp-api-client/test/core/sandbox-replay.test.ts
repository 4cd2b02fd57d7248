import { InvalidInputError, isVendorError } from '@sellerbridge/http-core';
import nock from 'nock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SP_URL, isolateNetwork, mockLwa, testClient } from './helpers';
import {
  RULE_BREAKING_EXAMPLES,
  asInstants,
  fillRequired,
  loadSandboxCases,
  type SandboxCase,
} from './sandbox-examples';

const cases = loadSandboxCases();

function splitRequest(example: SandboxCase) {
  const path: Record<string, string> = {};
  const query: Record<string, unknown> = {};
  let body: unknown;

  for (const [name, value] of Object.entries(example.parameters)) {
    const location =
      example.spec.parameters.find((parameter) => parameter.name === name)?.in ??
      (name === 'body' ? 'body' : 'query');

    if (location === 'path') path[name] = String(value);
    else if (location === 'body') body = value;
    else query[name] = value;
  }
  return { path, query, body };
}

/** The example's query as Amazon would see it: arrays comma-joined, dates as instants. */
function expectedQuery(query: Record<string, unknown>): Record<string, unknown> {
  return asInstants(
    Object.fromEntries(
      Object.entries(query).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(',') : String(value),
      ]),
    ),
  ) as Record<string, unknown>;
}

interface Captured {
  path: string;
  query: Record<string, unknown>;
  body: unknown;
}

function interceptOnce(example: SandboxCase, captured: Captured[]): void {
  nock(SP_URL)
    .intercept(() => true, example.spec.method)
    .query(true)
    .reply(function (_uri, requestBody) {
      const url = new URL(this.req.path, SP_URL);
      captured.push({
        path: url.pathname,
        // Repeated (`multi`) parameters compare as the comma-joined example value.
        query: Object.fromEntries(
          [...new Set(url.searchParams.keys())].map((key) => [
            key,
            url.searchParams.getAll(key).join(','),
          ]),
        ),
        body: requestBody === '' ? undefined : requestBody,
      });
      return example.status === 204 ? [204] : [example.status, example.response as nock.Body];
    });
}

describe('static sandbox examples replay', () => {
  beforeEach(() => {
    isolateNetwork();
    mockLwa(undefined, 1);
    nock('http://lwa.test')
      .post('/auth/o2/token')
      .optionally()
      .reply(200, { access_token: 'Atza|grantless', expires_in: 3600 });
  });
  afterAll(() => nock.cleanAll());

  it('covers the implemented models', () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  it.each(cases.map((example) => [example.name, example] as const))(
    '%s',
    async (_name, example) => {
      const captured: Captured[] = [];
      const request = splitRequest(example);
      const filled = example.status < 300 ? fillRequired(example, request) : new Set<string>();
      interceptOnce(example, captured);

      const outcome = await testClient({ sandbox: true, retry: { maxAttempts: 1 } })
        .call(example.operation, request)
        .catch((error: unknown) => error);

      const breaks = RULE_BREAKING_EXAMPLES[example.name];
      if (breaks) {
        expect(outcome).toBeInstanceOf(InvalidInputError);
        expect((outcome as InvalidInputError).errorPath).toBe(breaks);
        expect(captured).toHaveLength(0);
        return;
      }

      if (example.status < 300) {
        // A valid request: sent exactly as the example, and its response parses.
        expect(isVendorError(outcome) ? outcome.toJSON() : undefined).toBeUndefined();
        expect(captured).toHaveLength(1);
        expect(captured[0]!.path).toBe(
          example.spec.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
            encodeURIComponent(request.path[name]!),
          ),
        );
        const sentQuery = Object.fromEntries(
          Object.entries(captured[0]!.query).filter(([name]) => !filled.has(name)),
        );
        const exampleQuery = Object.fromEntries(
          Object.entries(request.query).filter(([name]) => !filled.has(name)),
        );
        expect(asInstants(sentQuery)).toEqual(expectedQuery(exampleQuery));
        expect(asInstants(captured[0]!.body)).toEqual(
          filled.has('body') ? asInstants(captured[0]!.body) : asInstants(request.body),
        );
        expect((outcome as { status: number }).status).toBe(example.status);
        return;
      }

      // An invalid request: rejected before sending, or the documented error as our typed error.
      expect(isVendorError(outcome)).toBe(true);
      if (captured.length === 0) {
        expect(outcome).toBeInstanceOf(InvalidInputError);
      } else {
        expect(outcome).toMatchObject({ status: example.status });
        if (example.status === 400) expect(outcome).toBeInstanceOf(InvalidInputError);
      }
    },
  );
});
