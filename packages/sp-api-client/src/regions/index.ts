/**
 * SP-API regions, hosts and marketplace ids.
 * Source: https://developer-docs.amazon.com/sp-api/docs/sp-api-endpoints and
 * https://developer-docs.amazon.com/sp-api/docs/marketplace-ids (reference/amazon-sp-api.md §2.1).
 */

/** The three SP-API regions; limits and tokens are per region. */
export type SpApiRegion = 'na' | 'eu' | 'fe';

/** Production hosts per region. The models declare only the NA host; the client swaps it. */
export const SP_API_ENDPOINTS: Readonly<Record<SpApiRegion, string>> = {
  na: 'https://sellingpartnerapi-na.amazon.com',
  eu: 'https://sellingpartnerapi-eu.amazon.com',
  fe: 'https://sellingpartnerapi-fe.amazon.com',
};

/** Static sandbox hosts (they answer only the models' canned requests). */
export const SP_API_SANDBOX_ENDPOINTS: Readonly<Record<SpApiRegion, string>> = {
  na: 'https://sandbox.sellingpartnerapi-na.amazon.com',
  eu: 'https://sandbox.sellingpartnerapi-eu.amazon.com',
  fe: 'https://sandbox.sellingpartnerapi-fe.amazon.com',
};

/** LWA token endpoint, the same for every region (Amazon's own auth libraries use it). */
export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

/** Marketplace ids by country code; the docs spell the United Kingdom `UK`. */
export const MARKETPLACE_IDS = {
  CA: 'A2EUQ1WTGCTBG2',
  US: 'ATVPDKIKX0DER',
  MX: 'A1AM78C64UM0Y8',
  BR: 'A2Q3Y263D00KWC',
  IE: 'A28R8C7NBKEWEA',
  ES: 'A1RKKUPIHCS9HS',
  UK: 'A1F83G8C2ARO7P',
  FR: 'A13V1IB3VIYZZH',
  BE: 'AMEN7PMS3EDWL',
  NL: 'A1805IZSGTT6HS',
  DE: 'A1PA6795UKMFR9',
  IT: 'APJ6JRA9NG5V4',
  SE: 'A2NODRKZP88ZB9',
  ZA: 'AE08WJ6YKNBMC',
  PL: 'A1C3SOZRARQ6R3',
  EG: 'ARBP9OOSHTCHU',
  TR: 'A33AVAJ2PDY3EV',
  SA: 'A17E79C6D8DWNP',
  AE: 'A2VIGQ35RCS4UG',
  IN: 'A21TJRUUN4KGV',
  SG: 'A19VAU5U5O7RUS',
  AU: 'A39IBJ37TRP1C6',
  JP: 'A1VC38T7YXB528',
} as const;

/** A country code of {@link MARKETPLACE_IDS}. */
export type MarketplaceCountry = keyof typeof MARKETPLACE_IDS;

const REGION_OF_COUNTRY: Readonly<Record<MarketplaceCountry, SpApiRegion>> = {
  CA: 'na',
  US: 'na',
  MX: 'na',
  BR: 'na',
  IE: 'eu',
  ES: 'eu',
  UK: 'eu',
  FR: 'eu',
  BE: 'eu',
  NL: 'eu',
  DE: 'eu',
  IT: 'eu',
  SE: 'eu',
  ZA: 'eu',
  PL: 'eu',
  EG: 'eu',
  TR: 'eu',
  SA: 'eu',
  AE: 'eu',
  IN: 'eu',
  SG: 'fe',
  AU: 'fe',
  JP: 'fe',
};

/** The region serving a marketplace id, or undefined for ids not in the table. */
export function regionOfMarketplace(marketplaceId: string): SpApiRegion | undefined {
  const entry = Object.entries(MARKETPLACE_IDS).find(([, id]) => id === marketplaceId);

  return entry ? REGION_OF_COUNTRY[entry[0] as MarketplaceCountry] : undefined;
}

/** The country code of a marketplace id, or undefined for ids not in the table. */
export function countryOfMarketplace(marketplaceId: string): MarketplaceCountry | undefined {
  const entry = Object.entries(MARKETPLACE_IDS).find(([, id]) => id === marketplaceId);

  return entry?.[0] as MarketplaceCountry | undefined;
}

/** The base URL for a region: an explicit override (emulator) wins, then sandbox, then production. */
export function resolveEndpoint(
  region: SpApiRegion,
  options: { sandbox?: boolean; baseUrl?: string } = {},
): string {
  if (options.baseUrl) return options.baseUrl.replace(/\/+$/, '');

  return options.sandbox ? SP_API_SANDBOX_ENDPOINTS[region] : SP_API_ENDPOINTS[region];
}
