/**
 * Encrypts buyer personal data at rest with AES-256-GCM (Amazon's Data Protection Policy asks for
 * encryption at rest of PII: https://developer-docs.amazon.com/sp-api/docs/data-protection-policy).
 * The key comes from `SELLERBRIDGE_ENCRYPTION_KEY` (32 bytes, hex or base64). The integration id,
 * flow and trace key are authenticated data, so a sealed blob cannot be moved to another record.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigurationError, ErrorRecordError } from '../errors';
import type { JsonValue } from '../store/types';

/** The environment variable holding the encryption key. */
export const ENCRYPTION_KEY_ENV = 'SELLERBRIDGE_ENCRYPTION_KEY';

const VERSION = 'v1';
const IV_BYTES = 12; // GCM's recommended nonce size (NIST SP 800-38D §8.2).

/** Seals and opens personal data for one integration. */
export interface PiiVault {
  seal(value: JsonValue, context: string): string;
  open(sealed: string, context: string): JsonValue;
}

/**
 * A vault from a key text (64 hex characters or base64 of 32 bytes); undefined without a key.
 * @throws {ConfigurationError} when the key is present but not 32 bytes.
 */
export function createPiiVault(keyText: string | undefined): PiiVault | undefined {
  if (keyText === undefined || keyText === '') return undefined;

  const key = decodeKey(keyText.trim());

  return {
    seal(value, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64'));

      return [VERSION, ...parts].join(':');
    },
    open(sealed, context) {
      const [version, iv, tag, body] = sealed.split(':');
      if (version !== VERSION || !iv || !tag || body === undefined) {
        throw new ErrorRecordError('PII_UNREADABLE', 'Sealed personal data has an unknown format');
      }

      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        const text = Buffer.concat([
          decipher.update(Buffer.from(body, 'base64')),
          decipher.final(),
        ]);

        return JSON.parse(text.toString('utf8')) as JsonValue;
      } catch {
        throw new ErrorRecordError(
          'PII_UNREADABLE',
          `Sealed personal data cannot be decrypted (wrong ${ENCRYPTION_KEY_ENV}?)`,
        );
      }
    },
  };
}

function decodeKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) {
    throw new ConfigurationError(
      `${ENCRYPTION_KEY_ENV} must be 32 bytes as 64 hex characters or base64 (got ${key.length} bytes)`,
    );
  }

  return key;
}
