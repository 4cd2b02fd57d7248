import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers';

describe('smoke', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.ns.close());

  it('reads a seeded customer', async () => {
    const id = h.ns.inspect.seeded.customers.US;
    const res = await h.call('GET', `/record/v1/customer/${id}`);
    const body = await res.json();
    console.log(res.status, JSON.stringify(body).slice(0, 600));
    expect(res.status).toBe(200);
  });
});
