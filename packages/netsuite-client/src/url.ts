/**
 * URL building with RFC 3986 encoding. OAuth 1.0a signs the query exactly as sent, and
 * `oauth-1.0a` decodes it with `decodeURIComponent` (no `+` → space), so a `URLSearchParams`
 * query (`+` for spaces) is signed differently from what NetSuite decodes: 401. Spaces are
 * `%20`, `!` is `%21`. https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1534941088.html
 */

/** A query parameter value; `undefined` drops the parameter, arrays join with `,`. */
export type QueryValue = string | number | boolean | undefined | ReadonlyArray<string | number>;

/** Query parameters in insertion order. */
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** Percent-encodes per RFC 3986 §2.3: only `A-Za-z0-9-._~` stay literal. */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Serialises query parameters with RFC 3986 encoding (never `+` for a space). */
export function toQueryString(query: QueryParams | undefined): string {
  if (!query) return '';

  const pairs: string[] = [];
  for (const [name, raw] of Object.entries(query)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(',') : String(raw);
    pairs.push(`${encodeRfc3986(name)}=${encodeRfc3986(value)}`);
  }

  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

/** Joins the base URL, a path starting with `/` and a query string. */
export function buildUrl(baseUrl: string, path: string, query?: QueryParams): string {
  return `${baseUrl}${path}${toQueryString(query)}`;
}
