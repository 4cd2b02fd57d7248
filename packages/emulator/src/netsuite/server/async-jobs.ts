/**
 * Asynchronous requests: `Prefer: respond-async` → 202 + `Location` of a job; the job, its task
 * and the task's result (the synchronous response) are readable under `/async/v1/job/...`;
 * a replayed `X-NetSuite-Idempotency-Key` gives 400 IDEMPOTENCY_ERROR with the original job's
 * Location (shared/reference/netsuite.md §1.8). Jobs run at once; they are kept in memory.
 */
import { NsError } from '../errors';
import type { NsRequest, NsResponse } from './types';

interface Job {
  id: string;
  startTime: string;
  endTime: string;
  result: NsResponse;
}

/** True when the request asks for asynchronous processing. */
export function wantsAsync(req: NsRequest): boolean {
  return /(^|[\s,])respond-async($|[\s,;])/i.test(String(req.headers.prefer ?? ''));
}

/** The job store of one emulator. */
export class AsyncJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly byKey = new Map<string, string>();
  private nextId = 1;

  constructor(private readonly clock: () => Date) {}

  /** Runs `work` as a job and answers 202 with its Location. */
  submit(req: NsRequest, work: () => NsResponse): NsResponse {
    const key = req.headers['x-netsuite-idempotency-key'];
    const keyText = Array.isArray(key) ? key[0] : key;
    const previous = keyText === undefined ? undefined : this.byKey.get(keyText);
    if (previous !== undefined) {
      throw new NsError(
        400,
        'IDEMPOTENCY_ERROR',
        'A request with this idempotency key was already received.',
        {
          headers: { Location: this.jobUrl(req, previous) },
        },
      );
    }

    const id = String(this.nextId);
    this.nextId += 1;
    const startTime = this.clock().toISOString();
    this.jobs.set(id, { id, startTime, result: work(), endTime: this.clock().toISOString() });
    if (keyText !== undefined) this.byKey.set(keyText, id);

    return {
      status: 202,
      headers: { Location: this.jobUrl(req, id), 'Preference-Applied': 'respond-async' },
    };
  }

  /** GET /async/v1/job/{id}[/task[/{taskId}[/result]]]. */
  read(req: NsRequest, segments: string[]): NsResponse {
    const [jobWord, id, taskWord, taskId, resultWord] = segments;
    const job = jobWord === 'job' && id !== undefined ? this.jobs.get(id) : undefined;
    if (job === undefined || req.method !== 'GET')
      throw new NsError(404, 'NONEXISTENT_ID', 'The job does not exist.');

    const jobUrl = this.jobUrl(req, job.id);
    const taskUrl = `${jobUrl}/task/${job.id}`;
    if (taskWord === undefined) {
      return {
        status: 200,
        body: {
          links: [{ rel: 'self', href: jobUrl }],
          completed: true,
          id: job.id,
          progress: 'succeeded',
          task: { links: [{ rel: 'related', href: `${jobUrl}/task` }] },
        },
      };
    }
    if (taskId === undefined) {
      return {
        status: 200,
        body: {
          links: [{ rel: 'self', href: `${jobUrl}/task` }],
          count: 1,
          hasMore: false,
          items: [{ links: [{ rel: 'self', href: taskUrl }], id: job.id }],
          offset: 0,
          totalResults: 1,
        },
      };
    }
    if (taskId !== job.id) throw new NsError(404, 'NONEXISTENT_ID', 'The task does not exist.');
    if (resultWord === 'result') return job.result;

    const links = [
      { rel: 'self', href: taskUrl },
      { rel: 'related', href: `${taskUrl}/result` },
    ];
    return {
      status: 200,
      body: {
        links,
        completed: true,
        endTime: job.endTime,
        id: job.id,
        progress: 'succeeded',
        startTime: job.startTime,
      },
    };
  }

  private jobUrl(req: NsRequest, id: string): string {
    return `${req.origin}/services/rest/async/v1/job/${id}`;
  }
}
