/**
 * The write target of the reliability test: a loopback HTTP server in the test process that
 * creates records under unique keys (a reused key answers 409 with the existing id, as NetSuite
 * does for a duplicate external id) and answers slowly enough that a run takes seconds.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the target saw. */
export interface TargetState {
  records: Map<string, string>;
  creates: number;
  conflicts: number;
  /** The writer process of each request, in arrival order. */
  writers: number[];
}

/** A hook called for each accepted create, before its response; may kill the writer. */
export type CreateHook = (writerPid: number, state: TargetState, respond: () => void) => void;

/** Starts the target on 127.0.0.1 with an ephemeral port. */
export async function startTarget(delayMs: number, onCreate: CreateHook) {
  const state: TargetState = { records: new Map(), creates: 0, conflicts: 0, writers: [] };

  const handle = (request: IncomingMessage, response: ServerResponse, body: string): void => {
    const { key } = JSON.parse(body) as { key: string };
    const writerPid = Number(request.headers['x-writer-pid']);
    state.writers.push(writerPid);
    const existing = state.records.get(key);
    if (existing !== undefined) {
      state.conflicts += 1;
      response
        .writeHead(409, { 'content-type': 'application/json' })
        .end(JSON.stringify({ existingId: existing }));

      return;
    }

    const id = `t-${state.records.size + 1}`;
    state.records.set(key, id);
    state.creates += 1;
    onCreate(writerPid, state, () =>
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id })),
    );
  };

  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => setTimeout(() => handle(request, response, body), delayMs));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/records`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
