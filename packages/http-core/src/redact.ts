/**
 * Redaction at the edge: secrets and buyer personal data are replaced before anything reaches a
 * log line, an event or an error property (style guideline 7; Amazon's Data Protection Policy
 * forbids keeping buyer PII in logs).
 */

/** Placeholder for a removed secret. */
export const REDACTED = '[REDACTED]';

/** Placeholder for removed buyer personal data. */
export const PII_MASK = '[PII]';

// Header and field names that carry credentials: LWA and OAuth tokens, OAuth 1.0a parameters,
// AWS keys, client secrets, passwords and private keys.
const SECRET_KEY_PATTERN =
  /(^authorization$|access[-_]?token|refresh[-_]?token|client[-_]?secret|secret|password|passwd|^token$|token[-_]?secret|private[-_]?key|^oauth_signature$|^oauth_token$|^oauth_consumer_key$|^x-amz-security-token$|^x-amz-access-token$|^x-amz-rdt|restricted[-_]?data[-_]?token|^assertion$|^client_assertion$|^cookie$|^set-cookie$|signature$|credential)/i;

// Field names that hold buyer personal data in Amazon orders and NetSuite customers.
const PII_KEY_PATTERN =
  /^(buyer[-_]?(name|email|phone)|name|first[-_]?name|last[-_]?name|full[-_]?name|company[-_]?name|email|buyer[-_]?email|phone|phone[-_]?number|address|address[-_]?line[-_]?[123]|addr[123]|address[123]|street|street[-_]?address|city|district|county|municipality|postal[-_]?code|zip|state[-_]?or[-_]?region|addressee|attention|ship[-_]?to|bill[-_]?to|recipient[-_]?name|delivery[-_]?address|shipping[-_]?address|billing[-_]?address|default[-_]?address|buyer[-_]?info|recipient|buyer|altphone|mobilephone|homephone|entityid|companyname|firstname|lastname)$/i;

/** True when a header, field or query parameter name carries a credential. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY_PATTERN.test(key);
}

/** True when a field name carries buyer personal data. */
export function isPiiKey(key: string): boolean {
  return PII_KEY_PATTERN.test(key);
}

/** Copies headers with every credential-bearing header replaced; values become strings. */
export function redactHeaders(headers: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};

  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    result[name] = isSecretKey(name) ? REDACTED : redactAuthorizationLike(String(value));
  }

  return result;
}

/** Returns the URL with secret query parameters replaced (presigned signatures included). */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;

  const base = url.slice(0, queryStart);
  const params = new URLSearchParams(url.slice(queryStart + 1));
  for (const key of [...params.keys()]) {
    if (isSecretKey(key) || /^x-amz-/i.test(key)) params.set(key, REDACTED);
  }

  return `${base}?${params.toString()}`;
}

/**
 * Deep-copies a value, replacing credential fields with `[REDACTED]` and buyer personal data
 * fields with `[PII]`. Cycles are cut; class instances other than arrays and plain objects are
 * kept as their string form.
 */
export function redactValue<T>(value: T): T {
  return redactNode(value, new WeakSet()) as T;
}

function redactNode(value: unknown, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);

  if (Array.isArray(value)) return value.map((item) => redactNode(item, seen));
  if (!isPlainObject(value)) return String(value);

  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] = redactEntry(key, child, seen);
  }

  return copy;
}

function redactEntry(key: string, child: unknown, seen: WeakSet<object>): unknown {
  if (child === null || child === undefined || child === '') return child;
  if (isSecretKey(key)) return REDACTED;
  if (isPiiKey(key)) return PII_MASK;

  return redactNode(child, seen);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Replaces every occurrence of the given secret values (tokens, keys) in a free text, such as a
 * vendor error message that echoes a credential back. Values shorter than 6 characters are left
 * alone: they would mangle ordinary words.
 */
export function redactText(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let result = redactAuthorizationLike(text);

  for (const secret of secrets) {
    if (secret && secret.length >= 6) result = result.split(secret).join(REDACTED);
  }

  return result;
}

// Bearer tokens, LWA tokens (Atza|…, Atzr|…) and OAuth 1.0a header parameters inside free text.
const TOKEN_IN_TEXT =
  /(Bearer\s+)[A-Za-z0-9._~+/=|-]+|Atz[ar]\|[A-Za-z0-9._~+/=|-]+|(oauth_(?:signature|token|consumer_key|nonce)=")[^"]*"/g;

function redactAuthorizationLike(text: string): string {
  return text.replace(TOKEN_IN_TEXT, (_match, bearer?: string, oauth?: string) => {
    if (bearer) return `${bearer}${REDACTED}`;
    if (oauth) return `${oauth}${REDACTED}"`;
    return REDACTED;
  });
}
