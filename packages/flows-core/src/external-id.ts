/**
 * Deterministic NetSuite external ids (DESIGN §5): letters, digits, `_` and `-` only, the same
 * for the same source record on every attempt, so a create can be repeated safely.
 */
import { ValueFormatError } from './errors';

const PART = /^[A-Za-z0-9_-]+$/;
// NetSuite's externalId is a free-form text field of up to 255 characters
// (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_N3476487.html).
const MAX_LENGTH = 255;

/**
 * Joins parts with `-` into an external id: `externalId('amzn-so', sellerId, orderId)`.
 * @throws {ValueFormatError} naming the part with a character outside letters, digits, `_`, `-`.
 */
export function externalId(...parts: readonly (string | number)[]): string {
  if (parts.length === 0) throw new ValueFormatError('externalId', 'An external id needs parts');

  parts.forEach((part, index) => {
    const text = String(part);
    if (!PART.test(text)) {
      throw new ValueFormatError(
        'externalId',
        `External id part ${index + 1} ('${text}') may only hold letters, digits, '_' and '-'`,
      );
    }
  });

  const id = parts.join('-');
  if (id.length > MAX_LENGTH) {
    throw new ValueFormatError(
      'externalId',
      `External id is ${id.length} characters (max ${MAX_LENGTH})`,
    );
  }

  return id;
}

/** True when a text is a valid external id. */
export function isExternalId(text: string): boolean {
  return PART.test(text) && text.length <= MAX_LENGTH;
}
