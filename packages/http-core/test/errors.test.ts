import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  ConflictError,
  InvalidInputError,
  NetworkError,
  ThrottledError,
  fromNetworkError,
  isVendorError,
} from '../src/index';

describe('VendorError', () => {
  it('builds a message from method, operation, status and vendor code', () => {
    const error = new ThrottledError({
      vendor: 'amazon',
      operation: 'searchOrders',
      method: 'GET',
      status: 429,
      vendorCode: 'QuotaExceeded',
      vendorMessage: 'You exceeded your quota for the requested resource.',
      requestId: 'req-9',
    });

    expect(error.message).toBe(
      'amazon GET searchOrders failed with 429 QuotaExceeded: You exceeded your quota for the requested resource.',
    );
    expect(error.code).toBe('THROTTLED');
    expect(error.retryable).toBe(true);
    expect(error.name).toBe('ThrottledError');
    expect(isVendorError(error)).toBe(true);
  });

  it('redacts the URL and details it is given and keeps them out of JSON', () => {
    const error = new InvalidInputError({
      vendor: 'netsuite',
      operation: 'POST salesOrder',
      url: 'http://127.0.0.1/x?oauth_signature=abc&limit=5',
      details: { email: 'buyer@example.com', field: 'entity' },
      errorPath: 'entity',
    });

    const json = JSON.stringify(error);

    expect(json).not.toContain('buyer@example.com');
    expect(json).not.toContain('oauth_signature=abc');
    expect(json).toContain('"errorPath":"entity"');
    expect(error.retryable).toBe(false);
  });

  it('carries the existing record id on a conflict', () => {
    const error = new ConflictError({
      vendor: 'netsuite',
      operation: 'POST salesOrder',
      existingId: '42',
    });

    expect(error.existingId).toBe('42');
    expect(error.toJSON()).toMatchObject({ code: 'CONFLICT', existingId: '42' });
  });
});

describe('fromNetworkError', () => {
  it('maps a socket reset to a retryable NetworkError', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

    const error = fromNetworkError(reset, { vendor: 'amazon', operation: 'getOrder' });

    expect(error).toBeInstanceOf(NetworkError);
    expect(error.vendorCode).toBe('ECONNRESET');
    expect(error.retryable).toBe(true);
  });

  it('maps an abort to an AbortedError', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });

    expect(fromNetworkError(abort, { vendor: 'netsuite', operation: 'query' })).toBeInstanceOf(
      AbortedError,
    );
  });

  it('passes vendor errors through unchanged', () => {
    const original = new ThrottledError({ vendor: 'amazon', operation: 'getOrder' });

    expect(fromNetworkError(original, { vendor: 'amazon', operation: 'getOrder' })).toBe(original);
  });
});
