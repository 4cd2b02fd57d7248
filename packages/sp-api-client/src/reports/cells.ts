/**
 * Cell readers shared by the typed row helpers: trimmed text, optional text, integers. Money
 * stays the decimal string Amazon sent (trimmed; `1141,18` in EU files is parsed per
 * marketplace by the flow, DESIGN §5), never a float.
 */
import { InvalidInputError } from '@sellerbridge/http-core';

import { isDateText, isDecimalText } from './cell-formats';
import type { ReportRow } from './tsv';

/** Where a row came from, for error messages. */
export interface RowContext {
  reportType: string;
  /** 1-based data row number (the header is row 0). */
  rowNumber?: number;
  /** The file or document the rows come from (e.g. its name or report document id). */
  source?: string;
}

/** An InvalidInputError naming the report (or file), row and column of a bad cell. */
export function cellError(context: RowContext, column: string, problem: string): InvalidInputError {
  const file = context.source ? `${context.reportType} ${context.source}` : context.reportType;
  const where = `${file} row ${context.rowNumber ?? '?'} column ${column}`;

  return new InvalidInputError({
    vendor: 'amazon',
    operation: 'readReport',
    errorPath: `row ${context.rowNumber ?? '?'}.${column}`,
    message: `amazon readReport: ${where} ${problem}`,
  });
}

/**
 * A decimal amount cell as sent (trimmed), or undefined when blank.
 * @throws InvalidInputError naming the report, row and column when it is not a decimal
 */
export function decimalCell(
  row: ReportRow,
  column: string,
  context: RowContext,
): string | undefined {
  const value = optionalCell(row, column);

  if (value !== undefined && !isDecimalText(value))
    throw cellError(context, column, `is not a decimal amount: "${value.slice(0, 40)}"`);
  return value;
}

/**
 * A date cell as sent (trimmed), or undefined when blank.
 * @throws InvalidInputError naming the report, row and column when it is not a whole date
 */
export function dateCell(row: ReportRow, column: string, context: RowContext): string | undefined {
  const value = optionalCell(row, column);

  if (value !== undefined && !isDateText(value))
    throw cellError(context, column, `is not a date: "${value.slice(0, 40)}"`);
  return value;
}

/** The trimmed cell, or undefined when absent or blank. */
export function optionalCell(row: ReportRow, column: string): string | undefined {
  const value = row[column]?.trim();

  return value === undefined || value === '' ? undefined : value;
}

/** The trimmed cell, or '' when absent. */
export function cell(row: ReportRow, column: string): string {
  return row[column]?.trim() ?? '';
}

/**
 * An integer cell (quantities), or undefined when blank.
 * @throws InvalidInputError naming the report, row and column when it is not an integer
 */
export function integerCell(
  row: ReportRow,
  column: string,
  context: RowContext,
): number | undefined {
  const value = optionalCell(row, column);
  if (value === undefined) return undefined;

  if (!/^[+-]?\d+$/.test(value)) throw cellError(context, column, 'is not an integer');

  return Number.parseInt(value, 10);
}

/** A yes/no cell (`true`/`false`, `Yes`/`No`), or undefined when blank or unknown. */
export function booleanCell(row: ReportRow, column: string): boolean | undefined {
  const value = optionalCell(row, column)?.toLowerCase();
  if (value === 'true' || value === 'yes') return true;
  if (value === 'false' || value === 'no') return false;

  return undefined;
}

/** Maps each row of a stream with its 1-based row number. */
export async function* mapRows<T>(
  rows: AsyncIterable<ReportRow>,
  map: (row: ReportRow, rowNumber: number) => T,
): AsyncGenerator<T> {
  let rowNumber = 0;

  for await (const row of rows) {
    rowNumber += 1;
    yield map(row, rowNumber);
  }
}
