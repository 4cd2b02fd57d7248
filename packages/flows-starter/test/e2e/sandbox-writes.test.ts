/**
 * Amazon writes recorded but not sent (the CLI's sandbox without `amazon.sendWrites`, flows-core
 * `recordOnlyTargets: ['amazon']`): inventory and pricing change nothing on Amazon, fail nothing
 * and remember nothing as pushed, so a later run with writes sent pushes every difference.
 * Once through patches, once through JSON_LISTINGS_FEED.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { join } from 'node:path';

import { createIntegration, type Integration, type RunSummary } from '@sellerbridge/flows-core';
import { createSqliteStore } from '@sellerbridge/store-sqlite';

import { starter } from '../../src/index';
import { startEnvironment, type Environment } from './harness';

const LISTING_WRITES = ['patchListingsItem', 'createFeed', 'getListingsItem'];

/** The seeded "Amazon" price level, whose prices differ from the listings' (the base price). */
function amazonPriceLevelOf(env: Environment): string {
  return String(env.emulators.netsuite.inspect.seeded.priceLevels.amazon);
}

/** An integration over the environment's SQLite file (one checkpoint for both modes). */
function integrationOf(env: Environment, feedThreshold: number, sendWrites: boolean): Integration {
  return createIntegration({
    id: 'starter-e2e',
    amazon: env.amazon,
    netsuite: env.netsuite,
    store: createSqliteStore({ file: join(env.dir, 'state.db') }),
    plugins: [
      starter({
        ...env.options,
        inventory: { ...env.options.inventory, feedThreshold },
        pricing: { priceLevelId: amazonPriceLevelOf(env), feedThreshold },
      }),
    ],
    encryptionKey: 'a'.repeat(64),
    recordOnlyTargets: sendWrites ? [] : ['amazon'],
  });
}

/** Runs inventory then pricing, with the open error records left after them. */
async function runBoth(env: Environment, feedThreshold: number, sendWrites: boolean) {
  const integration = integrationOf(env, feedThreshold, sendWrites);
  const summaries: RunSummary[] = [];

  for (const flowId of ['inventory', 'pricing']) summaries.push(await integration.run(flowId));

  const errors = await integration.errors.list({ status: 'open' });
  await integration.close();

  return { summaries, errors };
}

/** Per MFN SKU in NetSuite: the quantity and price NetSuite says, and what Amazon shows. */
function compare(env: Environment) {
  const { world, netsuite, amazon } = env.emulators;
  const warehouse = netsuite.inspect.seeded.locations.warehouse;
  const items = world.catalog.filter(
    (item) => item.channels.includes('MFN') && item.inNetSuite && item.kind === 'inventory',
  );

  return items.map((item) => {
    const available = netsuite.inspect
      .inventory({ item: item.sku, locationId: warehouse })
      .reduce((sum, row) => sum + Math.max(0, row.available), 0);
    const listing = amazon.inspect.listing(item.sku);

    return {
      sku: item.sku,
      netsuite: { quantity: available, price: Number(item.netsuite.priceLevel2) },
      amazon: { quantity: listing?.quantity, price: Number(listing?.price) },
    };
  });
}

function listingWriteCounts(env: Environment): number[] {
  const counts = env.emulators.amazon.inspect.requestCounts();

  return LISTING_WRITES.map((operation) => counts[operation]?.received ?? 0);
}

describe.each([
  { path: 'patchListingsItem', feedThreshold: 1000 },
  { path: 'JSON_LISTINGS_FEED', feedThreshold: 0 },
])('inventory and pricing with Amazon writes not sent, via $path', ({ feedThreshold }) => {
  let env: Environment;

  beforeAll(async () => {
    env = await startEnvironment({ orders: 50, seed: 7 });
    // Imported orders commit stock, so NetSuite's availability moves away from Amazon's quantity.
    const integration = env.integration();
    await integration.run('mfn-orders');
    await integration.close();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('changes nothing on Amazon, fails nothing and marks nothing as pushed', async () => {
    const listingsBefore = env.emulators.amazon.inspect.listings();
    const callsBefore = listingWriteCounts(env);
    const before = compare(env);

    // Both kinds of difference are there to push (quantities after the orders, every price).
    expect(
      before.filter((entry) => entry.amazon.quantity !== entry.netsuite.quantity).length,
    ).toBeGreaterThan(0);
    expect(
      before.filter((entry) => entry.amazon.price !== entry.netsuite.price).length,
    ).toBeGreaterThan(3);

    for (let run = 1; run <= 2; run += 1) {
      const { summaries, errors } = await runBoth(env, feedThreshold, false);

      for (const summary of summaries) {
        expect(summary, summary.flowId).toMatchObject({ status: 'completed', failed: 0 });
        // Nothing was remembered as pushed: the second run finds the same differences.
        expect(summary.read, `${summary.flowId} run ${run}`).toBeGreaterThan(0);
        expect(summary.updated).toBe(summary.read);
        expect(summary.writes.length).toBeGreaterThan(0);
        expect(summary.writes.every((write) => write.target === 'amazon')).toBe(true);
      }

      expect(errors.map((error) => error.error.message)).toEqual([]);
    }

    expect(env.emulators.amazon.inspect.listings()).toEqual(listingsBefore);
    expect(listingWriteCounts(env)).toEqual(callsBefore);
  });

  it('then, with writes sent, pushes every difference: Amazon equals NetSuite', async () => {
    const { summaries, errors } = await runBoth(env, feedThreshold, true);

    for (const summary of summaries) {
      expect(summary, summary.flowId).toMatchObject({ status: 'completed', failed: 0 });
      expect(summary.updated).toBeGreaterThan(0);
      expect(summary.writes).toEqual([]);
    }

    expect(errors.map((error) => error.error.message)).toEqual([]);

    for (const entry of compare(env)) expect(entry.amazon, entry.sku).toEqual(entry.netsuite);

    const again = await runBoth(env, feedThreshold, true);

    expect(again.summaries.map((summary) => summary.read)).toEqual([0, 0]);
  });
});
