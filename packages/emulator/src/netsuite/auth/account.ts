/**
 * Account id forms: `1234567_SB1` is realm `1234567_SB1` (upper case, underscore) and host label
 * `1234567-sb1` (lower case, hyphen). See shared/reference/netsuite.md §1.1 and §0 point 1.
 */

/** The OAuth 1.0a realm of an account: upper case with underscores. */
export function realmOf(accountId: string): string {
  return accountId.replaceAll('-', '_').toUpperCase();
}

/** The host label of an account: lower case with hyphens. */
export function hostLabelOf(accountId: string): string {
  return accountId.replaceAll('_', '-').toLowerCase();
}
