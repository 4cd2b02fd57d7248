import { formatCents } from '../../../world/money';

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

/** Joins rows into a tab-separated flat file with LF line endings; tabs/newlines in cells become spaces. */
export function toTsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  const clean = (cell: string | number): string => String(cell).replace(/[\t\r\n]+/g, ' ');
  const lines = [header.join('\t'), ...rows.map((row) => row.map(clean).join('\t'))];
  return `${lines.join('\n')}\n`;
}
