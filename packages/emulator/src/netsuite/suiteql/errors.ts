/**
 * SuiteQL failures as NetSuite words them: 400 INVALID_PARAMETER "Invalid search query…"
 * (shared/reference/netsuite.md §2.1 "Bad field"; hotglue tap_netsuite_rest/client.py).
 */
import { NsError } from '../errors';

/** A query the emulator (or NetSuite) cannot run. */
export class SuiteQlError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SuiteQlError';
  }

  /** The nsError NetSuite answers with. */
  toNsError(): NsError {
    return new NsError(
      400,
      'INVALID_PARAMETER',
      `Invalid search query. Detailed unprocessed description follows. Search error occurred: ${this.message}`,
    );
  }
}
