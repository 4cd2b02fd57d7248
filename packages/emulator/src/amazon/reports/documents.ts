import { gzipSync } from 'node:zlib';

import type { AmazonContext, StoredDocument } from '../server/types';
import { encodeCp1252 } from './cp1252';

/** Charsets the emulator serves documents in. */
export type DocumentCharset = 'UTF-8' | 'Cp1252';

/**
 * Stores a text document for the presigned download route: encoded in `charset`, gzip-compressed
 * when `compressed` (the client must then gunzip, as `compressionAlgorithm: GZIP` says).
 */
export function storeTextDocument(
  ctx: AmazonContext,
  documentId: string,
  text: string,
  charset: DocumentCharset,
  compressed: boolean,
): void {
  const bytes = charset === 'Cp1252' ? encodeCp1252(text) : Buffer.from(text, 'utf8');
  const body = compressed ? gzipSync(bytes) : bytes;
  const doc: StoredDocument = {
    contentType: 'text/plain',
    charset,
    compressed,
    body: body.toString('base64'),
  };
  ctx.store.put('document', documentId, doc);
}
