/**
 * The loopback server role of `bench/netsuite-client.bench.ts`: answers ~2 KB salesOrder GETs after
 * a fixed latency and records when each request arrived and when its answer was flushed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A ~2 KB salesOrder GET body (REST shape: references, expanded item lines). */
function salesOrderBody(id: string): string {
  const ref = (type: string, refId: string, refName: string) => ({
    links: [{ rel: 'self', href: `http://127.0.0.1/services/rest/record/v1/${type}/${refId}` }],
    id: refId,
    refName,
  });
  const line = (line: number) => ({
    line,
    item: ref('inventoryItem', String(100 + line), `SKU-${line}`),
    quantity: 2,
    rate: 19.99,
    amount: 39.98,
    price: ref('priceLevel', '1', 'Base Price'),
    isClosed: false,
  });

  return JSON.stringify({
    links: [{ rel: 'self', href: `http://127.0.0.1/services/rest/record/v1/salesOrder/${id}` }],
    id,
    externalId: `amzn-so-A1B2C3-114-1234567-${id.padStart(7, '0')}`,
    tranId: `SO${id}`,
    tranDate: '2026-11-30',
    otherRefNum: `114-1234567-${id.padStart(7, '0')}`,
    entity: ref('customer', '5501', 'Amazon Customer'),
    subsidiary: ref('subsidiary', '1', 'Parent Company'),
    location: ref('location', '3', 'Main Warehouse'),
    currency: ref('currency', '1', 'USA'),
    status: { id: 'B', refName: 'Pending Fulfillment' },
    shippingCost: 4.99,
    subtotal: 119.94,
    total: 124.93,
    createdDate: '2026-11-30T10:15:00Z',
    lastModifiedDate: '2026-11-30T10:15:00Z',
    item: { links: [], items: [line(1), line(2), line(3)], totalResults: 3 },
  });
}

/** Server role: answers salesOrder GETs after `latencyMs`; records arrival and answer times. */
export async function serve(latencyMs: number): Promise<void> {
  const intervals: Array<[number, number]> = [];

  const server = createServer((request, response) => {
    const arrivedAtMs = performance.now();

    if (request.url === '/__stats') {
      response.end(JSON.stringify(intervals));
      return;
    }

    const answer = () => {
      const body = salesOrderBody((request.url ?? '').split('/').pop() ?? '1');
      response.writeHead(200, {
        'content-type': 'application/vnd.oracle.resource+json; type=singular',
      });
      response.end(body, () => intervals.push([arrivedAtMs, performance.now()]));
    };

    if (latencyMs > 0) setTimeout(answer, latencyMs);
    else answer();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}
