/**
 * Usage plans: one token bucket per (application, selling partner, region, operation), filled at
 * the model's rate and capped at its burst; each call takes one token and an empty bucket means
 * 429 (https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits).
 * `timeScale` multiplies the rate; the burst stays as documented (DESIGN §6).
 */
import { USAGE_PLANS } from './generated/usage-plans';

/** Rate (requests per second) and burst. */
export interface UsagePlan {
  rate: number;
  burst: number;
}

/** The sandbox answers every operation at 5 requests per second, burst 15 (docs: sp-api-sandbox). */
export const SANDBOX_USAGE_PLAN: UsagePlan = { rate: 5, burst: 15 };

/** Fallback for operations whose model has no usage plan table. */
const DEFAULT_USAGE_PLAN: UsagePlan = { rate: 1, burst: 5 };

const byOperation = new Map<string, UsagePlan>();
for (const entry of Object.values(USAGE_PLANS)) {
  if (!byOperation.has(entry.operation)) byOperation.set(entry.operation, entry);
}

/** The model's default plan for a route (`GET /path/{template}`), falling back to its operationId. */
export function lookupUsagePlan(method: string, path: string, operation: string): UsagePlan {
  return USAGE_PLANS[`${method} ${path}`] ?? byOperation.get(operation) ?? DEFAULT_USAGE_PLAN;
}

/** Rate as the `x-amzn-RateLimit-Limit` header shows it (scaled, without float noise). */
export function formatRate(rate: number): string {
  return String(Number(rate.toPrecision(6)));
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Outcome of {@link UsagePlanLimiter.take}. */
export interface TakeResult {
  allowed: boolean;
  /** Scaled rate for the header. */
  rate: number;
}

/** Token buckets keyed by application, selling partner, region and operation. */
export class UsagePlanLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #clock: () => Date;
  readonly #timeScale: number;

  constructor(clock: () => Date, timeScale: number) {
    this.#clock = clock;
    this.#timeScale = timeScale;
  }

  /** Takes one token from the bucket of `key` under `plan`. */
  take(key: string, plan: UsagePlan): TakeResult {
    const nowMs = this.#clock().getTime();
    const rate = plan.rate * this.#timeScale;
    const bucket = this.#buckets.get(key) ?? { tokens: plan.burst, updatedMs: nowMs };

    const elapsedMs = Math.max(0, nowMs - bucket.updatedMs);
    bucket.tokens = Math.min(plan.burst, bucket.tokens + (elapsedMs / 1000) * rate);
    bucket.updatedMs = nowMs;
    this.#buckets.set(key, bucket);

    // A small epsilon absorbs float error so a refill of exactly one token counts as one.
    if (bucket.tokens + 1e-9 < 1) return { allowed: false, rate };
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    return { allowed: true, rate };
  }
}
