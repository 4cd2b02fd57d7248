/**
 * Reads a whole (small) document into memory: a FATAL report's error document, a feed
 * processing report. Gunzips when the bytes are gzip, whatever `compressionAlgorithm` says.
 */
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';

import { openDocumentStream, toTransportError } from './download';
import { DocumentTransferError } from './errors';
import { isGzipMagic } from './peek';

const gunzipAsync = promisify(gunzip);

/** Options of {@link readDocumentBytes}. */
export interface ReadDocumentOptions {
  operation: string;
  signal?: AbortSignal;
  /**
   * Largest accepted (compressed and uncompressed) size; bigger documents fail instead of
   * filling memory.
   * @default 268_435_456 (256 MiB)
   */
  maxBytes?: number;
}

/**
 * Downloads a document fully and returns its uncompressed bytes.
 * @throws DocumentTransferError when the URL expired, the body was cut or it exceeds `maxBytes`
 */
export async function readDocumentBytes(
  url: string,
  options: ReadDocumentOptions,
): Promise<Buffer> {
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const opened = await openDocumentStream(url, options);
  const chunks: Buffer[] = [];
  let size = 0;

  try {
    for await (const chunk of opened.stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge(options.operation, maxBytes);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    throw toTransportError(error, url, options);
  } finally {
    opened.stream.destroy();
  }

  const body = Buffer.concat(chunks);
  if (!isGzipMagic(body)) return body;

  try {
    return await gunzipAsync(body, { maxOutputLength: maxBytes });
  } catch (error) {
    throw toTransportError(error, url, options);
  }
}

function tooLarge(operation: string, maxBytes: number): DocumentTransferError {
  return new DocumentTransferError({
    vendor: 'amazon',
    operation,
    message: `amazon ${operation}: document is larger than ${maxBytes} bytes`,
    isRefetchable: false,
  });
}
