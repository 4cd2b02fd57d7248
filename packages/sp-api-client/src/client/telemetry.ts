/**
 * Stage logging and events (issue item 12): debug on send, info on completion, both with the
 * path template (never the filled path, which may carry identifiers) and no headers.
 */
import type { OperationSpec } from '../generated/operations';
import type { ResolvedSpApiClientOptions } from './options';

/** Logs and emits the start of an attempt. */
export function reportRequest(
  options: ResolvedSpApiClientOptions,
  operation: string,
  spec: OperationSpec,
  attempt: number,
): void {
  const event = {
    type: 'request' as const,
    operation,
    method: spec.method,
    path: spec.path,
    attempt,
  };

  options.logger.debug(event, 'sp-api request');
  options.onEvent?.(event);
}

/** What is known when a response arrives. */
export interface ResponseReport {
  operation: string;
  spec: OperationSpec;
  attempt: number;
  status: number;
  durationMs: number;
  requestId?: string;
}

/** Logs and emits the end of an attempt. */
export function reportResponse(options: ResolvedSpApiClientOptions, report: ResponseReport): void {
  const event = {
    type: 'response' as const,
    operation: report.operation,
    method: report.spec.method,
    path: report.spec.path,
    attempt: report.attempt,
    status: report.status,
    durationMs: report.durationMs,
    requestId: report.requestId,
  };

  options.logger.info(event, 'sp-api response');
  options.onEvent?.(event);
}
