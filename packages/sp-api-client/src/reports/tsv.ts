/**
 * The decode → TSV stage of the report pipeline (DESIGN §5): gunzip only when the bytes are
 * gzip, decode by the declared charset or the detected one, then parse tab-separated rows keyed
 * by header name. Everything is a stream with backpressure, so memory stays flat.
 */
import { pipeline } from 'node:stream';
import type { Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';

import { InvalidInputError } from '@sellerbridge/http-core';
import { parse } from 'csv-parse';
import type { InfoRecord, Parser } from 'csv-parse';
import iconv from 'iconv-lite';

import {
  CHARSET_SNIFF_BYTES,
  decideCharset,
  normalizeCharset,
  parseDeclaredCharset,
} from './charset';
import type { CharsetDecision } from './charset';
import { isGzipMagic, peekStream } from './peek';

/** One report row, keyed by the (trimmed) header name; cells are the raw text. */
export type ReportRow = Record<string, string>;

/**
 * How quotes in cells are treated. Amazon flat files are not quoted (a product name may start
 * with `"`), so `none` keeps quotes as text; `relaxed` honours quoted cells and keeps stray
 * quotes inside unquoted cells (csv-parse `relax_quotes`).
 */
export type TsvQuoteMode = 'none' | 'relaxed';

/** Options of {@link parseTsvDocument}. */
export interface TsvDocumentOptions {
  /** The download's Content-Type; its `charset` wins when iconv knows it. */
  contentType?: string;
  /** Marketplaces of the report; Japan selects cp932 when the charset must be guessed. */
  marketplaceIds: readonly string[];
  /** @default 'none' */
  quoteMode?: TsvQuoteMode;
  /** Called once with the charset decision and whether the body was gzip. */
  onDecoded?: (info: CharsetDecision & { isGzip: boolean }) => void;
}

/** Turns a raw document byte stream into a csv-parse stream of rows keyed by header name. */
export async function parseTsvDocument(
  raw: Readable,
  options: TsvDocumentOptions,
): Promise<Parser> {
  const peeked = await peekStream(raw, 2);
  const isGzip = isGzipMagic(peeked.head);
  let bytes: Readable = isGzip ? pipeline(peeked.stream, createGunzip(), ignore) : peeked.stream;

  const declared = parseDeclaredCharset(options.contentType);
  let decision: CharsetDecision;

  if (declared !== undefined && normalizeCharset(declared) !== undefined) {
    decision = decideCharset(declared, Buffer.alloc(0), options.marketplaceIds);
  } else {
    const sniffed = await peekStream(bytes, CHARSET_SNIFF_BYTES);
    bytes = sniffed.stream;
    decision = decideCharset(undefined, sniffed.head, options.marketplaceIds);
  }

  options.onDecoded?.({ ...decision, isGzip });

  return pipeline(
    decodeIfNeeded(bytes, decision.charset),
    createTsvParser(options.quoteMode),
    ignore,
  );
}

// csv-parse decodes UTF-8 itself (and drops a BOM); other charsets go through iconv-lite first.
function decodeIfNeeded(bytes: Readable, charset: string): Readable {
  if (charset === 'utf-8') return bytes;

  return pipeline(bytes, iconv.decodeStream(charset) as unknown as Transform, ignore);
}

/** Options of {@link createTsvParser} beyond the quote mode. */
export interface TsvParserOptions {
  /** The file name or report document id named in errors. */
  source?: string;
}

/**
 * A csv-parse parser for Amazon tab-separated flat files, keyed by header name. Every row must
 * have as many cells as the header: real files keep their column count within a file (the
 * count varies between files, reference §6.1), so a different count means a cut or corrupt file.
 * @throws InvalidInputError (from the stream) naming the line of a row with another column count
 */
export function createTsvParser(
  quoteMode: TsvQuoteMode = 'none',
  options: TsvParserOptions = {},
): Parser {
  return parse({
    delimiter: '\t',
    columns: (header: string[]) => header.map((name) => name.trim()),
    quote: quoteMode === 'none' ? false : '"',
    relax_quotes: true,
    // Counted here rather than by csv-parse, so the error is ours and names the file and line.
    relax_column_count: true,
    on_record: (record: Record<string, string>, context: InfoRecord) => {
      // `error` is set only on a record whose cell count differs from the header's.
      const mismatch = context.error as InfoRecord['error'] | undefined;

      if (mismatch) throw columnCountError(mismatch.message, context.lines, options.source);
      return record;
    },
    skip_empty_lines: true,
    bom: true,
  });
}

function columnCountError(
  csvMessage: string,
  line: number,
  source: string | undefined,
): InvalidInputError {
  // csv-parse states both counts only in its message ("columns length is 24, got 10 on line 27").
  const counts = /length is (\d+), got (\d+)/.exec(csvMessage);
  const detail = counts
    ? `has ${counts[2]} cells, the header has ${counts[1]}`
    : 'has another number of cells than the header';

  return new InvalidInputError({
    vendor: 'amazon',
    operation: 'readReport',
    errorPath: `line ${line}`,
    message: `amazon readReport: ${source ?? 'report'} line ${line} ${detail}: a cut or corrupt file`,
  });
}

// Errors travel down the pipeline and surface from the parser's async iterator.
function ignore(): void {}
