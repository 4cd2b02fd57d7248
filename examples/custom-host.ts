/**
 * Custom host: the Starter flows embedded in the integrator's own HTTP service (plain node:http).
 *
 *   POST /sync/:flowId         runs a flow, answers its run summary
 *   GET  /errors               lists the open error records (personal data masked)
 *   POST /errors/:id/retry     retries one error record, answers the run summary
 *
 * SIGTERM (or Ctrl-C) stops accepting requests, lets a running flow finish the record in hand,
 * then closes everything and exits 0. Run from the repo root:
 * `node --import tsx examples/custom-host.ts`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  createIntegration,
  ErrorRecordError,
  FlowNotFoundError,
  LockHeldError,
  type ErrorRecord,
  type Integration,
} from '@sellerbridge/flows-core';
import { starter } from '@sellerbridge/flows-starter';
import { createNetSuiteClient } from '@sellerbridge/netsuite-client';
import { createSpApiClient } from '@sellerbridge/sp-api-client';
import { createSqliteStore } from '@sellerbridge/store-sqlite';

import { prepareAccount } from './support/emulated-account';
import {
  amazonClientOptions,
  netsuiteClientOptions,
  startDemoEmulators,
} from './support/emulators';

type Reply = { status: number; body: unknown };

/** What the service shows of an error record: enough to act on, nothing personal. */
function errorView(record: ErrorRecord) {
  const { id, flowId, traceKey, attempts, createdAt, updatedAt, error } = record;

  return {
    id,
    flowId,
    traceKey,
    attempts,
    createdAt,
    updatedAt,
    error: { name: error.name, message: error.message },
  };
}

/** Maps the integration's typed errors to HTTP answers; anything else is a 500 without details. */
function errorReply(error: unknown): Reply {
  if (error instanceof FlowNotFoundError)
    return { status: 404, body: { error: error.code, message: error.message } };
  if (error instanceof ErrorRecordError && error.code === 'NOT_FOUND')
    return { status: 404, body: { error: error.code, message: error.message } };
  if (error instanceof LockHeldError)
    return { status: 409, body: { error: error.code, message: error.message } };

  console.error('request failed:', error instanceof Error ? error.name : 'unknown error');
  return { status: 500, body: { error: 'INTERNAL' } };
}

/** Routes one request to the integration. */
async function route(integration: Integration, method: string, path: string): Promise<Reply> {
  const sync = /^\/sync\/([\w.-]+)$/.exec(path);
  if (method === 'POST' && sync?.[1]) return { status: 200, body: await integration.run(sync[1]) };

  if (method === 'GET' && path === '/errors') {
    const records = await integration.errors.list({ status: 'open' });
    return { status: 200, body: records.map(errorView) };
  }

  const retry = /^\/errors\/([\w.-]+)\/retry$/.exec(path);
  if (method === 'POST' && retry?.[1])
    return { status: 200, body: await integration.errors.retry(retry[1]) };

  return { status: 404, body: { error: 'NOT_FOUND', message: `No route ${method} ${path}` } };
}

function handler(integration: Integration) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;

    void route(integration, request.method ?? 'GET', path)
      .catch(errorReply)
      .then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
  };
}

// The integration, as in the quickstart (a world with two orders whose SKU is not in NetSuite).
const { emulators, world } = await startDemoEmulators({ seed: 1 });
const amazon = createSpApiClient(amazonClientOptions(emulators));
const netsuite = createNetSuiteClient(netsuiteClientOptions(emulators));
const stateDir = mkdtempSync(join(tmpdir(), 'sellerbridge-custom-host-'));
const integration = createIntegration({
  id: 'custom-host',
  amazon,
  netsuite,
  store: createSqliteStore({ file: join(stateDir, 'state.db') }),
  plugins: [starter(await prepareAccount(netsuite, emulators))],
});

// The integrator's own HTTP service, on loopback only.
const server = createServer(handler(integration));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

// The service's own log: one line when a run starts and ends (ids only, no record data).
integration.on('run', ({ phase, flowId, runId }) => {
  console.log(JSON.stringify({ run: phase, flowId, runId }));
});

// First signal: the integration stops its runs after the record in hand (a second one aborts
// them); we stop taking requests, wait for the answers in flight, then close everything.
integration.installSignalHandlers({ exitAfterShutdown: false });
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));

async function stop(signal: NodeJS.Signals): Promise<void> {
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  await integration.shutdown();
  await closed;
  await integration.close();
  await Promise.all([amazon.close(), netsuite.close()]);
  await emulators.close();
  rmSync(stateDir, { recursive: true, force: true });
  console.log(JSON.stringify({ stopped: signal }));
}

console.log(JSON.stringify({ listening: `http://127.0.0.1:${port}`, world }));
