/**
 * Translates the validated SuiteQL tree into SQLite over the catalog views. Every identifier is
 * checked (unknown → NetSuite's "Unknown identifier"), literals are bound as parameters, and only
 * documented functions pass (reference §2.2: BUILTIN.DF, TO_DATE, NVL, LOWER, …).
 */
import type Database from 'better-sqlite3';
import type { Expr, SelectQuery, TableRef } from './ast';
import {
  DATE_COLUMNS,
  REFERENCE_COLUMNS,
  columnsOf,
  customRecordSource,
  publicTables,
} from './catalog';
import { SuiteQlError } from './errors';

/** A translated query: SQL, parameters and the output key of each column. */
export interface Translated {
  sql: string;
  params: Array<string | number | null>;
  keys: string[];
}

interface Scope {
  alias: string;
  name: string;
  columns: Set<string>;
  source: string;
}

const FUNCTIONS: Record<string, { sql: string; args: [number, number] }> = {
  LOWER: { sql: 'LOWER', args: [1, 1] },
  UPPER: { sql: 'UPPER', args: [1, 1] },
  TRIM: { sql: 'TRIM', args: [1, 1] },
  LENGTH: { sql: 'LENGTH', args: [1, 1] },
  ABS: { sql: 'ABS', args: [1, 1] },
  ROUND: { sql: 'ROUND', args: [1, 2] },
  SUBSTR: { sql: 'SUBSTR', args: [2, 3] },
  COALESCE: { sql: 'COALESCE', args: [1, 99] },
  NVL: { sql: 'IFNULL', args: [2, 2] },
  COUNT: { sql: 'COUNT', args: [1, 1] },
  SUM: { sql: 'ns_decimal_sum', args: [1, 1] },
  MIN: { sql: 'MIN', args: [1, 1] },
  MAX: { sql: 'MAX', args: [1, 1] },
  AVG: { sql: 'AVG', args: [1, 1] },
  TO_DATE: { sql: 'ns_to_date', args: [1, 2] },
  TO_CHAR: { sql: 'ns_to_char', args: [1, 2] },
  TO_NUMBER: { sql: 'ns_to_number', args: [1, 1] },
};

const CUSTOM_PREFIXES: Record<string, string[]> = {
  transaction: ['custbody_'],
  transactionline: ['custcol_'],
  item: ['custitem_'],
  customer: ['custentity_'],
};

const quote = (name: string): string => `"${name.replaceAll('"', '')}"`;

/** Translates a parsed query for the given database. */
export function translate(db: Database.Database, query: SelectQuery): Translated {
  return new Translator(db, query).run();
}

class Translator {
  private readonly params: Array<string | number | null> = [];
  private readonly scopes: Scope[];
  private readonly aliases = new Set<string>();

  constructor(
    private readonly db: Database.Database,
    private readonly query: SelectQuery,
  ) {
    this.scopes = query.tables.map((table) => this.scope(table));
  }

  run(): Translated {
    const { columns, keys } = this.selectList();
    const from = this.query.tables.map((table, index) => this.fromPart(table, index)).join(' ');
    let sql = `SELECT ${this.query.distinct ? 'DISTINCT ' : ''}${columns.join(', ')} FROM ${from}`;

    if (this.query.where !== undefined) sql += ` WHERE ${this.expr(this.query.where)}`;
    if (this.query.groupBy.length > 0)
      sql += ` GROUP BY ${this.query.groupBy.map((e) => this.expr(e)).join(', ')}`;
    if (this.query.orderBy.length > 0) {
      const order = this.query.orderBy.map(
        (o) => `${this.orderTerm(o.expr)}${o.descending ? ' DESC' : ''}`,
      );
      sql += ` ORDER BY ${order.join(', ')}`;
    }

    return { sql, params: this.params, keys };
  }

  private scope(table: TableRef): Scope {
    const name = table.name.toLowerCase();
    const alias = table.alias.toLowerCase();
    if (/^customrecord_[a-z0-9_]+$/.test(name)) {
      const columns = new Set([
        'id',
        'externalid',
        'name',
        'isinactive',
        'created',
        'lastmodified',
        '_body',
        '_refname',
      ]);
      return { alias, name, columns, source: customRecordSource(name) };
    }
    if (!publicTables().includes(name))
      throw new SuiteQlError(`Record '${table.name}' was not found.`);

    return { alias, name, columns: new Set(columnsOf(this.db, name)), source: quote(name) };
  }

  private fromPart(table: TableRef, index: number): string {
    const scope = this.scopes[index] as Scope;
    const source = `${scope.source} AS ${quote(scope.alias)}`;
    if (table.join === 'from') return source;
    if (table.join === 'cross') return `, ${source}`;
    if (table.join === 'right')
      throw new SuiteQlError('RIGHT OUTER JOIN is not supported; swap the tables and use LEFT.');

    const on = table.on === undefined ? '' : ` ON ${this.expr(table.on)}`;
    return `${table.join === 'left' ? 'LEFT JOIN' : 'JOIN'} ${source}${on}`;
  }

  private selectList(): { columns: string[]; keys: string[] } {
    const columns: string[] = [];
    const keys: string[] = [];
    let unnamed = 0;

    for (const item of this.query.items) {
      if (item.kind === 'star') {
        const scopes = item.table === undefined ? this.scopes : [this.scopeByAlias(item.table)];
        for (const scope of scopes) {
          for (const column of scope.columns) {
            if (column.startsWith('_')) continue;
            columns.push(this.output(`${quote(scope.alias)}.${quote(column)}`, column));
            keys.push(column);
          }
        }
        continue;
      }

      const key =
        item.alias?.toLowerCase() ??
        (item.expr.kind === 'column' ? item.expr.name.toLowerCase() : `expr${(unnamed += 1)}`);
      if (item.alias !== undefined) this.aliases.add(key);
      const sql = this.expr(item.expr);
      columns.push(
        item.expr.kind === 'column' ? this.output(sql, item.expr.name.toLowerCase()) : sql,
      );
      keys.push(key);
    }

    return { columns, keys };
  }

  private output(sql: string, column: string): string {
    return DATE_COLUMNS.has(column) ? `ns_date_out(${sql})` : sql;
  }

  private scopeByAlias(alias: string): Scope {
    const scope = this.scopes.find((s) => s.alias === alias.toLowerCase());
    if (scope === undefined) throw new SuiteQlError(`Unknown identifier '${alias}'.`);
    return scope;
  }

  private column(expr: Extract<Expr, { kind: 'column' }>, allowAlias: boolean): string {
    const name = expr.name.toLowerCase();
    if (expr.table === undefined && name === 'sysdate') return 'ns_sysdate()';
    if (expr.table === undefined && allowAlias && this.aliases.has(name)) return quote(name);
    if (name.startsWith('_')) throw new SuiteQlError(`Unknown identifier '${expr.name}'.`);

    const candidates = expr.table === undefined ? this.scopes : [this.scopeByAlias(expr.table)];
    const owners = candidates.filter((scope) => scope.columns.has(name));
    if (owners.length > 1) throw new SuiteQlError(`Column '${expr.name}' is ambiguous.`);
    if (owners[0] !== undefined) return `${quote(owners[0].alias)}.${quote(name)}`;

    const custom = candidates.find((scope) => isCustomField(scope, name));
    if (custom === undefined)
      throw new SuiteQlError(
        `Unknown identifier '${expr.table === undefined ? '' : `${expr.table}.`}${expr.name}'.`,
      );

    const body = `${quote(custom.alias)}."_body"`;
    return `COALESCE(json_extract(${body}, '$.${name}.id'), CASE json_type(${body}, '$.${name}') WHEN 'true' THEN 'T' WHEN 'false' THEN 'F' ELSE json_extract(${body}, '$.${name}') END)`;
  }

  private bind(value: string | number | null): string {
    this.params.push(value);
    return '?';
  }

  expr(expr: Expr, allowAlias = false): string {
    switch (expr.kind) {
      case 'column':
        return this.column(expr, allowAlias);
      case 'literal':
        return expr.value === null ? 'NULL' : this.bind(expr.value);
      case 'unary':
        return expr.op === 'NOT'
          ? `(NOT ${this.expr(expr.operand)})`
          : `(-${this.expr(expr.operand)})`;
      case 'binary':
        return this.binary(expr);
      case 'in':
        return `(${this.numeric(expr.operand, expr.list)}${expr.negated ? ' NOT' : ''} IN (${expr.list.map((e) => this.expr(e)).join(', ')}))`;
      case 'like':
        return `(${this.expr(expr.operand)}${expr.negated ? ' NOT' : ''} LIKE ${this.expr(expr.pattern)})`;
      case 'isNull':
        return `(${this.expr(expr.operand)} IS${expr.negated ? ' NOT' : ''} NULL)`;
      case 'between':
        return `(${this.numeric(expr.operand, [expr.low])}${expr.negated ? ' NOT' : ''} BETWEEN ${this.expr(expr.low)} AND ${this.expr(expr.high)})`;
      case 'case': {
        const whens = expr.whens
          .map((w) => `WHEN ${this.expr(w.when)} THEN ${this.expr(w.then)}`)
          .join(' ');
        const otherwise = expr.otherwise === undefined ? '' : ` ELSE ${this.expr(expr.otherwise)}`;
        return `(CASE ${whens}${otherwise} END)`;
      }
      case 'call':
        return this.call(expr);
    }
  }

  /** Compares numerically when the other side is a number literal (stored amounts are text). */
  private numeric(operand: Expr, others: Expr[]): string {
    const sql = this.expr(operand);
    const numberLiteral = others.some((o) => o.kind === 'literal' && typeof o.value === 'number');
    return numberLiteral && operand.kind === 'column' ? `CAST(${sql} AS NUMERIC)` : sql;
  }

  /** `ORDER BY 2` names the second select column, as in Oracle. */
  private orderTerm(expr: Expr): string {
    if (expr.kind === 'literal' && typeof expr.value === 'number')
      return String(Math.trunc(expr.value));
    return this.expr(expr, true);
  }

  /** A string compared with a date column is a date in the user's format (NetSuite converts it). */
  private dateAware(side: Expr, other: Expr): string {
    const isDateColumn = other.kind === 'column' && DATE_COLUMNS.has(other.name.toLowerCase());
    if (isDateColumn && side.kind === 'literal' && typeof side.value === 'string') {
      return `ns_user_date(${this.bind(side.value)})`;
    }
    return this.numeric(side, [other]);
  }

  private binary(expr: Extract<Expr, { kind: 'binary' }>): string {
    if (expr.op === 'AND' || expr.op === 'OR')
      return `(${this.expr(expr.left)} ${expr.op} ${this.expr(expr.right)})`;
    if (['+', '-', '*', '/', '||'].includes(expr.op))
      return `(${this.expr(expr.left)} ${expr.op} ${this.expr(expr.right)})`;

    const left = this.dateAware(expr.left, expr.right);
    return `(${left} ${expr.op} ${this.dateAware(expr.right, expr.left)})`;
  }

  private call(expr: Extract<Expr, { kind: 'call' }>): string {
    if (expr.name === 'BUILTIN.DF') return this.displayField(expr.args);
    if (expr.star) {
      if (expr.name !== 'COUNT') throw new SuiteQlError(`${expr.name}(*) is not valid.`);
      return 'COUNT(*)';
    }

    const fn = FUNCTIONS[expr.name];
    if (fn === undefined) throw new SuiteQlError(`Function ${expr.name} is not supported.`);
    if (expr.args.length < fn.args[0] || expr.args.length > fn.args[1]) {
      throw new SuiteQlError(`Wrong number of arguments for ${expr.name}.`);
    }

    const args = expr.args.map((arg) => this.expr(arg)).join(', ');
    return `${fn.sql}(${expr.distinct ? 'DISTINCT ' : ''}${args})`;
  }

  /** BUILTIN.DF: the display name of a reference, the label of a status, else the value. */
  private displayField(args: Expr[]): string {
    const [arg] = args;
    if (arg === undefined || args.length !== 1)
      throw new SuiteQlError('BUILTIN.DF takes one argument.');

    const sql = this.expr(arg);
    if (arg.kind !== 'column') return sql;

    const name = arg.name.toLowerCase();
    if (name === 'status') return sql.replace(/"status"$/, '"_statusname"');
    if (name === 'type' && sql.endsWith('"type"')) return sql.replace(/"type"$/, '"_typename"');
    if (name === 'id' || REFERENCE_COLUMNS.has(name))
      return `(SELECT ref_name FROM ns_record WHERE id = ${sql})`;
    return sql;
  }
}

function isCustomField(scope: Scope, name: string): boolean {
  if (scope.name.startsWith('customrecord_')) return name.startsWith('custrecord_');
  return (CUSTOM_PREFIXES[scope.name] ?? []).some((prefix) => name.startsWith(prefix));
}
