/**
 * The one retry loop of a request (DESIGN §3, style guideline 5). p-retry runs the attempts; the
 * decision and the wait are ours: only errors of the taxonomy marked `retryable` are retried,
 * the delay is exponential with full jitter and a floor (an Amazon usage plan's interval, a
 * server's Retry-After), and both the attempts and the total wait are bounded, so a throttled
 * call ends in a typed error instead of an endless loop.
 */
import pRetry from 'p-retry';
import { AbortedError, ServerError, isVendorError } from './errors';
import type { VendorError } from './errors';

/** How a request is retried. */
export interface RetryOptions {
  /** Attempts in all, the first included. @default 5 */
  maxAttempts?: number;
  /** Total time the loop may spend sleeping between attempts. @default 120_000 */
  maxTotalWaitMs?: number;
  /** Delay before the second attempt; doubles each time. @default 500 */
  baseDelayMs?: number;
  /** Upper bound of one delay (a floor may exceed it). @default 30_000 */
  maxDelayMs?: number;
  /** A minimum delay for this error and attempt, e.g. the usage plan's interval. */
  floorMs?: (error: VendorError, attempt: number) => number | undefined;
  /** Cancels the loop, including a sleep in progress. */
  signal?: AbortSignal;
  /** Source of jitter in [0, 1); injectable for tests. @default Math.random */
  random?: () => number;
  /** An extra veto, e.g. never repeat a create that may have reached the server. */
  shouldRetry?: (error: VendorError, attempt: number) => boolean;
  /** Called before each sleep. */
  onRetry?: (info: { error: VendorError; attempt: number; delayMs: number }) => void;
}

/** Options `computeBackoffMs` needs. */
export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  floorMs?: number;
  random?: () => number;
}

/**
 * Delay before the attempt after `attempt` (1-based): full jitter over
 * `min(maxDelayMs, baseDelayMs × 2^(attempt−1))`, never below the floor.
 */
export function computeBackoffMs(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceilingMs = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const jitteredMs = Math.round(random() * ceilingMs);

  return Math.max(jitteredMs, options.floorMs ?? 0);
}

/**
 * Runs `attemptFn` until it succeeds, a non-retryable error occurs, or the attempt or wait
 * budget is spent. The final error carries `attempts` and `totalWaitMs`.
 *
 * @throws the last `VendorError`; `AbortedError` when the signal fires.
 */
export async function runWithRetry<T>(
  attemptFn: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const settings = resolveOptions(options);
  const state = { attempts: 0, totalWaitMs: 0 };

  try {
    return await firstAttemptThenRetries(attemptFn, settings, state);
  } catch (error) {
    throw finalError(error, state, settings.signal);
  }
}

type RetryState = { attempts: number; totalWaitMs: number };

/**
 * The first attempt runs on its own, without p-retry's bookkeeping: almost every request succeeds
 * at once, and this is the per-request overhead the client benchmarks measure (issue 4). Only a
 * failure that may be retried hands the remaining attempts to p-retry.
 */
async function firstAttemptThenRetries<T>(
  attemptFn: (attempt: number) => Promise<T>,
  settings: ResolvedRetryOptions,
  state: RetryState,
): Promise<T> {
  try {
    throwIfAborted(settings.signal);
    state.attempts = 1;
    return await attemptFn(1);
  } catch (error) {
    const again =
      settings.maxAttempts > 1 && (await waitBeforeRetry(asVendorError(error), state, settings));
    if (!again) throw error;
  }

  return pRetry(
    async (retryNumber) => {
      const attempt = retryNumber + 1;
      throwIfAborted(settings.signal);
      state.attempts = attempt;
      return await attemptFn(attempt);
    },
    {
      retries: settings.maxAttempts - 2,
      minTimeout: 0,
      maxTimeout: 0,
      randomize: false,
      signal: settings.signal,
      shouldRetry: ({ error }) => waitBeforeRetry(asVendorError(error), state, settings),
    },
  );
}

type ResolvedRetryOptions = Required<
  Pick<RetryOptions, 'maxAttempts' | 'maxTotalWaitMs' | 'baseDelayMs' | 'maxDelayMs'>
> &
  RetryOptions;

function resolveOptions(options: RetryOptions): ResolvedRetryOptions {
  return {
    ...options,
    maxAttempts: options.maxAttempts ?? 5,
    maxTotalWaitMs: options.maxTotalWaitMs ?? 120_000,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 30_000,
  };
}

async function waitBeforeRetry(
  error: VendorError,
  state: RetryState,
  settings: ResolvedRetryOptions,
): Promise<boolean> {
  if (!error.retryable) return false;
  if (settings.shouldRetry && !settings.shouldRetry(error, state.attempts)) return false;

  const delayMs = computeBackoffMs(state.attempts, {
    baseDelayMs: settings.baseDelayMs,
    maxDelayMs: settings.maxDelayMs,
    floorMs: Math.max(settings.floorMs?.(error, state.attempts) ?? 0, error.retryAfterMs ?? 0),
    random: settings.random,
  });
  if (state.totalWaitMs + delayMs > settings.maxTotalWaitMs) return false;

  settings.onRetry?.({ error, attempt: state.attempts, delayMs });
  await sleep(delayMs, settings.signal);
  state.totalWaitMs += delayMs;

  return true;
}

function asVendorError(error: unknown): VendorError {
  if (isVendorError(error)) return error;

  // Anything outside the taxonomy is a bug or an unexpected failure: never retried.
  const message = error instanceof Error ? error.message : String(error);
  return new ServerError({
    vendor: 'amazon',
    operation: 'unknown',
    message,
    cause: error,
    retryable: false,
  });
}

function finalError(error: unknown, state: RetryState, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted && !(error instanceof AbortedError)) {
    const vendorError = isVendorError(error) ? error : undefined;
    return new AbortedError({
      vendor: vendorError?.vendor ?? 'amazon',
      operation: vendorError?.operation ?? 'request',
      message: 'The request was cancelled',
      attempts: state.attempts,
      totalWaitMs: state.totalWaitMs,
      cause: error,
    });
  }

  if (!isVendorError(error)) return error;

  error.attempts = Math.max(error.attempts, state.attempts);
  error.totalWaitMs = state.totalWaitMs;
  return error;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
}

function sleep(delayMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);

    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
