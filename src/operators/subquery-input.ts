/**
 * The pipe input as a named table for a subquery bound once and run on each input (invoke's function
 * argument; partition's, fork's and facet's subqueries): a let-bound placeholder whose rows are set just
 * before each run.
 */
import type { Env } from '../binder/scope.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { Table } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';
import { KqlRuntimeError, ErrorCodes } from '../errors/index.js';

let counter = 0;

export interface InputPlaceholder {
  /** The let name (it cannot be written in a query). */
  name: string;
  env: Env;
  /** Runs `fn` with the placeholder holding `table`; nested runs restore the previous table. */
  with<T>(table: Table, fn: () => T): T;
}

export function inputPlaceholder(input: ColumnSchema[], env: Env): InputPlaceholder {
  const name = `\u0000input${++counter}`;
  let current: Table | undefined;
  const placeholderEnv = env.withLet(name, {
    kind: 'tabular',
    plan: {
      columns: input,
      execute: () => {
        if (!current) throw new KqlRuntimeError(ErrorCodes.RUN_INTERNAL, 'subquery input read outside its operator');
        // Read as often as the subquery names it: nobody may write into these rows.
        return { columns: current.columns, rows: current.rows, owned: false };
      },
    },
  });
  return {
    name,
    env: placeholderEnv,
    with(table, fn) {
      const previous = current;
      current = table;
      try {
        return fn();
      } finally {
        current = previous;
      }
    },
  };
}

/** A context for one run of a subquery over one input: its own cache, so values computed from a previous input (toscalar, in (...)) are not reused. */
export function subqueryContext(ctx: ExecContext): ExecContext {
  return { ...ctx, cache: new Map() };
}
