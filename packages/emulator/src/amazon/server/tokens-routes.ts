/**
 * Tokens API 2021-03-01 `createRestrictedDataToken` and the RDT check used by the restricted
 * Orders v0 operations (https://developer-docs.amazon.com/sp-api/docs/tokens-api-use-case-guide).
 */
import { AmazonApiError } from './errors';
import { type AccessTokenRecord, checkAccessToken, issueRestrictedDataToken } from './lwa';
import type { AmazonContext, AmazonRequest, AmazonRoute, RouteModule } from './types';

/** Restricted resources in one RDT request (the model allows 1..50). */
const MAX_RESTRICTED_RESOURCES = 50;
const DATA_ELEMENTS = new Set(['buyerInfo', 'shippingAddress', 'buyerTaxInformation']);
const METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'PATCH']);

function invalidRequest(details: string): never {
  throw new AmazonApiError(400, [
    { code: 'InvalidRequest', message: 'Request is missing or has invalid parameters', details },
  ]);
}

type Resource = NonNullable<AccessTokenRecord['restrictedResources']>[number];

function parseResources(body: unknown): Resource[] {
  const list = (body as { restrictedResources?: unknown } | undefined)?.restrictedResources;
  if (!Array.isArray(list) || list.length === 0) invalidRequest('Resource not provided.');
  if (list.length > MAX_RESTRICTED_RESOURCES) invalidRequest('Too many resources provided.');

  return list.map((entry: { method?: unknown; path?: unknown; dataElements?: unknown }) => {
    if (typeof entry.method !== 'string' || !METHODS.has(entry.method))
      invalidRequest('Resource not provided.');
    if (typeof entry.path !== 'string' || !entry.path.startsWith('/'))
      invalidRequest('Resource not provided.');
    const elements = entry.dataElements;
    if (
      elements !== undefined &&
      (!Array.isArray(elements) || !elements.every((e) => DATA_ELEMENTS.has(e)))
    ) {
      invalidRequest('Invalid dataElements provided.');
    }
    return {
      method: entry.method,
      path: entry.path,
      dataElements: elements as string[] | undefined,
    };
  });
}

/** True when a resource path (specific, or generic with `{orderId}`-style segments) covers `path`. */
export function pathMatches(template: string, path: string): boolean {
  const a = template.split('/');
  const b = path.split('/');
  return a.length === b.length && a.every((seg, i) => /^\{\w+\}$/.test(seg) || seg === b[i]);
}

/**
 * True when the request's token is an RDT opening `method path` (specific or `{orderId}`-style
 * generic path) and, when given, the data element.
 */
export function rdtAllows(
  ctx: AmazonContext,
  req: AmazonRequest,
  method: string,
  path: string,
  element?: string,
): boolean {
  const token = req.headers['x-amz-access-token'];
  const check = checkAccessToken(ctx, Array.isArray(token) ? token[0] : token);
  if (!check.ok || check.record.kind !== 'rdt') return false;

  return (check.record.restrictedResources ?? []).some(
    (r) =>
      r.method === method &&
      pathMatches(r.path, path) &&
      (element === undefined || (r.dataElements ?? []).includes(element)),
  );
}

/** `POST /tokens/2021-03-01/restrictedDataToken`. */
export const tokenRoutes: RouteModule = (ctx): AmazonRoute[] => [
  {
    method: 'POST',
    path: '/tokens/2021-03-01/restrictedDataToken',
    operation: 'createRestrictedDataToken',
    handle(req) {
      const resources = parseResources(req.body);
      const token = req.headers['x-amz-access-token'];
      const check = checkAccessToken(ctx, Array.isArray(token) ? token[0] : token);
      if (!check.ok || check.record.kind !== 'seller') {
        throw new AmazonApiError(403, [
          { code: 'Unauthorized', message: 'Access to requested resource is denied.' },
        ]);
      }
      return { status: 200, body: issueRestrictedDataToken(ctx, check.record, resources) };
    },
  },
];
