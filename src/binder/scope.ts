/**
 * Name resolution. A RowScope is the columns visible to an expression; the Env holds let-bound names
 * and the schemas of the database tables. Columns shadow let-bound scalars, as in Kusto.
 */
import type { ColumnSchema } from '../runtime/types.js';
import { describeOrigin, type Span } from '../errors/span.js';
import type { CompiledExpr, TabularPlan } from './compiled.js';
import type { FunctionDecl, PatternStatement, Query } from '../parser/ast.js';
import type { WorkspaceFunctionRef } from './workspace-functions.js';

export class RowScope {
  private readonly index = new Map<string, number>();
  /** Positions of the columns the expressions bound in this scope read (for column pruning). */
  readonly reads = new Set<number>();
  /** Set when an expression reads neighbouring rows (prev, next, row_number): it needs the whole input in order. */
  readsRowWindow = false;

  constructor(readonly columns: ColumnSchema[]) {
    columns.forEach((c, i) => this.index.set(c.name, i));
  }

  /** Resolves a column for reading and records the read. */
  read(name: string): number | undefined {
    const i = this.index.get(name);
    if (i !== undefined) this.reads.add(i);
    return i;
  }

  indexOf(name: string): number | undefined {
    return this.index.get(name);
  }

  has(name: string): boolean {
    return this.index.has(name);
  }
}

export type LetValue =
  /** rowDependent: a function's scalar parameter (or a let computed from one) whose value depends on the caller's row. */
  | { kind: 'scalar'; expr: CompiledExpr; rowDependent?: boolean }
  | { kind: 'tabular'; plan: TabularPlan }
  /** `workspace`: a workspace function (options.functions), whose calls bind a relocated copy of decl. */
  | { kind: 'function'; decl: FunctionDecl; env: Env; workspace?: WorkspaceFunctionRef }
  /** `declare pattern` (src/binder/patterns.ts): its mapped queries by argument values. */
  | { kind: 'pattern'; decl: PatternStatement; mappings: Map<string, Query>; env: Env };

export interface Env {
  /** The schema of a database table by name, or undefined when there is no such table. */
  tableSchema(name: string): ColumnSchema[] | undefined;
  /** Names of the tables a wildcard (`union Security*`) can match. */
  tableNames(): string[];
  /** The tables an unqualified `search` / `find` reads: the caller's (runKql) or the given schemas (analyzeKql). */
  searchTableNames(): string[];
  /** The caller's value for a declared query parameter, if given. */
  queryParameter(name: string): unknown;
  /** The own columns of a watchlist the caller supplied, for _GetWatchlist('alias'). */
  watchlistSchema(alias: string): ColumnSchema[] | undefined;
  lookupLet(name: string): LetValue | undefined;
  /** A child environment with one more let-bound name. */
  withLet(name: string, value: LetValue): Env;
  /** How many parentheses enclose this offset of the query text (subquery depth, for traces). */
  depthAt(offset: number): number;
  /** Records a warning about the query (analyzeKql returns them; a run ignores them). */
  warn(message: string, span: Span): void;
}

/** Something that binds but is probably not what the author meant (`mini-kql check` prints them). */
export interface BindWarning {
  message: string;
  span: Span;
}

export interface Database {
  tableSchema(name: string): ColumnSchema[] | undefined;
  tableNames(): string[];
  /** The tables an unqualified `search` / `find` reads; tableNames() when not given. */
  searchTableNames?(): string[];
  queryParameters?: Record<string, unknown>;
  watchlistSchema?(alias: string): ColumnSchema[] | undefined;
  /** The query text, to report the nesting depth of operators in traces. */
  queryText?: string;
  /** Where warnings go; without it they are dropped. */
  warnings?: BindWarning[];
  /** Workspace functions (options.functions), found after the let-bound names; `root` is the database's environment. */
  functions?: { lookup(name: string, root: () => Env): LetValue | undefined };
}

export function createEnv(db: Database): Env {
  let depths: Int32Array | undefined;
  return makeEnv(db, undefined, () => (depths ??= parenthesisDepths(db.queryText ?? '')));
}

/**
 * Let-bound names as a persistent linked list: adding a name is O(1) and never copies (a query of
 * 10,000 let statements would otherwise copy a growing map 10,000 times); a lookup walks back to the
 * nearest binding, so a later let shadows an earlier one and an earlier scope never sees later names.
 */
interface LetFrame {
  name: string;
  value: LetValue;
  parent: LetFrame | undefined;
}

/** `depths`: the query's parenthesis depth table, computed on first use and shared by every scope of the run. */
function makeEnv(db: Database, lets: LetFrame | undefined, depths: () => Int32Array): Env {
  const params = db.queryParameters ?? {};
  return {
    tableSchema: (name) => db.tableSchema(name),
    tableNames: () => db.tableNames(),
    searchTableNames: () => (db.searchTableNames ?? db.tableNames)(),
    watchlistSchema: (alias) => db.watchlistSchema?.(alias),
    queryParameter: (name) => (Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined),
    lookupLet(name) {
      for (let frame = lets; frame; frame = frame.parent) if (frame.name === name) return frame.value;
      // Declared at database level: outside every let, and blind to them (workspace-functions.ts).
      return db.functions?.lookup(name, () => makeEnv(db, undefined, depths));
    },
    depthAt: (offset) => {
      const table = depths();
      return table[Math.min(offset, table.length - 1)] ?? 0;
    },
    withLet: (name, value) => makeEnv(db, { name, value, parent: lets }, depths),
    warn: (rawMessage, span) => {
      const message = span.origin ? `${describeOrigin(span.origin)}: ${rawMessage}` : rawMessage;
      if (db.warnings && !db.warnings.some((w) => w.span.offset === span.offset && w.message === message)) db.warnings.push({ message, span });
    },
  };
}

/** depths[i] = parentheses open before offset i, skipping those inside string literals. */
function parenthesisDepths(text: string): Int32Array {
  const depths = new Int32Array(text.length + 1);
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    depths[i] = Math.max(depth, 0);
    const c = text[i];
    if (quote) {
      if (c === '\\') {
        depths[++i] = Math.max(depth, 0);
      } else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  depths[text.length] = Math.max(depth, 0);
  return depths;
}
