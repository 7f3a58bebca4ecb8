/**
 * User-defined functions: `let f = (x:long, T:(*)) { body };` and views `let v = view () { ... };`.
 * Each call binds the body afresh with the parameters bound to the call's arguments, so a function is
 * inlined at every call site (no run-time dispatch). The body sees the lets of its declaration site.
 */
import type * as A from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { Span } from '../errors/span.js';
import { isNumericType, type KqlType } from '../runtime/types.js';
import type { TabularPlan } from './compiled.js';
import { RowScope, type Env, type LetValue } from './scope.js';
import { bindExpr, isTabularSyntax, type ExprContext } from './bind-expr.js';
import { withCycleGuard } from './workspace-functions.js';

const MAX_CALL_DEPTH = 64;
let callDepth = 0;

type BindTabular = (expr: A.Expr, env: Env) => TabularPlan;

function acceptsArgument(param: KqlType, arg: KqlType): boolean {
  return param === arg || param === 'dynamic' || arg === 'dynamic' || (isNumericType(param) && isNumericType(arg));
}

/** Binds a call to a user-defined function: a scalar expression or a table, depending on the body. */
export function callUserFunction(
  name: string,
  fn: Extract<LetValue, { kind: 'function' }>,
  positional: A.Expr[],
  span: Span,
  caller: ExprContext,
  argNames?: (string | undefined)[],
): Extract<LetValue, { kind: 'scalar' | 'tabular' }> {
  // A workspace function's declaration is copied with its spans at this call (workspace-functions.ts).
  const decl = fn.workspace ? fn.workspace.declAt(span) : fn.decl;
  const args = argNames ? matchNamedArguments(name, decl, positional, argNames, span) : positional;
  const required = decl.params.filter((p) => !p.default).length;
  if (args.length < required || args.length > decl.params.length) {
    const expected = required === decl.params.length ? `${required}` : `${required} to ${decl.params.length}`;
    throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, `Function '${name}' expects ${expected} argument(s) but got ${args.length}`, span);
  }
  if (callDepth >= MAX_CALL_DEPTH) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `Function '${name}' calls itself too deeply (recursion is not allowed)`, span);
  }
  let env = fn.env;
  decl.params.forEach((param, i) => {
    const arg = args[i] ?? param.default!;
    if (param.type === 'tabular') {
      env = env.withLet(param.name, { kind: 'tabular', plan: caller.bindTabular(arg, caller.env) });
      return;
    }
    // Defaults are bound in the declaration's scope, arguments in the caller's.
    const compiled = args[i] ? bindExpr(arg, caller) : bindExpr(arg, { scope: new RowScope([]), env: fn.env, bindTabular: caller.bindTabular });
    if (!acceptsArgument(param.type, compiled.type)) {
      throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `Argument '${param.name}' of '${name}' must be of type ${param.type}, not ${compiled.type}`, arg.span);
    }
    env = env.withLet(param.name, { kind: 'scalar', expr: compiled, rowDependent: !compiled.constant });
  });
  callDepth++;
  try {
    const workspace = fn.workspace;
    if (workspace) return withCycleGuard(workspace.name, span, () => bindBody(decl.body, env, caller.bindTabular));
    return bindBody(decl.body, env, caller.bindTabular);
  } finally {
    callDepth--;
  }
}

/** Puts `f(y=1, x=5)` arguments in parameter order; positional ones fill the parameters from the left. */
function matchNamedArguments(name: string, decl: A.FunctionDecl, args: A.Expr[], argNames: (string | undefined)[], span: Span): A.Expr[] {
  const ordered: (A.Expr | undefined)[] = [];
  args.forEach((arg, i) => {
    const argName = argNames[i];
    if (argName === undefined) {
      ordered[i] = arg;
      return;
    }
    const index = decl.params.findIndex((p) => p.name === argName);
    if (index < 0) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `Function '${name}' has no parameter named '${argName}'`, arg.span);
    if (ordered[index]) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `Parameter '${argName}' of '${name}' is given twice`, arg.span);
    ordered[index] = arg;
  });
  // Trailing gaps are left to defaults; a gap before a given argument must have a default too.
  const result: A.Expr[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const arg = ordered[i] ?? decl.params[i].default;
    if (!arg) throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, `Parameter '${decl.params[i].name}' of '${name}' is missing`, span);
    result.push(arg);
  }
  return result;
}

function bindBody(body: A.Query, env: Env, bindTabular: BindTabular): Extract<LetValue, { kind: 'scalar' | 'tabular' }> {
  let current = env;
  let last: A.Expr | undefined;
  for (const statement of body.statements) {
    if (statement.kind === 'Let') {
      current = current.withLet(statement.name, bindLet(statement, current, bindTabular));
    } else if (statement.kind === 'ExpressionStatement') {
      last = statement.expr;
    }
  }
  if (!last) throw new KqlSemanticError(ErrorCodes.SEM_NOT_TABULAR, 'The function body has no result expression', body.span);
  if (isTabularSyntax(last, current)) return { kind: 'tabular', plan: bindTabular(last, current) };
  return { kind: 'scalar', expr: bindExpr(last, { scope: new RowScope([]), env: current, bindTabular }) };
}

/** The value of one let statement: a function, a table, or a scalar computed once per query. */
export function bindLet(statement: A.LetStatement, env: Env, bindTabular: BindTabular): LetValue {
  const value = statement.value;
  if (value.kind === 'FunctionDecl') return { kind: 'function', decl: value, env };
  if (isTabularSyntax(value, env)) return { kind: 'tabular', plan: bindTabular(value, env) };
  let readsRow = false;
  const expr = bindExpr(value, { scope: new RowScope([]), env: trackRowDependence(env, () => { readsRow = true; }), bindTabular });
  if (expr.constant) return { kind: 'scalar', expr };
  // A let in a function body computed from a parameter: inlined, evaluated with the caller's row.
  if (readsRow) return { kind: 'scalar', expr, rowDependent: true };
  // A scalar computed once per run (e.g. let start = ago(1d)), whatever row asks for it.
  const key = {};
  const evaluate = expr.evaluate;
  return {
    kind: 'scalar',
    expr: {
      ...expr,
      evaluate: (_row, ctx) => {
        if (!ctx.cache.has(key)) ctx.cache.set(key, evaluate([], ctx));
        return ctx.cache.get(key);
      },
    },
  };
}

/** The same environment, calling `onRead` whenever a row-dependent scalar (a function parameter) is looked up. */
function trackRowDependence(env: Env, onRead: () => void): Env {
  return {
    ...env,
    lookupLet(name) {
      const value = env.lookupLet(name);
      if (value?.kind === 'scalar' && value.rowDependent) onRead();
      return value;
    },
    withLet: (name, value) => trackRowDependence(env.withLet(name, value), onRead),
  };
}

/** Functions whose result kind is being judged: a workspace function that names itself is judged once, not forever. */
const judging = new Set<A.FunctionDecl>();

/** Whether calling this function yields a table, judged from its body's last expression. */
export function functionReturnsTable(fn: Extract<LetValue, { kind: 'function' }>): boolean {
  if (judging.has(fn.decl)) return false; // recursion: the call reports it (withCycleGuard)
  judging.add(fn.decl);
  try {
    return judgeFunction(fn);
  } finally {
    judging.delete(fn.decl);
  }
}

/**
 * A function named without an argument list (`f`, not `f(...)`): Kusto accepts it when every parameter has
 * a default (the analyzer reports KS117 "requires an argument list" otherwise).
 */
export function checkBareCall(name: string, fn: Extract<LetValue, { kind: 'function' }>, span: Span): void {
  const required = fn.decl.params.filter((p) => !p.default).length;
  if (required > 0) {
    throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, `The function '${name}' requires an argument list: it has ${required} parameter(s) without a default`, span);
  }
}

function judgeFunction(fn: Extract<LetValue, { kind: 'function' }>): boolean {
  let env = fn.env;
  for (const p of fn.decl.params) {
    env = env.withLet(p.name, p.type === 'tabular'
      ? { kind: 'tabular', plan: { columns: [], execute: () => ({ columns: [], rows: [] }) } }
      : { kind: 'scalar', expr: { type: p.type, evaluate: () => null, span: p.span } });
  }
  let last: A.Expr | undefined;
  for (const statement of fn.decl.body.statements) {
    if (statement.kind === 'Let') {
      const v = statement.value;
      env = env.withLet(statement.name, v.kind === 'FunctionDecl'
        ? { kind: 'function', decl: v, env }
        : isTabularSyntax(v, env)
          ? { kind: 'tabular', plan: { columns: [], execute: () => ({ columns: [], rows: [] }) } }
          : { kind: 'scalar', expr: { type: 'dynamic', evaluate: () => null, span: statement.span } });
    } else if (statement.kind === 'ExpressionStatement') last = statement.expr;
  }
  return last !== undefined && isTabularSyntax(last, env);
}
