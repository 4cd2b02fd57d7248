/**
 * The request pipeline (DESIGN §3), in this order: one retry loop (`runWithRetry`) → per attempt:
 * a limiter slot (per-account semaphore) → credentials (fresh signature / bearer) → send with got
 * (its own retry off) → slot freed → classify a failure → parse JSON. Request events go to the
 * logger.
 */
import { got } from 'got';
import type { Got, Response } from 'got';
import { AuthError, fromNetworkError, isVendorError, runWithRetry } from '@sellerbridge/http-core';
import type { Logger, RateLimiter, RetryOptions, VendorError } from '@sellerbridge/http-core';
import type { AuthStrategy } from '../auth/types';
import { buildUrl } from '../url';
import { classifyResponse } from './classify';
import { emitEvent, logRetry } from './events';
import { parseJson, readRequestId } from './response';
import { toSafeTransportError } from './safe-error';
import { isSafeToRepeat } from './retry-policy';
import type { ThrottleTracker } from './retry-policy';
import type { NetSuiteRequest, NetSuiteRequestEvent, NetSuiteResponse, Transport } from './types';

/** Everything the pipeline needs, resolved once by the client. */
export interface TransportConfig {
  baseUrl: string;
  auth: AuthStrategy;
  limiter: RateLimiter;
  retry: Omit<RetryOptions, 'signal' | 'shouldRetry' | 'onRetry'>;
  logger: Logger;
  timeoutMs: number;
  throttleTracker: ThrottleTracker;
  maxInvalidLoginRetries: number;
  requestIdHeaders: readonly string[];
  defaultHeaders: Readonly<Record<string, string>>;
  onRequest?: (event: NetSuiteRequestEvent) => void;
}

// Priority for retried attempts: they go before first attempts (style guide §4 item 4).
const RETRY_PRIORITY = 1;
const FIRST_PRIORITY = 5;

/** Creates the transport; `httpClient` is replaceable for tests. */
export function createTransport(config: TransportConfig, httpClient: Got = got): Transport {
  const http = httpClient.extend({
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    timeout: { request: config.timeoutMs },
  });

  return {
    send: (request) => sendWithRetry(config, http, request),
  };
}

interface CallState {
  invalidLoginRetries: number;
  tokenRefreshed: boolean;
}

async function sendWithRetry(
  config: TransportConfig,
  http: Got,
  request: NetSuiteRequest,
): Promise<NetSuiteResponse> {
  const url = buildUrl(config.baseUrl, request.path, request.query);
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const state: CallState = { invalidLoginRetries: 0, tokenRefreshed: false };
  let attempts = 0;

  const response = await runWithRetry(
    (attempt) => {
      attempts = attempt;
      return sendOnce(config, http, request, { url, body, attempt, state });
    },
    {
      ...config.retry,
      signal: request.signal,
      shouldRetry: (error) => request.delivery !== 'at-most-once' || isSafeToRepeat(error),
      onRetry: ({ error, attempt, delayMs }) => logRetry(config, request, error, attempt, delayMs),
    },
  );

  return { ...response, attempts };
}

interface Attempt {
  url: string;
  body: string | undefined;
  attempt: number;
  state: CallState;
}

/**
 * One attempt. The limiter slot covers signing and the HTTP exchange only: once the answer is
 * read, NetSuite no longer counts the request, so the next one may start while this one is
 * classified and parsed.
 */
async function sendOnce(
  config: TransportConfig,
  http: Got,
  request: NetSuiteRequest,
  attemptInfo: Attempt,
): Promise<Omit<NetSuiteResponse, 'attempts'>> {
  const { url, attempt, state } = attemptInfo;
  const priority = attempt > 1 ? RETRY_PRIORITY : FIRST_PRIORITY;
  const { response, startedAtMs } = await config.limiter.schedule(
    () => exchange(config, http, request, attemptInfo),
    { priority },
  );

  const status = response.statusCode;
  const requestId = readRequestId(config.requestIdHeaders, response.headers);
  const durationMs = performance.now() - startedAtMs;

  if (status >= 400) {
    const error = classifyFailure(config, request, { url, status, requestId, state, response });
    emitEvent(config, request, { attempt, durationMs, status, requestId, errorCode: error.code });
    throw error;
  }

  emitEvent(config, request, { attempt, durationMs, status, requestId });
  const location = response.headers.location;

  return {
    status,
    headers: response.headers,
    body: parseJson(response.body, request.operation),
    location,
  };
}

/** Signs and sends one attempt; a transport failure becomes a typed error (and an event). */
async function exchange(
  config: TransportConfig,
  http: Got,
  request: NetSuiteRequest,
  { url, body, attempt }: Attempt,
): Promise<{ response: Response<string>; startedAtMs: number }> {
  const startedAtMs = performance.now();
  const authorization = await authorize(config, request, url);

  try {
    const response = await http(url, {
      method: request.method,
      body,
      headers: buildHeaders(config, request, authorization, body !== undefined),
      signal: request.signal,
    });
    return { response, startedAtMs };
  } catch (error) {
    const failure = fromNetworkError(toSafeTransportError(error), {
      vendor: 'netsuite',
      operation: request.operation,
      method: request.method,
      url,
    });
    emitEvent(config, request, {
      attempt,
      durationMs: performance.now() - startedAtMs,
      errorCode: failure.code,
    });
    throw failure;
  }
}

async function authorize(
  config: TransportConfig,
  request: NetSuiteRequest,
  url: string,
): Promise<string> {
  try {
    return await config.auth.authorize({ method: request.method, url, signal: request.signal });
  } catch (error) {
    if (isVendorError(error)) throw error;

    const context = {
      vendor: 'netsuite' as const,
      operation: `${request.operation}.auth`,
      method: request.method,
      url,
    };
    if (isTransportFailure(error)) throw fromNetworkError(toSafeTransportError(error), context);

    // Not a network failure: the credentials could not be used to sign (a key that does not match
    // the algorithm, a malformed PEM). Retrying cannot help.
    throw new AuthError({
      ...context,
      message: `netsuite ${request.operation}: could not sign the request (${error instanceof Error ? error.name : 'error'})`,
      hint: 'Check the private key and the OAuth 2.0 algorithm (PS256 needs an RSA key, ES256 an EC P-256 key).',
      cause: error,
    });
  }
}

/** Socket, DNS, timeout and abort failures (Node `E…` codes, got's request errors). */
function isTransportFailure(error: unknown): boolean {
  const code = error instanceof Error ? Reflect.get(error, 'code') : undefined;
  const name = error instanceof Error ? error.name : '';
  const networkCode =
    typeof code === 'string' &&
    (/^E[A-Z]+$/.test(code) || code === 'ERR_STREAM_PREMATURE_CLOSE' || code.startsWith('UND_ERR'));

  return networkCode || /^(RequestError|TimeoutError|AbortError|ReadError)$/.test(name);
}

function buildHeaders(
  config: TransportConfig,
  request: NetSuiteRequest,
  authorization: string,
  hasBody: boolean,
): Record<string, string> {
  const headers: Record<string, string> = {
    ...config.defaultHeaders,
    ...request.headers,
    authorization,
  };
  if (hasBody) headers['content-type'] = 'application/json';

  return headers;
}

interface FailureInput {
  url: string;
  status: number;
  requestId: string | undefined;
  state: CallState;
  response: { headers: Record<string, string | string[] | undefined>; body: string };
}

function classifyFailure(
  config: TransportConfig,
  request: NetSuiteRequest,
  input: FailureInput,
): VendorError {
  const authRetryable = input.status === 401 ? decideAuthRetry(config, input.state) : undefined;

  const error = classifyResponse(
    { status: input.status, headers: input.response.headers, bodyText: input.response.body },
    {
      operation: request.operation,
      method: request.method,
      url: input.url,
      requestId: input.requestId,
      secrets: config.auth.secrets(),
      authRetryable,
    },
  );

  if (error.code === 'THROTTLED') config.throttleTracker.recordThrottle();

  return error;
}

/**
 * A 401 is retried when a cached bearer token was dropped (once per call), or when the account
 * was throttled in the last window (NetSuite's over-limit INVALID_LOGIN), at most N times.
 */
function decideAuthRetry(config: TransportConfig, state: CallState): boolean {
  if (!state.tokenRefreshed && config.auth.invalidate?.()) {
    state.tokenRefreshed = true;
    return true;
  }

  if (
    config.throttleTracker.wasThrottledRecently() &&
    state.invalidLoginRetries < config.maxInvalidLoginRetries
  ) {
    state.invalidLoginRetries += 1;
    return true;
  }

  return false;
}
