/**
 * The NetSuite HTTP server on node:http: fault injection, the OAuth 2 token endpoint, auth,
 * account concurrency, latency, then the REST routes. Errors become nsError bodies.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { NsContext } from '../context';
import { ERROR_CONTENT_TYPE, NsError, nsErrorBody } from '../errors';
import { TOKEN_PATH } from '../auth/oauth2';
import { safeDecode } from '../auth/percent';
import { authenticate, invalidLogin, type AuthGate } from './auth-gate';
import { type AsyncJobs, wantsAsync } from './async-jobs';
import type { FaultInjector } from './faults';
import { delay, type Governance } from './governance';
import { handleRecordRequest } from './record-routes';
import { handleSuiteQl, type SuiteQlSettings } from '../suiteql/route';
import type { NsRequest, NsResponse } from './types';

/** Everything the server needs. */
export interface ServerDeps {
  ctx: NsContext;
  auth: AuthGate;
  governance: Governance;
  faults: FaultInjector;
  timeScale: number;
  /** 'status429' (default) or NetSuite's slow 401 seen under TBA overload. */
  overflow: 'status429' | 'invalidLogin';
  invalidLoginDelayMs: number;
  suiteql: SuiteQlSettings;
  jobs: AsyncJobs;
  /**
   * Base URL of this server for `Location` and links. Never taken from the Host header: with a
   * configured account hostname, links must still point at loopback, not at a real NetSuite host.
   */
  origin: () => string;
  logger: { debug(context: object, message: string): void };
}

const MAX_BODY_BYTES = 104 * 1024 * 1024;

/** Creates (does not start) the server. */
export function createNetSuiteServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    serve(deps, req, res).catch((error: unknown) => {
      deps.logger.debug({ error: String(error) }, 'netsuite emulator: request failed');
      if (!res.headersSent) send(res, toResponse(error));
    });
  });
}

async function serve(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const fault = deps.faults.next();
  if (fault === 'reset') {
    req.socket.destroy();
    return;
  }

  const rawBody = await readBody(req);
  const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split(/\?(.*)/s);

  if (rawPath === TOKEN_PATH && req.method === 'POST') {
    const result = deps.auth.oauth2.exchange(req.headers['content-type'], rawBody);
    send(res, {
      status: result.status,
      body: result.body,
      headers: { 'Content-Type': 'application/json' },
    });
    return;
  }

  const response = await governed(deps, req, fault, () => {
    authenticate(deps.auth, req, rawPath, rawQuery);
    return { rawPath, rawQuery, rawBody };
  });

  const context = { method: req.method, path: rawPath, status: response.status, fault };
  deps.logger.debug(context, 'netsuite emulator: request');
  if (fault === 'resetAfterCommit') {
    req.socket.destroy();
    return;
  }
  send(res, response);
}

async function governed(
  deps: ServerDeps,
  req: IncomingMessage,
  fault: string | null,
  authenticateRequest: () => { rawPath: string; rawQuery: string; rawBody: string },
): Promise<NsResponse> {
  let parts: { rawPath: string; rawQuery: string; rawBody: string };
  try {
    parts = authenticateRequest();
  } catch (error) {
    return toResponse(error);
  }

  if (fault === '429' || !deps.governance.tryAcquire()) return overLimit(deps);

  try {
    const slowMs = fault === 'slow' ? deps.faults.slowMs / deps.timeScale : 0;
    await delay(deps.governance.latencyMs(req.method ?? 'GET') + slowMs);
    if (fault === '500' || fault === '503') return serverError(Number(fault));

    return route(deps, toRequest(req, parts, deps.origin()));
  } catch (error) {
    return toResponse(error);
  } finally {
    deps.governance.release();
  }
}

async function overLimit(deps: ServerDeps): Promise<NsResponse> {
  if (deps.overflow === 'invalidLogin') {
    await delay(deps.invalidLoginDelayMs / deps.timeScale);
    return toResponse(invalidLogin());
  }

  const error = new NsError(
    429,
    'CONCURRENCY_LIMIT_EXCEEDED',
    'Concurrent request limit exceeded. Request blocked.',
  );
  return toResponse(error);
}

function serverError(status: number): NsResponse {
  const detail =
    status === 503
      ? 'The service is temporarily unavailable.'
      : 'An unexpected error has occurred.';
  return toResponse(new NsError(status, 'UNEXPECTED_ERROR', detail));
}

function toRequest(
  req: IncomingMessage,
  parts: { rawPath: string; rawQuery: string; rawBody: string },
  origin: string,
): NsRequest {
  const prefix = '/services/rest/';
  const rest = parts.rawPath.startsWith(prefix) ? parts.rawPath.slice(prefix.length) : '';
  return {
    method: req.method ?? 'GET',
    segments: rest === '' ? [] : rest.split('/').map((segment) => safeDecode(segment)),
    query: new URLSearchParams(parts.rawQuery),
    headers: req.headers,
    rawBody: parts.rawBody,
    origin,
  };
}

function route(deps: ServerDeps, req: NsRequest): NsResponse {
  const [area, version, ...rest] = req.segments;
  if (req.segments.at(-1) === '')
    throw new NsError(400, 'INVALID_URL', 'The request URL must not end with a slash.');

  if (area === 'record' && version === 'v1') {
    const run = (): NsResponse => handleRecordRequest(deps.ctx, req, rest);
    return wantsAsync(req) ? deps.jobs.submit(req, () => settle(run)) : run();
  }
  if (area === 'async' && version === 'v1') return deps.jobs.read(req, rest);
  if (area === 'query' && version === 'v1' && rest[0] === 'suiteql' && req.method === 'POST') {
    return handleSuiteQl(deps.ctx, req, deps.suiteql);
  }
  if (area === 'system' && version === 'v1' && rest[0] === 'governanceLimits') {
    const limit = deps.governance.limit;
    return {
      status: 200,
      body: {
        accountConcurrencyLimit: limit,
        accountUnallocatedConcurrencyLimit: limit,
        limitType: 'accountLimit',
      },
    };
  }

  throw new NsError(404, 'NONEXISTENT_URL', `No resource at ${req.segments.join('/')}.`);
}

function settle(run: () => NsResponse): NsResponse {
  try {
    return run();
  } catch (error) {
    return toResponse(error);
  }
}

/** Any thrown value as an nsError response (unknown errors → 500 UNEXPECTED_ERROR). */
export function toResponse(error: unknown): NsResponse {
  if (error instanceof NsError) {
    return {
      status: error.status,
      body: error.toBody(),
      headers: { 'Content-Type': ERROR_CONTENT_TYPE, ...error.headers },
    };
  }

  const body = nsErrorBody(500, [
    { detail: 'An unexpected error has occurred.', 'o:errorCode': 'UNEXPECTED_ERROR' },
  ]);
  return { status: 500, body, headers: { 'Content-Type': ERROR_CONTENT_TYPE } };
}

function send(res: ServerResponse, response: NsResponse): void {
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  if (response.body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }

  const text = JSON.stringify(response.body);
  headers['Content-Type'] ??= 'application/json';
  headers['Content-Length'] = String(Buffer.byteLength(text));
  res.writeHead(response.status, headers).end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new NsError(413, 'REQUEST_TOO_LARGE', 'The request body exceeds 104 MB.');
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}
