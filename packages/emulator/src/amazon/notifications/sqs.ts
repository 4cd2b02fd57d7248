/** SQS-compatible endpoint (filled in below). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AmazonCredentials } from '../server/lwa';
import type { AmazonContext } from '../server/types';
import type { NotificationHub } from './hub';

/** Dependencies of the SQS endpoint. */
export interface SqsDeps {
  ctx: AmazonContext;
  credentials: AmazonCredentials;
  hub: NotificationHub;
}

/** Creates the SQS request handler. */
export function createSqsHandler(_deps: SqsDeps) {
  return async (
    _req: IncomingMessage,
    res: ServerResponse,
    _url: URL,
    _rawBody: Buffer,
  ): Promise<void> => {
    res.writeHead(501);
    res.end();
  };
}
