/**
 * Creates (POST, transform) and their idempotency. A create answers 204 with the new id only in
 * `Location` (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1545141395.html).
 * With an external id, a failed or unknown outcome is followed by a read of `eid:<id>`: a record
 * found there becomes a `ConflictError` carrying its internal id (DESIGN §5 "Exactly once").
 * Without one, the POST is sent at most once once it may have reached the server.
 */
import {
  AbortedError,
  AccessDeniedError,
  AuthError,
  ConflictError,
  ServerError,
  isVendorError,
} from '@sellerbridge/http-core';
import type { VendorError } from '@sellerbridge/http-core';
import type { NetSuiteRequest, Transport } from '../transport/types';
import { parseLocationId, recordPath } from './paths';

/** What a create, transform or upsert returns. */
export interface CreatedRecord {
  /** Internal id of the new (or upserted) record. */
  id: string;
  /** The `Location` header. */
  location: string;
  /** Attempts the write took. */
  attempts: number;
}

/** A write that creates a record, with what the eid fallback needs. */
export interface CreateCall {
  request: NetSuiteRequest;
  /** Record type the new record has (the transform target for a transform). */
  targetType: string;
  externalId: string | undefined;
}

/**
 * Sends a create and reads the id from `Location`.
 * @throws ConflictError with `existingId` when the create failed but the external id exists.
 */
export async function sendCreate(transport: Transport, call: CreateCall): Promise<CreatedRecord> {
  const delivery = call.externalId === undefined ? 'at-most-once' : 'retry';

  try {
    const response = await transport.send({ ...call.request, delivery });
    return {
      id: requireLocationId(response.location, call.request.operation),
      location: response.location ?? '',
      attempts: response.attempts,
    };
  } catch (error) {
    if (call.externalId === undefined || !isVendorError(error) || !shouldLookUp(error)) throw error;

    throw await resolveByExternalId(transport, call, error);
  }
}

/** Reads the id from `Location`. @throws ServerError when NetSuite sent none. */
export function requireLocationId(location: string | undefined, operation: string): string {
  const id = parseLocationId(location);
  if (id !== undefined) return id;

  throw new ServerError({
    vendor: 'netsuite',
    operation,
    message: `${operation}: the 2xx response has no Location header with the record id`,
    retryable: false,
  });
}

// Credentials or permissions failing would fail the lookup too; a cancellation must stop now.
function shouldLookUp(error: VendorError): boolean {
  return !(
    error instanceof AbortedError ||
    error instanceof AuthError ||
    error instanceof AccessDeniedError
  );
}

async function resolveByExternalId(
  transport: Transport,
  call: CreateCall,
  original: VendorError,
): Promise<VendorError> {
  const externalId = call.externalId as string;
  const operation = `${call.request.operation}.lookupExternalId`;

  let found: unknown;
  try {
    const response = await transport.send({
      operation,
      method: 'GET',
      path: recordPath(operation, call.targetType, { externalId }),
      query: { fields: 'id' },
      recordType: call.targetType,
      signal: call.request.signal,
    });
    found = response.body;
  } catch {
    // Not found or unreadable: the create's own error is the answer.
    return original;
  }

  const existingId = readId(found);
  if (existingId === undefined) return original;

  return new ConflictError({
    vendor: 'netsuite',
    operation: call.request.operation,
    message: `${call.request.operation}: a ${call.targetType} with this external id exists (id ${existingId})`,
    status: original.status,
    vendorCode: original.vendorCode,
    requestId: original.requestId,
    method: call.request.method,
    attempts: original.attempts,
    totalWaitMs: original.totalWaitMs,
    existingId,
    cause: original,
  });
}

function readId(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;

  const id = (body as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
