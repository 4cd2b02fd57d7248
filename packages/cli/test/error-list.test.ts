import { describe, expect, it } from 'vitest';
import type { ErrorRecord } from '@sellerbridge/flows-core';
import { renderErrorList } from '../src/commands/errors';

function errorRecord(id: string, message: string): ErrorRecord {
  return {
    id,
    flowId: 'mfn-orders',
    traceKey: '114-9876543-1234567',
    status: 'open',
    input: {},
    sealedPii: null,
    piiDropped: false,
    error: { name: 'MissingItemError', message },
    attempts: 1,
    runId: null,
    createdAt: '2026-12-04T17:00:00.000Z',
    updatedAt: '2026-12-04T17:00:00.000Z',
    resolvedAt: null,
    resolution: null,
    purgeAt: null,
  };
}

describe('renderErrorList', () => {
  it('never cuts the message: each record is followed by its full message', () => {
    const sku = 'SB-NOTINNETSUITE-EXTRA-LONG-SKU-0001';
    const message = `order 114-9876543-1234567: no NetSuite item for SKU "${sku}"`;

    const lines = renderErrorList([
      errorRecord('err_1', message),
      errorRecord('err_2', 'line one\nline two'),
    ]).split('\n');

    expect(lines[2]).toMatch(
      /^err_1\s+mfn-orders\s+114-9876543-1234567\s+MissingItemError\s+1\s+open\s/,
    );
    expect(lines[3]).toBe(`  ${message}`);
    expect(lines[4]).toMatch(/^err_2\s/);
    expect(lines[5]).toBe('  line one line two');
  });

  it('says when there is nothing to list', () => {
    expect(renderErrorList([])).toBe('No error records.');
  });
});
