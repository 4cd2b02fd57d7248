/**
 * The child process of the reliability test: runs a 2,000-record flow on a SQLite state file,
 * creating each record in the target over HTTP through `ctx.links.createOnce`. Prints
 * `failed <traceKey>` for each error record and `done <summary>` at the end. Killed and
 * restarted by the test; a lock left by a killed child expires after `lockTtlMs`.
 */
import { Agent, request } from 'node:http';
import { ConflictError, InvalidInputError } from '@sellerbridge/http-core';
import {
  LockHeldError,
  createIntegration,
  defineFlow,
  definePlugin,
  emptySettings,
  externalId,
  type FlowContext,
} from '@sellerbridge/flows-core';
import { createSqliteStore } from '@sellerbridge/store-sqlite';

const stateFile = process.env.RELIABILITY_STATE_FILE ?? '';
const targetUrl = process.env.RELIABILITY_TARGET_URL ?? '';
const total = Number(process.env.RELIABILITY_RECORDS ?? 2000);
const pageSize = 25;
const failsEvery = 97;

const agent = new Agent({ keepAlive: true });

function post(body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-writer-pid': String(process.pid),
    };
    const req = request(targetUrl, { method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A client of the target, shaped like the NetSuite client's create (409 → ConflictError). */
const target = {
  async create(key: string): Promise<string> {
    const response = await post(JSON.stringify({ key }));
    const body = JSON.parse(response.text) as { id?: string; existingId?: string };
    if (response.status === 409) {
      throw new ConflictError({
        vendor: 'netsuite',
        operation: 'create',
        status: 409,
        existingId: body.existingId,
      });
    }

    return body.id ?? '';
  },
};

const flow = defineFlow({
  id: 'numbers',
  edition: 'starter',
  schedule: 'manual',
  traceKey: (n: number) => `n-${n}`,
  async *source(
    _ctx: FlowContext<unknown, unknown, typeof target>,
    checkpoint: number | undefined,
  ) {
    for (let start = checkpoint ?? 0; start < total; start += pageSize) {
      const records = Array.from(
        { length: Math.min(pageSize, total - start) },
        (_, i) => start + i + 1,
      );
      yield { records, checkpoint: start + records.length };
    }
  },
  async handle(ctx, n) {
    if (n % failsEvery === 0) {
      throw new InvalidInputError({
        vendor: 'netsuite',
        operation: 'create',
        status: 400,
        vendorCode: 'INVALID_FLD_VALUE',
      });
    }

    const result = await ctx.links.createOnce({
      sourceKey: `n-${n}`,
      recordType: 'thing',
      externalId: externalId('thing', n),
      create: (eid) => ctx.netsuite.create(eid),
    });

    return result.outcome === 'already-linked' ? 'skipped' : 'created';
  },
});

const plugin = definePlugin({ name: 'reliability', settings: emptySettings, flows: [flow] });
const integration = createIntegration({
  id: 'reliability',
  amazon: {},
  netsuite: target,
  store: createSqliteStore({ file: stateFile }),
  plugins: [plugin()],
  lockTtlMs: 600,
});
integration.on('record', (event) => {
  if (event.outcome === 'failed') process.stdout.write(`failed ${event.traceKey}\n`);
});

for (;;) {
  try {
    const summary = await integration.run('numbers');
    process.stdout.write(
      `done ${JSON.stringify({ status: summary.status, read: summary.read })}\n`,
    );
    break;
  } catch (error) {
    if (!(error instanceof LockHeldError)) throw error;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

await integration.close();
agent.destroy();
