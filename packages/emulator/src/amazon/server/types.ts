/**
 * Contracts of the Amazon side of the emulator: route modules, requests, responses, the shared
 * context and the document store. EMU-WORLD's areas (reports, finances, FBA inventory, inbound)
 * code against these types; the server in this folder mounts them.
 */
import type { World } from '../../world/types';

/** One SP-API operation served by the emulator. */
export interface AmazonRoute {
  /** HTTP method, upper case (`GET`, `POST`, ...). */
  method: string;
  /** Path template as in the model, e.g. `/orders/2026-01-01/orders/{orderId}`. */
  path: string;
  /** The model's operationId; keys the usage plan and the request counters. */
  operation: string;
  /** Grantless operations need a client-credentials token instead of a seller token. */
  grantless?: boolean;
  handle(req: AmazonRequest): Promise<AmazonResponse> | AmazonResponse;
}

/** A parsed, authenticated request as a route sees it. */
export interface AmazonRequest {
  /** Decoded path parameters from the template. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
  /** Selling partner the access token belongs to ('' for grantless tokens). */
  sellerId: string;
}

/** What a route answers; the server adds `x-amzn-RequestId` and the rate-limit header. */
export interface AmazonResponse {
  status: number;
  /** Serialised as JSON unless it is a string or Buffer. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Notification event types the emulator publishes to subscribed destinations. */
export type AmazonEventType =
  'ORDER_CHANGE' | 'REPORT_PROCESSING_FINISHED' | 'FEED_PROCESSING_FINISHED';

/** Shared state and helpers handed to every route module. */
export interface AmazonContext {
  world: World;
  store: AmazonStore;
  /** Current time of the emulator (injectable for tests). */
  clock: () => Date;
  /** Multiplies usage-plan rates; divides processing durations. */
  timeScale: number;
  /** Base URL of this server, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** Queue a notification; `payload` is the `payload` object of Amazon's notification schema. */
  publish(event: { type: AmazonEventType; payload: unknown }): void;
  /**
   * Absolute presigned URL for `path` (e.g. `/__documents/<id>`) served by this server without an
   * auth header; it stops working after `ttlMs` (absolute time, not scaled).
   */
  presign(path: string, ttlMs: number): string;
}

/** A group of routes, e.g. `reportRoutes`, built once per server from its context. */
export type RouteModule = (ctx: AmazonContext) => AmazonRoute[];

/** Match on top-level fields (equality), or an arbitrary predicate. */
export type StoreFilter<T> = Partial<Record<string, unknown>> | ((doc: T) => boolean);

/**
 * SQLite-backed JSON document store (better-sqlite3). Documents are plain JSON values; `list`
 * returns them in insertion order. Documents served under `/__documents/{id}` are stored as kind
 * `document`: `{ contentType, charset?, compressed, body /* base64 *\/ }`.
 */
export interface AmazonStore {
  get<T = unknown>(kind: string, id: string): T | undefined;
  put<T = unknown>(kind: string, id: string, doc: T): void;
  list<T = unknown>(kind: string, filter?: StoreFilter<T>): T[];
  delete(kind: string, id: string): boolean;
}

/** Body stored under kind `document` and served by the presigned download route. */
export interface StoredDocument {
  contentType: string;
  /** e.g. 'UTF-8' or 'Cp1252'; appended to Content-Type as `; charset=...` */
  charset?: string;
  /** True when `body` is already gzip-compressed (the download is then a gzip file). */
  compressed: boolean;
  /** Base64 of the bytes served. */
  body: string;
}
