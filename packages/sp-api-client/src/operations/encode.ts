/**
 * Encoding rules (issue item 7): path segments and query values are encoded exactly once
 * (RFC 3986 unreserved characters only stay literal, so SKUs with spaces, `/`, `&` or non-ASCII
 * characters and NextTokens with `+ / =` survive), arrays are comma-joined, and dates are sent
 * as UTC `YYYY-MM-DDTHH:mm:ssZ` (https://developer-docs.amazon.com/sp-api/docs/iso-8601).
 */
import type { OperationSpec, ParameterSpec } from '../generated/operations';

/** Percent-encodes everything but RFC 3986 unreserved characters (`A–Z a–z 0–9 - . _ ~`). */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A date as Amazon's UTC second-precision ISO-8601 form. */
export function formatSpApiDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Fills a path template; every value is encoded once. */
export function buildPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    encodeRfc3986(values[name] ?? ''),
  );
}

function scalarText(value: unknown): string {
  if (value instanceof Date) return formatSpApiDate(value);

  return String(value);
}

function queryPairs(parameter: ParameterSpec | undefined, name: string, value: unknown): string[] {
  const key = encodeRfc3986(name);

  if (!Array.isArray(value)) return [`${key}=${encodeRfc3986(scalarText(value))}`];
  if (parameter?.collectionFormat === 'multi') {
    return value.map((item) => `${key}=${encodeRfc3986(scalarText(item))}`);
  }

  // csv: the comma separates values and stays literal; each value is encoded on its own.
  return [`${key}=${value.map((item) => encodeRfc3986(scalarText(item))).join(',')}`];
}

/** The query string (without `?`) for already-validated values; undefined values are skipped. */
export function buildQuery(spec: OperationSpec, query: Record<string, unknown>): string {
  const pairs: string[] = [];

  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;

    const parameter = spec.parameters.find((candidate) => candidate.name === name);
    pairs.push(...queryPairs(parameter, name, value));
  }

  return pairs.join('&');
}
