/**
 * The record service: get, create, update, upsert, delete, list, transform.
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1545141395.html (verbs)
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1545297048.html (replace)
 */
import type { z } from 'zod';
import type { Delivery } from '../transport/retry-policy';
import type { Transport } from '../transport/types';
import { schemaForRecordType } from '../schemas/registry';
import type { RecordOf } from '../schemas/registry';
import { sendCreate } from './create';
import type { CreatedRecord } from './create';
import { listRecords } from './list';
import type { ListOptions, ListedRecord } from './list';
import { parseResponse } from './parse';
import { parseLocationId, recordPath } from './paths';
import type { RecordId } from './paths';

/** A record body to write: field names as in the REST API Browser (camelCase, `cust*`). */
export type RecordBody = Readonly<Record<string, unknown>>;

/** What an upsert returns. */
export interface UpsertedRecord {
  /** Internal id, when NetSuite sent a `Location`. */
  id?: string;
  location?: string;
  attempts: number;
}

/** Options of `get`. */
export interface GetRecordOptions<S extends z.ZodType | undefined = undefined> {
  /** Only these fields (`fields=a,b`). */
  fields?: readonly string[];
  /** Sublists and subrecords inline instead of link stubs. @default false */
  expandSubResources?: boolean;
  /** Enums as plain strings. @default false */
  simpleEnumFormat?: boolean;
  /** Overrides the record type's schema. */
  schema?: S;
  signal?: AbortSignal;
}

/** Options of writes. */
export interface WriteOptions {
  /**
   * Sublists to replace instead of merge (`replace=item`): lines not sent are removed (keyed
   * sublists match by `line`; non-keyed ones are cleared first).
   */
  replace?: readonly string[];
  /** With `replace`, fields absent from the body are cleared. */
  replaceSelectedFields?: boolean;
  signal?: AbortSignal;
}

type Parsed<T extends string, S> = S extends z.ZodType ? z.output<S> : RecordOf<T>;

/** The record operations of a client. */
export interface RecordsApi {
  /** Reads a record by internal id or `{ externalId }`. @throws NotFoundError */
  get<T extends string, S extends z.ZodType | undefined = undefined>(
    recordType: T,
    id: RecordId,
    options?: GetRecordOptions<S>,
  ): Promise<Parsed<T, S>>;
  /** Reads a record by external id (`eid:`). @throws NotFoundError */
  getByExternalId<T extends string, S extends z.ZodType | undefined = undefined>(
    recordType: T,
    externalId: string,
    options?: GetRecordOptions<S>,
  ): Promise<Parsed<T, S>>;
  /**
   * Creates a record (POST); the id comes from `Location`. Give the body an `externalId`: the
   * create is then retried safely and a duplicate becomes a ConflictError with `existingId`.
   * @throws ConflictError, InvalidInputError, ThrottledError…
   */
  create(recordType: string, body: RecordBody, options?: WriteOptions): Promise<CreatedRecord>;
  /**
   * Updates the sent fields (PATCH); `replace` replaces sublists. A PATCH that merges a sublist
   * (one not in `replace`) could add its new lines twice if repeated, so it is sent at most once
   * once it may have reached NetSuite; other PATCHes are retried.
   */
  update(recordType: string, id: RecordId, body: RecordBody, options?: WriteOptions): Promise<void>;
  /**
   * Creates or updates by external id (`PUT …/eid:<id>`); safe to repeat. `id` is set when
   * NetSuite sends a `Location` (read it with `getByExternalId` otherwise).
   */
  upsert(
    recordType: string,
    externalId: string,
    body: RecordBody,
    options?: WriteOptions,
  ): Promise<UpsertedRecord>;
  /** Deletes a record. @throws NotFoundError */
  delete(recordType: string, id: RecordId, options?: { signal?: AbortSignal }): Promise<void>;
  /** Lists ids (the collection returns ids only), paging while `hasMore`. */
  list(recordType: string, options?: ListOptions): AsyncIterable<ListedRecord>;
  /** Creates `targetType` from a record (`!transform/<target>`), e.g. salesOrder → itemFulfillment. */
  transform(
    recordType: string,
    id: RecordId,
    targetType: string,
    body?: RecordBody,
    options?: WriteOptions,
  ): Promise<CreatedRecord>;
}

/** Builds the record API over a transport. */
export function createRecordsApi(transport: Transport): RecordsApi {
  const get = async (
    recordType: string,
    id: RecordId,
    options: GetRecordOptions<z.ZodType | undefined> = {},
  ) => {
    const operation = 'records.get';
    const response = await transport.send({
      operation,
      method: 'GET',
      path: recordPath(operation, recordType, id),
      query: {
        fields: options.fields?.length ? options.fields.join(',') : undefined,
        expandSubResources: options.expandSubResources ? 'true' : undefined,
        simpleEnumFormat: options.simpleEnumFormat ? 'true' : undefined,
      },
      recordType,
      signal: options.signal,
    });

    return parseResponse(
      options.schema ?? schemaForRecordType(recordType),
      response.body,
      operation,
    );
  };

  return {
    get: get as RecordsApi['get'],
    getByExternalId: ((
      recordType: string,
      externalId: string,
      options?: GetRecordOptions<z.ZodType>,
    ) => get(recordType, { externalId }, options)) as RecordsApi['getByExternalId'],
    create: (recordType, body, options = {}) =>
      sendCreate(transport, {
        request: writeRequest(
          'records.create',
          'POST',
          recordPath('records.create', recordType),
          recordType,
          body,
          options,
        ),
        targetType: recordType,
        externalId: readExternalId(body),
      }),
    update: async (recordType, id, body, options = {}) => {
      const path = recordPath('records.update', recordType, id);
      const request = writeRequest('records.update', 'PATCH', path, recordType, body, options);
      await transport.send({ ...request, delivery: patchDelivery(body, options.replace) });
    },
    upsert: async (recordType, externalId, body, options = {}) => {
      const path = recordPath('records.upsert', recordType, { externalId });
      const response = await transport.send(
        writeRequest('records.upsert', 'PUT', path, recordType, body, options),
      );
      const { location, attempts } = response;
      return { id: parseLocationId(location), location, attempts };
    },
    delete: async (recordType, id, options = {}) => {
      const path = recordPath('records.delete', recordType, id);
      await transport.send({
        operation: 'records.delete',
        method: 'DELETE',
        path,
        recordType,
        signal: options.signal,
      });
    },
    list: (recordType, options) => listRecords(transport, recordType, options),
    transform: (recordType, id, targetType, body = {}, options = {}) => {
      const operation = 'records.transform';
      recordPath(operation, targetType);
      const path = `${recordPath(operation, recordType, id)}/!transform/${targetType}`;

      return sendCreate(transport, {
        request: writeRequest(operation, 'POST', path, recordType, body, options),
        targetType,
        externalId: readExternalId(body),
      });
    },
  };
}

function writeRequest(
  operation: string,
  method: 'POST' | 'PATCH' | 'PUT',
  path: string,
  recordType: string,
  body: RecordBody,
  options: WriteOptions,
) {
  return {
    operation,
    method,
    path,
    query: {
      replace: options.replace?.length ? options.replace.join(',') : undefined,
      replaceSelectedFields: options.replaceSelectedFields ? 'true' : undefined,
    },
    body,
    recordType,
    signal: options.signal,
  };
}

function readExternalId(body: RecordBody): string | undefined {
  const externalId = body.externalId;
  return typeof externalId === 'string' && externalId.length > 0 ? externalId : undefined;
}

/** `at-most-once` when a sublist in the body is merged (not replaced): a repeat appends lines. */
function patchDelivery(body: RecordBody, replace: readonly string[] | undefined): Delivery {
  const replaced = new Set(replace ?? []);

  for (const [field, value] of Object.entries(body)) {
    const isSublist =
      typeof value === 'object' &&
      value !== null &&
      Array.isArray((value as { items?: unknown }).items);
    if (isSublist && !replaced.has(field)) return 'at-most-once';
  }

  return 'retry';
}
