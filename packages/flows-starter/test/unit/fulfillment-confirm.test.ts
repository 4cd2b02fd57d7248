/**
 * One package's confirmation with the write gate sending or only recording: a recorded one is
 * never linked (so a later run sends it), a sent or already-held one is linked once.
 */
import { describe, expect, it } from 'vitest';

import type { CreateOnceOptions, WriteIntent } from '@sellerbridge/flows-core';

import type { StarterContext } from '../../src/flows/context';
import type { PackageToConfirm } from '../../src/fulfillments/confirm';
import { confirmPackageOnce, isUnsent, markUnsent } from '../../src/fulfillments/confirm';
import { parseStarterSettings } from '../../src/index';
import { makeOrder } from './fixtures';

/** What Amazon does with a `confirmShipment` in the fake. */
type AmazonAnswer = 'accept' | 'reject-listed' | 'reject';

/** A context with a fake write gate, Amazon client and links store. */
function fakeContext(options: { sends: boolean; amazon?: AmazonAnswer; linked?: boolean }) {
  const calls: string[] = [];
  const recorded: WriteIntent[] = [];
  const links: CreateOnceOptions[] = [];
  const answer = options.amazon ?? 'accept';
  const ctx = {
    dryRun: false,
    settings: parseStarterSettings({ sellerId: 'A2SELLER' }),
    signal: new AbortController().signal,
    amazon: {
      call: async (operation: string) => {
        calls.push(operation);

        if (operation === 'getOrder') return { body: { order: orderListing(answer) } };
        if (answer !== 'accept') throw new Error('confirmShipment refused');

        return { body: undefined };
      },
    },
    write: async (intent: WriteIntent, perform: () => Promise<unknown>) => {
      if (options.sends) return { sent: true, value: await perform() };

      recorded.push(intent);

      return { sent: false, intent };
    },
    links: {
      get: async () => (options.linked ? { netsuiteId: '501' } : undefined),
      createOnce: async (link: CreateOnceOptions) => {
        links.push(link);

        return { netsuiteId: await link.create(link.externalId), outcome: 'created' };
      },
    },
  } as unknown as StarterContext;

  return { ctx, calls, recorded, links };
}

/** The order `getOrder` answers: listing the package when Amazon refused it as a repeat. */
function orderListing(answer: AmazonAnswer) {
  const listed = { packageReferenceId: '501-1', packageItems: [] };

  return makeOrder({
    orderId: '113-0000001-0000001',
    packages: answer === 'reject-listed' ? [listed] : [],
  });
}

const pkg = (isListed = false): PackageToConfirm => ({
  fulfillmentId: '501',
  amazonOrderId: '113-0000001-0000001',
  isListed,
  confirmation: {
    packageReferenceId: '501-1',
    body: {
      marketplaceId: 'ATVPDKIKX0DER',
      packageDetail: {
        packageReferenceId: '501-1',
        carrierCode: 'UPS',
        trackingNumber: '1ZTRACK0001',
        shipDate: '2026-01-05T12:00:00Z',
        orderItems: [{ orderItemId: 'OI-1', quantity: 1 }],
      },
    },
  },
});

describe('confirming one package', () => {
  it('only records it when Amazon writes are not sent, and links nothing', async () => {
    const { ctx, calls, recorded, links } = fakeContext({ sends: false });

    await expect(confirmPackageOnce(ctx, pkg())).resolves.toBe('recorded');

    expect(calls).toEqual([]);
    expect(recorded.map((intent) => [intent.target, intent.action])).toEqual([
      ['amazon', 'confirmShipment'],
    ]);
    expect(links).toEqual([]);
  });

  it('sends it and links it when writes are sent', async () => {
    const { ctx, calls, links } = fakeContext({ sends: true });

    await expect(confirmPackageOnce(ctx, pkg())).resolves.toBe('sent');

    expect(calls).toEqual(['confirmShipment']);
    expect(links.map((link) => [link.recordType, link.sourceKey, link.externalId])).toEqual([
      ['amazonPackage', 'netsuite-fulfillment:501:501-1', 'amzn-pkg-A2SELLER-501-1'],
    ]);
  });

  it('sends nothing for a package linked before or listed on Amazon; links the listed one', async () => {
    const linkedBefore = fakeContext({ sends: true, linked: true });
    const listed = fakeContext({ sends: false });

    await expect(confirmPackageOnce(linkedBefore.ctx, pkg())).resolves.toBe('linked-before');
    await expect(confirmPackageOnce(listed.ctx, pkg(true))).resolves.toBe('on-amazon');

    expect([...linkedBefore.calls, ...listed.calls, ...listed.recorded]).toEqual([]);
    expect(linkedBefore.links).toEqual([]);
    expect(listed.links).toHaveLength(1);
  });

  it('counts a refused repeat of a package Amazon lists as done, and rethrows other refusals', async () => {
    const repeat = fakeContext({ sends: true, amazon: 'reject-listed' });
    const refused = fakeContext({ sends: true, amazon: 'reject' });

    await expect(confirmPackageOnce(repeat.ctx, pkg())).resolves.toBe('on-amazon');
    await expect(confirmPackageOnce(refused.ctx, pkg())).rejects.toThrow('confirmShipment refused');

    expect(repeat.links).toHaveLength(1);
    expect(refused.links).toEqual([]);
  });

  it('remembers the records marked unsent, and only those', () => {
    const unsent = {};

    markUnsent(unsent);

    expect([isUnsent(unsent), isUnsent({})]).toEqual([true, false]);
  });
});
