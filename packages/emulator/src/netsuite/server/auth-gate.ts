/**
 * Authenticates a request with TBA (`Authorization: OAuth …`) or an OAuth 2 bearer token. Every
 * failure is NetSuite's 401 INVALID_LOGIN; bearer failures add `WWW-Authenticate` (reference §3.2).
 */
import type { IncomingMessage } from 'node:http';
import { realmOf } from '../auth/account';
import type { OAuth2Issuer } from '../auth/oauth2';
import { verifyTba, type TbaSettings } from '../auth/tba';
import { INVALID_LOGIN_DETAIL, NsError } from '../errors';

/** Auth configuration of the server. */
export interface AuthGate {
  tba: TbaSettings;
  oauth2: OAuth2Issuer;
}

/** The 401 INVALID_LOGIN error. */
export function invalidLogin(headers: Record<string, string> = {}): NsError {
  return new NsError(401, 'INVALID_LOGIN', INVALID_LOGIN_DETAIL, { headers });
}

/** Throws 401 unless the request is authenticated; returns the audit reason on success. */
export function authenticate(
  gate: AuthGate,
  req: IncomingMessage,
  rawPath: string,
  rawQuery: string,
): string {
  const authorization = req.headers.authorization;

  if (/^Bearer\s/i.test(authorization ?? '')) {
    const result = gate.oauth2.check(authorization);
    if (result.ok) return 'oauth2';

    const realm = realmOf(gate.tba.accountId);
    throw invalidLogin({
      'WWW-Authenticate': `Bearer realm="${realm}", error="invalid_token", error_description="Invalid login attempt."`,
    });
  }

  const result = verifyTba(
    { method: req.method ?? 'GET', rawPath, rawQuery, authorization, host: req.headers.host },
    gate.tba,
  );
  if (!result.ok) throw invalidLogin();
  return 'tba';
}
