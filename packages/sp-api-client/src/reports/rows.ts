/**
 * Streams the rows of a report document, fetching the document again (a fresh presigned URL)
 * when the URL expired or the body was cut short. Rows already handed out are skipped on the
 * new download, so the caller sees each row once.
 */
import { InvalidInputError, type Logger } from '@sellerbridge/http-core';

import { openDocumentStream, toTransportError } from './download';
import { DocumentTransferError } from './errors';
import { parseTsvDocument } from './tsv';
import type { ReportRow, TsvQuoteMode } from './tsv';

/** The fields of a report document the download needs. */
export interface DocumentLocation {
  reportDocumentId: string;
  url: string;
  compressionAlgorithm?: string;
}

/** Options of {@link streamDocumentRows}. */
export interface StreamRowsOptions {
  /** Fetches the document (and so a new URL); called once, then again for each refetch. */
  fetchDocument: () => Promise<DocumentLocation>;
  marketplaceIds: readonly string[];
  logger: Logger;
  signal?: AbortSignal;
  /**
   * How many times a new URL is fetched after an expired link or a cut body.
   * @default 3
   */
  maxRefetches?: number;
  /** @default 'none' */
  quoteMode?: TsvQuoteMode;
  /** @default 60_000 */
  idleTimeoutMs?: number;
}

const OPERATION = 'downloadReportDocument';

/**
 * Yields each row of the document once, refetching on refetchable failures.
 * @throws DocumentTransferError after `maxRefetches`, NotFoundError, AbortedError
 */
export async function* streamDocumentRows(options: StreamRowsOptions): AsyncGenerator<ReportRow> {
  const maxRefetches = options.maxRefetches ?? 3;
  let emittedRows = 0;

  for (let refetches = 0; ; refetches += 1) {
    const document = await options.fetchDocument();
    let seenRows = 0;

    try {
      for await (const row of readDocumentRows(document, options)) {
        seenRows += 1;
        if (seenRows <= emittedRows) continue;

        emittedRows += 1;
        yield row;
      }

      return;
    } catch (error) {
      const canRefetch = error instanceof DocumentTransferError && error.isRefetchable;
      if (!canRefetch || refetches >= maxRefetches) throw error;

      options.logger.warn(
        {
          operation: OPERATION,
          reportDocumentId: document.reportDocumentId,
          rowsDone: emittedRows,
          refetch: refetches + 1,
          reason: error.message,
        },
        'report download failed; fetching the document again',
      );
    }
  }
}

async function* readDocumentRows(
  document: DocumentLocation,
  options: StreamRowsOptions,
): AsyncGenerator<ReportRow> {
  const transport = {
    operation: OPERATION,
    signal: options.signal,
    idleTimeoutMs: options.idleTimeoutMs,
  };
  const opened = await openDocumentStream(document.url, transport);

  try {
    const parser = await parseTsvDocument(opened.stream, {
      contentType: opened.contentType,
      marketplaceIds: options.marketplaceIds,
      quoteMode: options.quoteMode,
      onDecoded: (info) =>
        options.logger.debug(
          { operation: OPERATION, reportDocumentId: document.reportDocumentId, ...info },
          'report decoding chosen',
        ),
    });

    for await (const row of parser) yield row as ReportRow;
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;

    throw isParseError(error)
      ? toParseError(error)
      : toTransportError(error, document.url, transport);
  } finally {
    opened.stream.destroy();
  }
}

function isParseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;

  return typeof code === 'string' && code.startsWith('CSV_');
}

function toParseError(error: unknown): DocumentTransferError {
  const { code, message } = error as { code: string; message: string };

  return new DocumentTransferError({
    vendor: 'amazon',
    operation: OPERATION,
    vendorCode: code,
    message: `amazon ${OPERATION}: the report is not valid TSV (${message})`,
    isRefetchable: false,
    cause: error,
  });
}
