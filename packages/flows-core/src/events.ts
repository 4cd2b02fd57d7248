/**
 * The integration's events. Payloads carry ids, counts and scrubbed errors only — never a
 * record, so no buyer personal data reaches a listener (DESIGN §5).
 */
import type { Logger } from '@sellerbridge/http-core';
import type { WriteIntent } from './context';
import type { Outcome } from './flow';
import type { RunCounts, RunRecord } from './store/types';

/** A run started or finished. */
export interface RunEvent {
  phase: 'started' | 'finished';
  integrationId: string;
  flowId: string;
  runId: string;
  run: RunRecord;
}

/** A page was committed (or, in a dry run, handled). */
export interface ProgressEvent {
  integrationId: string;
  flowId: string;
  runId: string;
  page: number;
  counts: RunCounts;
}

/** One record was handled. */
export interface RecordEvent {
  integrationId: string;
  flowId: string;
  runId: string;
  traceKey: string;
  outcome: Outcome | 'failed';
  errorCode?: string;
  /** A failure's error, scrubbed as error records are (tokens and the record's PII masked). */
  error?: { name: string; message: string; code?: string };
}

/** A write was sent, or recorded in a dry run. */
export interface WriteEvent {
  integrationId: string;
  flowId: string;
  runId: string;
  sent: boolean;
  intent: WriteIntent;
}

/** Event name → payload. */
export interface IntegrationEvents {
  run: RunEvent;
  progress: ProgressEvent;
  record: RecordEvent;
  write: WriteEvent;
}

/** A small typed emitter; a throwing listener is logged, never breaks a run. */
export class EventHub {
  readonly #listeners = new Map<keyof IntegrationEvents, Set<(event: never) => void>>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Adds a listener; returns a function removing it. */
  on<E extends keyof IntegrationEvents>(
    event: E,
    listener: (payload: IntegrationEvents[E]) => void,
  ): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener as (event: never) => void);
    this.#listeners.set(event, set);

    return () => set.delete(listener as (event: never) => void);
  }

  /** True when someone listens, so hot paths skip building payloads. */
  has(event: keyof IntegrationEvents): boolean {
    return (this.#listeners.get(event)?.size ?? 0) > 0;
  }

  emit<E extends keyof IntegrationEvents>(event: E, payload: IntegrationEvents[E]): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        (listener as (payload: IntegrationEvents[E]) => void)(payload);
      } catch (error) {
        this.#logger.warn({ event, error: (error as Error)?.name }, 'event listener threw');
      }
    }
  }
}
