/**
 * Picks the character set of a report download (DESIGN §5, reference §5.0): the `charset` the
 * S3 download declares wins; without one, a BOM or valid UTF-8 in the first 64 KB means UTF-8,
 * otherwise cp932 for Japan and windows-1252 everywhere else.
 */
import iconv from 'iconv-lite';

import { MARKETPLACE_IDS } from '../regions';

/** How many decoded bytes the fallback detection looks at (DESIGN §5). */
export const CHARSET_SNIFF_BYTES = 64 * 1024;

/**
 * Java charset names Amazon sends, mapped to iconv-lite names. `Cp1252` appears on EU
 * listing reports (amzn/selling-partner-api-models#1517); JP reports are Windows-31J / cp932
 * (saleweaver/python-amazon-sp-api#244), a superset of Shift_JIS, so both map to cp932.
 */
const CHARSET_ALIASES: Readonly<Record<string, string>> = {
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  utf8: 'utf-8',
  'windows-31j': 'cp932',
  ms932: 'cp932',
  shift_jis: 'cp932',
  'shift-jis': 'cp932',
  sjis: 'cp932',
  'x-sjis': 'cp932',
};

/** How the charset was decided; logged so a garbled report can be explained. */
export type CharsetSource = 'declared' | 'bom' | 'valid-utf8' | 'marketplace-fallback';

/** The charset decision for one download. */
export interface CharsetDecision {
  /** An iconv-lite encoding name (`utf-8`, `windows-1252`, `cp932`, …). */
  charset: string;
  source: CharsetSource;
}

/** The `charset` parameter of a Content-Type header, unquoted, or undefined. */
export function parseDeclaredCharset(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');

  return match?.[2];
}

/** Normalises a declared charset to an iconv-lite name; undefined when iconv does not know it. */
export function normalizeCharset(declared: string): string | undefined {
  const lower = declared.trim().toLowerCase();
  const name = CHARSET_ALIASES[lower] ?? lower;

  return iconv.encodingExists(name) ? name : undefined;
}

/** Decides the charset from the declared one, else from the first bytes and the marketplaces. */
export function decideCharset(
  declared: string | undefined,
  head: Buffer,
  marketplaceIds: readonly string[],
): CharsetDecision {
  const normalized = declared === undefined ? undefined : normalizeCharset(declared);
  if (normalized !== undefined) return { charset: normalized, source: 'declared' };

  if (hasUtf8Bom(head)) return { charset: 'utf-8', source: 'bom' };

  if (isValidUtf8Prefix(head.subarray(0, CHARSET_SNIFF_BYTES))) {
    return { charset: 'utf-8', source: 'valid-utf8' };
  }

  const isJapan = marketplaceIds.includes(MARKETPLACE_IDS.JP);

  return { charset: isJapan ? 'cp932' : 'windows-1252', source: 'marketplace-fallback' };
}

/** True when the bytes start with the UTF-8 byte order mark. */
export function hasUtf8Bom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * True when the bytes are valid UTF-8, allowing one multi-byte sequence cut at the end (the
 * 64 KB window rarely ends on a character boundary).
 */
export function isValidUtf8Prefix(bytes: Buffer): boolean {
  const complete = bytes.subarray(0, bytes.length - incompleteTailLength(bytes));

  try {
    new TextDecoder('utf-8', { fatal: true }).decode(complete);
    return true;
  } catch {
    return false;
  }
}

function incompleteTailLength(bytes: Buffer): number {
  const lookBack = Math.min(3, bytes.length);

  for (let back = 1; back <= lookBack; back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;

    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }

  return 0;
}
