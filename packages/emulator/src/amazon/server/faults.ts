/**
 * Fault injection: random faults by probability (seeded, so runs repeat) and one-shot faults
 * queued by tests through the inspector. Faults apply to SP-API operations and, for
 * `truncateDownload` and `gzipContentEncoding`, to presigned document downloads.
 */

/** A fault kind the server can inject into one response. */
export type FaultKind = 'throttle' | 'internalError' | 'serviceUnavailable' | 'reset' | 'slow';

/** Fault injection options of the Amazon emulator. */
export interface FaultOptions {
  /** Seed of the fault PRNG. @default 7 */
  seed?: number;
  /** Only these operationIds get random faults (all when unset). */
  operations?: string[];
  /** Probability (0..1) of a 429 QuotaExceeded regardless of the bucket. @default 0 */
  throttleRate?: number;
  /**
   * Deterministic 429 bursts: after every `every` requests to the faulted operations, the next
   * `length` requests get 429 QuotaExceeded. @default none
   */
  throttleBurst?: { every: number; length: number };
  /** Probability of a 500 InternalFailure. @default 0 */
  internalErrorRate?: number;
  /** Probability of a 503 ServiceUnavailable. @default 0 */
  serviceUnavailableRate?: number;
  /** Probability of a connection reset before any response byte. @default 0 */
  resetRate?: number;
  /** Probability of a slow response. @default 0 */
  slowRate?: number;
  /** Delay of a slow response, divided by timeScale. @default 5000 */
  slowDelayMs?: number;
  /** Probability that a document download stops halfway (the socket is destroyed). @default 0 */
  truncateDownloadRate?: number;
  /** Serve compressed documents with `Content-Encoding: gzip` as S3 does when asked. @default false */
  gzipContentEncoding?: boolean;
}

/** A queued one-shot fault. */
export interface QueuedFault {
  kind: FaultKind | 'truncateDownload';
  /** Only requests to this operationId (or 'download') consume it; any when unset. */
  operation?: string;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides which fault (if any) hits a request. */
export class FaultInjector {
  readonly options: FaultOptions;
  readonly #random: () => number;
  readonly #queue: QueuedFault[] = [];
  #burstCounter = 0;

  constructor(options: FaultOptions = {}) {
    this.options = options;
    this.#random = mulberry32(options.seed ?? 7);
  }

  /** Queues faults for the next matching requests. */
  enqueue(fault: QueuedFault, times = 1): void {
    for (let i = 0; i < times; i += 1) this.#queue.push({ ...fault });
  }

  #takeQueued(operation: string, downloads: boolean): QueuedFault | undefined {
    const index = this.#queue.findIndex(
      (f) =>
        (f.kind === 'truncateDownload') === downloads &&
        (f.operation === undefined || f.operation === operation),
    );
    return index < 0 ? undefined : this.#queue.splice(index, 1)[0];
  }

  /** Fault for an SP-API operation, or undefined. */
  pick(operation: string): FaultKind | undefined {
    const queued = this.#takeQueued(operation, false);
    if (queued) return queued.kind as FaultKind;

    const o = this.options;
    if (o.operations && !o.operations.includes(operation)) return undefined;
    if (o.throttleBurst && this.#inBurst(o.throttleBurst)) return 'throttle';
    const draws: Array<[FaultKind, number | undefined]> = [
      ['reset', o.resetRate],
      ['throttle', o.throttleRate],
      ['internalError', o.internalErrorRate],
      ['serviceUnavailable', o.serviceUnavailableRate],
      ['slow', o.slowRate],
    ];
    return draws.find(([, rate]) => rate !== undefined && rate > 0 && this.#random() < rate)?.[0];
  }

  #inBurst(burst: { every: number; length: number }): boolean {
    const position = this.#burstCounter % (burst.every + burst.length);
    this.#burstCounter += 1;
    return position >= burst.every;
  }

  /** True when this document download should be cut short. */
  truncateDownload(): boolean {
    if (this.#takeQueued('download', true)) return true;
    const rate = this.options.truncateDownloadRate ?? 0;
    return rate > 0 && this.#random() < rate;
  }
}
