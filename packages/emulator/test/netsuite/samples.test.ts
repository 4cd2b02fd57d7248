import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../../../test-support/shared';
import { startHarness, type Harness } from './helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function sample(...path: string[]): Json {
  return JSON.parse(readFileSync(sharedPath('netsuite', 'samples', ...path), 'utf8')) as Json;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isReference = (value: unknown): boolean =>
  isObject(value) && 'refName' in value && 'id' in value && 'links' in value;
const isStub = (value: unknown): boolean =>
  isObject(value) && Object.keys(value).join() === 'links';
const selfLink = (value: Json): string => (value.links as Json[])[0]?.href as string;

describe('responses have the shape of the real NetSuite samples', () => {
  let h: Harness;
  let invoice: Json;
  let customer: Json;
  let seeded: Harness['ns']['inspect']['seeded'];

  beforeAll(async () => {
    h = await startHarness();
    seeded = h.ns.inspect.seeded;
    const item = Object.values(seeded.items)[0] as number;
    const id = await h.create('invoice', {
      entity: { id: String(seeded.customers.US) },
      currency: { id: String(seeded.currencies.USD) },
      item: { items: [{ item: { id: String(item) }, quantity: 1, rate: 1 }] },
    });
    invoice = await h.json('GET', `/record/v1/invoice/${id}?expandSubResources=true`);
    customer = await h.json('GET', `/record/v1/customer/${seeded.customers.US}`);
  });
  afterAll(() => h.ns.close());

  it('references look like the invoice sample references ({links, id, refName})', () => {
    const real = sample('ledger_sync', 'invoice.json');
    for (const field of ['entity', 'currency']) {
      expect(isReference(real[field])).toBe(true);
      expect(Object.keys(invoice[field]).sort()).toEqual(Object.keys(real[field]).sort());
      expect((invoice[field].links as Json[])[0]).toHaveProperty('rel', 'self');
    }
  });

  it('an expanded item sublist has the sample envelope and line shape', () => {
    const real = sample('ledger_sync', 'invoice.json').item as Json;
    const ours = invoice.item as Json;
    expect(Object.keys(ours).sort()).toEqual(Object.keys(real).sort());

    const realLine = real.items[0] as Json;
    const ourLine = ours.items[0] as Json;
    for (const key of ['links', 'amount', 'id', 'item', 'itemType', 'line', 'quantity', 'rate']) {
      expect([key, typeof ourLine[key]]).toEqual([key, typeof realLine[key]]);
    }
    expect(ourLine.id).toMatch(/^\d+_\d+$/);
    expect(selfLink(ourLine)).toMatch(/\/record\/v1\/invoice\/\d+\/item\/1$/);
  });

  it('money and record fields use the sample JSON types', () => {
    const real = sample('ledger_sync', 'invoice.json');
    for (const key of ['id', 'total', 'subtotal', 'createdDate', 'lastModifiedDate', 'tranId']) {
      if (key in real) expect(typeof invoice[key]).toBe(typeof real[key]);
    }
    expect(invoice.createdDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('unexpanded sublists are link stubs like the customer sample', () => {
    const real = sample('ledger_sync-netsuite', 'customer.json');
    expect(isStub(real.addressbook)).toBe(true);
    expect(selfLink(real)).toMatch(/\/record\/v1\/customer\/\d+$/);
    expect(selfLink(customer)).toMatch(/\/record\/v1\/customer\/\d+$/);
    expect(Object.keys(customer)[0]).toBe('links');
  });

  it('every record sample self link has the path shape our links use', () => {
    for (const file of [
      'account.json',
      'currency.json',
      'location.json',
      'subsidiary.json',
      'department.json',
    ]) {
      const real = sample('ledger_sync-netsuite', file);
      const path = new URL(selfLink(real)).pathname;
      expect(path).toMatch(/^\/services\/rest\/record\/v1\/[a-zA-Z]+\/\d+$/);
    }
    expect(new URL(selfLink(customer)).pathname).toMatch(
      /^\/services\/rest\/record\/v1\/[a-zA-Z]+\/\d+$/,
    );
  });

  it('SuiteQL envelopes and rows match the *_search.json samples', async () => {
    const ours = await h.suiteql(
      'SELECT id, companyname, email FROM customer ORDER BY id',
      '?limit=1000',
    );
    for (const file of [
      'customer_search.json',
      'account_search.json',
      'customer_deposit_search.json',
      'subsidiary_search.json',
    ]) {
      const real = sample('ledger_sync-netsuite', file);
      expect(Object.keys(ours).sort()).toEqual(Object.keys(real).sort());
      expect(typeof ours.count).toBe(typeof real.count);
      expect(typeof ours.hasMore).toBe(typeof real.hasMore);

      for (const row of real.items as Json[]) {
        expect(row.links).toEqual([]);
        expect(
          Object.keys(row).every((key) => key === key.toLowerCase() || key === 'undepFunds'),
        ).toBe(true);
      }
    }

    const row = (ours.items as Json[])[0] as Json;
    expect(row.links).toEqual([]);
    expect(typeof row.id).toBe(
      typeof (sample('ledger_sync-netsuite', 'customer_search.json').items[0] as Json).id,
    );
  });

  it('error bodies have the nsError shape of reference §3.1', async () => {
    const res = await h.call('GET', '/record/v1/customer/99999999');
    const body = (await res.json()) as Json;
    expect(Object.keys(body).sort()).toEqual(['o:errorDetails', 'status', 'title', 'type']);
    expect(body.type).toMatch(
      /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc9110\.html#section-15\.5\.5$/,
    );
    expect(Object.keys(body['o:errorDetails'][0]).sort()).toEqual(['detail', 'o:errorCode']);
  });
});
