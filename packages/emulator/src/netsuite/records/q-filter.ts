/**
 * The `q` filter of record lists (shared/reference/netsuite.md §1.4,
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1545222128.html):
 * `field OPERATOR value` terms joined by AND/OR with parentheses; dates are read in the user's
 * date format, and a date that does not fit gives NetSuite's INVALID_PARAMETER parse error.
 */
import { invalidParameter } from '../errors';
import type { StoredRecord } from './store';

type Value = string | number | boolean | null;
type Node =
  | { kind: 'term'; field: string; op: string; values: string[] }
  | { kind: 'and' | 'or'; left: Node; right: Node };

const UNARY = new Set(['EMPTY', 'EMPTY_NOT']);
const DATE_OPS = new Set(['AFTER', 'BEFORE', 'ON', 'ON_OR_AFTER', 'ON_OR_BEFORE']);

function tokenize(q: string): string[] {
  const tokens = q.match(/"[^"]*"|\(|\)|\[|\]|,|[^\s()[\],"]+/g);
  if (tokens === null) throw invalidParameter('Invalid search query: empty q.', 'q');
  return tokens;
}

/** Parses a q expression. */
export function parseQ(q: string): Node {
  const tokens = tokenize(q);
  let index = 0;
  const peek = (): string | undefined => tokens[index];
  const take = (): string => {
    const token = tokens[index];
    if (token === undefined) throw invalidParameter(`Invalid search query: ${q}`, 'q');
    index += 1;
    return token;
  };

  const term = (): Node => {
    if (peek() === '(') {
      take();
      const inner = or();
      if (take() !== ')') throw invalidParameter(`Invalid search query: ${q}`, 'q');
      return inner;
    }

    const field = take();
    const op = take().toUpperCase();
    if (UNARY.has(op)) return { kind: 'term', field, op, values: [] };
    if (peek() !== '[')
      return {
        kind: 'term',
        field,
        op,
        values: op.startsWith('BETWEEN') ? [take(), take()] : [take()],
      };

    take();
    const values: string[] = [];
    while (peek() !== ']') {
      const token = take();
      if (token !== ',') values.push(token);
    }
    take();
    return { kind: 'term', field, op, values };
  };
  const and = (): Node => {
    let left = term();
    while (peek()?.toUpperCase() === 'AND') left = (take(), { kind: 'and', left, right: term() });
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (peek()?.toUpperCase() === 'OR') left = (take(), { kind: 'or', left, right: and() });
    return left;
  };

  const tree = or();
  if (index !== tokens.length) throw invalidParameter(`Invalid search query: ${q}`, 'q');
  return tree;
}

/** Reads a value in the user date format (M, D, MM, DD, YYYY tokens) as `YYYY-MM-DD`. */
export function parseUserDate(text: string, dateFormat: string): string {
  const order: string[] = [];
  const pattern = dateFormat.replace(/YYYY|MM|DD|M|D|[.*+?^${}()|[\]\\/]/g, (token) => {
    if (/^[YMD]+$/.test(token)) {
      order.push(token[0] as string);
      return token === 'YYYY' ? '(\\d{4})' : '(\\d{1,2})';
    }
    return `\\${token}`;
  });

  const match = new RegExp(`^${pattern}$`).exec(text);
  if (match === null) {
    throw invalidParameter(
      `Search error occurred: Parse of date/time "${text}" failed with date format "${dateFormat}" in time zone UTC`,
      'q',
    );
  }

  const part = (letter: string): string =>
    (match[order.indexOf(letter) + 1] ?? '1').padStart(2, '0');
  return `${part('Y')}-${part('M')}-${part('D')}`;
}

function fieldValue(record: StoredRecord, field: string): Value {
  const lower = field.toLowerCase();
  if (lower === 'id') return record.id;
  if (lower === 'externalid') return record.externalId;
  if (lower === 'lastmodifieddate') return record.modified;
  if (lower === 'createddate' || lower === 'datecreated') return record.created;

  const key = Object.keys(record.body).find((name) => name.toLowerCase() === lower);
  const value = key === undefined ? null : record.body[key];
  if (typeof value === 'object' && value !== null)
    return String((value as { id?: unknown }).id ?? '');
  return value as Value;
}

function unquote(text: string): string {
  return text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

function compareTerm(value: Value, op: string, raw: string[], dateFormat: string): boolean {
  const negated = op.endsWith('_NOT');
  const base = negated ? op.slice(0, -4) : op;
  const values = raw.map(unquote);
  const text = value === null ? '' : String(value);
  const numeric = (v: string): number => Number(v);
  const asDate = (v: string): string => parseUserDate(v, dateFormat);
  const day = text.slice(0, 10);

  const results: Record<string, () => boolean> = {
    EMPTY: () => text === '',
    IS: () => text.toLowerCase() === (values[0] ?? '').toLowerCase(),
    EQUAL: () => numeric(text) === numeric(values[0] ?? ''),
    GREATER: () => numeric(text) > numeric(values[0] ?? ''),
    GREATER_OR_EQUAL: () => numeric(text) >= numeric(values[0] ?? ''),
    LESS: () => numeric(text) < numeric(values[0] ?? ''),
    LESS_OR_EQUAL: () => numeric(text) <= numeric(values[0] ?? ''),
    ANY_OF: () => values.some((v) => v === text),
    BETWEEN: () =>
      numeric(text) >= numeric(values[0] ?? '') && numeric(text) <= numeric(values[1] ?? ''),
    WITHIN: () =>
      numeric(text) >= numeric(values[0] ?? '') && numeric(text) <= numeric(values[1] ?? ''),
    CONTAIN: () => text.toLowerCase().includes((values[0] ?? '').toLowerCase()),
    START_WITH: () => text.toLowerCase().startsWith((values[0] ?? '').toLowerCase()),
    END_WITH: () => text.toLowerCase().endsWith((values[0] ?? '').toLowerCase()),
    AFTER: () => day > asDate(values[0] ?? ''),
    BEFORE: () => day < asDate(values[0] ?? ''),
    ON: () => day === asDate(values[0] ?? ''),
    ON_OR_AFTER: () => day >= asDate(values[0] ?? ''),
    ON_OR_BEFORE: () => day <= asDate(values[0] ?? ''),
  };

  const evaluate = results[base];
  if (evaluate === undefined || (DATE_OPS.has(base) && values.length !== 1)) {
    throw invalidParameter(`Invalid search query: unknown operator ${op}.`, 'q');
  }
  return evaluate() !== negated;
}

/** True when the record matches the parsed filter. */
export function matchesQ(record: StoredRecord, node: Node, dateFormat: string): boolean {
  if (node.kind !== 'term') {
    const left = matchesQ(record, node.left, dateFormat);
    if (node.kind === 'and' ? !left : left) return left;
    return matchesQ(record, node.right, dateFormat);
  }

  return compareTerm(fieldValue(record, node.field), node.op, node.values, dateFormat);
}

/** Validates operators and date values once, before any record is read. */
export function checkQ(node: Node, dateFormat: string): void {
  if (node.kind !== 'term') {
    checkQ(node.left, dateFormat);
    checkQ(node.right, dateFormat);
    return;
  }

  const base = node.op.endsWith('_NOT') ? node.op.slice(0, -4) : node.op;
  if (DATE_OPS.has(base)) node.values.forEach((value) => parseUserDate(unquote(value), dateFormat));
  compareTerm(null, node.op, DATE_OPS.has(base) ? node.values : [], dateFormat);
}
