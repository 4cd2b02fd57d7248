/**
 * The got instance every request goes through: got's own retry is off (the one retry loop is
 * http-core's `runWithRetry`, DESIGN §3) and HTTP errors are returned, not thrown, so the
 * client classifies them itself.
 */
import got, { type Got } from 'got';

const USER_AGENT = 'sellerbridge-sp-api-client/0.1.0 (Language=TypeScript)';

/**
 * A got instance with retries off and HTTP errors returned as responses. The per-attempt timeout
 * is an `AbortSignal.timeout` set by the caller (cheaper than got's socket-event timers, which
 * cost ~15% CPU per small request in bench/sp-api-cpu.bench.ts).
 */
export function createHttp(): Got {
  return got.extend({
    retry: { limit: 0 },
    headers: { 'user-agent': USER_AGENT, accept: 'application/json' },
    throwHttpErrors: false,
    followRedirect: false,
    responseType: 'text',
  });
}
