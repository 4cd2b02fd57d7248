/**
 * Turns any thrown value into a `SerializedError` safe to store, log and show: vendor errors keep
 * their taxonomy fields (already redacted by http-core), other errors their name, code and
 * message, with tokens in the message redacted and any personal value of the record scrubbed.
 */
import { isVendorError, PII_MASK, redactText, redactValue } from '@sellerbridge/http-core';
import type { JsonValue, SerializedError } from './store/types';

const MAX_MESSAGE = 2000;

/** A safe, JSON-ready copy of an error; `piiValues` are replaced in its message. */
export function serializeError(error: unknown, piiValues: readonly string[] = []): SerializedError {
  if (isVendorError(error)) return fromVendorError(error, piiValues);

  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;

    return {
      name: error.name,
      message: scrub(error.message, piiValues),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }

  return { name: 'NonError', message: scrub(String(error), piiValues) };
}

function fromVendorError(
  error: Parameters<typeof isVendorError>[0] & { toJSON(): Record<string, unknown> },
  piiValues: readonly string[],
): SerializedError {
  const json = error.toJSON();
  const pick = <T>(key: string, type: string): T | undefined =>
    typeof json[key] === type ? (json[key] as T) : undefined;
  const details = json.details === undefined ? undefined : (redactValue(json.details) as JsonValue);
  const serialized: SerializedError = {
    name: String(json.name ?? 'VendorError'),
    message: scrub(String(json.message ?? ''), piiValues),
    code: pick('code', 'string'),
    vendor: pick('vendor', 'string'),
    operation: pick('operation', 'string'),
    status: pick('status', 'number'),
    vendorCode: pick('vendorCode', 'string'),
    requestId: pick('requestId', 'string'),
    retryable: pick('retryable', 'boolean'),
    details,
  };

  return Object.fromEntries(
    Object.entries(serialized).filter(([, value]) => value !== undefined),
  ) as SerializedError;
}

function scrub(message: string, piiValues: readonly string[]): string {
  const cut = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
  // A plain Error may echo a bearer or LWA token; vendor errors are redacted at the edge already.
  let text = redactText(cut, []);
  for (const value of piiValues) {
    if (value.length >= 3) text = text.split(value).join(PII_MASK);
  }

  return text;
}

/** Every string leaf of some values, for scrubbing. */
export function stringLeaves(values: readonly JsonValue[]): string[] {
  const out: string[] = [];
  const visit = (value: JsonValue): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  values.forEach(visit);

  return out;
}
