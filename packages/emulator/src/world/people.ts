import type { Prng } from './prng';
import type { CustomerAddress, MarketplaceCode } from './types';

/** Buyer names, several non-ASCII on purpose (issue #5 item 9). */
const FIRST = [
  'James',
  'María',
  'Zoë',
  'Łukasz',
  'Søren',
  'Chloé',
  'Ana',
  'Jürgen',
  'Wei',
  'Olivia',
];
const LAST = ['Smith', 'Álvarez', 'Müller', 'Żółć', "O'Brien", 'Nguyễn', 'Johnson', 'Brontë'];
const FULL_NON_LATIN = ['王小明', 'Дмитрий Иванов', '佐藤 花子'];

/** US delivery points with their combined sales-tax rate in basis points. */
const US_PLACES = [
  { city: 'Seattle', stateOrRegion: 'WA', postalCode: '98109', taxBp: 1025 },
  { city: 'Austin', stateOrRegion: 'TX', postalCode: '78701', taxBp: 825 },
  { city: 'New York', stateOrRegion: 'NY', postalCode: '10001', taxBp: 888 },
  { city: 'Portland', stateOrRegion: 'OR', postalCode: '97201', taxBp: 0 },
  { city: 'Miami', stateOrRegion: 'FL', postalCode: '33101', taxBp: 700 },
  { city: 'San José', stateOrRegion: 'CA', postalCode: '95113', taxBp: 938 },
] as const;

/** German VAT, standard rate (https://www.bzst.de). */
const DE_VAT_BP = 1900;
const DE_PLACES = [
  { city: 'Berlin', stateOrRegion: 'Berlin', postalCode: '10115' },
  { city: 'München', stateOrRegion: 'Bayern', postalCode: '80331' },
  { city: 'Köln', stateOrRegion: 'Nordrhein-Westfalen', postalCode: '50667' },
] as const;

const STREETS = ['Main St', 'Oak Ave', 'Pine Rd', 'Elm St', 'Cedar Ln'];
const DE_STREETS = ['Hauptstraße', 'Schloßallee', 'Bahnhofstraße', 'Gartenweg'];
const COMPANIES = ['Acme Corp', 'Globex GmbH', 'Initech LLC', 'Umbrella Supplies Inc.'];

/** A generated buyer with delivery address and applicable tax rate. */
export interface Person {
  name: string;
  address: CustomerAddress;
  taxBp: number;
  companyName?: string;
}

function personName(rng: Prng): string {
  if (rng.chance(0.05)) return rng.pick(FULL_NON_LATIN);
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

interface Place {
  city: string;
  stateOrRegion: string;
  postalCode: string;
  taxBp: number;
}

function pickPlace(
  rng: Prng,
  market: MarketplaceCode,
): { place: Place; street: string; phone: string } {
  if (market === 'US') {
    const street = `${rng.int(1, 9999)} ${rng.pick(STREETS)}`;
    return { place: rng.pick(US_PLACES), street, phone: `+1 206-555-${rng.digits(4)}` };
  }

  const street = `${rng.pick(DE_STREETS)} ${rng.int(1, 120)}`;
  return {
    place: { ...rng.pick(DE_PLACES), taxBp: DE_VAT_BP },
    street,
    phone: `+49 30 ${rng.digits(7)}`,
  };
}

/** Generates a buyer for the marketplace; `isBusiness` adds a company. */
export function generatePerson(rng: Prng, market: MarketplaceCode, isBusiness: boolean): Person {
  const name = personName(rng);
  const companyName = isBusiness ? rng.pick(COMPANIES) : undefined;
  const { place, street, phone } = pickPlace(rng, market);

  const address: CustomerAddress = {
    name,
    addressLine1: street,
    city: place.city,
    stateOrRegion: place.stateOrRegion,
    postalCode: place.postalCode,
    countryCode: market,
    phone,
    addressType: isBusiness ? 'COMMERCIAL' : 'RESIDENTIAL',
  };
  if (companyName) address.companyName = companyName;
  return { name, address, taxBp: place.taxBp, ...(companyName ? { companyName } : {}) };
}

/** Sales-tax (US) or VAT (DE) rate in basis points for a delivery address. */
export function taxBpFor(address: CustomerAddress | undefined): number {
  if (address?.countryCode === 'DE') return DE_VAT_BP;
  return US_PLACES.find((place) => place.postalCode === address?.postalCode)?.taxBp ?? 0;
}
