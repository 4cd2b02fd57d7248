/** Reading SuiteQL rows and REST bodies: string values, references as plain ids or `{ id }`. */

/** A SuiteQL row or REST body. */
export type Row = Record<string, unknown>;

/** The id of a value that is a plain id or a `{ id }` reference ('' when absent). */
export function idOf(value: unknown): string {
  if (typeof value === 'object' && value !== null)
    return String((value as { id?: unknown }).id ?? '');

  return String(value ?? '');
}
