/**
 * The listing handlers with the write gate sending or only recording: a recorded write counts as
 * the engine counts it, is never read back and never becomes "last pushed".
 */
import { describe, expect, it } from 'vitest';

import type { WriteIntent } from '@sellerbridge/flows-core';

import type { StarterContext } from '../../src/flows/context';
import { handleInventory, type InventoryRecord } from '../../src/flows/inventory';
import { ListingRejectedError, pushedAfter, RECORDED_NOT_SENT } from '../../src/flows/listings';
import { handlePrice, PriceNotAppliedError, type PriceRecord } from '../../src/flows/pricing';
import { parseStarterSettings } from '../../src/index';

/** A context whose write gate sends or only records, and whose Amazon client answers `answers`. */
function fakeContext(options: { sends: boolean; listedPrice?: string }) {
  const calls: string[] = [];
  const recorded: WriteIntent[] = [];
  const answers: Record<string, unknown> = {
    patchListingsItem: { status: 'ACCEPTED', issues: [] },
    getListingsItem: {
      attributes: {
        purchasable_offer: [
          { our_price: [{ schedule: [{ value_with_tax: options.listedPrice ?? '0' }] }] },
        ],
      },
    },
  };
  const ctx = {
    dryRun: false,
    settings: parseStarterSettings({ sellerId: 'A2SELLER' }),
    signal: new AbortController().signal,
    amazon: {
      call: async (operation: string) => {
        calls.push(operation);

        return { body: answers[operation] };
      },
    },
    write: async (intent: WriteIntent, perform: () => Promise<unknown>) => {
      if (options.sends) return { sent: true, value: await perform() };

      recorded.push(intent);

      return { sent: false, intent };
    },
  } as unknown as StarterContext;

  return { ctx, calls, recorded };
}

const price = (): PriceRecord => ({
  sku: 'SB-0001',
  price: '4.95',
  currency: 'USD',
  marketplaceId: 'ATVPDKIKX0DER',
});
const quantity = (overrides: Partial<InventoryRecord> = {}): InventoryRecord => ({
  sku: 'SB-0001',
  quantity: 714,
  ...overrides,
});
const priceKey = (record: PriceRecord): [string, string] => [
  `${record.marketplaceId}:${record.sku}`,
  record.price,
];
const quantityKey = (record: InventoryRecord): [string, number] => [record.sku, record.quantity];

describe('pricing with the write gate', () => {
  it('counts a recorded price as the engine does, does not read it back nor mark it pushed', async () => {
    const { ctx, calls, recorded } = fakeContext({ sends: false });
    const record = price();

    await expect(handlePrice(ctx, record)).resolves.toEqual(RECORDED_NOT_SENT);

    expect(calls).toEqual([]);
    expect(recorded.map((intent) => intent.action)).toEqual(['patchListingsItem']);
    expect(pushedAfter({ 'ATVPDKIKX0DER:SB-0001': '5.49' }, [record], priceKey)).toEqual({
      'ATVPDKIKX0DER:SB-0001': '5.49',
    });
  });

  it('marks a sent price pushed once the listing shows it', async () => {
    const { ctx, calls } = fakeContext({ sends: true, listedPrice: '4.950' });
    const record = price();

    await expect(handlePrice(ctx, record)).resolves.toBe('updated');

    expect(calls).toEqual(['patchListingsItem', 'getListingsItem']);
    expect(pushedAfter({}, [record], priceKey)).toEqual({ 'ATVPDKIKX0DER:SB-0001': '4.95' });
  });

  it('does not mark a sent price pushed while the listing shows another', async () => {
    const { ctx } = fakeContext({ sends: true, listedPrice: '5.49' });
    const record = price();

    await expect(handlePrice(ctx, record)).rejects.toBeInstanceOf(PriceNotAppliedError);

    expect(pushedAfter({}, [record], priceKey)).toEqual({});
  });
});

describe('inventory with the write gate', () => {
  it('counts a recorded patch as the engine does and does not mark it pushed', async () => {
    const { ctx, calls } = fakeContext({ sends: false });
    const record = quantity();

    await expect(handleInventory(ctx, record)).resolves.toEqual(RECORDED_NOT_SENT);

    expect(calls).toEqual([]);
    expect(pushedAfter({ 'SB-0001': 775 }, [record], quantityKey)).toEqual({ 'SB-0001': 775 });
  });

  it('settles feed parts: recorded → not pushed, accepted → pushed, error → rejected', async () => {
    const { ctx, calls } = fakeContext({ sends: true });
    const recordedPart = quantity({ sku: 'A', feed: { sent: false } });
    const accepted = quantity({ sku: 'B', feed: { sent: true, result: null } });
    const rejected = quantity({
      sku: 'C',
      feed: {
        sent: true,
        result: { index: 3, sku: 'C', status: 'error', issues: [{ code: '90220' }] },
      },
    });

    await expect(handleInventory(ctx, recordedPart)).resolves.toEqual(RECORDED_NOT_SENT);
    await expect(handleInventory(ctx, accepted)).resolves.toBe('updated');
    await expect(handleInventory(ctx, rejected)).rejects.toBeInstanceOf(ListingRejectedError);

    expect(calls).toEqual([]);
    expect(pushedAfter({}, [recordedPart, accepted, rejected], quantityKey)).toEqual({ B: 714 });
  });
});
