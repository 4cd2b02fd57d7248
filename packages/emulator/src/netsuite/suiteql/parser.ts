/**
 * Recursive-descent parser of the SuiteQL subset: SELECT [DISTINCT] … FROM … [JOIN … ON …]
 * [WHERE …] [GROUP BY …] [ORDER BY …] with =, <>, <, >, <=, >=, IN, LIKE, IS NULL, BETWEEN,
 * AND/OR/NOT, parentheses, arithmetic, `||`, function calls and CASE. Anything else is refused.
 */
import type { Expr, SelectItem, SelectQuery, TableRef } from './ast';
import { SuiteQlError } from './errors';
import { tokenize, type Token } from './lexer';

const RESERVED = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'IS',
  'NULL',
  'ORDER',
  'BY',
  'GROUP',
  'ASC',
  'DESC',
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'OUTER',
  'CROSS',
  'ON',
  'AS',
  'DISTINCT',
  'BETWEEN',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'HAVING',
  'UNION',
  'LIMIT',
  'TOP',
  'WITH',
  'FETCH',
  'OFFSET',
]);
const COMPARISONS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);

/** Parses one SELECT statement. */
export function parseSuiteQl(query: string): SelectQuery {
  const parser = new Parser(tokenize(query));
  const result = parser.select();
  parser.expectEnd();
  return result;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'ident' && token.value.toUpperCase() === word;
  }

  private isOp(op: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.value === op;
  }

  private acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.index += 1;
    return true;
  }

  private acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.index += 1;
    return true;
  }

  private expectWord(word: string): void {
    if (!this.acceptWord(word)) this.fail(`expected ${word}`);
  }

  private expectOp(op: string): void {
    if (!this.acceptOp(op)) this.fail(`expected '${op}'`);
  }

  private fail(what: string): never {
    const token = this.peek();
    throw new SuiteQlError(
      `Invalid or unsupported search: ${what} near '${token.value || 'end of query'}' at position ${token.position}.`,
    );
  }

  expectEnd(): void {
    if (this.peek().kind !== 'end') this.fail('end of query');
  }

  private identifier(): string {
    const token = this.peek();
    if (token.kind !== 'ident' || RESERVED.has(token.value.toUpperCase()))
      this.fail('an identifier');
    this.index += 1;
    return token.value;
  }

  select(): SelectQuery {
    this.expectWord('SELECT');
    const distinct = this.acceptWord('DISTINCT');
    const items = this.list(() => this.selectItem());
    this.expectWord('FROM');
    const tables = this.tables();
    const where = this.acceptWord('WHERE') ? this.expr() : undefined;
    const groupBy = this.acceptWord('GROUP')
      ? (this.expectWord('BY'), this.list(() => this.expr()))
      : [];
    const orderBy = this.acceptWord('ORDER')
      ? (this.expectWord('BY'), this.list(() => this.orderItem()))
      : [];

    return { distinct, items, tables, ...(where === undefined ? {} : { where }), groupBy, orderBy };
  }

  private list<T>(item: () => T): T[] {
    const items = [item()];
    while (this.acceptOp(',')) items.push(item());
    return items;
  }

  private selectItem(): SelectItem {
    if (this.acceptOp('*')) return { kind: 'star' };
    if (this.peek().kind === 'ident' && this.peek(1).value === '.' && this.peek(2).value === '*') {
      const table = this.identifier();
      this.index += 2;
      return { kind: 'star', table };
    }

    const expr = this.expr();
    if (this.acceptWord('AS')) return { kind: 'expr', expr, alias: this.identifier() };
    const next = this.peek();
    if (next.kind === 'ident' && !RESERVED.has(next.value.toUpperCase()))
      return { kind: 'expr', expr, alias: this.identifier() };
    return { kind: 'expr', expr };
  }

  private orderItem(): { expr: Expr; descending: boolean } {
    const expr = this.expr();
    if (this.acceptWord('DESC')) return { expr, descending: true };
    this.acceptWord('ASC');
    return { expr, descending: false };
  }

  private tables(): TableRef[] {
    const tables = [this.tableRef('from')];

    for (;;) {
      if (this.acceptOp(',')) tables.push(this.tableRef('cross'));
      else if (this.isWord('JOIN') || this.isWord('INNER')) {
        this.acceptWord('INNER');
        this.expectWord('JOIN');
        tables.push(this.joined('inner'));
      } else if (this.isWord('LEFT') || this.isWord('RIGHT')) {
        const join = this.acceptWord('LEFT') ? 'left' : (this.expectWord('RIGHT'), 'right');
        this.acceptWord('OUTER');
        this.expectWord('JOIN');
        tables.push(this.joined(join));
      } else return tables;
    }
  }

  private joined(join: 'inner' | 'left' | 'right'): TableRef {
    const table = this.tableRef(join);
    this.expectWord('ON');
    return { ...table, on: this.expr() };
  }

  private tableRef(join: TableRef['join']): TableRef {
    if (this.isOp('(')) this.fail('a table name (subqueries are not supported)');

    const name = this.identifier();
    this.acceptWord('AS');
    const next = this.peek();
    const alias =
      next.kind === 'ident' && !RESERVED.has(next.value.toUpperCase()) ? this.identifier() : name;
    return { name, alias, join };
  }

  expr(): Expr {
    let left = this.andExpr();
    while (this.acceptWord('OR')) left = { kind: 'binary', op: 'OR', left, right: this.andExpr() };
    return left;
  }

  private andExpr(): Expr {
    let left = this.notExpr();
    while (this.acceptWord('AND'))
      left = { kind: 'binary', op: 'AND', left, right: this.notExpr() };
    return left;
  }

  private notExpr(): Expr {
    if (this.acceptWord('NOT')) return { kind: 'unary', op: 'NOT', operand: this.notExpr() };
    return this.predicate();
  }

  private predicate(): Expr {
    const operand = this.additive();
    const token = this.peek();
    if (token.kind === 'op' && COMPARISONS.has(token.value)) {
      this.index += 1;
      return {
        kind: 'binary',
        op: token.value === '!=' ? '<>' : token.value,
        left: operand,
        right: this.additive(),
      };
    }

    if (this.acceptWord('IS')) {
      const negated = this.acceptWord('NOT');
      this.expectWord('NULL');
      return { kind: 'isNull', operand, negated };
    }

    const negated = this.acceptWord('NOT');
    if (this.acceptWord('IN')) {
      this.expectOp('(');
      const list = this.list(() => this.expr());
      this.expectOp(')');
      if (list.length > 1000) throw new SuiteQlError('An IN list can have at most 1000 values.');
      return { kind: 'in', operand, list, negated };
    }
    if (this.acceptWord('LIKE'))
      return { kind: 'like', operand, pattern: this.additive(), negated };
    if (this.acceptWord('BETWEEN')) {
      const low = this.additive();
      this.expectWord('AND');
      return { kind: 'between', operand, low, high: this.additive(), negated };
    }
    if (negated) this.fail('IN, LIKE or BETWEEN after NOT');

    return operand;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (;;) {
      const op = ['+', '-', '||'].find((candidate) => this.isOp(candidate));
      if (op === undefined) return left;
      this.index += 1;
      left = { kind: 'binary', op, left, right: this.multiplicative() };
    }
  }

  private multiplicative(): Expr {
    let left = this.unary();
    for (;;) {
      const op = ['*', '/'].find((candidate) => this.isOp(candidate));
      if (op === undefined) return left;
      this.index += 1;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
  }

  private unary(): Expr {
    if (this.acceptOp('-')) return { kind: 'unary', op: '-', operand: this.unary() };
    return this.primary();
  }

  private primary(): Expr {
    const token = this.peek();
    if (token.kind === 'number') {
      this.index += 1;
      return { kind: 'literal', value: Number(token.value) };
    }
    if (token.kind === 'string') {
      this.index += 1;
      return { kind: 'literal', value: token.value };
    }
    if (this.acceptWord('NULL')) return { kind: 'literal', value: null };
    if (this.acceptOp('(')) {
      if (this.isWord('SELECT')) this.fail('an expression (subqueries are not supported)');
      const inner = this.expr();
      this.expectOp(')');
      return inner;
    }
    if (this.acceptWord('CASE')) return this.caseExpr();

    return this.reference();
  }

  private caseExpr(): Expr {
    const whens: Array<{ when: Expr; then: Expr }> = [];
    while (this.acceptWord('WHEN')) {
      const when = this.expr();
      this.expectWord('THEN');
      whens.push({ when, then: this.expr() });
    }
    if (whens.length === 0) this.fail('WHEN');

    const otherwise = this.acceptWord('ELSE') ? this.expr() : undefined;
    this.expectWord('END');
    return { kind: 'case', whens, ...(otherwise === undefined ? {} : { otherwise }) };
  }

  private reference(): Expr {
    let name = this.identifier();
    let table: string | undefined;
    if (this.acceptOp('.')) {
      table = name;
      name = this.identifier();
    }

    if (!this.acceptOp('('))
      return table === undefined ? { kind: 'column', name } : { kind: 'column', table, name };

    const fn = table === undefined ? name : `${table}.${name}`;
    if (this.acceptOp('*')) {
      this.expectOp(')');
      return { kind: 'call', name: fn.toUpperCase(), args: [], distinct: false, star: true };
    }

    const distinct = this.acceptWord('DISTINCT');
    const args = this.isOp(')') ? [] : this.list(() => this.expr());
    this.expectOp(')');
    return { kind: 'call', name: fn.toUpperCase(), args, distinct, star: false };
  }
}
