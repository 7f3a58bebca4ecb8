/**
 * Scalar expressions: resolve names, check types through the function and operator registries,
 * and compile each expression once into a closure `(row, ctx) => value`.
 */
import type * as A from '../parser/ast.js';
import { KqlSemanticError, KqlSyntaxError, ErrorCodes } from '../errors/index.js';
import type { Span } from '../errors/span.js';
import type { KqlType } from '../runtime/types.js';
import { isIntegerType, isNumericType } from '../runtime/types.js';
import { isPlainObject } from '../runtime/values.js';
import { INT64_MAX, INT64_MIN, neg } from '../runtime/int64.js';
import { negTime } from '../runtime/ticks.js';
import { constantExpr, type CompiledExpr, type TabularPlan } from './compiled.js';
import type { Env, RowScope } from './scope.js';
import { derivedName } from './naming.js';
import { binAutoCall } from './set-options.js';
import { callUserFunction, checkBareCall, functionReturnsTable } from './user-functions.js';
import { lookupScalarFunction } from '../functions/scalar-registry.js';
import { lookupAggregateFunction } from '../functions/aggregate-registry.js';
import { lookupBinaryOperator, lookupListOperator } from '../functions/operator-registry.js';
import { isBindFailure, type ArgInfo, type ScalarImpl } from '../functions/registry-types.js';
import { castValue } from '../functions/convert.js';
import type { ExecContext } from '../runtime/exec-context.js';
import { packRow, PACK_ALL_DESCRIPTION } from '../functions/bags/pack_all.js';
import type { Row } from '../runtime/table.js';
import { didYouMean } from '../runtime/closest-name.js';
import { isPatternInvocation } from './patterns.js';
import { unknownFunctionMessage } from './function-hints.js';

/** Binds tabular sub-expressions (`in (T | project x)`, toscalar); provided by the tabular binder. */
export type TabularBinder = (expr: A.Expr, env: Env) => TabularPlan;

export interface ExprContext {
  scope: RowScope;
  env: Env;
  bindTabular: TabularBinder;
  /** Extra names visible only here ($left / $right in join conditions are handled by join itself). */
}

export function bindExpr(expr: A.Expr, cx: ExprContext): CompiledExpr {
  const compiled = bindExprInner(expr, cx);
  if (compiled.derivedName === undefined) {
    const name = derivedName(expr);
    if (name !== undefined) compiled.derivedName = name;
  }
  return compiled;
}

function bindExprInner(expr: A.Expr, cx: ExprContext): CompiledExpr {
  switch (expr.kind) {
    case 'Literal':
      if (typeof expr.value === 'bigint' && (expr.value > INT64_MAX || expr.value < INT64_MIN)) {
        // 9223372036854775808 is a literal only after a minus sign (-9223372036854775808 is long's minimum).
        throw new KqlSyntaxError(ErrorCodes.SYN_BAD_LITERAL, `'${expr.value}' is not a valid long literal (outside -9223372036854775808 .. 9223372036854775807)`, expr.span);
      }
      return constantExpr(expr.type, expr.value, expr.span);
    case 'Paren':
      return bindExpr(expr.inner, cx);
    case 'TypeLiteral':
      throw new KqlSemanticError(
        ErrorCodes.SEM_INVALID_ARGUMENT,
        `typeof(${expr.type}) names a type, not a value: it can only be an argument of functions that take a type, such as extract and extract_json`,
        expr.span,
      );
    case 'Name':
      return bindName(expr, cx);
    case 'Member':
      return bindMember(expr, cx);
    case 'Index':
      return bindIndex(expr, cx);
    case 'Call':
      return bindCall(expr, cx);
    case 'Binary':
      return bindBinary(expr, cx);
    case 'Unary':
      return bindUnary(expr, cx);
    case 'List':
      return bindList(expr, cx);
    case 'Between':
      return bindBetween(expr, cx);
    case 'Star':
      throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, "'*' is not allowed here", expr.span);
    default:
      throw new KqlSemanticError(ErrorCodes.SEM_NOT_SCALAR, 'A tabular expression cannot be used as a scalar value here', expr.span);
  }
}

function bindName(expr: A.NameRef, cx: ExprContext): CompiledExpr {
  const index = cx.scope.read(expr.name);
  if (index !== undefined) {
    const type = cx.scope.columns[index].type;
    return { type, evaluate: (row) => row[index], span: expr.span, derivedName: expr.name, isColumn: true };
  }
  const bound = cx.env.lookupLet(expr.name);
  if (bound?.kind === 'scalar') return { ...bound.expr, span: expr.span, derivedName: expr.name };
  // A scalar function named without parentheses (`let a = () { 123 }; print a`: user-defined-functions.md).
  if (bound?.kind === 'function' && !functionReturnsTable(bound)) {
    checkBareCall(expr.name, bound, expr.span);
    return bindCall({ kind: 'Call', name: expr.name, nameSpan: expr.span, args: [], span: expr.span }, cx);
  }
  if (bound?.kind === 'tabular' || cx.env.tableSchema(expr.name)) {
    throw new KqlSemanticError(ErrorCodes.SEM_NOT_SCALAR, `'${expr.name}' is a table, not a scalar value`, expr.span);
  }
  if (expr.name === 'null') return constantExpr('dynamic', null, expr.span);
  throw new KqlSemanticError(
    ErrorCodes.SEM_UNKNOWN_COLUMN,
    `Unknown column or variable '${expr.name}'${didYouMean(expr.name, cx.scope.columns.map((c) => c.name))}`,
    expr.span,
  );
}

/** Reads a property of a dynamic object; anything else (missing key, not an object) is null. */
function getProperty(value: unknown, key: string): unknown {
  if (isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, key)) return value[key];
  return null;
}

function requireDynamic(target: CompiledExpr, span: Span, what: string): void {
  if (target.type !== 'dynamic') {
    throw new KqlSemanticError(
      ErrorCodes.SEM_TYPE_MISMATCH,
      `${what} needs a dynamic value, but this expression is of type ${target.type}`,
      span,
    );
  }
}

function bindMember(expr: A.MemberExpr, cx: ExprContext): CompiledExpr {
  const target = bindExpr(expr.target, cx);
  requireDynamic(target, expr.target.span, `Accessing '.${expr.name}'`);
  const key = expr.name;
  const get = target.evaluate;
  return { type: 'dynamic', evaluate: (row, ctx) => getProperty(get(row, ctx), key), span: expr.span };
}

function bindIndex(expr: A.IndexExpr, cx: ExprContext): CompiledExpr {
  const target = bindExpr(expr.target, cx);
  requireDynamic(target, expr.target.span, 'Indexing with [...]');
  const index = bindExpr(expr.index, cx);
  const get = target.evaluate;
  const at = (value: unknown, i: unknown): unknown => {
    if (typeof i === 'string') return getProperty(value, i);
    if (typeof i !== 'number' || !Array.isArray(value)) return null;
    const pos = i < 0 ? value.length + i : i;
    return pos >= 0 && pos < value.length ? value[Math.trunc(pos)] : null;
  };
  if (index.type !== 'string' && !isIntegerType(index.type) && index.type !== 'dynamic') {
    throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `An index must be a number or a string, not ${index.type}`, expr.index.span);
  }
  if (index.constant) {
    const i = index.constant.value;
    if (target.elementAt && typeof i === 'number' && Number.isInteger(i)) return { ...target.elementAt(i), span: expr.span };
    return { type: 'dynamic', evaluate: (row, ctx) => at(get(row, ctx), i), span: expr.span };
  }
  const getIndex = index.evaluate;
  return { type: 'dynamic', evaluate: (row, ctx) => at(get(row, ctx), getIndex(row, ctx)), span: expr.span };
}

function argInfo(c: CompiledExpr, span: Span): ArgInfo {
  const info: ArgInfo = { type: c.type, span };
  if (c.constant) info.constant = c.constant;
  if (c.isColumn && c.derivedName) info.columnName = c.derivedName;
  if (c.derivedName) info.derivedName = c.derivedName;
  if (c.typeLiteral) info.typeLiteral = c.typeLiteral;
  if (c.elementType) info.elementType = c.elementType;
  return info;
}

/** Turns an implementation and its compiled arguments into one closure, specialised by arity. */
function applyImpl(impl: ScalarImpl, args: CompiledExpr[], span: Span): CompiledExpr {
  const compiled: CompiledExpr = { type: impl.type, evaluate: withArguments(args, impl.call), span };
  if (impl.name !== undefined) {
    compiled.derivedName = impl.name;
    compiled.numberedName = true;
  }
  const element = impl.element;
  if (element) {
    compiled.elementAt = (index) => ({
      type: 'dynamic',
      evaluate: withArguments(args, (values, ctx) => element(values, index, ctx)),
      span,
    });
  }
  return compiled;
}

/** A row's closure that evaluates the arguments and hands their values to `use`. */
function withArguments(args: CompiledExpr[], use: (values: unknown[], ctx: ExecContext) => unknown): (row: Row, ctx: ExecContext) => unknown {
  if (args.length === 0) return (_row, ctx) => use([], ctx);
  if (args.length === 1) {
    // One argument array per call site, refilled per row: kernels read their arguments during the
    // call and keep none of the array (ScalarImpl.call), and a call site never runs inside itself.
    const a = args[0].evaluate;
    const values: unknown[] = [undefined];
    return (row, ctx) => {
      values[0] = a(row, ctx);
      return use(values, ctx);
    };
  }
  if (args.length === 2) {
    const a = args[0].evaluate, b = args[1].evaluate;
    const values: unknown[] = [undefined, undefined];
    return (row, ctx) => {
      values[0] = a(row, ctx);
      values[1] = b(row, ctx);
      return use(values, ctx);
    };
  }
  const evals = args.map((x) => x.evaluate);
  return (row, ctx) => use(evals.map((e) => e(row, ctx)), ctx);
}

function failAt(spans: Span[], fallback: Span, failure: { error: string; argIndex?: number; code?: string }): never {
  const span = failure.argIndex !== undefined && spans[failure.argIndex] ? spans[failure.argIndex] : fallback;
  throw new KqlSemanticError(failure.code ?? ErrorCodes.SEM_TYPE_MISMATCH, failure.error, span);
}

/** Functions that need the binder itself rather than a registry kernel. */
const SPECIAL_FUNCTIONS: Record<string, (expr: A.CallExpr, cx: ExprContext) => CompiledExpr> = {
  toscalar: bindToScalar,
  column_ifexists: bindColumnIfExists,
  columnifexists: bindColumnIfExists,
  pack_all: bindPackAll,
  bin_auto: (expr, cx) => bindExpr(binAutoCall(expr, cx.env, () => bindExpr(expr.args[0], cx).type), cx),
};

/**
 * pack_all([ignore_null_empty]): a bag of the whole row (src/functions/bags/pack_all.ts). It reads every
 * column without naming them, so each read is recorded through the scope (column pruning).
 */
function bindPackAll(expr: A.CallExpr, cx: ExprContext): CompiledExpr {
  if (expr.args.length > 1) {
    throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, `Function 'pack_all' expects 0 to 1 argument(s) but got ${expr.args.length}`, expr.span);
  }
  const flag = expr.args.length === 1 ? bindExpr(expr.args[0], cx) : undefined;
  if (flag && flag.type !== 'bool') {
    throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `Argument 1 of 'pack_all' must be bool, not ${flag.type}.`, expr.args[0].span);
  }
  const columns = cx.scope.columns.map((c) => ({ name: c.name, type: c.type, index: cx.scope.read(c.name)! }));
  const ignore = flag?.evaluate;
  return { type: 'dynamic', span: expr.span, evaluate: (row, ctx) => packRow(row, columns, ignore ? ignore(row, ctx) === true : false) };
}

/**
 * column_ifexists('Name', default): the column when the input has it, otherwise the default. Typed by the
 * default, as the analyzer types it: a column of another type is converted as to<type>() converts it
 * (an int column with a "" default gives its numbers as text), except a dynamic column, which stays the
 * dynamic column: deployed Sentinel rules read it through column_ifexists("X_dynamic", "") and would not
 * bind otherwise (differences-from-kusto.md, UNCERTAIN).
 */
function bindColumnIfExists(expr: A.CallExpr, cx: ExprContext): CompiledExpr {
  const [nameArg, fallback] = expr.args;
  if (expr.args.length !== 2 || nameArg.kind !== 'Literal' || typeof nameArg.value !== 'string') {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `'${expr.name}' expects a constant column name and a default value`, expr.span);
  }
  const fallbackExpr = bindExpr(fallback, cx);
  const index = cx.scope.read(nameArg.value);
  if (index === undefined) return { ...fallbackExpr, span: expr.span };
  const type = fallbackExpr.type;
  const columnType = cx.scope.columns[index].type;
  if (columnType === type) return { type, evaluate: (row) => row[index], span: expr.span, derivedName: nameArg.value, isColumn: true };
  if (columnType === 'dynamic') return { type: columnType, evaluate: (row) => row[index], span: expr.span, derivedName: nameArg.value, isColumn: true };
  return { type, evaluate: (row) => castValue(row[index], columnType, type), span: expr.span, derivedName: nameArg.value };
}

function bindCall(expr: A.CallExpr, cx: ExprContext): CompiledExpr {
  const userFunction = cx.env.lookupLet(expr.name);
  if (userFunction?.kind === 'function') {
    const result = callUserFunction(expr.name, userFunction, expr.args, expr.span, cx, expr.argNames);
    if (result.kind === 'tabular') {
      throw new KqlSemanticError(ErrorCodes.SEM_NOT_SCALAR, `Function '${expr.name}' returns a table, not a scalar value`, expr.span);
    }
    return { ...result.expr, span: expr.span, derivedName: undefined };
  }
  const special = SPECIAL_FUNCTIONS[expr.name];
  if (special) return special(expr, cx);
  const fn = lookupScalarFunction(expr.name);
  if (!fn) {
    if (lookupAggregateFunction(expr.name)) {
      throw new KqlSemanticError(
        ErrorCodes.SEM_AGGREGATE_CONTEXT,
        `The aggregate function '${expr.name}' can only be used in summarize (or similar aggregating operators)`,
        expr.nameSpan,
      );
    }
    throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_FUNCTION, unknownFunctionMessage(expr.name), expr.nameSpan);
  }
  if (expr.args.length < fn.minArgs || expr.args.length > fn.maxArgs) {
    const expected = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
    throw new KqlSemanticError(
      ErrorCodes.SEM_WRONG_ARGUMENT_COUNT,
      `Function '${expr.name}' expects ${expected} argument(s) but got ${expr.args.length}`,
      expr.span,
    );
  }
  if (fn.readsRowWindow) cx.scope.readsRowWindow = true;
  const args = expr.args.map((a) => (a.kind === 'TypeLiteral' ? typeLiteralArgument(a) : bindExpr(a, cx)));
  const spans = expr.args.map((a) => a.span);
  const impl = fn.bind(args.map((a, i) => argInfo(a, spans[i])));
  if (isBindFailure(impl)) failAt(spans, expr.span, impl);
  const compiled = applyImpl(impl, args, expr.span);
  if (!impl.columns) return compiled;
  // Several columns: evaluate returns the first (for use inside expressions), evalAll all of them.
  const evalAll = compiled.evaluate as (row: Row, ctx: ExecContext) => unknown[];
  const base = `${expr.name}_${args[0]?.derivedName ?? derivedName(expr.args[0]) ?? ''}`;
  return {
    type: impl.columns[0]?.type ?? impl.type,
    span: expr.span,
    evaluate: (row, ctx) => evalAll(row, ctx)[0],
    multi: { columns: impl.columns.map((c) => ({ name: c.name ?? `${base}_${c.suffix}`, type: c.type })), evalAll },
    // `f(a, b)[i]` with a constant i, when the function defines it (array_sort_asc(a, b)[1]: the second result).
    ...(compiled.elementAt ? { elementAt: compiled.elementAt } : {}),
  };
}

/** `typeof(T)` as a function argument: the function reads the type (ArgInfo.typeLiteral); there is no value. */
function typeLiteralArgument(expr: A.TypeLiteralExpr): CompiledExpr {
  return { type: 'string', evaluate: () => expr.type, constant: { value: expr.type }, typeLiteral: expr.type, span: expr.span };
}

function bindToScalar(expr: A.CallExpr, cx: ExprContext): CompiledExpr {
  if (expr.args.length !== 1) {
    throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, "Function 'toscalar' expects 1 argument", expr.span);
  }
  const arg = expr.args[0];
  if (isTabularSyntax(arg, cx.env)) {
    const plan = cx.bindTabular(arg, cx.env);
    const type: KqlType = plan.columns[0]?.type ?? 'dynamic';
    const key = {};
    return {
      type,
      span: expr.span,
      evaluate: (_row, ctx) => {
        if (!ctx.cache.has(key)) {
          const table = plan.execute(ctx);
          ctx.cache.set(key, table.rows.length ? table.rows[0][0] : null);
        }
        return ctx.cache.get(key);
      },
    };
  }
  return bindExpr(arg, cx);
}

/** Functions the binder implements itself (they need names, schemas or tables, not just values), for the reference. */
export const BINDER_FUNCTIONS: { name: string; description: string }[] = [
  { name: 'toscalar', description: 'The first value of the first column of a tabular expression, computed once per run.' },
  { name: 'column_ifexists', description: 'A column of the input when it exists, otherwise the default value (alias columnifexists).' },
  { name: 'pack_all', description: PACK_ALL_DESCRIPTION },
  { name: 'materialize', description: 'A tabular expression computed once per run, however often it is read.' },
  { name: 'table', description: 'The table of the given constant name.' },
  { name: '_GetWatchlist', description: "A Sentinel watchlist supplied in options.watchlists, with Sentinel's fixed columns first." },
];

/** Built-in functions that produce tables. */
const TABULAR_FUNCTIONS = new Set(['materialize', 'table', 'view', '_GetWatchlist']);

/** True when an expression is (syntactically or by name) a table rather than a scalar. */
export function isTabularSyntax(expr: A.Expr, env: Env): boolean {
  if (isPatternInvocation(expr, env)) return true;
  switch (expr.kind) {
    case 'Pipe':
    case 'Datatable':
    case 'Print':
    case 'Union':
    case 'Search':
    case 'Find':
    case 'Range':
    case 'ExternalData':
      return true;
    case 'Paren':
      return isTabularSyntax(expr.inner, env);
    case 'Name': {
      const bound = env.lookupLet(expr.name);
      if (bound) return bound.kind === 'tabular' || (bound.kind === 'function' && functionReturnsTable(bound));
      return env.tableSchema(expr.name) !== undefined;
    }
    case 'Call': {
      // A let or workspace function first: it hides a table of the same name.
      const bound = env.lookupLet(expr.name);
      if (bound?.kind === 'function') return functionReturnsTable(bound);
      return TABULAR_FUNCTIONS.has(expr.name) || env.tableSchema(expr.name) !== undefined;
    }
    default:
      return false;
  }
}

function bindBinary(expr: A.BinaryExpr, cx: ExprContext): CompiledExpr {
  const op = lookupBinaryOperator(expr.op);
  if (!op) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_OPERATOR, `The operator '${expr.op}' is not supported`, expr.opSpan);
  const left = bindExpr(expr.left, cx);
  const right = bindExpr(expr.right, cx);
  const impl = op.bind(argInfo(left, expr.left.span), argInfo(right, expr.right.span));
  if (isBindFailure(impl)) failAt([expr.left.span, expr.right.span], expr.opSpan, impl);
  const call = impl.call;
  const l = left.evaluate, r = right.evaluate;
  // Short-circuit `and`/`or` as Kusto may: the right side is not evaluated when the left decides.
  if (expr.op === 'and') {
    return { type: 'bool', span: expr.span, evaluate: (row, ctx) => { const a = l(row, ctx); return a === false ? false : call([a, r(row, ctx)], ctx); } };
  }
  if (expr.op === 'or') {
    return { type: 'bool', span: expr.span, evaluate: (row, ctx) => { const a = l(row, ctx); return a === true ? true : call([a, r(row, ctx)], ctx); } };
  }
  // The operands array is reused per call site, as in applyImpl.
  const values: unknown[] = [undefined, undefined];
  if (right.constant) {
    values[1] = right.constant.value;
    return { type: impl.type, span: expr.span, evaluate: (row, ctx) => { values[0] = l(row, ctx); return call(values, ctx); } };
  }
  return { type: impl.type, span: expr.span, evaluate: (row, ctx) => { values[0] = l(row, ctx); values[1] = r(row, ctx); return call(values, ctx); } };
}

function bindUnary(expr: A.UnaryExpr, cx: ExprContext): CompiledExpr {
  const operand = bindExpr(expr.operand, cx);
  if (!isNumericType(operand.type) && operand.type !== 'timespan' && operand.type !== 'dynamic') {
    throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `Unary '${expr.op}' needs a number or timespan, not ${operand.type}`, expr.span);
  }
  if (expr.op === '+') return operand;
  const get = operand.evaluate;
  const type = operand.type === 'dynamic' ? 'real' : operand.type;
  if (isIntegerType(type)) {
    // Exact: -(-2^63) wraps to -2^63 (src/runtime/int64.ts); an int stays 32 bits, -(-2^31) wraps to -2^31.
    const wrapMin = type === 'int';
    return {
      type,
      span: expr.span,
      evaluate: (row, ctx) => {
        const v = get(row, ctx);
        if (typeof v === 'number') return v === 0 ? 0 : wrapMin && v === -2147483648 ? v : -v;
        return typeof v === 'bigint' ? neg(v) : null;
      },
    };
  }
  if (type === 'timespan') {
    // Exact ticks (src/runtime/ticks.ts): a bigint is a count of ticks, not a long.
    return {
      type,
      span: expr.span,
      evaluate: (row, ctx) => {
        const v = get(row, ctx);
        return typeof v === 'number' || typeof v === 'bigint' ? negTime(v) : null;
      },
    };
  }
  return {
    type,
    span: expr.span,
    evaluate: (row, ctx) => {
      const v = get(row, ctx);
      return typeof v === 'number' ? -v : typeof v === 'bigint' ? -Number(v) : null;
    },
  };
}

function bindList(expr: A.ListExpr, cx: ExprContext): CompiledExpr {
  const op = lookupListOperator(expr.op);
  if (!op) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_OPERATOR, `The operator '${expr.op}' is not supported`, expr.opSpan);
  const left = bindExpr(expr.left, cx);
  // An item may be a subquery: `x in (T | project y)` uses the values of its first column.
  const items: CompiledExpr[] = expr.items.map((item) => {
    if (!isTabularSyntax(item, cx.env)) return bindExpr(item, cx);
    const plan = cx.bindTabular(item, cx.env);
    const key = {};
    return {
      type: 'dynamic' as KqlType,
      // The values keep their column's type: a datetime subquery matches datetimes, not numbers.
      elementType: plan.columns[0]?.type,
      span: item.span,
      evaluate: (_row: Row, ctx: ExecContext) => {
        if (!ctx.cache.has(key)) ctx.cache.set(key, plan.execute(ctx).rows.map((r) => r[0]));
        return ctx.cache.get(key);
      },
    };
  });
  const impl = op.bind(argInfo(left, expr.left.span), items.map((i) => argInfo(i, i.span)));
  if (isBindFailure(impl)) failAt([expr.left.span, ...expr.items.map((i) => i.span)], expr.opSpan, impl);
  if (MEMBERSHIP.has(expr.op)) warnMixedList(expr.op, left.type, items, cx);
  const l = left.evaluate;
  if (items.every((i) => i.constant)) {
    const test = impl.prepare(items.map((i) => i.constant!.value));
    return { type: impl.type, span: expr.span, evaluate: (row, ctx) => test(l(row, ctx)) };
  }
  const rowIndependent = expr.items.every((item) => isTabularSyntax(item, cx.env));
  if (rowIndependent) {
    // Subquery items: prepare once per run, on first use.
    const key = {};
    return {
      type: impl.type,
      span: expr.span,
      evaluate: (row, ctx) => {
        let test = ctx.cache.get(key) as ((v: unknown) => unknown) | undefined;
        if (!test) {
          test = impl.prepare(items.map((i) => i.evaluate(row, ctx)));
          ctx.cache.set(key, test);
        }
        return test(l(row, ctx));
      },
    };
  }
  const evals = items.map((i) => i.evaluate);
  return { type: impl.type, span: expr.span, evaluate: (row, ctx) => impl.prepare(evals.map((e) => e(row, ctx)))(l(row, ctx)) };
}

const MEMBERSHIP = new Set(['in', '!in', 'in~', '!in~']);

/** The type a constant dynamic array element compares as (undefined for null, arrays and bags). */
function elementKind(v: unknown): KqlType | undefined {
  if (typeof v === 'number' || typeof v === 'bigint') return 'long';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return undefined;
}

/**
 * `EventID in ("4624")` with EventID an int: the items are converted to the left side's type
 * (list-ops.ts). It binds, like in Kusto, but is worth a warning: the first item of another kind.
 */
function warnMixedList(op: string, leftType: KqlType, items: CompiledExpr[], cx: ExprContext): void {
  if (leftType === 'dynamic') return;
  const differs = (t: KqlType) => t !== leftType && !(isNumericType(t) && isNumericType(leftType));
  for (const item of items) {
    if (!item.constant || item.constant.value === null) continue;
    let t: KqlType | undefined = item.type;
    if (t === 'dynamic') {
      const v = item.constant.value;
      t = Array.isArray(v) ? v.map(elementKind).find((k) => k !== undefined && differs(k)) : undefined;
      if (t === undefined) continue;
    }
    if (!differs(t)) continue;
    const a = (w: string) => (/^[aeiou]/.test(w) ? `an ${w}` : `a ${w}`);
    cx.env.warn(
      `The '${op}' list mixes types: ${a(t)} item against ${a(leftType)} left side. Kusto converts the items to ${leftType} ` +
        '(an item that does not convert matches nothing); write the items as ' + leftType + ' values.',
      item.span,
    );
    return;
  }
}

/** `x between (a .. b)` is `x >= a and x <= b`; `!between` its negation. */
function bindBetween(expr: A.BetweenExpr, cx: ExprContext): CompiledExpr {
  // `t between (start .. 7d)`: a timespan upper bound after a datetime start means start + 7d (docs).
  const lowType = bindExpr(expr.low, cx).type, highType = bindExpr(expr.high, cx).type;
  if (lowType === 'datetime' && highType === 'timespan') {
    const high: A.BinaryExpr = { kind: 'Binary', op: '+', opSpan: expr.high.span, left: expr.low, right: expr.high, span: expr.high.span };
    return bindBetween({ ...expr, high }, cx);
  }
  const ge: A.BinaryExpr = { kind: 'Binary', op: '>=', opSpan: expr.span, left: expr.left, right: expr.low, span: expr.span };
  const le: A.BinaryExpr = { kind: 'Binary', op: '<=', opSpan: expr.span, left: expr.left, right: expr.high, span: expr.span };
  const both = bindExpr({ kind: 'Binary', op: 'and', opSpan: expr.span, left: ge, right: le, span: expr.span }, cx);
  if (!expr.negated) return both;
  const inner = both.evaluate;
  return { type: 'bool', span: expr.span, evaluate: (row, ctx) => { const v = inner(row, ctx); return v === null ? null : !v; } };
}
