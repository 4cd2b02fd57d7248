/**
 * Transport failures told apart by cause: a connection that was never made (refused, DNS, no
 * route) proves the request was not delivered; a reset or a timeout after connecting leaves it
 * open whether Amazon received it. The hint and the retry decision both follow from that.
 */
import { NetworkError, type VendorError } from '@sellerbridge/http-core';

// Node socket and DNS codes raised before any byte of the request was sent.
const NOT_CONNECTED_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

const NOT_CONNECTED_HINT =
  'The server could not be reached (connection refused, DNS lookup failed or no route); ' +
  'check the endpoint URL and the network.';

const CUT_OFF_HINT =
  'The connection was reset or timed out after it was opened, so Amazon may have received the ' +
  'request: operations safe to repeat are retried (README "Retries"); check the result of ' +
  'others before sending them again.';

/** True when the failure proves Amazon did not process the request (so any call may repeat). */
export function isNeverDelivered(error: VendorError): boolean {
  if (error.code === 'THROTTLED' || error.code === 'AUTH') return true;

  return (
    error.code === 'NETWORK' &&
    error.vendorCode !== undefined &&
    NOT_CONNECTED_CODES.has(error.vendorCode)
  );
}

/** The same network error with a hint naming its cause; other errors pass unchanged. */
export function withNetworkHint(error: VendorError): VendorError {
  if (!(error instanceof NetworkError) || error.hint !== undefined) return error;

  return new NetworkError({
    vendor: error.vendor,
    operation: error.operation,
    method: error.method,
    url: error.url,
    message: error.message,
    vendorCode: error.vendorCode,
    vendorMessage: error.vendorMessage,
    cause: error.cause,
    hint: networkHint(error.vendorCode),
  });
}

/** The hint for a transport failure with this Node error code. */
export function networkHint(vendorCode: string | undefined): string {
  return vendorCode !== undefined && NOT_CONNECTED_CODES.has(vendorCode)
    ? NOT_CONNECTED_HINT
    : CUT_OFF_HINT;
}
