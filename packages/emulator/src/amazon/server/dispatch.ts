/**
 * The SP-API request pipeline, in Amazon's order: route → access token (403) → grantless and RDT
 * check → injected faults → usage plan (429) → handler. Every response carries
 * `x-amzn-RequestId`; non-429 responses of a throttled operation carry `x-amzn-RateLimit-Limit`
 * with the scaled rate (the models declare it on 2xx/4xx, not on 429).
 */
import { randomUUID } from 'node:crypto';
import { AmazonApiError, errorResponse, quotaExceeded, unauthorized } from './errors';
import type { FaultInjector } from './faults';
import { checkAccessToken } from './lwa';
import { pathMatches } from './tokens-routes';
import type { Router } from './router';
import type { AmazonContext, AmazonRequest, AmazonResponse, AmazonRoute } from './types';
import {
  formatRate,
  lookupUsagePlan,
  SANDBOX_USAGE_PLAN,
  type UsagePlanLimiter,
} from './usage-plans';

/** Per-operation request counters for the inspector. */
export interface RequestStats {
  received: Map<string, number>;
  throttled: Map<string, number>;
}

/** Everything the pipeline needs. */
export interface DispatchDeps {
  ctx: AmazonContext;
  router: Router;
  limiter: UsagePlanLimiter;
  faults: FaultInjector;
  stats: RequestStats;
  region: string;
  /** Static sandbox mode: every operation gets the sandbox plan. */
  isSandbox: boolean;
}

/** A raw request after the body was read. */
export interface RawSpApiRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

/** A response plus the fault the transport must apply. */
export interface DispatchResult {
  response: AmazonResponse;
  transportFault?: 'reset' | 'slow';
}

function parseBody(rawBody: Buffer, contentType: string): unknown {
  if (rawBody.length === 0) return undefined;
  const text = rawBody.toString('utf8');
  if (!contentType.includes('json') && !/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AmazonApiError(400, [
      { code: 'InvalidInput', message: 'The request body is not valid JSON.' },
    ]);
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function header(headers: RawSpApiRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function faultResponse(kind: string): AmazonResponse | undefined {
  if (kind === 'throttle') return quotaExceeded();
  if (kind === 'internalError') {
    return errorResponse(
      500,
      'InternalFailure',
      'We encountered an internal error. Please try again.',
    );
  }
  if (kind === 'serviceUnavailable') {
    return errorResponse(
      503,
      'ServiceUnavailable',
      'Service is temporarily unavailable. Please try again.',
    );
  }
  return undefined;
}

async function runHandler(route: AmazonRoute, req: AmazonRequest): Promise<AmazonResponse> {
  try {
    return await route.handle(req);
  } catch (error) {
    if (error instanceof AmazonApiError) {
      return { status: error.status, body: { errors: error.errors }, headers: error.headers };
    }
    throw error;
  }
}

/** Runs one SP-API request through the pipeline. */
export async function dispatchSpApi(
  deps: DispatchDeps,
  raw: RawSpApiRequest,
): Promise<DispatchResult> {
  const requestId = randomUUID();
  const result = await dispatchInner(deps, raw).catch((error: unknown): DispatchResult => {
    if (error instanceof AmazonApiError)
      return { response: { status: error.status, body: { errors: error.errors } } };
    return {
      response: errorResponse(
        500,
        'InternalFailure',
        'We encountered an internal error. Please try again.',
      ),
    };
  });
  result.response.headers = { ...result.response.headers, 'x-amzn-RequestId': requestId };
  return result;
}

async function dispatchInner(deps: DispatchDeps, raw: RawSpApiRequest): Promise<DispatchResult> {
  const match = deps.router.match(raw.method, raw.url.pathname);
  if (!match) {
    return { response: errorResponse(404, 'NotFound', "The requested resource doesn't exist.") };
  }

  // Access token first: Amazon rejects unauthenticated calls before metering them.
  const { route, params } = match;
  const check = checkAccessToken(deps.ctx, header(raw.headers, 'x-amz-access-token'));
  if (!check.ok) return { response: unauthorized(check.details) };
  if (Boolean(route.grantless) !== (check.record.kind === 'grantless')) {
    return { response: unauthorized('') };
  }
  // An RDT opens only the restricted resources it names (Tokens API use case guide).
  const resources = check.record.restrictedResources ?? [];
  const rdtCovers = resources.some(
    (r) => r.method === raw.method && pathMatches(r.path, raw.url.pathname),
  );
  if (check.record.kind === 'rdt' && !rdtCovers) return { response: unauthorized('') };
  bump(deps.stats.received, route.operation);

  const fault = deps.faults.pick(route.operation);
  const injected = fault ? faultResponse(fault) : undefined;
  if (injected) return { response: injected };
  if (fault === 'reset') return { response: { status: 0 }, transportFault: 'reset' };

  const plan = deps.isSandbox
    ? SANDBOX_USAGE_PLAN
    : lookupUsagePlan(route.method, route.path, route.operation);
  const key = [
    check.record.applicationId,
    check.record.sellerId,
    deps.region,
    route.operation,
  ].join('|');
  const taken = deps.limiter.take(key, plan);
  if (!taken.allowed) {
    bump(deps.stats.throttled, route.operation);
    return { response: quotaExceeded() };
  }

  const req: AmazonRequest = {
    params,
    query: raw.url.searchParams,
    body: parseBody(raw.rawBody, header(raw.headers, 'content-type') ?? ''),
    rawBody: raw.rawBody,
    headers: raw.headers,
    sellerId: check.record.sellerId,
  };
  const response = await runHandler(route, req);
  // The models declare the rate header on 2xx/4xx responses, not on 429.
  if (response.status !== 429) {
    response.headers = { ...response.headers, 'x-amzn-RateLimit-Limit': formatRate(taken.rate) };
  }
  return { response, transportFault: fault === 'slow' ? 'slow' : undefined };
}
