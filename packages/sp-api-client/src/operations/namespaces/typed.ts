/**
 * Typed access to generated operations: request parts and response bodies come from
 * `OperationTypes` (generated from the models), dates may be given as `Date`.
 */
import type { OperationKey, OperationTypes } from '../../generated/operations';
import type { SpApiCallRequest, SpApiRequester } from '../../client/types';
import { paginate, type PaginateOptions } from '../../pagination/paginate';

type WithDates<T> = { [K in keyof T]: T[K] extends string | undefined ? T[K] | Date : T[K] };

/** Query input of an operation (date strings may be `Date`s). */
export type QueryOf<K extends OperationKey> = WithDates<OperationTypes[K]['query']>;
/** Path input of an operation. */
export type PathOf<K extends OperationKey> = OperationTypes[K]['path'];
/** Body input of an operation. */
export type BodyOf<K extends OperationKey> = OperationTypes[K]['body'];
/** Success body of an operation. */
export type ResponseOf<K extends OperationKey> = OperationTypes[K]['response'];

/** Per-call options every namespace method accepts. */
export interface CallOptions {
  signal?: AbortSignal;
  restrictedDataToken?: string;
}

/** The typed parts of one call. */
export interface TypedRequest<K extends OperationKey> {
  path?: PathOf<K>;
  query?: QueryOf<K>;
  body?: BodyOf<K>;
}

function untyped<K extends OperationKey>(
  request: TypedRequest<K>,
  options: CallOptions = {},
): SpApiCallRequest {
  return { ...(request as SpApiCallRequest), ...options };
}

/** Calls an operation and returns its typed success body. */
export async function callTyped<K extends OperationKey>(
  requester: SpApiRequester,
  operation: K,
  request: TypedRequest<K>,
  options?: CallOptions,
): Promise<ResponseOf<K>> {
  const response = await requester.call<ResponseOf<K>>(operation, untyped(request, options));

  return response.body;
}

/** Iterates the typed page bodies of a paginated operation. */
export function pagesTyped<K extends OperationKey>(
  requester: SpApiRequester,
  operation: K,
  request: TypedRequest<K>,
  options?: CallOptions & PaginateOptions,
): AsyncGenerator<ResponseOf<K>, void, undefined> {
  return paginate<ResponseOf<K>>(requester, operation, untyped(request, options), options);
}
