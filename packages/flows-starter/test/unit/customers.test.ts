import { describe, expect, it } from 'vitest';

import { buildCustomerBody, splitName } from '../../src/customers/customer-body';
import { chooseCustomer, defaultCustomerIndex } from '../../src/customers/strategy';
import { MissingSettingError } from '../../src/orders/errors';
import { customersSettingsSchema } from '../../src/settings/flows';
import { makeOrder } from './fixtures';

const settings = (input: object = {}) => customersSettingsSchema.parse(input);

describe(chooseCustomer.name, () => {
  it('uses the one default customer', () => {
    expect(
      chooseCustomer(makeOrder(), 'S', settings({ defaultCustomerIds: ['5', '6'] }), {}),
    ).toEqual({ kind: 'existing', customerId: '5' });
  });

  it('prefers the marketplace customers', () => {
    expect(
      chooseCustomer(makeOrder(), 'S', settings({ defaultCustomerIds: ['5'] }), {
        customerIds: ['8'],
      }),
    ).toEqual({ kind: 'existing', customerId: '8' });
  });

  it('spreads orders over n defaults deterministically', () => {
    const options = settings({ strategy: 'defaults', defaultCustomerIds: ['10', '11', '12'] });
    const chosen = ['113-0000001-0000000', '113-0000001-0000001', '113-0000001-0000002'].map(
      (orderId) => chooseCustomer(makeOrder({ orderId }), 'S', options, {}),
    );

    expect(chosen).toEqual([
      { kind: 'existing', customerId: '10' },
      { kind: 'existing', customerId: '11' },
      { kind: 'existing', customerId: '12' },
    ]);
    expect(defaultCustomerIndex('113-0000001-0000002', 3)).toBe(
      defaultCustomerIndex('113-0000001-0000002', 3),
    );
    expect(defaultCustomerIndex('no-digits', 4)).toBeLessThan(4);
  });

  it('fails without default customers', () => {
    expect(() => chooseCustomer(makeOrder(), 'S', settings(), {})).toThrow(MissingSettingError);
  });

  it('creates one customer per buyer keyed by a hash, never the email', () => {
    const choice = chooseCustomer(makeOrder(), 'S1', settings({ strategy: 'perBuyer' }), {});
    const again = chooseCustomer(
      makeOrder({ orderId: 'other', buyer: { buyerEmail: ' ABC123@marketplace.amazon.com' } }),
      'S1',
      settings({ strategy: 'perBuyer' }),
      {},
    );

    expect(choice.kind).toBe('create');
    expect(choice).toEqual(again);
    expect(JSON.stringify(choice)).not.toContain('abc123');
  });

  it('falls back to one customer per order when the buyer email is withheld', () => {
    const choice = chooseCustomer(
      makeOrder({ buyer: {} }),
      'S1',
      settings({ strategy: 'perBuyer' }),
      {},
    );

    expect(choice).toEqual({
      kind: 'create',
      externalId: 'amzn-cust-S1-113-1234567-1234567',
      linkKey: 'amzn-cust-S1-113-1234567-1234567',
    });
  });
});

describe(buildCustomerBody.name, () => {
  it('keeps non-ASCII names and addresses', () => {
    const body = buildCustomerBody(makeOrder(), 'amzn-cust-1', settings(), { subsidiaryId: '1' });

    expect(body).toMatchObject({
      externalId: 'amzn-cust-1',
      isPerson: true,
      firstName: 'Zoë',
      lastName: 'Ångström',
      subsidiary: { id: '1' },
    });
    expect(body.addressBook).toMatchObject({
      items: [
        {
          defaultShipping: true,
          addressBookAddress: { addressee: 'Zoë Ångström', city: 'Seattle' },
        },
      ],
    });
  });

  it('uses the placeholder when the name is withheld', () => {
    const body = buildCustomerBody(makeOrder({ buyer: {}, recipient: {} }), 'x', settings(), {});

    expect(body).toMatchObject({ firstName: 'Amazon', lastName: 'Customer' });
    expect(body.addressBook).toBeUndefined();
  });

  it('creates a company for business buyers', () => {
    const body = buildCustomerBody(
      makeOrder({ buyer: { buyerName: 'A B', buyerCompanyName: 'Müller GmbH' } }),
      'x',
      settings(),
      {},
    );

    expect(body).toMatchObject({ isPerson: false, companyName: 'Müller GmbH' });
  });

  it('splits one-word names into the last name', () => {
    expect(splitName('Cher')).toEqual({ firstName: '', lastName: 'Cher' });
    expect(splitName('  José  María Pérez ')).toEqual({
      firstName: 'José',
      lastName: 'María Pérez',
    });
  });
});
