/**
 * Asynchronous requests: `Prefer: respond-async` → 202 + `Location: …/async/v1/job/{id}`; the job
 * is polled until `completed`, then each task's result is the synchronous response.
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/subsect_161278579295.html
 * `X-NetSuite-Idempotency-Key` is honoured only on async requests (subsect_164494900632).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AbortedError, ServerError, isVendorError } from '@sellerbridge/http-core';
import type { VendorError } from '@sellerbridge/http-core';
import type { HttpMethod, Transport } from '../transport/types';
import type { QueryParams } from '../url';
import { parseResponse } from './parse';
import { parseLocationId } from './paths';

/** A request to run asynchronously. */
export interface AsyncSubmission {
  method: HttpMethod;
  /** Path from the origin, e.g. `/services/rest/record/v1/salesOrder`. */
  path: string;
  query?: QueryParams;
  body?: unknown;
  /** Replays with the same key return IDEMPOTENCY_ERROR instead of running twice. @default a new UUID */
  idempotencyKey?: string;
  recordType?: string;
  signal?: AbortSignal;
}

/** A submitted job. */
export interface AsyncJob {
  jobId: string;
  location: string;
  idempotencyKey: string;
}

/** The outcome of one task: the synchronous response it stands for, or its error. */
export interface AsyncTaskResult {
  taskId: string;
  status?: number;
  location?: string;
  /** Id of the record the task created (from `location`). */
  id?: string;
  body: unknown;
  /** The task's failure, typed like a synchronous one. */
  error?: VendorError;
}

/** Polling settings. */
export interface WaitOptions {
  /** First delay between polls; grows ×1.5. @default 1000 */
  pollIntervalMs?: number;
  /** @default 30_000 */
  maxPollIntervalMs?: number;
  /** Gives up after this long. @default 900_000 (NetSuite's 15-minute request limit) */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const ASYNC_ROOT = '/services/rest/async/v1/job';
const jobSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  completed: z.boolean(),
  progress: z.string().optional(),
});
const taskListSchema = z.looseObject({
  items: z.array(z.looseObject({ id: z.union([z.string(), z.number()]) })).default([]),
});

/** Submits a request with `Prefer: respond-async`. @throws ServerError without a job Location. */
export async function submitAsync(
  transport: Transport,
  submission: AsyncSubmission,
): Promise<AsyncJob> {
  const idempotencyKey = submission.idempotencyKey ?? randomUUID();
  const response = await transport.send({
    operation: 'jobs.submit',
    method: submission.method,
    path: submission.path,
    query: submission.query,
    body: submission.body,
    headers: { prefer: 'respond-async', 'x-netsuite-idempotency-key': idempotencyKey },
    recordType: submission.recordType,
    signal: submission.signal,
  });

  const jobId = parseLocationId(response.location);
  if (!jobId || !response.location) {
    throw new ServerError({
      vendor: 'netsuite',
      operation: 'jobs.submit',
      message: 'jobs.submit: no job Location in the 202',
      retryable: false,
    });
  }

  return { jobId, location: response.location, idempotencyKey };
}

/**
 * Polls a job until it completes, then reads every task's result.
 * @throws AbortedError on timeout or cancellation.
 */
export async function waitForJob(
  transport: Transport,
  jobId: string,
  options: WaitOptions = {},
): Promise<AsyncTaskResult[]> {
  const deadlineMs = Date.now() + (options.timeoutMs ?? 900_000);
  let delayMs = options.pollIntervalMs ?? 1000;

  for (;;) {
    const job = await getJson(
      transport,
      `${ASYNC_ROOT}/${encodeURIComponent(jobId)}`,
      'jobs.status',
      options.signal,
    );
    if (parseResponse(jobSchema, job, 'jobs.status').completed) break;

    if (Date.now() + delayMs > deadlineMs) throw timedOut(jobId);
    await sleep(delayMs, options.signal);
    delayMs = Math.min(delayMs * 1.5, options.maxPollIntervalMs ?? 30_000);
  }

  return readTaskResults(transport, jobId, options.signal);
}

async function readTaskResults(
  transport: Transport,
  jobId: string,
  signal?: AbortSignal,
): Promise<AsyncTaskResult[]> {
  const taskRoot = `${ASYNC_ROOT}/${encodeURIComponent(jobId)}/task`;
  const tasks = parseResponse(
    taskListSchema,
    await getJson(transport, taskRoot, 'jobs.tasks', signal),
    'jobs.tasks',
  );
  const results: AsyncTaskResult[] = [];

  for (const task of tasks.items) {
    results.push(
      await readTaskResult(
        transport,
        `${taskRoot}/${encodeURIComponent(String(task.id))}`,
        String(task.id),
        signal,
      ),
    );
  }

  return results;
}

async function readTaskResult(
  transport: Transport,
  taskPath: string,
  taskId: string,
  signal?: AbortSignal,
): Promise<AsyncTaskResult> {
  try {
    const response = await transport.send({
      operation: 'jobs.result',
      method: 'GET',
      path: `${taskPath}/result`,
      signal,
    });
    const { status, location, body } = response;

    return { taskId, status, location, id: parseLocationId(location), body };
  } catch (error) {
    if (!isVendorError(error) || error.code === 'ABORTED') throw error;
    return { taskId, status: error.status, body: undefined, error };
  }
}

async function getJson(
  transport: Transport,
  path: string,
  operation: string,
  signal?: AbortSignal,
): Promise<unknown> {
  const response = await transport.send({ operation, method: 'GET', path, signal });
  return response.body;
}

function timedOut(jobId: string): AbortedError {
  return new AbortedError({
    vendor: 'netsuite',
    operation: 'jobs.wait',
    message: `async job ${jobId} did not complete in time`,
  });
}

function sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);

    const onAbort = () => {
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
