import { describe, expect, it } from 'vitest';

import { encodeCp1252 } from '../../src/amazon/reports';

describe(encodeCp1252.name, () => {
  it('maps Latin-1 and the 0x80-0x9F specials, and replaces the rest with ?', () => {
    // Byte-level check: this Node build's TextDecoder('windows-1252') decodes 0x80-0x9F as Latin-1.
    const bytes = [...encodeCp1252('Gr\u00f6\u00dfe \u20ac5 \u2013 \u201cok\u201d \u65e5')];

    expect(bytes).toEqual([
      0x47, 0x72, 0xf6, 0xdf, 0x65, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0x93, 0x6f, 0x6b, 0x94,
      0x20, 0x3f,
    ]);
    expect([...encodeCp1252('\u20ac\u0178')]).toEqual([0x80, 0x9f]);
  });
});
