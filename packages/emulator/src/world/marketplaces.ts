import type { MarketplaceCode, WorldMarketplace } from './types';

/**
 * Marketplaces the world can enable; ids from
 * https://developer-docs.amazon.com/sp-api/docs/marketplace-ids.
 */
export const MARKETPLACES: Record<MarketplaceCode, WorldMarketplace> = {
  US: {
    id: 'ATVPDKIKX0DER',
    code: 'US',
    currency: 'USD',
    countryCode: 'US',
    name: 'Amazon.com',
  },
  DE: {
    id: 'A1PA6795UKMFR9',
    code: 'DE',
    currency: 'EUR',
    countryCode: 'DE',
    name: 'Amazon.de',
  },
};

/** Order id prefix per marketplace (Amazon's 3-7-7 order ids start with the region code). */
export const ORDER_ID_PREFIX: Record<MarketplaceCode, readonly string[]> = {
  US: ['111', '112', '113', '114'],
  DE: ['302', '303', '304', '305', '306'],
};

/** Finds an enabled marketplace by id. */
export function marketplaceById(id: string): WorldMarketplace | undefined {
  return Object.values(MARKETPLACES).find((marketplace) => marketplace.id === id);
}
