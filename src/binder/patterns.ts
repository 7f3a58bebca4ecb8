/**
 * `declare pattern` statements (pattern-statement.md): a pattern maps tuples of string literals (and an
 * optional path) to tabular expressions. An invocation `p("a").b`, `p("a").["b"]` or `p("a")` is replaced by
 * the mapped expression, bound in the declaration's scope (like a let function, inlined at each use). An
 * invocation with no mapping (or of a pattern declared without one) is Kusto's "pattern references were not
 * declared" error, here a KqlSemanticError.
 */
import type * as A from '../parser/ast.js';
import type { Span } from '../errors/span.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { TabularPlan } from './compiled.js';
import type { Env, LetValue } from './scope.js';
import { bindLet } from './user-functions.js';

type PatternValue = Extract<LetValue, { kind: 'pattern' }>;

/** Patterns live beside lets under a name no query can write, so they neither shadow nor are shadowed by lets. */
function patternKey(name: string): string {
  return `\u0000pattern:${name}`;
}

const SEP = '\u0000';

/** A mapping's key: its argument values, then its path value when the pattern has a path. */
function mappingKey(args: string[], path: string | undefined): string {
  return path === undefined ? args.join(SEP) : `${args.join(SEP)}${SEP}.${path}`;
}

function stringLiteral(expr: A.Expr): string | undefined {
  if (expr.kind === 'Literal' && typeof expr.value === 'string') return expr.value;
  if (expr.kind === 'Paren') return stringLiteral(expr.inner);
  return undefined;
}

export function bindPatternStatement(statement: A.PatternStatement, env: Env): Env {
  const mappings = new Map<string, A.Query>();
  const arity = statement.params?.length ?? 0;
  for (const p of [...(statement.params ?? []), ...(statement.path ? [statement.path] : [])]) {
    if (p.type !== 'string') {
      throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `Pattern argument '${p.name}' must be of type string, not ${p.type}`, p.span);
    }
  }
  for (const m of statement.mappings) {
    if (m.args.length !== arity) {
      throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, `Pattern '${statement.name}' takes ${arity} argument(s), not ${m.args.length}`, m.span);
    }
    const values = m.args.map((a) => {
      const v = stringLiteral(a);
      if (v === undefined) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The arguments of pattern '${statement.name}' must be string literals`, a.span);
      return v;
    });
    if (statement.path && !m.path) {
      throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `Pattern '${statement.name}' declares the path '${statement.path.name}': each mapping needs .["value"]`, m.span);
    }
    if (!statement.path && m.path) {
      throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `Pattern '${statement.name}' declares no path`, m.path.span);
    }
    const key = mappingKey(values, m.path?.name);
    if (mappings.has(key)) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `Pattern '${statement.name}' maps the same values twice`, m.span);
    mappings.set(key, m.body);
  }
  return env.withLet(patternKey(statement.name), { kind: 'pattern', decl: statement, mappings, env });
}

interface Invocation {
  name: string;
  pattern: PatternValue;
  call: A.CallExpr;
  path?: { value: A.Expr | string; span: Span };
  span: Span;
}

/** `p(args)`, `p(args).name` or `p(args).["name"]` when `p` is a declared pattern; undefined otherwise. */
function invocationOf(expr: A.Expr, env: Env): Invocation | undefined {
  let call: A.Expr = expr;
  let path: Invocation['path'];
  if (expr.kind === 'Member') {
    call = expr.target;
    path = { value: expr.name, span: expr.span };
  } else if (expr.kind === 'Index') {
    call = expr.target;
    path = { value: expr.index, span: expr.index.span };
  }
  if (call.kind !== 'Call') return undefined;
  const pattern = env.lookupLet(patternKey(call.name));
  if (pattern?.kind !== 'pattern') return undefined;
  return { name: call.name, pattern, call, path, span: expr.span };
}

export function isPatternInvocation(expr: A.Expr, env: Env): boolean {
  return (expr.kind === 'Call' || expr.kind === 'Member' || expr.kind === 'Index') && invocationOf(expr, env) !== undefined;
}

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Binds a pattern invocation to its mapped expression; undefined when `expr` is no pattern invocation. */
export function bindPatternInvocation<P extends TabularPlan>(expr: A.Expr, env: Env, bindTabular: (expr: A.Expr, env: Env) => P): P | undefined {
  if (expr.kind !== 'Call' && expr.kind !== 'Member' && expr.kind !== 'Index') return undefined;
  const inv = invocationOf(expr, env);
  if (!inv) return undefined;
  const { decl } = inv.pattern;
  if (inv.call.argNames?.some((n) => n !== undefined)) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The arguments of pattern '${inv.name}' must be string literals`, inv.call.span);
  }
  const args = inv.call.args.map((a) => {
    const v = stringLiteral(a);
    if (v === undefined) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The arguments of pattern '${inv.name}' must be string literals`, a.span);
    return v;
  });
  if (decl.params && args.length !== decl.params.length) {
    throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, `Pattern '${inv.name}' expects ${decl.params.length} argument(s) but got ${args.length}`, inv.call.span);
  }
  let path: string | undefined;
  if (inv.path) {
    path = typeof inv.path.value === 'string' ? inv.path.value : stringLiteral(inv.path.value);
    if (path === undefined) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The path of pattern '${inv.name}' must be a name or a string literal`, inv.path.span);
  }
  const body = decl.params && Boolean(decl.path) === (path !== undefined) ? inv.pattern.mappings.get(mappingKey(args, path)) : undefined;
  if (!body) {
    const reference = `${inv.name}(${args.map(quote).join(', ')})${path === undefined ? '' : `.[${quote(path)}]`}`;
    throw new KqlSemanticError(
      ErrorCodes.SEM_INVALID_ARGUMENT,
      `One or more pattern references were not declared. Detected pattern references: [${JSON.stringify(reference)}]`,
      inv.span,
    );
  }
  return bindMappedQuery(body, inv.pattern.env, bindTabular);
}

/** The mapped `{ query }`: its lets, then its last expression, which must be a table. */
function bindMappedQuery<P extends TabularPlan>(body: A.Query, env: Env, bindTabular: (expr: A.Expr, env: Env) => P): P {
  let current = env;
  let last: A.Expr | undefined;
  for (const statement of body.statements) {
    if (statement.kind === 'Let') current = current.withLet(statement.name, bindLet(statement, current, bindTabular));
    else if (statement.kind === 'ExpressionStatement') last = statement.expr;
    else throw new KqlSemanticError(ErrorCodes.SEM_UNSUPPORTED, 'A pattern mapping may hold let statements and one tabular expression only', statement.span);
  }
  if (!last) throw new KqlSemanticError(ErrorCodes.SEM_NOT_TABULAR, 'The pattern mapping has no result expression', body.span);
  return bindTabular(last, current);
}
