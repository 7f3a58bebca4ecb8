/**
 * search: the rows of one or more tables where a search predicate holds, with a first `$table`
 * column naming each row's table. `search [kind=..] [in (T1, T2*)] Predicate` reads the listed tables,
 * or every table of the database (the caller's, in the order given); `T | search Predicate`
 * reads its input. The tables are combined as `union` combines them (src/operators/union.ts), and the
 * predicate is rewritten into an ordinary `where` predicate over their columns:
 *   "term"        any column has the term ("*t" hassuffix, "t*" hasprefix, "*t*" contains,
 *                 "a*b" matches regex \ba.*b\b)
 *   Col: "term"   the same over one column
 *   *             every row
 * kind=case_sensitive turns string operators into their case-sensitive forms.
 */
import type * as A from '../parser/ast.js';
import type { SearchOp } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { Span } from '../errors/span.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { TabularPlan } from '../binder/compiled.js';
import type { Env } from '../binder/scope.js';
import type { OperatorDef } from './operator-def.js';
import { asName } from './as.js';

/** The name of search's first column. */
export const SEARCH_TABLE_COLUMN = '$table';

const CASE_SENSITIVE_OPS: Record<string, string> = {
  has: 'has_cs', '!has': '!has_cs', contains: 'contains_cs', '!contains': '!contains_cs',
  startswith: 'startswith_cs', '!startswith': '!startswith_cs', endswith: 'endswith_cs', '!endswith': '!endswith_cs',
  hasprefix: 'hasprefix_cs', '!hasprefix': '!hasprefix_cs', hassuffix: 'hassuffix_cs', '!hassuffix': '!hassuffix_cs',
  '=~': '==', '!~': '!=', 'in~': 'in', '!in~': '!in',
};

/** kind= of search: true for case_sensitive. */
export function searchCaseSensitive(params: A.OperatorParam[]): boolean {
  const kind = params.find((p) => p.name === 'kind');
  if (kind === undefined) return false;
  const value = String(kind.value);
  if (value === 'case_sensitive') return true;
  if (value === 'default' || value === 'case_insensitive') return false;
  throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `search kind= must be default, case_insensitive or case_sensitive, not '${value}'`, kind.span);
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A term over the given columns: one `Col op "text"` per column (non-string columns through tostring), or-ed. */
function termOver(term: string, columns: ColumnSchema[], caseSensitive: boolean, span: Span): A.Expr {
  let op: string;
  let text: string;
  const lead = term.startsWith('*');
  const trail = term.length > 1 && term.endsWith('*');
  const core = term.slice(lead ? 1 : 0, trail ? -1 : undefined);
  if (core.replace(/\*/g, '') === '') return { kind: 'Literal', type: 'bool', value: true, span };
  if (core.includes('*')) {
    // An inner wildcard: a regex over whole terms (the docs: "Lab*PC" is matches regex @"\bLab.*PC\b").
    op = 'matches regex';
    const body = core.split('*').map(escapeRegex).join('.*');
    text = `${caseSensitive ? '' : '(?i)'}${lead ? '' : '\\b'}${body}${trail ? '' : '\\b'}`;
  } else {
    op = lead && trail ? 'contains' : lead ? 'hassuffix' : trail ? 'hasprefix' : 'has';
    if (caseSensitive) op = CASE_SENSITIVE_OPS[op];
    text = core;
  }
  return overColumns(op, { kind: 'Literal', type: 'string', value: text, span }, columns, span);
}

/** `* op right`: `Col op right` for every column (non-string columns through tostring), or-ed; false without columns. */
function overColumns(op: string, right: A.Expr, columns: ColumnSchema[], span: Span): A.Expr {
  const tests: A.Expr[] = columns.map((c) => {
    const name: A.Expr = { kind: 'Name', name: c.name, span };
    const left: A.Expr = c.type === 'string' ? name : { kind: 'Call', name: 'tostring', nameSpan: span, args: [name], span };
    return { kind: 'Binary', op, opSpan: span, left, right, span };
  });
  // A balanced tree of `or`s, so that a table of thousands of columns does not nest thousands deep.
  const join = (from: number, to: number): A.Expr => {
    if (to - from === 1) return tests[from];
    const mid = (from + to) >> 1;
    return { kind: 'Binary', op: 'or', opSpan: span, left: join(from, mid), right: join(mid, to), span };
  };
  return tests.length === 0 ? { kind: 'Literal', type: 'bool', value: false, span } : join(0, tests.length);
}

/**
 * A search predicate as a `where` predicate over `columns`: bare strings become terms over every column,
 * `Col: "x"` a term over Col, `*` true; with case_sensitive, string operators take their _cs forms.
 */
export function rewriteSearchPredicate(expr: A.Expr, columns: ColumnSchema[], caseSensitive: boolean): A.Expr {
  const scalar = (e: A.Expr): A.Expr => {
    if (!caseSensitive) return e;
    switch (e.kind) {
      case 'Binary': {
        const op = CASE_SENSITIVE_OPS[e.op] ?? e.op;
        return { ...e, op, left: scalar(e.left), right: scalar(e.right) };
      }
      case 'Paren':
        return { ...e, inner: scalar(e.inner) };
      case 'Call':
        return { ...e, args: e.args.map(scalar) };
      case 'Unary':
        return { ...e, operand: scalar(e.operand) };
      default:
        return e;
    }
  };
  const bool = (e: A.Expr): A.Expr => {
    switch (e.kind) {
      case 'Literal':
        return e.type === 'string' ? termOver(String(e.value), columns, caseSensitive, e.span) : e;
      case 'Star':
        return { kind: 'Literal', type: 'bool', value: true, span: e.span };
      case 'Paren':
        return { ...e, inner: bool(e.inner) };
      case 'Call':
        return e.name === 'not' && e.args.length === 1 ? { ...e, args: [bool(e.args[0])] } : scalar(e);
      case 'Binary': {
        if (e.op === 'and' || e.op === 'or') return { ...e, left: bool(e.left), right: bool(e.right) };
        if (e.left.kind === 'Star') return overColumns(caseSensitive ? CASE_SENSITIVE_OPS[e.op] ?? e.op : e.op, scalar(e.right), columns, e.span);
        if (e.op === ':') {
          const name = (e.left as A.NameRef).name;
          const column = columns.find((c) => c.name === name);
          if (column === undefined) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_COLUMN, `Unknown column '${name}'`, e.left.span);
          if (column.type !== 'string' && column.type !== 'dynamic') {
            throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `A column term needs a string column, but '${name}' is ${column.type}`, e.left.span);
          }
          return termOver(String((e.right as A.Literal).value), [column], caseSensitive, e.span);
        }
        return scalar(e);
      }
      default:
        return scalar(e);
    }
  };
  return bool(expr);
}

/**
 * The tables an unqualified search or find reads: the caller's tables (runKql) or the given schemas
 * (analyzeKql), in name order (as `union *` orders them).
 */
export function everyTable(env: Env, span: Span): A.Expr[] {
  const names = env.searchTableNames();
  if (names.length === 0) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_TABLE, 'There are no tables to search', span);
  return names.map((name) => ({ kind: 'Name', name, span }));
}

/** `search [kind=..] [in (...)] Predicate` as a plan: a union of the tables with withsource=$table, then a where. */
export function bindSearch(expr: A.SearchExpr, env: Env, bindTabular: (e: A.Expr, env: Env) => TabularPlan): TabularPlan {
  const caseSensitive = searchCaseSensitive(expr.params);
  // withsource= is accepted and ignored, as the analyzer does: the first column is always $table.
  for (const p of expr.params) {
    if (p.name !== 'kind' && p.name !== 'withsource') throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `search has no parameter '${p.name}'`, p.span);
  }
  const tables = expr.tables ?? everyTable(env, expr.span);
  const params: A.OperatorParam[] = [
    { name: 'withsource', value: SEARCH_TABLE_COLUMN, span: expr.span },
  ];
  const source: A.Expr = { kind: 'Union', params, tables, span: expr.span };
  const union = bindTabular(source, env);
  const searched = union.columns.filter((c) => c.name !== SEARCH_TABLE_COLUMN);
  const predicate = rewriteSearchPredicate(expr.predicate, searched, caseSensitive);
  if (predicate.kind === 'Literal' && predicate.value === true) return union;
  const where: A.WhereOp = { op: 'where', predicate, keywordSpan: expr.span, span: expr.span };
  return bindTabular({ kind: 'Pipe', source, operator: where, span: expr.span }, env);
}

/**
 * `T | search ...` inside an operator chain (mv-apply, fork), where the input has no table name: the
 * `$table` value is the input's `as` name, else `union_arg0` as union names such a source. A piped search
 * whose source is written out (`T | search`) is bound by bindSearch instead (bind-tabular.ts), with T's name.
 */
export const search: OperatorDef<SearchOp> = {
  op: 'search',
  description: 'Keeps the rows where a search predicate (terms over all columns, Col: "term", *) holds; adds a first $table column.',
  bind(node, input, tools) {
    const predicate = tools.expr(rewriteSearchPredicate(node.predicate, input, searchCaseSensitive(node.params)), input);
    if (predicate.type !== 'bool' && predicate.type !== 'dynamic') {
      throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, 'The search predicate must be a boolean expression', node.predicate.span);
    }
    const label = asName(input) ?? 'union_arg0';
    const columns: ColumnSchema[] = [{ name: SEARCH_TABLE_COLUMN, type: 'string' }, ...input];
    return {
      columns,
      run: (table, ctx) => ({
        columns,
        rows: table.rows.filter((row) => predicate.evaluate(row, ctx) === true).map((row) => [label, ...row]),
        owned: true,
      }),
    };
  },
};
