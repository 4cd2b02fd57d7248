/**
 * Pagination as async iterators over page bodies, following each API's token rule
 * (./rules.ts). Filters are normalized once, before the first page, so every page sends the
 * identical values Amazon requires (a `…Before` clamped to now − 2 min stays the same instant).
 */
import { InvalidInputError } from '@sellerbridge/http-core';
import type { SpApiCallRequest, SpApiRequester } from '../client/types';
import { BEFORE_MARGIN_MS } from '../operations/rules';
import { PAGINATION_RULES, type PaginationRule } from './rules';

/** Options of {@link paginate}. */
export interface PaginateOptions {
  /** Stops after this many pages. @default unlimited */
  maxPages?: number;
}

function ruleOf(operation: string): PaginationRule {
  const rule = PAGINATION_RULES[operation];

  if (!rule)
    throw new InvalidInputError({
      vendor: 'amazon',
      operation,
      message: `${operation} is not a paginated operation`,
    });
  return rule;
}

// Only unambiguous instants are clamped here; anything else is left to validation.
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/;

function frozenQuery(query: Record<string, unknown> | undefined): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...query };
  const latestMs = Date.now() - BEFORE_MARGIN_MS;

  for (const [name, value] of Object.entries(copy)) {
    const isDate =
      value instanceof Date || (typeof value === 'string' && ZONED_DATE_TIME.test(value));

    if (!/before$/i.test(name) || !isDate) continue;
    copy[name] = new Date(Math.min(new Date(value as string | Date).getTime(), latestMs));
  }
  return copy;
}

function nextRequest(
  rule: PaginationRule,
  first: SpApiCallRequest,
  query: Record<string, unknown>,
  token: string,
): SpApiCallRequest {
  const kept = Object.fromEntries(
    (rule.keepWithToken ?? []).filter((name) => name in query).map((name) => [name, query[name]]),
  );
  const base = rule.tokenAlone ? kept : query;

  return { ...first, query: { ...base, ...rule.addWithToken, [rule.tokenParam]: token } };
}

/**
 * Yields the body of every page of a paginated operation.
 * @throws InvalidInputError for an operation without a pagination rule; VendorError from calls
 */
export async function* paginate<TBody = unknown>(
  requester: SpApiRequester,
  operation: string,
  request: SpApiCallRequest = {},
  options: PaginateOptions = {},
): AsyncGenerator<TBody, void, undefined> {
  const rule = ruleOf(operation);
  const query = frozenQuery(request.query);
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  let next: (() => Promise<{ body: TBody }>) | undefined = () =>
    requester.call<TBody>(operation, { ...request, query });

  for (let pages = 0; next && pages < maxPages; pages += 1) {
    const { body } = await next();
    const token = rule.readToken(body);
    const more = token !== undefined && pages + 1 < maxPages;

    next = more
      ? pageCall(
          requester,
          operation,
          nextRequest(rule, request, query, token),
          rule.prefetch === true,
        )
      : undefined;
    yield body;
  }
}

function pageCall<TBody>(
  requester: SpApiRequester,
  operation: string,
  request: SpApiCallRequest,
  prefetch: boolean,
): () => Promise<{ body: TBody }> {
  if (!prefetch) return () => requester.call<TBody>(operation, request);

  // Short-lived token: request the next page now, before the consumer handles this one.
  const started = requester.call<TBody>(operation, request);
  started.catch(() => undefined); // the error surfaces when the consumer asks for the page
  return () => started;
}
