import { describe, expect, it } from 'vitest';
import {
  PII_MASK,
  REDACTED,
  isPiiKey,
  isSecretKey,
  redactHeaders,
  redactText,
  redactUrl,
  redactValue,
} from '../src/index';

describe('redactHeaders', () => {
  it('replaces credential headers and keeps the rest', () => {
    const headers = redactHeaders({
      'x-amz-access-token': 'Atza|secret-token-value',
      authorization: 'OAuth realm="123_SB1", oauth_signature="abc"',
      'content-type': 'application/json',
      'x-amzn-requestid': 'req-1',
    });

    expect(headers).toEqual({
      'x-amz-access-token': REDACTED,
      authorization: REDACTED,
      'content-type': 'application/json',
      'x-amzn-requestid': 'req-1',
    });
  });
});

describe('redactUrl', () => {
  it('replaces presigned signatures and secret query parameters', () => {
    const url = redactUrl(
      'https://bucket.example/doc?X-Amz-Signature=deadbeef&X-Amz-Credential=AKIA&part=1&client_secret=s',
    );

    expect(url).not.toContain('deadbeef');
    expect(url).not.toContain('AKIA');
    expect(url).toContain('part=1');
    expect(url).not.toContain('client_secret=s');
  });

  it('leaves a URL without query alone', () => {
    expect(redactUrl('http://127.0.0.1/orders')).toBe('http://127.0.0.1/orders');
  });
});

describe('redactValue', () => {
  it('masks secrets and buyer personal data deeply without touching the input', () => {
    const input = {
      refresh_token: 'Atzr|abc',
      order: {
        orderId: '902-1',
        buyer: { buyerEmail: 'a@b.c' },
        items: [{ sku: 'S1', name: 'Ana' }],
      },
      errors: [{ code: 'InvalidInput', message: 'bad' }],
    };

    const output = redactValue(input);

    expect(output.refresh_token).toBe(REDACTED);
    expect(output.order.buyer).toBe(PII_MASK);
    expect(output.order.items[0]).toEqual({ sku: 'S1', name: PII_MASK });
    expect(output.errors[0]).toEqual({ code: 'InvalidInput', message: 'bad' });
    expect(input.refresh_token).toBe('Atzr|abc');
  });

  it('cuts cycles', () => {
    const node: Record<string, unknown> = { a: 1 };
    node.self = node;

    expect(redactValue(node)).toEqual({ a: 1, self: '[Circular]' });
  });
});

describe('redactText', () => {
  it('removes known secret values, bearer tokens and LWA tokens from free text', () => {
    const text = redactText('failed with Bearer abc.def and Atza|xyz123 using secret-value-1', [
      'secret-value-1',
    ]);

    expect(text).toBe(`failed with Bearer ${REDACTED} and ${REDACTED} using ${REDACTED}`);
  });
});

describe('key classification', () => {
  it('knows secret and PII keys', () => {
    expect(isSecretKey('client_secret')).toBe(true);
    expect(isSecretKey('oauth_signature')).toBe(true);
    expect(isSecretKey('orderId')).toBe(false);
    expect(isPiiKey('buyerEmail')).toBe(true);
    expect(isPiiKey('addressLine1')).toBe(true);
    expect(isPiiKey('sku')).toBe(false);
  });
});
