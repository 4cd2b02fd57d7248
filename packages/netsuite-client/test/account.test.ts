import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '@sellerbridge/http-core';
import { resolveAccount } from '../src/index';

// Reference §1.1 host/realm table (netsuitephp/netsuite-php#121, fylein/netsuite-sdk-py#29,
// ehmad11/netsuite-rest#15, oracle/netsuite-suitecloud-sdk#140).
const TABLE: Array<[input: string, host: string, realm: string]> = [
  ['1234567', '1234567', '1234567'],
  ['1234567_SB1', '1234567-sb1', '1234567_SB1'],
  ['1234567_sb1', '1234567-sb1', '1234567_SB1'],
  ['1234567-SB1', '1234567-sb1', '1234567_SB1'],
  ['1234567-sb2', '1234567-sb2', '1234567_SB2'],
  ['1234567_RP', '1234567-rp', '1234567_RP'],
  ['TSTDRV1234567', 'tstdrv1234567', 'TSTDRV1234567'],
  ['tstdrv1234567', 'tstdrv1234567', 'TSTDRV1234567'],
];

describe(resolveAccount.name, () => {
  it.each(TABLE)('maps %s to host %s and realm %s', (input, host, realm) => {
    const account = resolveAccount(input);

    expect(account.hostLabel).toBe(host);
    expect(account.realm).toBe(realm);
    expect(account.baseUrl).toBe(`https://${host}.suitetalk.api.netsuite.com`);
  });

  it('uses a base URL override without a trailing slash', () => {
    expect(resolveAccount('1234567_SB1', 'http://127.0.0.1:4000/').baseUrl).toBe(
      'http://127.0.0.1:4000',
    );
  });

  it('rejects ids that are not account ids', () => {
    for (const bad of ['', '1234567 SB1', '1234567/../x', '1234567_SB1_X', 'a.b']) {
      expect(() => resolveAccount(bad)).toThrow(InvalidInputError);
    }
  });
});
