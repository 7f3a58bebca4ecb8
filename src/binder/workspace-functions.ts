/**
 * Workspace functions (options.functions): functions saved in the workspace, such as Sentinel's ASIM and
 * solution parsers. Each is bound like a let function declared at database level (docs/semantics.md,
 * "Workspace functions"): the query and every other workspace function see it; it does not see the
 * query's lets; a query let of the same name hides it; it hides a table of the same name.
 *
 * A function's text is parsed once per run, when first referenced. Each call binds a copy of its syntax
 * tree whose spans all point at the call in the query and carry the place in the function's own text
 * (`Span.origin`), so an error inside it, at bind time or at run time, points at the call and names the
 * function, line and column (KqlError adds `in workspace function 'f' (line 3, column 5 of its body)`).
 */
import type * as A from '../parser/ast.js';
import type { ParseGuard } from '../parser/parse.js';
import { parseQueryCached } from '../parser/parse-cache.js';
import { ErrorCodes, KqlError, KqlSemanticError, KqlSyntaxError, type Span, type SpanOrigin } from '../errors/index.js';
import { plainKqlMessage } from '../errors/format.js';
import type { Env, LetValue } from './scope.js';

/** A workspace function as the caller gives it: its body, or its body and parameter list (Sentinel's FunctionParams text). */
export type WorkspaceFunctionInput = string | { parameters?: string; body: string };

/** What a call needs of a workspace function: its name, and its declaration relocated to a call site. */
export interface WorkspaceFunctionRef {
  name: string;
  declAt(call: Span): A.FunctionDecl;
}

/** Names a function can be called by: a KQL identifier (no brackets or quotes needed). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

const PREFIX = 'let __workspace_function__ = (';

interface Parsed {
  decl?: A.FunctionDecl;
  /** A syntax error in the function's text, reported at each call. */
  error?: { phase: KqlError['phase']; code: string; message: string; origin: SpanOrigin };
}

/** The input checked: a record of names to bodies or { parameters, body }, every name an identifier. */
export function checkWorkspaceFunctions(input: unknown): Record<string, WorkspaceFunctionInput> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'options.functions must map function names to their bodies (KQL text) or to { parameters, body }');
  }
  const out = Object.create(null) as Record<string, WorkspaceFunctionInput>;
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    if (!IDENTIFIER.test(name)) {
      throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `Workspace function name '${name}' is not a KQL name (letters, digits and _, not starting with a digit)`);
    }
    const ok = typeof value === 'string' || (typeof value === 'object' && value !== null && typeof (value as { body?: unknown }).body === 'string'
      && ['string', 'undefined'].includes(typeof (value as { parameters?: unknown }).parameters));
    if (!ok) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `Workspace function '${name}' must be KQL text or { parameters?: string, body: string }`);
    out[name] = value as WorkspaceFunctionInput;
  }
  return out;
}

/** The workspace functions of one run: parsed on first reference, looked up after the query's lets. */
export class WorkspaceFunctions {
  private readonly parsed = new Map<string, Parsed>();
  private readonly values = new Map<string, LetValue>();

  /** `guard`: the run's deadline and cancellation, which hold while a function's text is parsed too. */
  constructor(private readonly defs: Record<string, WorkspaceFunctionInput>, private readonly guard?: ParseGuard) {}

  /** The function as a let value whose environment is the database's (no query lets), or undefined. */
  lookup(name: string, root: () => Env): LetValue | undefined {
    if (!Object.prototype.hasOwnProperty.call(this.defs, name)) return undefined;
    let value = this.values.get(name);
    if (!value) {
      const parsed = this.parse(name);
      const ref: WorkspaceFunctionRef = {
        name,
        declAt: (call) => {
          const error = parsed.error;
          if (error) {
            const span = { ...call, origin: error.origin };
            throw error.phase === 'syntax' ? new KqlSyntaxError(error.code, error.message, span) : new KqlSemanticError(error.code, error.message, span);
          }
          return relocate(parsed.decl!, call) as A.FunctionDecl;
        },
      };
      value = { kind: 'function', decl: parsed.decl ?? placeholderDecl(), env: root(), workspace: ref };
      this.values.set(name, value);
    }
    return value;
  }

  private parse(name: string): Parsed {
    let parsed = this.parsed.get(name);
    if (parsed) return parsed;
    const def = this.defs[name];
    const body = trimBody(typeof def === 'string' ? def : def.body);
    const params = unwrapParameters(typeof def === 'string' ? '' : def.parameters ?? '');
    // One let statement holding the function: the parser's own rules for parameter lists and bodies.
    const paramsStart = PREFIX.length;
    const bodyStart = paramsStart + params.length + ') {\n'.length;
    const text = `${PREFIX}${params}) {\n${body}\n};`;
    const originAt = (offset: number): SpanOrigin => {
      if (offset < bodyStart && offset >= paramsStart) return { function: name, part: 'parameters', line: 1, column: Math.min(offset, paramsStart + params.length) - paramsStart + 1 };
      const inBody = body.slice(0, Math.max(0, Math.min(offset - bodyStart, body.length)));
      const lines = inBody.split(/\r\n|\r|\n/);
      return { function: name, part: 'body', line: lines.length, column: lines[lines.length - 1].length + 1 };
    };
    try {
      const query = parseQueryCached(text, this.guard);
      const statement = query.statements[0];
      if (query.statements.length !== 1 || statement.kind !== 'Let' || statement.value.kind !== 'FunctionDecl') {
        const stray = query.statements[1]?.span ?? query.span;
        throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, 'The function body must be let statements and one expression (a stray } ends it early)', stray);
      }
      if (statement.value.body.statements.every((s) => s.kind !== 'ExpressionStatement')) {
        throw new KqlSemanticError(ErrorCodes.SEM_NOT_TABULAR, 'The function body has no result expression after its let statements', { offset: bodyStart + body.length, length: 0, line: 1, column: 1 });
      }
      parsed = { decl: tagOrigins(statement.value, originAt) };
    } catch (err) {
      // A deadline or cancellation while parsing is the run's error, not the function's.
      if (!(err instanceof KqlError) || err.phase === 'runtime') throw err;
      parsed = { error: { phase: err.phase, code: err.code, message: plainKqlMessage(err), origin: originAt(err.span.offset) } };
    }
    this.parsed.set(name, parsed);
    return parsed;
  }
}

/** A body without the trailing `;` some stored bodies end with. */
function trimBody(body: string): string {
  return body.replace(/[\s;]+$/, '');
}

/** `(a:string, T:(*))` or `a:string, T:(*)` (Sentinel's FunctionParams text has no parentheses): the list inside. */
function unwrapParameters(params: string): string {
  const text = params.trim();
  if (!text.startsWith('(')) return text;
  // Only one pair around the whole list: `(a:long)` yes, `T:(*)` never starts with '('.
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i === text.length - 1 ? text.slice(1, -1) : text;
  }
  return text;
}

/** A stand-in declaration for a function whose text did not parse: every call goes to declAt, which reports the error. */
function placeholderDecl(): A.FunctionDecl {
  const span = { offset: 0, length: 0, line: 1, column: 1 };
  return { kind: 'FunctionDecl', params: [], body: { kind: 'Query', statements: [], span }, span };
}

function isSpanKey(key: string): boolean {
  return key === 'span' || key.endsWith('Span');
}

function isSpan(value: unknown): value is Span {
  return typeof value === 'object' && value !== null && typeof (value as Span).offset === 'number' && typeof (value as Span).line === 'number';
}

/**
 * Copies a syntax tree, replacing each span by `replace(span)`. Literal values (dynamic JSON, which may hold a
 * key named `span`) are shared, not walked.
 */
function mapSpans(node: unknown, replace: (span: Span) => Span): unknown {
  if (Array.isArray(node)) return node.map((n) => mapSpans(n, replace));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  const literal = (node as { kind?: unknown }).kind === 'Literal';
  for (const [key, value] of Object.entries(node)) {
    if (isSpanKey(key) && isSpan(value)) out[key] = replace(value);
    else if (literal && key === 'value') out[key] = value;
    else out[key] = mapSpans(value, replace);
  }
  return out;
}

/** The parsed declaration with each span's place in the function's text (done once per parse). */
function tagOrigins(decl: A.FunctionDecl, originAt: (offset: number) => SpanOrigin): A.FunctionDecl {
  return mapSpans(decl, (span) => ({ ...span, origin: originAt(span.offset) })) as A.FunctionDecl;
}

/** The declaration for one call: every span is the call's, keeping its place in the function's text. */
function relocate(decl: A.FunctionDecl, call: Span): A.FunctionDecl {
  return mapSpans(decl, (span) => ({ offset: call.offset, length: call.length, line: call.line, column: call.column, origin: span.origin })) as A.FunctionDecl;
}

/** Workspace functions being bound, innermost last: a name met again is recursion, which Kusto rejects. */
const active: string[] = [];

/** Binds a workspace function's body, rejecting a function that calls itself directly or through others. */
export function withCycleGuard<T>(name: string, call: Span, bind: () => T): T {
  if (active.includes(name)) {
    const cycle = [...active.slice(active.indexOf(name)), name].join(' -> ');
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `Workspace function '${name}' calls itself (${cycle}): recursion is not allowed`, call);
  }
  active.push(name);
  try {
    return bind();
  } finally {
    active.pop();
  }
}
