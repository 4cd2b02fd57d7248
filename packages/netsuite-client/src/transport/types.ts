/** Types of the request pipeline shared by records, SuiteQL and async jobs. */
import type { QueryParams } from '../url';
import type { Delivery } from './retry-policy';

/** HTTP methods the REST API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One logical call; the pipeline may send it several times. */
export interface NetSuiteRequest {
  /** Stable operation name for logs and errors, e.g. `records.get`. */
  operation: string;
  method: HttpMethod;
  /** Path from the origin, starting with `/services/rest/`. */
  path: string;
  query?: QueryParams;
  /** JSON body (serialised with `JSON.stringify`, never by hand: ehmad11/suiteql#5). */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  /** Record type for request events. */
  recordType?: string;
  /** `at-most-once` for a create that a repeat would duplicate. @default 'retry' */
  delivery?: Delivery;
  signal?: AbortSignal;
}

/** A successful response. */
export interface NetSuiteResponse {
  status: number;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Parsed JSON body; undefined for 204 and empty bodies. */
  body: unknown;
  /** `Location` header (creates, transforms, async submissions). */
  location?: string;
  /** Attempts it took, 1 when the first succeeded. */
  attempts: number;
}

/** Emitted once per attempt that got an HTTP response or a transport failure. */
export interface NetSuiteRequestEvent {
  operation: string;
  recordType?: string;
  method: HttpMethod;
  /** URL path without the query (queries can hold lookup values). */
  path: string;
  /** HTTP status; undefined when no response arrived. */
  status?: number;
  durationMs: number;
  attempt: number;
  requestId?: string;
  /** Error code (`THROTTLED`, …) when the attempt failed. */
  errorCode?: string;
}

/** Sends requests through the pipeline. */
export interface Transport {
  send(request: NetSuiteRequest): Promise<NetSuiteResponse>;
}
