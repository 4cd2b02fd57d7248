/**
 * Account id normalisation. NetSuite spells one account two ways: the REST host label is lower
 * case with `-` (`1234567-sb1`), the OAuth 1.0a realm upper case with `_` (`1234567_SB1`).
 * Either one wrong gives 401 INVALID_LOGIN ("InvalidSignature" in the Login Audit Trail).
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1546938065.html
 * (netsuitephp/netsuite-php#121, fylein/netsuite-sdk-py#29, ehmad11/netsuite-rest#15)
 */
import { InvalidInputError } from '@sellerbridge/http-core';

/** A NetSuite account resolved to the forms each protocol needs. */
export interface NetSuiteAccount {
  /** Upper case with `_` (`1234567_SB1`); also the OAuth 1.0a realm. */
  readonly accountId: string;
  /** OAuth 1.0a `realm` (`1234567_SB1`, `TSTDRV1234567`). */
  readonly realm: string;
  /** Host label of the SuiteTalk REST domain (`1234567-sb1`). */
  readonly hostLabel: string;
  /** Origin every REST path is appended to, without a trailing slash. */
  readonly baseUrl: string;
}

// Digits or TSTDRV-style letters+digits, optionally one `_`/`-` suffix such as SB1, SB2 or RP.
const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)?$/;

/**
 * Resolves an account id in any casing (`1234567`, `1234567_sb1`, `1234567-SB1`, `tstdrv123`)
 * into its realm and REST host; `baseUrl` overrides the host (an emulator on loopback).
 * @throws InvalidInputError when the id has characters NetSuite account ids never have.
 */
export function resolveAccount(accountId: string, baseUrl?: string): NetSuiteAccount {
  const trimmed = accountId.trim();
  if (!ACCOUNT_ID_PATTERN.test(trimmed)) {
    throw new InvalidInputError({
      vendor: 'netsuite',
      operation: 'resolveAccount',
      message: 'accountId must look like 1234567, 1234567_SB1 or TSTDRV1234567',
      errorPath: 'accountId',
    });
  }

  const realm = toRealm(trimmed);
  const hostLabel = toHostLabel(trimmed);
  const origin = baseUrl ?? `https://${hostLabel}.suitetalk.api.netsuite.com`;

  return { accountId: realm, realm, hostLabel, baseUrl: stripTrailingSlashes(origin) };
}

/** OAuth 1.0a realm form: upper case, `-` → `_`. */
export function toRealm(accountId: string): string {
  return accountId.trim().replace(/-/g, '_').toUpperCase();
}

/** REST host label form: lower case, `_` → `-` (every occurrence, not just the first). */
export function toHostLabel(accountId: string): string {
  return accountId.trim().replace(/_/g, '-').toLowerCase();
}

function stripTrailingSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}
