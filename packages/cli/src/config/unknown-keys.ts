/**
 * Unknown keys in a value checked against a zod object schema that is not strict itself (the
 * Starter plugin's settings schema strips them): a typo such as `inventroy` or `discountItemID`
 * must not be dropped silently. Walks the schema's definition (zod 4 `_zod.def`).
 */
import type { z } from 'zod';

/** An unknown key: its full path and, when one is close, the known key it may stand for. */
export interface UnknownKey {
  path: string[];
  suggestion?: string;
}

// The parts of a zod 4 definition the walk reads.
interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
}

/** Every key of `value` that `schema` does not declare, depth first, in key order. */
export function findUnknownKeys(
  schema: z.ZodType,
  value: unknown,
  path: string[] = [],
): UnknownKey[] {
  const def = schema._zod.def as SchemaDef;

  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return findUnknownKeys(def.innerType!, value, path);
    case 'pipe':
      return findUnknownKeys(def.in!, value, path);
    case 'object':
      return objectUnknownKeys(def, value, path);
    case 'record':
      return entriesOf(value).flatMap(([key, child]) =>
        findUnknownKeys(def.valueType!, child, [...path, key]),
      );
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, index) =>
            findUnknownKeys(def.element!, item, [...path, String(index)]),
          )
        : [];
    default:
      return [];
  }
}

function objectUnknownKeys(def: SchemaDef, value: unknown, path: string[]): UnknownKey[] {
  const shape = def.shape ?? {};
  const known = Object.keys(shape);
  // A loose object (a catch-all other than `never`) accepts any other key.
  const acceptsOthers = def.catchall !== undefined && def.catchall._zod.def.type !== 'never';

  return entriesOf(value).flatMap(([key, child]): UnknownKey[] => {
    const childSchema = shape[key];
    if (childSchema) return findUnknownKeys(childSchema, child, [...path, key]);
    if (acceptsOthers) return [];

    const suggestion = closestKey(key, known);
    return [{ path: [...path, key], ...(suggestion ? { suggestion } : {}) }];
  });
}

function entriesOf(value: unknown): Array<[string, unknown]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];

  return Object.entries(value);
}

// Typos are a case slip or a letter or two off: suggest a key within two edits.
const MAX_SUGGESTION_EDITS = 2;

function closestKey(key: string, known: string[]): string | undefined {
  let best: { name: string; edits: number } | undefined;

  for (const name of known) {
    const edits = editDistance(key.toLowerCase(), name.toLowerCase());
    if (edits <= MAX_SUGGESTION_EDITS && (!best || edits < best.edits)) best = { name, edits };
  }
  return best?.name;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);

  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
