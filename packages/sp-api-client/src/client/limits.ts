/**
 * Stage 3: a token bucket per (application, selling partner, region, operation) from the
 * registry, with the model's default usage plan, a seller's override, or the sandbox plan;
 * corrected by `x-amzn-RateLimit-Limit` when present (a rate, never a wait).
 * Source: https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits
 */
import type { RateLimiter } from '@sellerbridge/http-core';
import type { OperationSpec } from '../generated/operations';
import type { ResolvedSpApiClientOptions } from './options';
import type { UsagePlan } from './types';

// The static sandbox applies one plan to every operation (reference/amazon-sp-api.md §2.4).
const SANDBOX_PLAN: UsagePlan = { ratePerSecond: 5, burst: 15 };

/** The limiter of one operation as the pipeline uses it. */
export interface OperationLimits {
  /** Runs one attempt in a slot; retried attempts go ahead of first attempts. */
  schedule<T>(task: () => Promise<T>, attempt: number): Promise<T>;
  /** Applies the rate header of a response. */
  correctRate(header: string | undefined): void;
  /** The current interval between tokens (the backoff floor of a throttled retry). */
  intervalMs(): number;
}

const UNLIMITED: OperationLimits = {
  schedule: (task) => task(),
  correctRate: () => undefined,
  intervalMs: () => 0,
};

/** Builds limiters for the operations of one client. */
export function createLimits(options: ResolvedSpApiClientOptions) {
  function planOf(operation: string, spec: OperationSpec): UsagePlan | undefined {
    const override = options.limitOverrides[operation];

    if (override) return override;
    if (options.sandbox) return SANDBOX_PLAN;
    if (spec.ratePerSecond === null || spec.burst === null) return undefined;
    return { ratePerSecond: spec.ratePerSecond, burst: spec.burst };
  }

  return {
    forOperation(operation: string, spec: OperationSpec): OperationLimits {
      const plan = planOf(operation, spec);

      if (!options.limitsEnabled || !plan)
        return plan ? { ...UNLIMITED, intervalMs: () => 1000 / plan.ratePerSecond } : UNLIMITED;

      const key = [options.applicationId, options.sellingPartnerId, options.region, operation].join(
        ':',
      );
      return wrap(options.registry.tokenBucket(key, plan), plan);
    },
  };
}

function wrap(limiter: RateLimiter, plan: UsagePlan): OperationLimits {
  return {
    schedule: (task, attempt) => limiter.schedule(task, { priority: attempt > 1 ? 3 : 5 }),
    correctRate(header) {
      const rate = header === undefined ? Number.NaN : Number(header);

      if (Number.isFinite(rate) && rate > 0) limiter.updateRate(rate);
    },
    intervalMs: () => 1000 / (limiter.ratePerSecond ?? plan.ratePerSecond),
  };
}
