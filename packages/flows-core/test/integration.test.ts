import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  ConfigurationError,
  FlowNotFoundError,
  SettingsError,
  createIntegration,
  createMemoryStore,
  defineFlow,
  definePlugin,
  externalId,
  type FlowContext,
} from '../src/index';

const settings = z.strictObject({
  orders: z
    .strictObject({
      fbaRecordType: z.enum(['salesOrder', 'invoice', 'cashSale']).default('salesOrder'),
    })
    .default({ fbaRecordType: 'salesOrder' }),
  safetyStock: z.number().int().min(0).default(0),
});

function chainPlugin(log: string[]) {
  const step = (id: string, triggers?: string[]) =>
    defineFlow({
      id,
      edition: 'premium',
      schedule: 'manual',
      triggers,
      traceKey: (record: string) => record,
      async *source(ctx: FlowContext<z.output<typeof settings>>) {
        log.push(`${id}:${ctx.settings.orders.fbaRecordType}`);
        yield { records: [`${id}-1`], checkpoint: 1 };
      },
      handle: async () => 'created' as const,
    });

  return definePlugin({
    name: 'premium',
    settings,
    flows: [
      step('settlements', ['payments']),
      step('payments', ['refunds']),
      step('refunds', ['settlements']),
    ],
  });
}

const base = { id: 'acme', amazon: {}, netsuite: {}, store: createMemoryStore() };

describe(createIntegration.name, () => {
  it('parses plugin settings once and hands them to flows as ctx.settings', async () => {
    const log: string[] = [];
    const integration = createIntegration({
      ...base,
      plugins: [chainPlugin(log)({ orders: { fbaRecordType: 'invoice' } })],
    });

    const summary = await integration.run('settlements');

    expect(log).toEqual(['settlements:invoice', 'payments:invoice', 'refunds:invoice']);
    expect(summary.triggered.map((s) => s.flowId)).toEqual(['payments']);
    expect(summary.triggered[0]?.triggered.map((s) => [s.flowId, s.trigger])).toEqual([
      ['refunds', 'trigger'],
    ]);
    expect(integration.flows.map((f) => `${f.plugin}/${f.id}`)).toEqual([
      'premium/settlements',
      'premium/payments',
      'premium/refunds',
    ]);
  });

  it('names every bad key and why at start-up', () => {
    const plugin = chainPlugin([]);
    const bad = { orders: { fbaRecordType: 'bogus' }, safetyStock: -1, ordrs: {} } as never;

    let caught: unknown;
    try {
      createIntegration({ ...base, plugins: [plugin(bad)] });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(SettingsError);
    const issues = (caught as SettingsError).issues.map((i) => `${i.plugin}:${i.key}`);
    expect(issues.sort()).toEqual([
      'premium:orders.fbaRecordType',
      'premium:ordrs',
      'premium:safetyStock',
    ]);
    expect((caught as Error).message).toMatch(
      /premium: orders\.fbaRecordType: Invalid option: expected one of "salesOrder"\|"invoice"\|"cashSale"/,
    );
    expect((caught as Error).message).toMatch(/premium: ordrs: unknown setting/);
    expect((caught as Error).message).toMatch(/premium: safetyStock: Too small/);
  });

  it('rejects duplicate flows, unknown triggers, bad ids and bad keys', () => {
    const flow = (id: string, triggers?: string[]) =>
      defineFlow({
        id,
        edition: 'starter',
        schedule: 'manual',
        triggers,
        traceKey: String,
        source: async function* () {},
        handle: async () => 'skipped' as const,
      });
    const a = definePlugin({ name: 'a', settings: z.object({}), flows: [flow('x')] });
    const b = definePlugin({ name: 'b', settings: z.object({}), flows: [flow('x')] });
    const c = definePlugin({ name: 'c', settings: z.object({}), flows: [flow('y', ['nope'])] });

    expect(() => createIntegration({ ...base, plugins: [a(), b()] })).toThrow(
      /Flow 'x' comes from both 'a' and 'b'/,
    );
    expect(() => createIntegration({ ...base, plugins: [c()] })).toThrow(
      /triggers unknown flow\(s\): nope/,
    );
    expect(() => createIntegration({ ...base, id: 'bad id!', plugins: [] })).toThrow(
      ConfigurationError,
    );
    expect(() => createIntegration({ ...base, plugins: [], encryptionKey: 'short' })).toThrow(
      /must be 32 bytes/,
    );
    expect(() => flow('bad id')).toThrow(/Flow id 'bad id'/);
    expect(createIntegration({ ...base, plugins: [a(), a()] }).flows).toHaveLength(1);
  });

  it('rejects an unknown flow id', async () => {
    const integration = createIntegration({ ...base, plugins: [chainPlugin([])()] });

    await expect(integration.run('nope')).rejects.toBeInstanceOf(FlowNotFoundError);
    await expect(integration.run('nope')).rejects.toThrow(
      /known flows: settlements, payments, refunds/,
    );
  });
});

describe(externalId.name, () => {
  it('joins parts and rejects characters NetSuite ids must not hold', () => {
    expect(externalId('amzn-so', 'A1B2C3', '113-1234567-1234567')).toBe(
      'amzn-so-A1B2C3-113-1234567-1234567',
    );
    expect(() => externalId('amzn', 'a b')).toThrow(
      /part 2 \('a b'\) may only hold letters, digits, '_' and '-'/,
    );
    expect(() => externalId('x'.repeat(300))).toThrow(/max 255/);
  });
});

describe('integration.schedule', () => {
  it('runs each scheduled flow at its interval without overlapping runs', async () => {
    vi.useFakeTimers();
    try {
      const starts: string[] = [];
      let release: () => void = () => undefined;
      const slow = defineFlow({
        id: 'slow',
        edition: 'starter',
        schedule: { everyMs: 1000 },
        traceKey: String,
        async *source() {
          starts.push(`start@${Date.now()}`);
          await new Promise<void>((resolve) => (release = resolve));
          yield { records: [], checkpoint: 0 };
        },
        handle: async () => 'skipped' as const,
      });
      const plugin = definePlugin({ name: 'p', settings: z.object({}), flows: [slow] });
      const integration = createIntegration({
        ...base,
        store: createMemoryStore(),
        clock: { now: () => Date.now() },
        plugins: [plugin()],
      });
      const start = Date.now();

      const handle = integration.schedule();
      await vi.advanceTimersByTimeAsync(5000);
      expect(starts).toHaveLength(1);

      release();
      await vi.advanceTimersByTimeAsync(999);
      expect(starts).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(starts).toEqual([`start@${start}`, `start@${start + 6000}`]);

      release();
      await handle.stop();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(starts).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
