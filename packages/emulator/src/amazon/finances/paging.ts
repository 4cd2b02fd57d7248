import { invalidInput } from '../server/errors';

/** Opaque next tokens: base64url JSON of the resolved query plus the offset. */
export function encodeToken(state: object): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

/**
 * Decodes a next token.
 *
 * @throws AmazonApiError 400 InvalidInput when the token was not issued by the emulator.
 */
export function decodeToken<T>(token: string): T {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (typeof state !== 'object' || state === null) throw new Error('not an object');
    return state as T;
  } catch {
    return invalidInput('Invalid nextToken.', 'Invalid nextToken.');
  }
}
