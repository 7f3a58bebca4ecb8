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
  lookupLet(name: string): LetValue | undefined;
  /** A child environment with one more let-bound name. */
  withLet(name: string, value: LetValue): Env;
}

export function createEnv(tableSchema: (name: string) => ColumnSchema[] | undefined): Env {
  return makeEnv(tableSchema, new Map());
}

function makeEnv(tableSchema: (name: string) => ColumnSchema[] | undefined, lets: Map<string, LetValue>): Env {
  return {
    tableSchema,
    lookupLet: (name) => lets.get(name),
    withLet(name, value) {
      const next = new Map(lets);
      next.set(name, value);
      return makeEnv(tableSchema, next);
    },
  };
}
