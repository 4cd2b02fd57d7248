import { describe, expect, it } from 'vitest';
import { MAX_RESULTS, pageEnvelope, parsePage } from '../../src/netsuite/server/paging';

describe('limit/offset rules and the 100,000-row ceiling', () => {
  const self = 'http://127.0.0.1:1/services/rest/query/v1/suiteql';

  it('ends paging at 100,000 rows even when more match', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ id: String(i) }));
    const last = pageEnvelope(self, { limit: 1000, offset: MAX_RESULTS - 1000 }, 150_000, items);
    expect(last).toMatchObject({
      hasMore: false,
      totalResults: 150_000,
      count: 1000,
      offset: 99_000,
    });
    expect((last.links as Array<{ rel: string }>).map((l) => l.rel)).not.toContain('next');

    const before = pageEnvelope(self, { limit: 1000, offset: MAX_RESULTS - 2000 }, 150_000, items);
    expect(before.hasMore).toBe(true);
  });

  it('parses defaults and refuses bad values', () => {
    expect(parsePage(new URLSearchParams(''))).toEqual({ limit: 1000, offset: 0 });
    expect(parsePage(new URLSearchParams('limit=500&offset=1000'))).toEqual({
      limit: 500,
      offset: 1000,
    });
    for (const bad of [
      'limit=0',
      'limit=1001',
      'limit=500&offset=250',
      'offset=-1',
      'limit=abc',
      'limit=1000&offset=100000',
    ]) {
      expect(() => parsePage(new URLSearchParams(bad)), bad).toThrow();
    }
  });
});
