/**
 * Request and response shapes inside the NetSuite server.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** A parsed request. */
export interface NsRequest {
  method: string;
  /** Path segments after `/services/rest/`, percent-decoded. */
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** `http://host:port` as the client addressed the server. */
  origin: string;
}

/** A response to write. */
export interface NsResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Content types of the REST API (shared/reference/netsuite.md §1.2). */
export const SINGULAR = 'application/vnd.oracle.resource+json; type=singular';
export const COLLECTION = 'application/vnd.oracle.resource+json; type=collection';
