/**
 * Separates buyer personal data from a record before it is stored: values under PII field names
 * (http-core's `isPiiKey`: names, emails, phones, addresses, buyer/recipient blocks) are replaced
 * by `[PII]` in the stored input and kept apart, to be encrypted or dropped.
 */
import { isPiiKey, PII_MASK } from '@sellerbridge/http-core';
import type { JsonValue } from '../store/types';

/** One personal value and where it sits in the record. */
export interface PiiEntry {
  path: (string | number)[];
  value: JsonValue;
}

/** The record without its personal data, and that data. */
export interface SplitRecord {
  plain: JsonValue;
  pii: PiiEntry[];
}

/** Copies a JSON-like record, moving every value under a PII key into `pii`. */
export function splitPii(record: unknown): SplitRecord {
  const pii: PiiEntry[] = [];
  const plain = walk(toJson(record), [], pii);

  return { plain, pii };
}

/** Puts personal values back into a plain record (for a retry). */
export function mergePii(plain: JsonValue, pii: readonly PiiEntry[]): JsonValue {
  const copy = structuredClone(plain);
  for (const entry of pii) setAt(copy, entry.path, entry.value);

  return copy;
}

/** Replaces each personal value in a plain record by a masked form (`J***`). */
export function maskPii(plain: JsonValue, pii: readonly PiiEntry[]): JsonValue {
  return mergePii(
    plain,
    pii.map((entry) => ({ path: entry.path, value: maskValue(entry.value) })),
  );
}

function walk(value: JsonValue, path: (string | number)[], pii: PiiEntry[]): JsonValue {
  if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, index], pii));
  if (value === null || typeof value !== 'object') return value;

  const copy: { [key: string]: JsonValue } = {};
  for (const [key, child] of Object.entries(value)) {
    if (isPiiKey(key) && child !== null && child !== '') {
      pii.push({ path: [...path, key], value: child });
      copy[key] = PII_MASK;
    } else {
      copy[key] = walk(child, [...path, key], pii);
    }
  }

  return copy;
}

function setAt(target: JsonValue, path: readonly (string | number)[], value: JsonValue): void {
  let node: unknown = target;
  for (const segment of path.slice(0, -1)) {
    node = (node as Record<string | number, unknown> | null)?.[segment];
  }

  const last = path[path.length - 1];
  if (node !== null && typeof node === 'object' && last !== undefined) {
    (node as Record<string | number, unknown>)[last] = value;
  }
}

function maskValue(value: JsonValue): JsonValue {
  if (typeof value === 'string') return value.length === 0 ? value : `${value[0]}***`;
  if (Array.isArray(value)) return value.map(maskValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v)]));
  }

  return PII_MASK;
}

function toJson(record: unknown): JsonValue {
  if (record === undefined) return null;

  // BigInt has no JSON form; keep its digits rather than failing to record the error.
  const text = JSON.stringify(record, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );

  return JSON.parse(text) as JsonValue;
}
