/**
 * Errors of the order mapping. Each names what is missing and where to fix it; none carries
 * buyer data. The runner records them as error records; a retry after the fix succeeds.
 */

/** Base of the mapping errors (not retryable until the setup changes). */
export class OrderMappingError extends Error {
  readonly retryable = false;

  constructor(
    readonly orderId: string,
    message: string,
    readonly hint: string,
  ) {
    super(`order ${orderId}: ${message}`);
    this.name = 'OrderMappingError';
  }
}

/** Amazon SKUs without a NetSuite item. */
export class MissingItemError extends OrderMappingError {
  constructor(
    orderId: string,
    readonly skus: string[],
  ) {
    super(
      orderId,
      `no NetSuite item for SKU ${skus.map((sku) => JSON.stringify(sku)).join(', ')}`,
      'create the item or an alias, then retry the error',
    );
    this.name = 'MissingItemError';
  }
}

/** An Amazon ship service level without a mapped NetSuite ship method. */
export class UnmappedShipMethodError extends OrderMappingError {
  constructor(
    orderId: string,
    readonly serviceLevel: string,
  ) {
    super(
      orderId,
      `ship service level "${serviceLevel}" has no NetSuite ship method`,
      'add it to settings orders.shipMethods, then retry the error',
    );
    this.name = 'UnmappedShipMethodError';
  }
}

/** A setting the order needs is not set. */
export class MissingSettingError extends OrderMappingError {
  constructor(
    orderId: string,
    readonly setting: string,
  ) {
    super(
      orderId,
      `setting ${setting} is required for this order`,
      `set ${setting}, then retry the error`,
    );
    this.name = 'MissingSettingError';
  }
}

/** A cancelled Amazon order whose NetSuite record is already shipped or billed. */
export class CancelledAfterFulfilmentError extends OrderMappingError {
  constructor(
    orderId: string,
    readonly netSuiteId: string,
    readonly netSuiteStatus: string,
  ) {
    super(
      orderId,
      `Order with Order Id# ${orderId} has already been shipped/billed with NetSuite Internal Id# ${netSuiteId}, while it has been canceled in Amazon`,
      'reverse the fulfillment or bill in NetSuite by hand (credit memo / return), then resolve the error',
    );
    this.name = 'CancelledAfterFulfilmentError';
  }
}
