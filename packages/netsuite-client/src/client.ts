/**
 * `createNetSuiteClient`: wires the account, auth strategy, per-account semaphore and the request
 * pipeline to the record, SuiteQL and async-job APIs.
 */
import { createLimiterRegistry } from '@sellerbridge/http-core';
import type { LimiterRegistry } from '@sellerbridge/http-core';
import type { z } from 'zod';
import { resolveAccount } from './account';
import type { NetSuiteAccount } from './account';
import { createOAuth2ClientCredentialsAuth } from './auth/oauth2';
import { createTbaAuth } from './auth/tba';
import type { AuthStrategy } from './auth/types';
import { resolveOptions } from './options';
import type { NetSuiteClientOptions, ResolvedNetSuiteClientOptions } from './options';
import { submitAsync, waitForJob } from './records/jobs';
import type { AsyncJob, AsyncSubmission, AsyncTaskResult, WaitOptions } from './records/jobs';
import { createRecordsApi } from './records/records';
import type { RecordsApi } from './records/records';
import { lookupMany } from './suiteql/lookup-many';
import type { LookupManyOptions } from './suiteql/lookup-many';
import { runQuery } from './suiteql/query';
import type { KeysetQueryBuilder, QueryOptions, QueryRow } from './suiteql/query';
import type { SqlQuery } from './suiteql/sql';
import { ThrottleTracker } from './transport/retry-policy';
import { createTransport } from './transport/send';
import type { NetSuiteRequest, NetSuiteResponse } from './transport/types';

/** Async request API (bulk work). */
export interface JobsApi {
  /** Submits with `Prefer: respond-async` and an idempotency key. */
  submit(submission: AsyncSubmission): Promise<AsyncJob>;
  /** Polls until complete, then returns each task's result. */
  wait(jobId: string, options?: WaitOptions): Promise<AsyncTaskResult[]>;
  /** `submit` then `wait`. */
  run(submission: AsyncSubmission, options?: WaitOptions): Promise<AsyncTaskResult[]>;
}

/** A NetSuite REST client for one account. */
export interface NetSuiteClient {
  /** The resolved account (realm, host label, base URL). */
  readonly account: NetSuiteAccount;
  /** Record service. */
  readonly records: RecordsApi;
  /** Async requests with job polling. */
  readonly jobs: JobsApi;
  /** SuiteQL rows across pages and key windows (past 100,000 rows). */
  query<S extends z.ZodType | undefined = undefined>(
    query: SqlQuery | string | KeysetQueryBuilder,
    options?: QueryOptions<S>,
  ): AsyncIterable<QueryRow<S>>;
  /** Batched SuiteQL lookup: one query per ≤1000 distinct keys. */
  lookupMany<K extends string | number, S extends z.ZodType | undefined = undefined>(
    keys: Iterable<K>,
    buildQuery: (batch: K[]) => SqlQuery,
    options?: LookupManyOptions<S>,
  ): Promise<Array<QueryRow<S>>>;
  /** Low-level: any REST call through the same pipeline (limiter, auth, retry, errors). */
  request(request: NetSuiteRequest): Promise<NetSuiteResponse>;
  /** Releases the limiter registry the client created (not an injected one). */
  close(): Promise<void>;
}

/**
 * Creates a client for one NetSuite account.
 * @throws InvalidInputError for invalid options (bad account id, limits out of range).
 * @example
 * const netsuite = createNetSuiteClient({
 *   accountId: '1234567_SB1',
 *   auth: { type: 'oauth2', clientId, certificateId, privateKey: pem, algorithm: 'PS256' },
 * });
 * const order = await netsuite.records.get('salesOrder', '123', { expandSubResources: true });
 */
export function createNetSuiteClient(options: NetSuiteClientOptions): NetSuiteClient {
  const resolved = resolveOptions(options);
  const account = resolveAccount(resolved.accountId, resolved.baseUrl);
  const ownedRegistry = resolved.limiterRegistry ? undefined : createOwnedRegistry(resolved);
  const registry = (resolved.limiterRegistry ?? ownedRegistry) as LimiterRegistry;

  const transport = createTransport({
    baseUrl: account.baseUrl,
    auth: createAuthStrategy(resolved, account),
    limiter: registry.semaphore(`netsuite:${account.realm}`, resolved.maxConcurrency),
    retry: resolved.retry,
    logger: resolved.logger,
    timeoutMs: resolved.timeoutMs,
    throttleTracker: new ThrottleTracker(resolved.invalidLoginRetryWindowMs, Date.now),
    maxInvalidLoginRetries: resolved.maxInvalidLoginRetries,
    requestIdHeaders: resolved.requestIdHeaders,
    defaultHeaders: resolved.propertyNameValidation
      ? { 'x-netsuite-propertynamevalidation': resolved.propertyNameValidation }
      : {},
    onRequest: resolved.onRequest,
  });

  const jobs: JobsApi = {
    submit: (submission) => submitAsync(transport, submission),
    wait: (jobId, waitOptions) => waitForJob(transport, jobId, waitOptions),
    run: async (submission, waitOptions) =>
      waitForJob(transport, (await submitAsync(transport, submission)).jobId, waitOptions),
  };

  return {
    account,
    records: createRecordsApi(transport),
    jobs,
    query: (query, queryOptions) => runQuery(transport, query, queryOptions),
    lookupMany: (keys, buildQuery, lookupOptions) =>
      lookupMany(transport, keys, buildQuery, lookupOptions),
    request: (request) => transport.send(request),
    close: async () => {
      await ownedRegistry?.close();
    },
  };
}

function createOwnedRegistry(resolved: ResolvedNetSuiteClientOptions): LimiterRegistry {
  if (!resolved.redis) return createLimiterRegistry();

  return createLimiterRegistry({
    redis: { client: resolved.redis.client },
    namespace: resolved.redis.namespace,
  });
}

function createAuthStrategy(
  resolved: ResolvedNetSuiteClientOptions,
  account: NetSuiteAccount,
): AuthStrategy {
  const auth = resolved.auth;
  if (!('type' in auth)) return auth;

  if (auth.type === 'tba') return createTbaAuth({ ...auth, realm: account.realm });

  return createOAuth2ClientCredentialsAuth({
    ...auth,
    tokenUrl: `${account.baseUrl}/services/rest/auth/oauth2/v1/token`,
  });
}
