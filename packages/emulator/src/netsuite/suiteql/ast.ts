/**
 * Syntax tree of the SuiteQL subset the emulator runs.
 */

/** An expression. */
export type Expr =
  | { kind: 'column'; table?: string; name: string }
  | { kind: 'literal'; value: string | number | null }
  | { kind: 'call'; name: string; args: Expr[]; distinct: boolean; star: boolean }
  | { kind: 'unary'; op: 'NOT' | '-'; operand: Expr }
  | { kind: 'binary'; op: string; left: Expr; right: Expr }
  | { kind: 'in'; operand: Expr; list: Expr[]; negated: boolean }
  | { kind: 'like'; operand: Expr; pattern: Expr; negated: boolean }
  | { kind: 'isNull'; operand: Expr; negated: boolean }
  | { kind: 'between'; operand: Expr; low: Expr; high: Expr; negated: boolean }
  | { kind: 'case'; whens: Array<{ when: Expr; then: Expr }>; otherwise?: Expr };

/** One item of the select list. */
export type SelectItem =
  { kind: 'star'; table?: string } | { kind: 'expr'; expr: Expr; alias?: string };

/** A table in FROM or JOIN. */
export interface TableRef {
  name: string;
  alias: string;
  join: 'from' | 'inner' | 'left' | 'right' | 'cross';
  on?: Expr;
}

/** A whole SELECT. */
export interface SelectQuery {
  distinct: boolean;
  items: SelectItem[];
  tables: TableRef[];
  where?: Expr;
  groupBy: Expr[];
  orderBy: Array<{ expr: Expr; descending: boolean }>;
}
