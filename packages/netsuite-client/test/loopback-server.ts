/** A loopback HTTP server that counts requests in flight (tests only; 127.0.0.1, port 0). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Counters of the server. */
export interface InFlightServer {
  baseUrl: string;
  maxInFlight: () => number;
  served: () => number;
  close: () => Promise<void>;
}

/** Starts a server answering every GET with `{id}` after `holdMs` (0 = next tick). */
export async function startInFlightServer(holdMs = 0): Promise<InFlightServer> {
  let inFlight = 0;
  let maxInFlight = 0;
  let served = 0;

  const server = createServer((request, response) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);

    const reply = () => {
      inFlight -= 1;
      served += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: (request.url ?? '').split('/').pop() }));
    };
    if (holdMs > 0) setTimeout(reply, holdMs);
    else setImmediate(reply);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    maxInFlight: () => maxInFlight,
    served: () => served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
