/**
 * OAuth 2.0 client credentials (M2M) as NetSuite serves it at
 * `POST /services/rest/auth/oauth2/v1/token` (shared/reference/netsuite.md §5.4,
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_162755359851.html):
 * a JWT assertion in, an opaque bearer token valid one hour out (no refresh token).
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { AssertionError, verifyAssertion, type ClientCertificate } from './jwt';

/** Token lifetime NetSuite documents for M2M access tokens. */
export const ACCESS_TOKEN_TTL_MS = 60 * 60 * 1000;

/** Path of the token endpoint. */
export const TOKEN_PATH = '/services/rest/auth/oauth2/v1/token';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Response of the token endpoint (OAuth error JSON on failure, RFC 6749 §5.2). */
export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

/** Issues and checks bearer tokens. */
export class OAuth2Issuer {
  private readonly tokens = new Map<string, { expiresMs: number; clientId: string }>();

  constructor(
    private readonly certificates: ClientCertificate[],
    private readonly audiences: () => string[],
    private readonly clock: () => Date,
  ) {}

  /** Registers another certificate mapping (e.g. a PS256 key next to the default ES256 one). */
  register(certificate: ClientCertificate): void {
    this.certificates.push(certificate);
  }

  /** Handles a token request body (`application/x-www-form-urlencoded`). */
  exchange(contentType: string | undefined, rawBody: string): TokenResponse {
    if (!(contentType ?? '').startsWith('application/x-www-form-urlencoded')) {
      return oauthError(
        400,
        'invalid_request',
        'Content-Type must be application/x-www-form-urlencoded',
      );
    }

    const form = new URLSearchParams(rawBody);
    if (form.get('grant_type') !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    }
    if (form.get('client_assertion_type') !== ASSERTION_TYPE || !form.get('client_assertion')) {
      return oauthError(400, 'invalid_request', 'client_assertion is required');
    }

    return this.issue(form.get('client_assertion') ?? '');
  }

  private issue(assertion: string): TokenResponse {
    const nowMs = this.clock().getTime();
    try {
      const certificate = verifyAssertion(
        assertion,
        this.certificates,
        this.audiences(),
        nowMs / 1000,
      );
      const token = randomBytes(32).toString('base64url');
      this.tokens.set(token, {
        expiresMs: nowMs + ACCESS_TOKEN_TTL_MS,
        clientId: certificate.clientId,
      });
      return {
        status: 200,
        body: { access_token: token, token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_MS / 1000 },
      };
    } catch (error) {
      if (error instanceof AssertionError) return oauthError(401, 'invalid_client', error.message);
      throw error;
    }
  }

  /** Checks `Authorization: Bearer …`; returns the reason on failure. */
  check(authorization: string | undefined): { ok: true } | { ok: false; reason: string } {
    const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
    const entry = token === undefined ? undefined : this.tokens.get(token);
    if (entry === undefined) return { ok: false, reason: 'TokenRejected' };
    if (entry.expiresMs <= this.clock().getTime())
      return { ok: false, reason: 'AccessTokenExpired' };

    return { ok: true };
  }
}

function oauthError(status: number, error: string, description: string): TokenResponse {
  return { status, body: { error, error_description: description } };
}

/** A freshly generated M2M key pair and its mapping ids. */
export interface GeneratedClient {
  clientId: string;
  certificateId: string;
  privateKeyPem: string;
  publicKeyPem: string;
  algorithm: 'ES256' | 'PS256';
}

/** Generates an EC P-256 (ES256) or RSA 2048 (PS256) key pair for a new mapping. */
export function generateClient(algorithm: 'ES256' | 'PS256', clientId?: string): GeneratedClient {
  const pair =
    algorithm === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });

  return {
    clientId: clientId ?? randomBytes(32).toString('hex'),
    certificateId: randomUUID().replaceAll('-', '').slice(0, 43),
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    algorithm,
  };
}
