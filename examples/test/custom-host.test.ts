import type { RunSummary } from '@sellerbridge/flows-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startExample, type RunningExample } from './child';
import { eligibleMfnOrders, rebuildWorld, type WorldSpec } from './world';

interface ErrorView {
  id: string;
  flowId: string;
  traceKey: string;
  attempts: number;
  error: { name: string; message: string };
}

async function call<T>(url: string, method = 'GET'): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { method });

  return { status: response.status, body: (await response.json()) as T };
}

describe('examples/custom-host.ts', () => {
  let host: RunningExample;
  let baseUrl: string;
  let world: WorldSpec;

  beforeAll(async () => {
    host = startExample('custom-host');
    const line = await host.waitForLine((text) => text.includes('"listening"'), 45_000);
    ({ listening: baseUrl, world } = JSON.parse(line) as { listening: string; world: WorldSpec });
  }, 50_000);

  afterAll(() => {
    if (host.child.exitCode === null && host.child.signalCode === null) host.child.kill('SIGKILL');
  });

  it('listens on loopback only', () => {
    expect(new URL(baseUrl).hostname).toBe('127.0.0.1');
  });

  it('POST /sync/:flowId runs the flow and answers its summary', async () => {
    const { status, body } = await call<RunSummary>(`${baseUrl}/sync/mfn-orders`, 'POST');
    const { importable, missingItem } = eligibleMfnOrders(rebuildWorld(world));

    expect(status).toBe(200);
    expect(body.status).toBe('completed');
    expect(body.flowId).toBe('mfn-orders');
    expect(body.created).toBe(importable.length);
    expect(missingItem.length).toBeGreaterThan(0);
    expect(body.failed).toBe(missingItem.length);
  });

  it('GET /errors lists the open error records, without personal data', async () => {
    const { status, body } = await call<ErrorView[]>(`${baseUrl}/errors`);

    expect(status).toBe(200);
    const { missingItem } = eligibleMfnOrders(rebuildWorld(world));

    expect(body.map((record) => record.traceKey).sort()).toEqual(
      missingItem.map((order) => order.orderId).sort(),
    );
    for (const record of body) {
      expect(record.flowId).toBe('mfn-orders');
      expect(record.error.name).toBe('MissingItemError');
      expect(record.attempts).toBe(1);
      expect(Object.keys(record)).not.toContain('input');
    }
  });

  it('POST /errors/:id/retry retries one record (still missing its item)', async () => {
    const before = (await call<ErrorView[]>(`${baseUrl}/errors`)).body;
    const target = before[0]!;
    const { status, body } = await call<RunSummary>(`${baseUrl}/errors/${target.id}/retry`, 'POST');
    const after = (await call<ErrorView[]>(`${baseUrl}/errors`)).body;

    expect(status).toBe(200);
    expect(body.trigger).toBe('retry');
    expect(body.read).toBe(1);
    expect(body.failed).toBe(1);
    expect(after.find((record) => record.id === target.id)?.attempts).toBe(2);
    expect(after).toHaveLength(before.length);
  });

  it('answers 404 for an unknown flow or error record', async () => {
    const flow = await call<{ error: string }>(`${baseUrl}/sync/no-such-flow`, 'POST');
    const record = await call<{ error: string }>(`${baseUrl}/errors/err_missing/retry`, 'POST');

    expect([flow.status, flow.body.error]).toEqual([404, 'FLOW_NOT_FOUND']);
    expect([record.status, record.body.error]).toEqual([404, 'NOT_FOUND']);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    host.child.kill('SIGTERM');
    const { code, signal } = await host.exited;

    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(host.lines).toContain(JSON.stringify({ stopped: 'SIGTERM' }));
    await expect(fetch(`${baseUrl}/errors`)).rejects.toThrow();
  });
});

describe('examples/custom-host.ts shutting down during a sync', () => {
  it('answers the running sync (cancelled after the record in hand), then exits 0', async () => {
    const host = startExample('custom-host');
    try {
      const line = await host.waitForLine((text) => text.includes('"listening"'), 45_000);
      const { listening } = JSON.parse(line) as { listening: string };
      const syncing = call<RunSummary>(`${listening}/sync/mfn-orders`, 'POST');

      await host.waitForLine((text) => text.includes('"run":"started"'), 30_000);
      host.child.kill('SIGTERM');
      const { status, body } = await syncing;
      const exit = await host.exited;

      expect(status).toBe(200);
      expect(body.status).toBe('cancelled');
      expect(host.lines).toContain(
        JSON.stringify({ run: 'finished', flowId: 'mfn-orders', runId: body.runId }),
      );
      expect(exit).toEqual({ code: 0, signal: null });
      expect(host.lines).toContain(JSON.stringify({ stopped: 'SIGTERM' }));
    } finally {
      if (host.child.exitCode === null && host.child.signalCode === null)
        host.child.kill('SIGKILL');
    }
  }, 60_000);
});
