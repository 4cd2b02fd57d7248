/**
 * Errors of the report and feed helpers. They extend the shared taxonomy (DESIGN §3) so a flow
 * handles them like any other Amazon failure.
 */
import { ServerError } from '@sellerbridge/http-core';
import type { VendorErrorInit } from '@sellerbridge/http-core';

/**
 * A report or feed ended `FATAL`. `errorDocumentText` holds Amazon's error document (the
 * `reportDocumentId` of a FATAL report points at it), capped in length. Not retryable: the same
 * request usually fails the same way, and retrying blindly would create more reports.
 */
export class ProcessingFatalError extends ServerError {
  /** The text of Amazon's error document, when it could be read. */
  readonly errorDocumentText?: string;

  constructor(init: VendorErrorInit & { errorDocumentText?: string }) {
    super({ ...init, retryable: false, vendorCode: init.vendorCode ?? 'FATAL' });
    this.errorDocumentText = init.errorDocumentText;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), errorDocumentText: this.errorDocumentText };
  }
}

/** A report or feed did not reach a final status within the wait budget. */
export class ProcessingTimeoutError extends ServerError {
  constructor(init: VendorErrorInit) {
    super({ ...init, retryable: false, vendorCode: init.vendorCode ?? 'PROCESSING_TIMEOUT' });
  }
}

/** A document download or upload failed: URL expired, body cut short, or the server refused it. */
export class DocumentTransferError extends ServerError {
  /** True when fetching the document again (a fresh presigned URL) may succeed. */
  readonly isRefetchable: boolean;

  constructor(init: VendorErrorInit & { isRefetchable: boolean }) {
    super({ ...init, retryable: init.isRefetchable });
    this.isRefetchable = init.isRefetchable;
  }
}
