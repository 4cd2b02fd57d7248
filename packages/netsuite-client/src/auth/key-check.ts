/**
 * Checks at construction that the OAuth 2.0 private key can sign with the chosen algorithm, so a
 * mismatch (an EC key with the default PS256) is reported by name before any request, instead of
 * as a signing failure on the first call.
 */
import { KeyObject, createPrivateKey } from 'node:crypto';
import { InvalidInputError } from '@sellerbridge/http-core';
import type { OAuth2Algorithm } from './oauth2';

/** The key type and, for EC, the curve each algorithm needs (RFC 7518 §3.4–3.5). */
const REQUIRED: Record<OAuth2Algorithm, { types: string[]; curve?: string }> = {
  PS256: { types: ['rsa', 'rsa-pss'] },
  PS384: { types: ['rsa', 'rsa-pss'] },
  PS512: { types: ['rsa', 'rsa-pss'] },
  ES256: { types: ['ec'], curve: 'prime256v1' },
  ES384: { types: ['ec'], curve: 'secp384r1' },
  ES512: { types: ['ec'], curve: 'secp521r1' },
};

/**
 * Checks a PEM string or a Node `KeyObject` (a WebCrypto `CryptoKey` is checked when it signs).
 * @throws InvalidInputError when the PEM is not a private key, or its type or curve does not fit
 *   `algorithm`. The message names the key type, never the key.
 */
export function assertKeyFitsAlgorithm(privateKey: unknown, algorithm: OAuth2Algorithm): void {
  if (typeof privateKey !== 'string' && !(privateKey instanceof KeyObject)) return;

  const fail = (message: string) =>
    new InvalidInputError({
      vendor: 'netsuite',
      operation: 'createNetSuiteClient',
      message,
      errorPath: 'auth.privateKey',
      hint: 'PS256/384/512 need an RSA key; ES256 an EC P-256 key, ES384 P-384, ES512 P-521.',
    });

  let key: KeyObject;
  try {
    key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  } catch {
    throw fail('auth.privateKey is not a readable PEM private key');
  }
  if (key.type !== 'private') throw fail('auth.privateKey is not a private key');

  const required = REQUIRED[algorithm];
  const type = key.asymmetricKeyType ?? 'unknown';
  if (!required.types.includes(type)) {
    throw fail(`auth.privateKey is an ${type.toUpperCase()} key, which cannot sign ${algorithm}`);
  }

  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (required.curve && curve !== required.curve) {
    throw fail(
      `auth.privateKey is on curve ${curve ?? 'unknown'}, ${algorithm} needs ${required.curve}`,
    );
  }
}
