/**
 * Name resolution. A RowScope is the columns visible to an expression; the Env holds let-bound names
 * and the schemas of the database tables. Columns shadow let-bound scalars, as in Kusto.
 */
import type { ColumnSchema } from '../runtime/types.js';
import type { CompiledExpr, TabularPlan } from './compiled.js';
import type { FunctionDecl } from '../parser/ast.js';

export class RowScope {
  private readonly index = new Map<string, number>();

  constructor(readonly columns: ColumnSchema[]) {
    columns.forEach((c, i) => this.index.set(c.name, i));
  }

  indexOf(name: string): number | undefined {
    return this.index.get(name);
  }

  has(name: string): boolean {
    return this.index.has(name);
  }
}

export type LetValue =
  | { kind: 'scalar'; expr: CompiledExpr }
  | { kind: 'tabular'; plan: TabularPlan }
  | { kind: 'function'; decl: FunctionDecl; env: Env };

export interface Env {
  /** The schema of a database table by name, or undefined when there is no such table. */
  tableSchema(name: string): ColumnSchema[] | undefined;
  /** Names of the tables a wildcard (`union Security*`) can match. */
  tableNames(): string[];
  /** The caller's value for a declared query parameter, if given. */
  queryParameter(name: string): unknown;
  /** The own columns of a watchlist the caller supplied, for _GetWatchlist('alias'). */
  watchlistSchema(alias: string): ColumnSchema[] | undefined;
  lookupLet(name: string): LetValue | undefined;
  /** A child environment with one more let-bound name. */
  withLet(name: string, value: LetValue): Env;
  /** How many parentheses enclose this offset of the query text (subquery depth, for traces). */
  depthAt(offset: number): number;
}

export interface Database {
  tableSchema(name: string): ColumnSchema[] | undefined;
  tableNames(): string[];
  queryParameters?: Record<string, unknown>;
  watchlistSchema?(alias: string): ColumnSchema[] | undefined;
  /** The query text, to report the nesting depth of operators in traces. */
  queryText?: string;
}

export function createEnv(db: Database): Env {
  return makeEnv(db, new Map());
}

function makeEnv(db: Database, lets: Map<string, LetValue>): Env {
  const params = db.queryParameters ?? {};
  return {
    tableSchema: (name) => db.tableSchema(name),
    tableNames: () => db.tableNames(),
    watchlistSchema: (alias) => db.watchlistSchema?.(alias),
    queryParameter: (name) => (Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined),
    lookupLet: (name) => lets.get(name),
    depthAt: (offset) => parenthesisDepth(db.queryText ?? '', offset),
    withLet(name, value) {
      const next = new Map(lets);
      next.set(name, value);
      return makeEnv(db, next);
    },
  };
}

/** Parentheses open at `offset`, skipping those inside string literals. */
function parenthesisDepth(text: string, offset: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return Math.max(depth, 0);
}
