/**
 * Verifies the client-credentials JWT assertion with node:crypto (RFC 7515/7518): ES256/384/512
 * signatures are raw r||s (IEEE P1363), PS256/384/512 are RSA-PSS with salt = digest length.
 * NetSuite's rules (shared/reference/netsuite.md §5.4): `kid` = certificate id of the mapping,
 * `iss` = client id, `aud` = token endpoint URL, `exp` at most 60 minutes after `iat`.
 */
import { constants, createPublicKey, verify, type KeyObject } from 'node:crypto';

/** A registered M2M certificate mapping. */
export interface ClientCertificate {
  clientId: string;
  certificateId: string;
  publicKey: KeyObject;
}

/** Claims NetSuite reads from the assertion. */
export interface AssertionClaims {
  iss: string;
  scope: string;
  aud: string | string[];
  iat: number;
  exp: number;
}

const ALGORITHMS: Record<string, { hash: string; kind: 'ec' | 'rsa-pss' }> = {
  ES256: { hash: 'sha256', kind: 'ec' },
  ES384: { hash: 'sha384', kind: 'ec' },
  ES512: { hash: 'sha512', kind: 'ec' },
  PS256: { hash: 'sha256', kind: 'rsa-pss' },
  PS384: { hash: 'sha384', kind: 'rsa-pss' },
  PS512: { hash: 'sha512', kind: 'rsa-pss' },
};

/** Why an assertion was refused (never contains key material). */
export class AssertionError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'AssertionError';
  }
}

/** Checks signature and claims; returns the matching certificate. */
export function verifyAssertion(
  jwt: string,
  certificates: ClientCertificate[],
  expectedAudiences: string[],
  nowS: number,
): ClientCertificate {
  const [headerPart, payloadPart, signaturePart] = jwt.split('.');
  if (!headerPart || !payloadPart || !signaturePart) throw new AssertionError('malformed JWT');

  const header = decodeJson(headerPart, 'header');
  const algorithm = ALGORITHMS[String(header.alg)];
  if (algorithm === undefined) throw new AssertionError(`unsupported alg ${String(header.alg)}`);

  const certificate = certificates.find((c) => c.certificateId === header.kid);
  if (certificate === undefined) throw new AssertionError('unknown kid');

  checkSignature(`${headerPart}.${payloadPart}`, signaturePart, certificate.publicKey, algorithm);
  checkClaims(decodeJson(payloadPart, 'payload'), certificate, expectedAudiences, nowS);
  return certificate;
}

function decodeJson(part: string, name: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  } catch {
    // fall through to the typed error below
  }

  throw new AssertionError(`JWT ${name} is not a JSON object`);
}

function checkSignature(
  signingInput: string,
  signaturePart: string,
  key: KeyObject,
  algorithm: { hash: string; kind: 'ec' | 'rsa-pss' },
): void {
  const keyKind = key.asymmetricKeyType === 'ec' ? 'ec' : 'rsa-pss';
  if (keyKind !== algorithm.kind)
    throw new AssertionError('alg does not match the certificate key');

  const options =
    algorithm.kind === 'ec'
      ? { key, dsaEncoding: 'ieee-p1363' as const }
      : {
          key,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
        };
  const signature = Buffer.from(signaturePart, 'base64url');

  if (!verify(algorithm.hash, Buffer.from(signingInput), options, signature)) {
    throw new AssertionError('bad signature');
  }
}

function checkClaims(
  claims: Record<string, unknown>,
  certificate: ClientCertificate,
  expectedAudiences: string[],
  nowS: number,
): void {
  if (claims.iss !== certificate.clientId) throw new AssertionError('iss is not the client id');

  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.some((aud) => expectedAudiences.includes(String(aud)))) {
    throw new AssertionError('aud is not the token endpoint');
  }

  const scopes = String(claims.scope ?? '').split(/[\s,]+/);
  if (!scopes.includes('rest_webservices'))
    throw new AssertionError('scope lacks rest_webservices');

  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number')
    throw new AssertionError('iat/exp missing');
  if (exp <= nowS) throw new AssertionError('assertion expired');
  if (exp - iat > 3600) throw new AssertionError('exp more than 60 minutes after iat');
  if (iat > nowS + 300) throw new AssertionError('iat in the future');
}

/** Parses a PEM public key (or certificate) into a KeyObject. */
export function publicKeyFromPem(pem: string): KeyObject {
  return createPublicKey(pem);
}
