import { formatCents } from './money';
import type { Prng } from './prng';
import type { CatalogItem, WorldMarketplace } from './types';

/** SKUs with characters that break naive encoders, on purpose (issue #5 item 9). */
const US_ODD_SKUS = [
  'BLUE MUG 12OZ',
  'CABLE/USB-C/2M',
  'SOCKS,WOOL,L',
  'CAFÉ-TASSE-ÉCRU',
  'TEE / NAVY / XL',
  '日本茶-GREEN-100G',
] as const;

const DE_ODD_SKUS = ['ÜBER-FLASCHE 1L', 'GRÖSSE/M,BLAU', 'STRAẞEN KARTE'] as const;

const NOUNS = [
  ['HOME', 'Ceramic Mug'],
  ['HOME', 'Bamboo Cutting Board'],
  ['KITCHEN', 'Chef Knife'],
  ['APPAREL', 'Merino Socks'],
  ['APPAREL', 'Cotton T-Shirt'],
  ['SPORTING_GOODS', 'Yoga Mat'],
  ['OFFICE_PRODUCTS', 'Notebook A5'],
  ['TOYS_AND_GAMES', 'Puzzle 1000 Pieces'],
  ['PET_SUPPLIES', 'Dog Leash'],
  ['ELECTRONICS', 'USB-C Cable'],
] as const;

const ADJECTIVES = ['Classic', 'Premium', 'Eco', 'Compact', 'Deluxe', 'Travel', 'Large', 'Mini'];
const COLORS = ['RED', 'NAVY', 'BLACK'] as const;
const SIZES = ['S', 'M', 'L'] as const;

interface CatalogDraft {
  sku: string;
  kind: CatalogItem['kind'];
  parentSku?: string;
  components?: CatalogItem['components'];
}

/** How many plain SKUs a world gets: grows slowly with the order count. */
function plainSkuCount(orders: number): number {
  return Math.min(400, 30 + Math.floor(orders / 150));
}

function draftsFor(market: WorldMarketplace, orders: number): CatalogDraft[] {
  const prefix = market.code === 'US' ? 'SB' : 'SBDE';
  const drafts: CatalogDraft[] = [];

  for (let i = 1; i <= plainSkuCount(orders); i += 1) {
    drafts.push({ sku: `${prefix}-${String(i).padStart(4, '0')}`, kind: 'inventory' });
  }

  const odd = market.code === 'US' ? US_ODD_SKUS : DE_ODD_SKUS;
  for (const sku of odd) drafts.push({ sku, kind: 'inventory' });

  // A matrix item: children carry the sellable SKUs, the parent is a NetSuite matrix parent.
  for (const color of COLORS) {
    for (const size of SIZES) {
      drafts.push({
        sku: `${prefix}-TEE-${color}-${size}`,
        kind: 'matrix',
        parentSku: `${prefix}-TEE`,
      });
    }
  }

  drafts.push({
    sku: `${prefix}-KIT-GIFTSET`,
    kind: 'kit',
    components: [
      { sku: `${prefix}-0001`, quantity: 2 },
      { sku: `${prefix}-0002`, quantity: 1 },
    ],
  });

  drafts.push({ sku: `${prefix}-EXTENDED-WARRANTY`, kind: 'nonInventory' });
  drafts.push({ sku: `${prefix}-NOTINNS-1`, kind: 'inventory' });
  drafts.push({ sku: `${prefix}-NOTINNS-2`, kind: 'inventory' });
  return drafts;
}

function asinFor(rng: Prng): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let out = 'B0';
  for (let i = 0; i < 8; i += 1) out += alphabet[rng.int(0, alphabet.length - 1)];
  return out;
}

function toItem(
  draft: CatalogDraft,
  market: WorldMarketplace,
  rng: Prng,
  index: number,
): CatalogItem {
  const [productType, noun] =
    draft.kind === 'matrix' ? (['APPAREL', 'Cotton T-Shirt'] as const) : rng.pick(NOUNS);
  const priceCents = rng.int(5, 120) * 100 + rng.pick([99, 95, 49, 0]);
  const isFba = draft.kind !== 'nonInventory' && rng.chance(0.5);
  const isMfn = !isFba || rng.chance(0.3);
  const channels: CatalogItem['channels'] = [];
  if (isMfn) channels.push('MFN');
  if (isFba) channels.push('FBA');

  const inNetSuite = !draft.sku.includes('NOTINNS');
  const stocked = draft.kind === 'inventory' || draft.kind === 'matrix';
  const fbaQty = isFba && stocked ? rng.int(0, 500) : 0;
  const warehouseQty = stocked ? rng.int(0, 800) : 0;
  const itemId = String(1000 + index);

  const item: CatalogItem = {
    sku: draft.sku,
    asin: asinFor(rng),
    title: `${rng.pick(ADJECTIVES)} ${noun}${draft.kind === 'kit' ? ' Gift Set' : ''} (${draft.sku})`,
    upc: `0${rng.digits(11)}`,
    productType,
    price: formatCents(priceCents),
    currency: market.currency,
    kind: draft.kind,
    channels,
    inNetSuite,
    netsuite: {
      itemId: inNetSuite ? itemId : '',
      warehouseQty,
      fbaQty,
      basePrice: formatCents(priceCents),
      priceLevel2: formatCents(priceCents - Math.floor(priceCents / 10)),
    },
    amazonQuantity: isMfn && draft.kind !== 'nonInventory' ? warehouseQty : 0,
    fbaFulfillable: fbaQty,
    fnsku: isFba ? `X00${rng.digits(7)}` : '',
    marketplaceId: market.id,
  };

  if (draft.components) item.components = draft.components;
  if (draft.parentSku) item.parentSku = draft.parentSku;
  return item;
}

/** Generates the seller's catalog for the enabled marketplaces. */
export function generateCatalog(
  rng: Prng,
  marketplaces: readonly WorldMarketplace[],
  orders: number,
): CatalogItem[] {
  const catalog: CatalogItem[] = [];

  for (const market of marketplaces) {
    for (const draft of draftsFor(market, orders)) {
      catalog.push(toItem(draft, market, rng, catalog.length));
    }
  }

  return catalog;
}
