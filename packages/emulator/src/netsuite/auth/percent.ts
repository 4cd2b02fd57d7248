/**
 * RFC 5849 §3.6 percent-encoding: unreserved `A-Za-z0-9-._~` stay literal, all else `%XX`
 * upper case (https://www.rfc-editor.org/rfc/rfc5849#section-3.6).
 */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Decodes one query component as RFC 5849 §3.4.1.3.1 says: as
 * `application/x-www-form-urlencoded`, so `+` is a space. A client that signs a literal `+`
 * therefore fails, as it does against NetSuite (reference §5.2).
 */
export function formDecode(value: string): string {
  return safeDecode(value.replaceAll('+', ' '));
}

/** decodeURIComponent that keeps malformed input as is instead of throwing. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Splits a raw query string into decoded name/value pairs, keeping duplicates and order. */
export function parseRawQuery(rawQuery: string): Array<[string, string]> {
  if (rawQuery === '') return [];

  return rawQuery.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq === -1 ? pair : pair.slice(0, eq);
    const value = eq === -1 ? '' : pair.slice(eq + 1);
    return [formDecode(name), formDecode(value)];
  });
}
