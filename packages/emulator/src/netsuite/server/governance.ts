/**
 * Account concurrency governance: one counter of in-flight requests for the whole account (REST,
 * SOAP and RESTlets share it; Standard tier 5), and per-request latency divided by timeScale
 * (shared/reference/netsuite.md §4; https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1525253248.html).
 */
import { seededRandom } from './prng';

/** Latency ranges in milliseconds, before dividing by timeScale. */
export interface LatencyOptions {
  read?: [minMs: number, maxMs: number];
  write?: [minMs: number, maxMs: number];
}

/** Counters tests read. */
export interface GovernanceStats {
  inFlight: number;
  peakInFlight: number;
  accepted: number;
  rejected: number;
}

/** The account-wide semaphore (no queue: NetSuite rejects instead of waiting). */
export class Governance {
  private readonly stats: GovernanceStats = {
    inFlight: 0,
    peakInFlight: 0,
    accepted: 0,
    rejected: 0,
  };
  private readonly random: () => number;

  constructor(
    readonly limit: number,
    private readonly latency: LatencyOptions,
    private readonly timeScale: number,
    seed = 1,
  ) {
    this.random = seededRandom(seed);
  }

  /** Takes a slot; false when the account is at its limit. */
  tryAcquire(): boolean {
    if (this.stats.inFlight >= this.limit) {
      this.stats.rejected += 1;
      return false;
    }

    this.stats.inFlight += 1;
    this.stats.accepted += 1;
    this.stats.peakInFlight = Math.max(this.stats.peakInFlight, this.stats.inFlight);
    return true;
  }

  /** Gives a slot back. */
  release(): void {
    this.stats.inFlight = Math.max(0, this.stats.inFlight - 1);
  }

  /** A copy of the counters. */
  snapshot(): GovernanceStats {
    return { ...this.stats };
  }

  /** The scaled latency for a request, drawn from the configured range (deterministic PRNG). */
  latencyMs(method: string): number {
    const range = method === 'GET' ? this.latency.read : this.latency.write;
    if (range === undefined) return 0;

    const [minMs, maxMs] = range;
    return (minMs + (maxMs - minMs) * this.random()) / this.timeScale;
  }
}

/** Resolves after `ms` (0 resolves on the next tick). */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
