/**
 * The request pipeline in DESIGN §3 order: validate (zod) → one retry loop (`runWithRetry`,
 * got's retry off) → per attempt: limiter slot → access token → send → classify → parse.
 */
import {
  AbortedError,
  AuthError,
  NetworkError,
  fromNetworkError,
  runWithRetry,
  type RetryOptions,
  type VendorError,
} from '@sellerbridge/http-core';
import type { Got, OptionsOfTextResponseBody, Response } from 'got';
import { scrubbed } from '../auth/lwa';
import type { AccessTokenProvider } from '../auth/token-provider';
import type { OperationSpec } from '../generated/operations';
import { buildPath, buildQuery } from '../operations/encode';
import { parseResponseBody } from '../operations/responses';
import { GRANTLESS_SCOPES, lookupOperation } from '../operations/table';
import { validateRequest } from '../operations/validate';
import type { DeadlineWatch } from './deadlines';
import { classifyResponse, firstError, isExpiredTokenResponse } from './classify';
import { createLimits, type OperationLimits } from './limits';
import { isNeverDelivered, networkHint, withNetworkHint } from './network-hints';
import type { ResolvedSpApiClientOptions } from './options';
import { isRepeatableAfterPossibleDelivery } from './repeat-policy';
import { reportRequest, reportResponse } from './telemetry';
import type { SpApiCallRequest, SpApiResponse } from './types';

/** State of one call across its attempts. */
interface CallState {
  operation: string;
  spec: OperationSpec;
  url: string;
  body: string | undefined;
  request: SpApiCallRequest;
  grantless?: readonly string[];
  limits: OperationLimits;
  tokenRefreshed: boolean;
}

/** Everything the pipeline needs, built once per client. */
export interface PipelineContext {
  options: ResolvedSpApiClientOptions;
  http: Got;
  tokens: AccessTokenProvider;
  deadlines: DeadlineWatch;
}

/** Creates the `call` function of a client. */
export function createCall(context: PipelineContext) {
  const limits = createLimits(context.options);
  const warnedDeprecated = new Set<string>();

  return async function call<TBody = unknown>(
    operation: string,
    request: SpApiCallRequest = {},
  ): Promise<SpApiResponse<TBody>> {
    // 1. Validate before any traffic.
    const spec = lookupOperation(operation);
    if (spec.deprecated && !warnedDeprecated.has(operation))
      warnDeprecated(context, operation, warnedDeprecated);
    const input = validateRequest(operation, spec, request, context.options.now());
    const query = buildQuery(spec, input.query);
    const state: CallState = {
      operation,
      spec,
      url: `${context.options.endpoint}${buildPath(spec.path, input.path)}${query ? `?${query}` : ''}`,
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
      request,
      grantless: GRANTLESS_SCOPES[operation],
      limits: limits.forOperation(operation, spec),
      tokenRefreshed: false,
    };

    // 2. One retry loop; each attempt takes its own slot and token.
    return runWithRetry(
      (attempt) =>
        state.limits.schedule(() => sendAttempt<TBody>(context, state, attempt), attempt),
      retryOptions(context, state),
    );
  };
}

// Deprecated operations (Orders v0 reads: migrate to Orders 2026-01-01 by 2027-03-27, DESIGN §2)
// warn once per client, through the logger.
function warnDeprecated(context: PipelineContext, operation: string, warned: Set<string>): void {
  warned.add(operation);
  context.options.logger.warn(
    { operation },
    'sp-api operation is deprecated by Amazon; see the Orders API 2026-01-01',
  );
}

function retryOptions(context: PipelineContext, state: CallState): RetryOptions {
  const repeatable = isRepeatableAfterPossibleDelivery(
    state.operation,
    state.spec,
    state.request.body,
  );
  const maxDelayMs = context.options.retry.maxDelayMs ?? 30_000;

  return {
    ...context.options.retry,
    signal: state.request.signal,
    // The usage plan's interval is the floor of a throttled retry, capped so slow plans
    // (searchOrders: one per 180 s) still fit the wait budget; the bucket paces the rest.
    floorMs: (error) =>
      error.code === 'THROTTLED' ? Math.min(state.limits.intervalMs(), maxDelayMs) : undefined,
    // A write that may have reached Amazon is repeated only when the repeat is harmless
    // (repeat-policy.ts, style guideline 9); otherwise only a failure proving it was not
    // processed (429, token refresh, no connection) repeats it.
    shouldRetry: (error) => repeatable || isNeverDelivered(error),
    onRetry: ({ error, attempt, delayMs }) =>
      context.options.logger.warn(
        { operation: state.operation, attempt, delayMs, code: error.code, status: error.status },
        'sp-api retry',
      ),
  };
}

async function sendAttempt<TBody>(
  context: PipelineContext,
  state: CallState,
  attempt: number,
): Promise<SpApiResponse<TBody>> {
  const { options } = context;
  const signal = state.request.signal;
  const base = {
    vendor: 'amazon' as const,
    operation: state.operation,
    method: state.spec.method,
    url: state.url,
  };

  if (signal?.aborted)
    throw new AbortedError({
      ...base,
      message: `${state.operation} was cancelled`,
      attempts: attempt,
    });

  // 4. Credentials: the caller's RDT, else a (cached) LWA token, grantless for some operations.
  const token =
    state.request.restrictedDataToken ??
    (await context.tokens.getAccessToken({ grantless: state.grantless, signal }));
  const startedMs = performance.now();

  reportRequest(options, state.operation, state.spec, attempt);

  // 5. Send; transport failures become NetworkError / AbortedError without the request options.
  const sending = context.http(state.url, sendOptions(state, token, signal));
  const untrack = context.deadlines.track(sending, options.timeoutMs);
  const response: Response<string> = await sending
    .catch((error: unknown) => {
      throw transportError(error, base, untrack(), options.timeoutMs);
    })
    .finally(untrack);

  const durationMs = Math.round(performance.now() - startedMs);
  const requestId = headerText(response.headers['x-amzn-requestid']);

  state.limits.correctRate(headerText(response.headers['x-amzn-ratelimit-limit']));
  reportResponse(options, {
    operation: state.operation,
    spec: state.spec,
    attempt,
    status: response.statusCode,
    durationMs,
    requestId,
  });

  // 6. Parse a success; classify a failure.
  const parsed = parseResponseBody(state.operation, response.body, response.statusCode, {
    ...base,
    requestId,
    attempts: attempt,
  });

  if (response.statusCode >= 200 && response.statusCode < 300) {
    return {
      status: response.statusCode,
      body: parsed as TBody,
      headers: response.headers,
      requestId,
    };
  }

  throw failure(context, state, response.statusCode, parsed, {
    ...base,
    requestId,
    attempts: attempt,
  });
}

function failure(
  context: PipelineContext,
  state: CallState,
  status: number,
  body: unknown,
  classifyContext: {
    operation: string;
    method: string;
    url: string;
    requestId?: string;
    attempts: number;
  },
): VendorError {
  const error = classifyResponse(status, body, classifyContext);
  const expired = isExpiredTokenResponse(status, firstError(body));

  // A 403 "access token expired/revoked": refresh once and retry once (through the same loop).
  if (expired && !state.tokenRefreshed && state.request.restrictedDataToken === undefined) {
    state.tokenRefreshed = true;
    context.tokens.invalidate({ grantless: state.grantless });
    return new AuthError({
      ...classifyContext,
      vendor: 'amazon',
      status,
      vendorCode: error.vendorCode,
      vendorMessage: error.vendorMessage,
      retryable: true,
    });
  }

  return error;
}

function transportError(
  error: unknown,
  base: { vendor: 'amazon'; operation: string; method: string; url: string },
  timedOut: boolean,
  timeoutMs: number,
): VendorError {
  // Our deadline cancelled it: a retryable timeout, not a cancellation by the caller.
  if (timedOut) {
    return new NetworkError({
      ...base,
      vendorCode: 'ETIMEDOUT',
      message: `amazon ${base.operation}: timed out after ${timeoutMs} ms`,
      hint: networkHint('ETIMEDOUT'),
    });
  }

  return withNetworkHint(fromNetworkError(scrubbed(error), base));
}

// Only what the request needs: got normalizes every option it is given, per request.
function sendOptions(
  state: CallState,
  token: string,
  signal: AbortSignal | undefined,
): OptionsOfTextResponseBody {
  const options: OptionsOfTextResponseBody = {
    method: state.spec.method,
    headers:
      state.body === undefined
        ? { 'x-amz-access-token': token }
        : { 'x-amz-access-token': token, 'content-type': 'application/json' },
  };

  if (state.body !== undefined) options.body = state.body;
  if (signal) options.signal = signal;
  return options;
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
