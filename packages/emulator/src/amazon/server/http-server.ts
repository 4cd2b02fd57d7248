/**
 * The node:http server of the Amazon emulator on loopback: LWA token endpoint, presigned
 * document downloads and uploads, the SQS-compatible endpoint, and SP-API routes.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { DispatchDeps, DispatchResult } from './dispatch';
import { dispatchSpApi } from './dispatch';
import { type Presigner, receiveUpload, serveDocument } from './documents';
import { handleTokenRequest, type LwaDeps, parseTokenRequest } from './lwa';

/** Handler of SQS-compatible requests (query or JSON protocol). */
export type SqsHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  rawBody: Buffer,
) => Promise<void>;

/** Pino-shaped logger; the emulator never logs tokens, secrets or buyer PII. */
export interface EmulatorLogger {
  debug(context: object, message: string): void;
  info(context: object, message: string): void;
  warn(context: object, message: string): void;
  error(context: object, message: string): void;
}

/** A logger that drops everything (the default). */
export const silentLogger: EmulatorLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** Dependencies of {@link createAmazonHttpServer}. */
export interface HttpServerDeps {
  dispatch: DispatchDeps;
  lwa: LwaDeps;
  presigner: Presigner;
  sqs?: SqsHandler;
  logger: EmulatorLogger;
  /** Runs due lifecycle work (feeds, notifications) before each request. */
  tick: () => void;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function sendDispatchResult(
  res: ServerResponse,
  result: DispatchResult,
  slowDelayMs: number,
): Promise<void> {
  if (result.transportFault === 'reset') {
    res.socket?.destroy();
    return;
  }
  if (result.transportFault === 'slow') await sleep(slowDelayMs);

  const { status, body, headers = {} } = result.response;
  if (body === undefined || status === 204) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const isRaw = typeof body === 'string' || Buffer.isBuffer(body);
  const payload = isRaw ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(payload);
}

async function handleLwa(
  deps: HttpServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  rawBody: Buffer,
): Promise<void> {
  let params: Record<string, string>;
  try {
    params = parseTokenRequest(rawBody, req.headers['content-type'] ?? '');
  } catch {
    params = {};
  }
  const answer = handleTokenRequest(deps.lwa, params);
  deps.logger.info({ grantType: params.grant_type, status: answer.status }, 'lwa token request');
  res.writeHead(answer.status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'x-amzn-RequestId': randomUUID(),
  });
  res.end(JSON.stringify(answer.body));
}

async function route(
  deps: HttpServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const rawBody = await readBody(req);
  const method = req.method ?? 'GET';
  deps.tick();

  if (method === 'POST' && url.pathname === '/auth/o2/token')
    return handleLwa(deps, req, res, rawBody);
  if (method === 'GET' && url.pathname.startsWith('/__documents/')) {
    return serveDocument(
      res,
      { ...deps.dispatch.ctx, presigner: deps.presigner, faults: deps.dispatch.faults },
      url,
    );
  }
  if (method === 'PUT' && url.pathname.startsWith('/__uploads/')) {
    const contentType = req.headers['content-type'] ?? '';
    return receiveUpload(
      res,
      { store: deps.dispatch.ctx.store, presigner: deps.presigner },
      url,
      contentType,
      rawBody,
    );
  }
  if (
    deps.sqs &&
    (url.pathname.startsWith('/__sqs') || req.headers['x-amz-target'] !== undefined)
  ) {
    return deps.sqs(req, res, url, rawBody);
  }

  const startedMs = Date.now();
  const result = await dispatchSpApi(deps.dispatch, { method, url, headers: req.headers, rawBody });
  const slowDelayMs =
    (deps.dispatch.faults.options.slowDelayMs ?? 5000) / deps.dispatch.ctx.timeScale;
  await sendDispatchResult(res, result, slowDelayMs);
  deps.logger.debug(
    {
      method,
      path: url.pathname,
      status: result.response.status,
      durationMs: Date.now() - startedMs,
    },
    'sp-api request',
  );
}

/** Creates (but does not start) the server. */
export function createAmazonHttpServer(deps: HttpServerDeps): Server {
  return createServer((req, res) => {
    route(deps, req, res).catch((error: unknown) => {
      deps.logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        'emulator request failed',
      );
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          errors: [
            {
              code: 'InternalFailure',
              message: 'We encountered an internal error. Please try again.',
            },
          ],
        }),
      );
    });
  });
}
