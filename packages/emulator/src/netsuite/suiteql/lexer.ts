/**
 * Tokenizer of the SuiteQL subset: identifiers (no `[ ]` or `"` quoting, reference §2.2),
 * numbers, single-quoted strings with `''` escapes, and operators.
 */
import { SuiteQlError } from './errors';

/** One token. */
export interface Token {
  kind: 'ident' | 'number' | 'string' | 'op' | 'end';
  value: string;
  position: number;
}

const OPERATORS = [
  '<>',
  '!=',
  '<=',
  '>=',
  '||',
  '=',
  '<',
  '>',
  '(',
  ')',
  ',',
  '.',
  '*',
  '+',
  '-',
  '/',
];

/** Splits a query into tokens. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;

  while (i < query.length) {
    const char = query[i] ?? '';
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }

    if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_$#]*/.exec(query.slice(i))?.[0] ?? char;
      tokens.push({ kind: 'ident', value: match, position: i });
      i += match.length;
      continue;
    }

    if (/[0-9]/.test(char)) {
      const match = /^\d+(\.\d+)?/.exec(query.slice(i))?.[0] ?? char;
      tokens.push({ kind: 'number', value: match, position: i });
      i += match.length;
      continue;
    }

    if (char === "'") {
      const [value, next] = readString(query, i);
      tokens.push({ kind: 'string', value, position: i });
      i = next;
      continue;
    }

    const op = OPERATORS.find((candidate) => query.startsWith(candidate, i));
    if (op === undefined)
      throw new SuiteQlError(`Unexpected character '${char}' at position ${i}.`);
    tokens.push({ kind: 'op', value: op, position: i });
    i += op.length;
  }

  tokens.push({ kind: 'end', value: '', position: query.length });
  return tokens;
}

function readString(query: string, start: number): [string, number] {
  let value = '';
  let i = start + 1;

  while (i < query.length) {
    if (query[i] === "'" && query[i + 1] === "'") {
      value += "'";
      i += 2;
    } else if (query[i] === "'") {
      return [value, i + 1];
    } else {
      value += query[i];
      i += 1;
    }
  }

  throw new SuiteQlError(`Unterminated string literal at position ${start}.`);
}
