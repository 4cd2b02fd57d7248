import { formatCents } from '../../../world/money';
import type { WorldMarketplace } from '../../../world/types';

/**
 * How a report renders numbers and dates. EU settlement files localise both: decimal commas and
 * `dd.MM.yyyy HH:mm:ss UTC` (https://github.com/abuzuhri/Amazon-SP-API-CSharp/issues/571);
 * US files use `yyyy-MM-dd HH:mm:ss UTC` and decimal points.
 */
export interface ReportLocale {
  money(cents: number): string;
  dateTime(ms: number): string;
  date(ms: number): string;
}

function parts(ms: number): { y: string; mo: string; d: string; time: string } {
  const iso = new Date(ms).toISOString();
  return { y: iso.slice(0, 4), mo: iso.slice(5, 7), d: iso.slice(8, 10), time: iso.slice(11, 19) };
}

const US: ReportLocale = {
  money: formatCents,
  dateTime: (ms) => {
    const p = parts(ms);
    return `${p.y}-${p.mo}-${p.d} ${p.time} UTC`;
  },
  // Amazon's settlement attribute page: posted-date is MM/DD/YY.
  date: (ms) => {
    const p = parts(ms);
    return `${p.mo}/${p.d}/${p.y.slice(2)}`;
  },
};

const EU: ReportLocale = {
  money: (cents) => formatCents(cents).replace('.', ','),
  dateTime: (ms) => {
    const p = parts(ms);
    return `${p.d}.${p.mo}.${p.y} ${p.time} UTC`;
  },
  date: (ms) => {
    const p = parts(ms);
    return `${p.d}.${p.mo}.${p.y}`;
  },
};

/** Locale of a marketplace's reports: EU marketplaces localise, US does not. */
export function localeFor(countryCode: string): ReportLocale {
  return countryCode === 'US' ? US : EU;
}

/** ISO-8601 with offset, as order and FBA reports write dates (`2026-11-30T12:00:00+00:00`). */
export function isoWithOffset(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/**
 * US formats of the order, FBA returns/shipments and ledger files: ISO-8601 with offset
 * (`2026-11-30T12:00:00+00:00`), decimal points, and the ledger's `MM/DD/YYYY` date
 * (Airbyte's fixture `11/21/2023`).
 */
const US_FLAT_FILE: ReportLocale = {
  money: formatCents,
  dateTime: isoWithOffset,
  date: (ms) => {
    const p = parts(ms);
    return `${p.mo}/${p.d}/${p.y}`;
  },
};

/**
 * Locale of a non-settlement flat file for the report's marketplaces. Amazon documents the EU
 * localisation only for settlements (https://github.com/abuzuhri/Amazon-SP-API-CSharp/issues/571);
 * the other EU files follow the same convention here. One locale per file (never per cell), chosen
 * like the charset: any EU marketplace makes the whole file EU.
 */
export function flatFileLocale(marketplaces: readonly WorldMarketplace[]): ReportLocale {
  const eu = marketplaces.find((market) => market.countryCode !== 'US');
  return eu ? localeFor(eu.countryCode) : US_FLAT_FILE;
}

/** Joins rows into a tab-separated flat file with LF line endings; tabs/newlines in cells become spaces. */
export function toTsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  const clean = (cell: string | number): string => String(cell).replace(/[\t\r\n]+/g, ' ');
  const lines = [header.join('\t'), ...rows.map((row) => row.map(clean).join('\t'))];
  return `${lines.join('\n')}\n`;
}
