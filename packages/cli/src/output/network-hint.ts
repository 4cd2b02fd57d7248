/**
 * The CLI's hint for a network failure whose error brought none of its own, by cause: a
 * connection that was never made (refused, DNS, no route) proves nothing reached the vendor; a
 * reset or a timeout after connecting leaves open whether the vendor received the request.
 */

// Node codes raised before any byte of the request was sent.
const NOT_CONNECTED_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

const NOT_CONNECTED_HINT =
  'The server could not be reached (refused, unknown host or no route); check the endpoint URL and your network.';

const CUT_OFF_HINT =
  'The connection was reset or timed out after it opened, so the vendor may have received the request; check the endpoint and your network, and what the run did, before running again.';

const UNKNOWN_CAUSE_HINT =
  'Check the endpoint URL and your network; run again with --log-level debug to see the cause.';

/** The hint for a network failure with this Node error code (its `vendorCode`). */
export function networkHint(vendorCode: string | undefined): string {
  if (vendorCode === undefined) return UNKNOWN_CAUSE_HINT;

  return NOT_CONNECTED_CODES.has(vendorCode) ? NOT_CONNECTED_HINT : CUT_OFF_HINT;
}
