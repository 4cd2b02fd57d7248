/**
 * The one way values enter SuiteQL text: the `sql` tagged template. Strings become quoted literals
 * with `'` doubled (SQL-92 / Oracle; a backslash is an ordinary character there), numbers are
 * checked finite, arrays become comma lists for `IN (…)`, nested `sql` fragments are kept. So a
 * SKU like `O'Brien's 12" mug` is one literal and cannot end the string early.
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0824094533.html
 */
import { InvalidInputError } from '@sellerbridge/http-core';

const SQL_TEXT = Symbol('SqlQuery');

/** A SuiteQL text whose values were escaped by `sql`. */
export interface SqlQuery {
  readonly [SQL_TEXT]: true;
  readonly text: string;
}

/** A value `sql` accepts. */
export type SqlValue =
  string | number | bigint | boolean | null | SqlQuery | ReadonlyArray<string | number | bigint>;

/** True for a value made by `sql`, `sql.identifier` or `sql.raw`. */
export function isSqlQuery(value: unknown): value is SqlQuery {
  return (
    typeof value === 'object' && value !== null && (value as Partial<SqlQuery>)[SQL_TEXT] === true
  );
}

function fragment(text: string): SqlQuery {
  return { [SQL_TEXT]: true, text };
}

/**
 * Quotes a string literal: `O'Brien` → `'O''Brien'`.
 * @throws InvalidInputError for a NUL character (SuiteQL rejects it; it could truncate the text).
 */
export function escapeLiteral(value: string): string {
  if (value.includes('\u0000')) throw invalid('a SQL string value contains a NUL character');
  return `'${value.replace(/'/g, "''")}'`;
}

function toLiteral(value: SqlValue, index: number): string {
  if (isSqlQuery(value)) return value.text;
  if (value === null) return 'NULL';
  if (typeof value === 'string') return escapeLiteral(value);
  if (typeof value === 'bigint') return value.toString();
  // SuiteQL booleans compare against 'T' / 'F'.
  if (typeof value === 'boolean') return value ? "'T'" : "'F'";
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(`SQL value #${index} is not a finite number`);
    return String(value);
  }
  if (Array.isArray(value)) return toList(value, index);

  throw invalid(`SQL value #${index} has an unsupported type`);
}

function toList(values: ReadonlyArray<string | number | bigint>, index: number): string {
  // `IN ()` is a syntax error, and SuiteQL allows at most 1000 values in an IN list.
  if (values.length === 0) throw invalid(`SQL list #${index} is empty`);
  if (values.length > 1000) throw invalid(`SQL list #${index} has more than 1000 values`);

  return values.map((item) => toLiteral(item, index)).join(', ');
}

function invalid(message: string): InvalidInputError {
  return new InvalidInputError({ vendor: 'netsuite', operation: 'sql', message, errorPath: 'sql' });
}

/**
 * Builds a SuiteQL query with escaped values.
 * @example sql`SELECT id FROM item WHERE itemid = ${sku} OR id IN (${ids})`
 * @throws InvalidInputError for a non-finite number, an empty or oversized list, a NUL.
 */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): SqlQuery {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += toLiteral(value, index) + (strings[index + 1] ?? '');
  });

  return fragment(text);
}

const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/**
 * A column or table name (SuiteQL has no identifier quoting, so it is validated instead).
 * @throws InvalidInputError for anything but `name` or `table.name`.
 */
sql.identifier = (name: string): SqlQuery => {
  if (!IDENTIFIER_PATTERN.test(name)) throw invalid(`"${name}" is not a SuiteQL identifier`);
  return fragment(name);
};

/** Trusted SQL text, inserted as is (never pass input through it). */
sql.raw = (text: string): SqlQuery => fragment(text);

/** Joins fragments with a separator (`, ` by default). */
sql.join = (parts: readonly SqlQuery[], separator = ', '): SqlQuery =>
  fragment(parts.map((part) => part.text).join(separator));
