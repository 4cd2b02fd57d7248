/**
 * The got instance every request goes through: got's own retry is off (the one retry loop is
 * http-core's `runWithRetry`, DESIGN §3) and HTTP errors are returned, not thrown, so the
 * client classifies them itself.
 */
import got, { type Got } from 'got';

/** A got instance with retries off and HTTP errors returned as responses. */
export function createHttp(): Got {
  return got.extend({
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    responseType: 'text',
  });
}
