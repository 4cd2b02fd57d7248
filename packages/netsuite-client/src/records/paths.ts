/**
 * Record URL paths. Types are camelCase path segments (`salesOrder`, `customrecord_x`); an id is an
 * internal id or `eid:<externalId>`, accepted wherever an internal id is
 * (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_156334828635.html).
 * No trailing slash: `record/v1/customer/` is a 400 (ehmad11/netsuite-rest#17).
 */
import { InvalidInputError } from '@sellerbridge/http-core';
import { encodeRfc3986 } from '../url';

/** An internal id (`"123"` / `123`) or an external id. */
export type RecordId = string | number | { externalId: string };

/** Root of the record service. */
export const RECORD_ROOT = '/services/rest/record/v1';

const RECORD_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
const INTERNAL_ID_PATTERN = /^[0-9]+$/;

/** `/services/rest/record/v1/<type>[/<id>]`. @throws InvalidInputError for a malformed type or id. */
export function recordPath(operation: string, recordType: string, id?: RecordId): string {
  assertRecordType(operation, recordType);
  if (id === undefined) return `${RECORD_ROOT}/${recordType}`;

  return `${RECORD_ROOT}/${recordType}/${formatRecordId(operation, id)}`;
}

/** Throws unless the type is a plain identifier (camelCase or `customrecord_*`). */
export function assertRecordType(operation: string, recordType: string): void {
  if (!RECORD_TYPE_PATTERN.test(recordType)) {
    throw invalid(
      operation,
      'recordType',
      `record type "${recordType}" is not a NetSuite record type name`,
    );
  }
}

/** Formats an id for the URL: an internal id as is, an external id as `eid:<encoded>`. */
export function formatRecordId(operation: string, id: RecordId): string {
  if (typeof id === 'object') {
    if (id.externalId.length === 0)
      throw invalid(operation, 'externalId', 'externalId must not be empty');
    return `eid:${encodeRfc3986(id.externalId)}`;
  }

  const text = String(id);
  if (!INTERNAL_ID_PATTERN.test(text)) {
    throw invalid(
      operation,
      'id',
      'an internal id is digits only; pass { externalId } for an external id',
    );
  }

  return text;
}

/**
 * Reads the new record's internal id from a `Location` header
 * (`…/record/v1/salesOrder/1234`), the only place a create reports it.
 */
export function parseLocationId(location: string | undefined): string | undefined {
  if (!location) return undefined;

  const path = location.split('?')[0] ?? '';
  const last = path.replace(/\/+$/, '').split('/').pop();
  return last ? decodeURIComponent(last) : undefined;
}

function invalid(operation: string, errorPath: string, message: string): InvalidInputError {
  return new InvalidInputError({ vendor: 'netsuite', operation, message, errorPath });
}
