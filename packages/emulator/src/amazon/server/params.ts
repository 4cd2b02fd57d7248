/** Query parameter helpers shared by the route modules. */

/**
 * A list parameter sent either comma-separated (`a,b`, as the SP-API clients send arrays) or
 * repeated (`a&x=b`); blanks are dropped.
 */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}
