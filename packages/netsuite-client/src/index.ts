/**
 * @sellerbridge/netsuite-client — a typed, concurrency-limited NetSuite REST client: OAuth 2.0
 * client credentials and TBA, records, SuiteQL past 100,000 rows, async jobs.
 */
export type { NetSuiteClient, JobsApi } from './client';
export { createNetSuiteClient } from './client';
export type {
  NetSuiteClientOptions,
  OAuth2AuthOptions,
  TbaAuthConfig,
  ResolvedNetSuiteClientOptions,
} from './options';

export type { NetSuiteAccount } from './account';
export { resolveAccount, toHostLabel, toRealm } from './account';

export type { AuthStrategy, SignableRequest } from './auth/types';
export type { TbaAuthOptions } from './auth/tba';
export { createTbaAuth, createNonce } from './auth/tba';
export type { OAuth2Algorithm, OAuth2ClientCredentialsOptions } from './auth/oauth2';
export { createOAuth2ClientCredentialsAuth } from './auth/oauth2';

export type {
  RecordsApi,
  RecordBody,
  GetRecordOptions,
  WriteOptions,
  UpsertedRecord,
} from './records/records';
export type { CreatedRecord } from './records/create';
export type { ListOptions, ListedRecord } from './records/list';
export type { RecordId } from './records/paths';
export { parseLocationId } from './records/paths';
export type { AsyncJob, AsyncSubmission, AsyncTaskResult, WaitOptions } from './records/jobs';

export type { SqlQuery, SqlValue } from './suiteql/sql';
export { sql, escapeLiteral, isSqlQuery } from './suiteql/sql';
export type { QueryOptions, QueryRow, SuiteQlRow, KeysetQueryBuilder } from './suiteql/query';
export type { LookupManyOptions } from './suiteql/lookup-many';
export { suiteQl } from './suiteql/fields';

export type {
  NetSuiteRequest,
  NetSuiteResponse,
  NetSuiteRequestEvent,
  HttpMethod,
} from './transport/types';
export type { NetSuiteErrorBody, NetSuiteErrorDetail } from './transport/error-body';
export { parseErrorBody } from './transport/error-body';

export type { KnownRecordType, RecordOf } from './schemas/registry';
export { recordSchemas, genericRecordSchema, schemaForRecordType } from './schemas/registry';
export type { NetSuiteRef } from './schemas/common';
export { refSchema, decimalSchema, addressSchema, sublistSchema } from './schemas/common';
export { customerSchema, customRecordSchema, customRecordSchemaFor } from './schemas/entities';
export {
  salesOrderSchema,
  invoiceSchema,
  cashSaleSchema,
  creditMemoSchema,
  returnAuthorizationSchema,
  customerPaymentSchema,
  customerRefundSchema,
} from './schemas/sales';
export {
  itemFulfillmentSchema,
  itemReceiptSchema,
  inventoryAdjustmentSchema,
  transferOrderSchema,
  journalEntrySchema,
} from './schemas/inventory';
