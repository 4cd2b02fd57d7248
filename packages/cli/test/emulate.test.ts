import { describe, expect, it } from 'vitest';
import { spawnSellerbridge, waitForOutput } from './cli-support';

describe('sellerbridge emulate', () => {
  it('prints the URLs, credentials and the seeded NetSuite ids as a starter section', async () => {
    const emulate = spawnSellerbridge(['emulate', '--orders', '50'], { env: {} });
    await waitForOutput(emulate, /Emulators running/);

    emulate.child.kill('SIGINT');
    const { stdout } = await emulate.result;
    const printed = JSON.parse(stdout.slice(0, stdout.indexOf('\nEmulators running'))) as {
      amazon: { url: string; lwaUrl: string };
      starter: Record<string, unknown>;
    };
    const id = expect.stringMatching(/^\d+$/);

    expect(printed.amazon.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(printed.starter).toMatchObject({
      marketplaces: {
        ATVPDKIKX0DER: { subsidiaryId: id, locationId: id, fbaLocationId: id, currencyId: id },
      },
      orders: { shipMethods: { STANDARD: id, EXPEDITED: id }, defaultShipMethodId: id },
      customers: { strategy: 'default', defaultCustomerIds: [id] },
      inventory: { locationIds: [id] },
      pricing: { priceLevelId: id },
    });
  }, 60_000);
});
