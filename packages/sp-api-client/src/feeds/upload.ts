/**
 * Uploads a feed document to its presigned URL. The PUT must carry exactly the Content-Type
 * declared in createFeedDocument, because the URL is signed for it (reference §2.8 step 2); no
 * SP-API token is sent.
 */
import { AbortedError } from '@sellerbridge/http-core';
import got from 'got';

import { DocumentTransferError } from '../reports/errors';

/**
 * PUTs the bytes.
 * @throws DocumentTransferError (refetchable: create a new document) on 400/403/5xx or network
 * failures, AbortedError when the signal fires
 */
export async function uploadFeedContent(
  url: string,
  content: Buffer | string,
  contentType: string,
  signal?: AbortSignal,
): Promise<void> {
  const base = { vendor: 'amazon' as const, operation: 'uploadFeedDocument', method: 'PUT', url };
  let status: number;
  let body: string;

  try {
    const response = await got.put(url, {
      body: content,
      headers: { 'content-type': contentType },
      retry: { limit: 0 },
      throwHttpErrors: false,
      signal,
      timeout: { connect: 10_000, response: 120_000 },
    });
    status = response.statusCode;
    body = response.body.slice(0, 2_000);
  } catch (error) {
    if (signal?.aborted === true)
      throw new AbortedError({
        ...base,
        message: 'uploadFeedDocument was cancelled',
        cause: error,
      });

    throw new DocumentTransferError({
      ...base,
      message: 'amazon uploadFeedDocument: upload failed',
      isRefetchable: true,
      cause: error,
    });
  }

  if (status >= 200 && status < 300) return;

  const vendorCode = /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1];
  const isRefetchable = status === 400 || status === 403 || status >= 500;

  throw new DocumentTransferError({ ...base, status, vendorCode, isRefetchable });
}
