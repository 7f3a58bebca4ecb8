/**
 * sample N: N random rows (in their input order); sample-distinct N of Column: up to N random distinct
 * values of one column. Random choices use the run's seeded generator (`randomSeed`) when there is one.
 */
import type * as A from '../parser/ast.js';
import type { OperatorDef, BindTools } from './operator-def.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { isNumericType } from '../runtime/types.js';
import { randomOf, type ExecContext } from '../runtime/exec-context.js';
import type { Row } from '../runtime/table.js';
import { keyOfValue } from '../runtime/hash-key.js';

/** The row count: an integer expression without columns, evaluated when the operator runs (negative or null: none). */
export function runtimeCount(expr: A.Expr, tools: BindTools, operator: string): (ctx: ExecContext) => number {
  const compiled = tools.expr(expr, []);
  if (!isNumericType(compiled.type) || compiled.type === 'real' || compiled.type === 'decimal') {
    throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `The count of '${operator}' must be an integer`, expr.span);
  }
  return (ctx) => {
    const v = compiled.evaluate([], ctx);
    const n = typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : 0;
    return n > 0 ? Math.floor(n) : 0;
  };
}

/** Indexes of `count` of `n` items chosen uniformly (selection sampling), ascending. */
export function chooseIndexes(n: number, count: number, random: () => number): number[] {
  const out: number[] = [];
  let needed = Math.min(count, n);
  for (let i = 0; i < n && needed > 0; i++) {
    if (random() * (n - i) < needed) {
      out.push(i);
      needed--;
    }
  }
  return out;
}

export const sample: OperatorDef<A.SampleOp> = {
  op: 'sample',
  description: 'Returns up to the given number of random rows.',
  bind(node, input, tools) {
    const count = runtimeCount(node.count, tools, 'sample');
    return {
      columns: input,
      flow: 'passthrough',
      run: (table, ctx) => {
        const random = randomOf(ctx) ?? Math.random;
        const rows = chooseIndexes(table.rows.length, count(ctx), random).map((i) => table.rows[i]);
        return { columns: input, rows, owned: table.owned };
      },
    };
  },
};

export const sampleDistinct: OperatorDef<A.SampleDistinctOp> = {
  op: 'sample-distinct',
  description: 'Returns up to the given number of random distinct values of a column.',
  bind(node, input, tools) {
    const count = runtimeCount(node.count, tools, 'sample-distinct');
    if (node.column.kind !== 'Name') throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'sample-distinct expects a column name after of', node.column.span);
    const value = tools.expr(node.column, input);
    const columns = [{ name: node.column.name, type: value.type }];
    const time = value.type === 'datetime' || value.type === 'timespan';
    return {
      columns,
      flow: 'own',
      run: (table, ctx) => {
        const seen = new Set<string>();
        const distinct: Row[] = [];
        for (const row of table.rows) {
          const v = value.evaluate(row, ctx);
          const k = keyOfValue(v, time);
          if (!seen.has(k)) {
            seen.add(k);
            distinct.push([v]);
          }
        }
        const random = randomOf(ctx) ?? Math.random;
        return { columns, rows: chooseIndexes(distinct.length, count(ctx), random).map((i) => distinct[i]), owned: true };
      },
    };
  },
};
