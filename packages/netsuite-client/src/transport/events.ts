/** Request events: one per attempt to the logger and `onRequest`, one warn per retry. */
import type { VendorError } from '@sellerbridge/http-core';
import type { TransportConfig } from './send';
import type { NetSuiteRequest, NetSuiteRequestEvent } from './types';

type EventSink = Pick<TransportConfig, 'logger' | 'onRequest'>;

/**
 * Logs one attempt (info, or warn when it failed) and calls `onRequest`. A 404 is logged at info:
 * it is an answer, and the external-id probes before and after a create expect it.
 */
export function emitEvent(
  config: EventSink,
  request: NetSuiteRequest,
  outcome: Pick<
    NetSuiteRequestEvent,
    'attempt' | 'durationMs' | 'status' | 'requestId' | 'errorCode'
  >,
): void {
  const event: NetSuiteRequestEvent = {
    operation: request.operation,
    recordType: request.recordType,
    method: request.method,
    path: request.path,
    ...outcome,
    durationMs: Math.round(outcome.durationMs * 100) / 100,
  };

  if (outcome.errorCode && outcome.errorCode !== 'NOT_FOUND') {
    config.logger.warn(event, 'netsuite request failed');
  } else {
    config.logger.info(event, 'netsuite request');
  }

  config.onRequest?.(event);
}

/** Logs a retry with its delay and the error that caused it. */
export function logRetry(
  config: EventSink,
  request: NetSuiteRequest,
  error: VendorError,
  attempt: number,
  delayMs: number,
): void {
  config.logger.warn(
    {
      operation: request.operation,
      recordType: request.recordType,
      attempt,
      delayMs,
      errorCode: error.code,
      vendorCode: error.vendorCode,
    },
    'netsuite request retry',
  );
}
