/**
 * got's RequestError keeps the request options (the Authorization header included) on the error;
 * an error printed with `util.inspect` or a logger's error serializer would show them. Only the
 * name, code and message go on as the cause of our typed error.
 */

/** A copy of a transport error without request options, headers or response objects. */
export function toSafeTransportError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));

  const safe = new Error(error.message);
  safe.name = error.name;

  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(safe, { code });

  return safe;
}
