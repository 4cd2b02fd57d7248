/** Why records failed reaches the log, the `record` event and the summary, scrubbed. */
import { describe, expect, it } from 'vitest';
import {
  createIntegration,
  createMemoryStore,
  defineFlow,
  definePlugin,
  emptySettings,
  type RecordEvent,
} from '../src/index';
import { scrubbedError } from '../src/error-records';

interface BuyerOrder {
  orderId: string;
  buyer: { name: string; email: string };
  bad?: boolean;
}

class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

const BUYER = { name: 'Jane Q. Buyer', email: 'jane.buyer@example.com' };
const TOKEN = 'Atza|IwEBIsecretLwaToken123';
const PERSONAL_OR_SECRET = /Jane|jane\.buyer|example\.com|IwEBIsecret/;

function buyerOrders(n: number, bad: (i: number) => boolean): BuyerOrder[] {
  return Array.from({ length: n }, (_, index) => ({
    orderId: `o-${index + 1}`,
    buyer: BUYER,
    bad: bad(index + 1),
  }));
}

/** An integration whose flow throws a message echoing the buyer and a token for `bad` orders. */
function integrationOver(data: BuyerOrder[]) {
  const lines: { level: string; context: object; message?: string }[] = [];
  const log =
    (level: string) =>
    (context: object, message?: string): void => {
      lines.push({ level, context, message });
    };
  const flow = defineFlow({
    id: 'orders',
    edition: 'starter',
    schedule: 'manual',
    traceKey: (order: BuyerOrder) => order.orderId,
    async *source() {
      yield { records: data, checkpoint: data.length };
    },
    async handle(_ctx, order: BuyerOrder) {
      if (order.bad) {
        const { name, email } = order.buyer;
        throw new MappingError(`no customer for ${name} <${email}> (${TOKEN})`);
      }

      return 'updated';
    },
  });
  const integration = createIntegration({
    id: 'acme',
    amazon: {},
    netsuite: {},
    store: createMemoryStore(),
    plugins: [definePlugin({ name: 'p', settings: emptySettings, flows: [flow] })()],
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
  });
  const events: RecordEvent[] = [];
  integration.on('record', (event) => events.push(event));

  return { integration, lines, events };
}

const SCRUBBED = {
  name: 'MappingError',
  message: 'no customer for [PII] <[PII]> ([REDACTED])',
};

describe('failure reasons', () => {
  it('a failing dry run tells why in its summary, event and log line, without PII or tokens', async () => {
    const { integration, lines, events } = integrationOver(buyerOrders(3, (i) => i === 2));

    const summary = await integration.run('orders', { dryRun: true });

    expect(summary).toMatchObject({ dryRun: true, read: 3, updated: 2, failed: 1 });
    expect(summary.failures).toEqual([{ traceKey: 'o-2', ...SCRUBBED }]);
    expect(events.find((e) => e.outcome === 'failed')).toMatchObject({
      traceKey: 'o-2',
      error: SCRUBBED,
    });
    const failedLine = lines.find((line) => line.message === 'record failed');
    expect(failedLine).toMatchObject({
      level: 'warn',
      context: { traceKey: 'o-2', error: SCRUBBED },
    });
    expect(await integration.errors.list()).toEqual([]);
    expect(JSON.stringify({ summary, events, lines })).not.toMatch(PERSONAL_OR_SECRET);
  });

  it('scrubs the log and summary exactly as the stored error record', async () => {
    const { integration, lines } = integrationOver(buyerOrders(2, (i) => i === 1));

    const summary = await integration.run('orders');
    const [record] = await integration.errors.list();

    expect(record?.error).toEqual(SCRUBBED);
    expect(summary.failures).toEqual([{ traceKey: 'o-1', ...SCRUBBED }]);
    expect(lines.find((line) => line.message === 'record failed')?.context).toMatchObject({
      error: SCRUBBED,
    });
    expect(JSON.stringify({ summary, lines })).not.toMatch(PERSONAL_OR_SECRET);
  });

  it('keeps the first 20 reasons and counts every failure', async () => {
    const { integration, lines } = integrationOver(buyerOrders(25, () => true));

    const summary = await integration.run('orders', { dryRun: true });

    expect(summary.failed).toBe(25);
    expect(summary.failures.map((f) => f.traceKey)).toEqual(
      Array.from({ length: 20 }, (_, i) => `o-${i + 1}`),
    );
    expect(lines.filter((line) => line.message === 'record failed')).toHaveLength(25);
  });
});

describe(scrubbedError.name, () => {
  it('withholds the message of an error whose record cannot be copied to scrub against', () => {
    const cyclic: { buyerName: string; self?: unknown } = { buyerName: BUYER.name };
    cyclic.self = cyclic;

    const scrubbed = scrubbedError(cyclic, new MappingError(`bad ${BUYER.name}`));

    expect(scrubbed).toEqual({
      name: 'MappingError',
      message: '[message withheld: record not serializable]',
    });
  });
});
