/** Test helpers: a fake clock, an emulator on a small world, and LWA token fetches over HTTP. */
import {
  startAmazonEmulator,
  type AmazonEmulatorOptions,
  type RunningAmazonEmulator,
} from '../../src/amazon/server/emulator';

/** A manually advanced clock. */
export interface FakeClock {
  now: () => Date;
  advance(ms: number): void;
  set(iso: string): void;
}

/** A fake clock starting at `iso`. */
export function createFakeClock(iso = '2026-12-01T00:00:00Z'): FakeClock {
  let ms = Date.parse(iso);
  return {
    now: () => new Date(ms),
    advance(delta) {
      ms += delta;
    },
    set(value) {
      ms = Date.parse(value);
    },
  };
}

/** Starts an emulator over a 50-order world with a fake clock. */
export async function startTestEmulator(
  options: AmazonEmulatorOptions = {},
): Promise<{ amazon: RunningAmazonEmulator; clock: FakeClock }> {
  const clock = createFakeClock();
  const amazon = await startAmazonEmulator({
    worldOptions: { orders: 50 },
    clock: clock.now,
    ...options,
  });
  return { amazon, clock };
}

/** Posts a form to the LWA endpoint. */
export async function postLwa(
  amazon: RunningAmazonEmulator,
  form: Record<string, string>,
): Promise<Response> {
  return fetch(amazon.lwaUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams(form).toString(),
  });
}

/** A seller access token from the refresh-token grant. */
export async function sellerToken(amazon: RunningAmazonEmulator): Promise<string> {
  const { clientId, clientSecret, refreshToken } = amazon.credentials;
  const res = await postLwa(amazon, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: clientId,
    client_secret: clientSecret,
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A grantless token for the notifications scope. */
export async function grantlessToken(amazon: RunningAmazonEmulator): Promise<string> {
  const { clientId, clientSecret } = amazon.credentials;
  const res = await postLwa(amazon, {
    grant_type: 'client_credentials',
    scope: 'sellingpartnerapi::notifications',
    client_id: clientId,
    client_secret: clientSecret,
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Parsed JSON of a response; tests assert on its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes are asserted by each test
export type ApiBody = any;

/** An SP-API call with a token. */
export async function call(
  amazon: RunningAmazonEmulator,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; headers: Headers; body: ApiBody }> {
  const res = await fetch(`${amazon.url}${path}`, {
    method,
    headers: {
      'x-amz-access-token': token,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}
