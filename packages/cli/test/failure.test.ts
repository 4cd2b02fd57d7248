import { AuthError, NetworkError } from '@sellerbridge/http-core';
import { describe, expect, it } from 'vitest';
import { ConfigError, EXIT, describeFailure } from '../src/index';
import { describeStoredFailure } from '../src/output/failure';

describe('describeFailure', () => {
  it('gives a config error its own hint and exit code', () => {
    const report = describeFailure(new ConfigError('bad key x', 'fix x'));

    expect(report).toEqual({ cause: 'bad key x', hint: 'fix x', exitCode: EXIT.config });
  });

  it('describes a rejected credential with a hint and no token', () => {
    const error = new AuthError({
      vendor: 'amazon',
      operation: 'lwa.token',
      status: 401,
      vendorCode: 'invalid_client',
      vendorMessage: 'Client authentication failed for Atza|secret-token',
    });

    const report = describeFailure(error);

    expect(report.cause).toContain('amazon lwa.token failed — invalid_client');
    expect(report.cause).not.toContain('secret-token');
    expect(report.hint).toMatch(/credentials/);
    expect(report.exitCode).toBe(EXIT.vendor);
  });

  it('points a network failure at the endpoint', () => {
    const report = describeFailure(
      new NetworkError({ vendor: 'netsuite', operation: 'query', vendorCode: 'ECONNREFUSED' }),
    );

    expect(report.hint).toMatch(/endpoint URL/);
  });

  it('keeps only the first line of an unexpected error', () => {
    const report = describeFailure(new Error('boom\n    at secret (file.ts:1:1)'));

    expect(report.cause).toBe('boom');
    expect(report.exitCode).toBe(EXIT.failed);
  });
});

describe('describeFailure for engine and store errors', () => {
  it('points a held lock at the 60 s expiry', async () => {
    const { LockHeldError } = await import('@sellerbridge/flows-core');

    const report = describeFailure(new LockHeldError('demo', 'mfn-orders'));

    expect(report.hint).toMatch(/60 s/);
    expect(report.exitCode).toBe(EXIT.failed);
  });

  it('names a damaged state database', () => {
    const damaged = Object.assign(new Error('database disk image is malformed'), {
      code: 'SQLITE_CORRUPT',
    });

    const report = describeFailure(damaged);

    expect(report.cause).toContain('state database');
    expect(report.hint).toContain('state.db');
  });
});

describe('describeStoredFailure for network failures', () => {
  const stored = (vendorCode: string | undefined, hint?: string) => ({
    name: 'NetworkError',
    message: 'amazon getOrders: network failure',
    code: 'NETWORK',
    vendor: 'amazon',
    operation: 'getOrders',
    ...(vendorCode ? { vendorCode } : {}),
    ...(hint ? { hint } : {}),
  });

  it("uses the error's own hint when it has one", () => {
    const report = describeStoredFailure('mfn-orders', stored('ETIMEDOUT', 'the client hint'));

    expect(report.hint).toBe('the client hint');
    expect(report.exitCode).toBe(EXIT.vendor);
  });

  it('says "could not be reached" only when no connection was made', () => {
    const refused = describeStoredFailure('mfn-orders', stored('ECONNREFUSED'));
    const timedOut = describeStoredFailure('mfn-orders', stored('ETIMEDOUT'));
    const reset = describeStoredFailure('mfn-orders', stored('ECONNRESET'));
    const unknown = describeStoredFailure('mfn-orders', stored(undefined));

    expect(refused.hint).toMatch(/could not be reached.*endpoint URL/);
    for (const report of [timedOut, reset]) {
      expect(report.hint).not.toMatch(/could not be reached/);
      expect(report.hint).toMatch(/may have received the request/);
    }
    expect(unknown.hint).not.toMatch(/could not be reached/);
  });
});
