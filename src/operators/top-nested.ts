/**
 * top-nested [N] of Expr [with others = C] by Aggregation [asc|desc], ...: hierarchical aggregation
 * (top-nested-operator.md). Each clause groups the rows of its parent group by Expr, ranks the groups by the
 * aggregation (descending unless asc), keeps the first N (all without N) and, with `with others`, adds one
 * group holding C and the aggregation over the groups left out. Rows are the paths from the first level to
 * the last, depth first in rank order; two columns per clause (the value, `aggregated_<name>` or the name given).
 */
import type * as A from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { Row } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';
import type { BoundChain, CompiledExpr } from '../binder/compiled.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { keyOfValue } from '../runtime/hash-key.js';
import { compareValues } from '../runtime/compare.js';
import { runtimeCount } from './sample.js';

interface Level {
  key: CompiledExpr;
  time: boolean;
  aggregate: BoundChain;
  count?: (ctx: ExecContext) => number;
  others?: CompiledExpr;
  descending: boolean;
}

export const topNested: OperatorDef<A.TopNestedOp> = {
  op: 'top-nested',
  description: 'Hierarchical aggregation: the top groups by an aggregation at each level, each level within the groups of the previous one.',
  bind(node, input, tools) {
    const columns: ColumnSchema[] = [];
    let column = 0;
    const levels: Level[] = node.clauses.map((clause) => {
      if (clause.of.names.length > 1 || clause.by.names.length > 1) {
        throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'top-nested takes one name per expression', clause.span);
      }
      const key = tools.expr(clause.of.expr, input);
      if (key.type === 'dynamic') throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, 'top-nested cannot group by a dynamic value', clause.of.span);
      const keyName = clause.of.names[0]?.name ?? key.derivedName ?? `Column${++column}`;
      const summarize: A.SummarizeOp = {
        op: 'summarize', params: [], aggregates: [{ names: [], expr: clause.by.expr, span: clause.by.span }], by: [],
        keywordSpan: clause.by.span, span: clause.by.span,
      };
      const aggregate = tools.chain([summarize], input);
      columns.push({ name: keyName, type: key.type });
      columns.push({ name: clause.by.names[0]?.name ?? `aggregated_${keyName}`, type: aggregate.columns[0].type });
      const others = clause.others ? tools.expr(clause.others, []) : undefined;
      return {
        key,
        time: key.type === 'datetime' || key.type === 'timespan',
        aggregate,
        count: clause.count ? runtimeCount(clause.count, tools, 'top-nested') : undefined,
        others,
        descending: clause.descending,
      };
    });
    return {
      columns,
      flow: 'own',
      run: (table, ctx) => {
        const out: Row[] = [];
        const aggregateOf = (level: Level, rows: Row[]) => level.aggregate.run({ columns: input, rows, owned: false }, ctx).rows[0]?.[0] ?? null;
        const walk = (depth: number, rows: Row[], prefix: unknown[]) => {
          if (depth === levels.length) {
            out.push(prefix);
            return;
          }
          const level = levels[depth];
          const groups = new Map<string, { value: unknown; rows: Row[] }>();
          for (const row of rows) {
            const v = level.key.evaluate(row, ctx);
            const k = keyOfValue(v, level.time);
            let g = groups.get(k);
            if (!g) groups.set(k, (g = { value: v, rows: [] }));
            g.rows.push(row);
          }
          const ranked = [...groups.values()].map((g) => ({ ...g, agg: aggregateOf(level, g.rows) }));
          const sign = level.descending ? -1 : 1;
          ranked.sort((a, b) => (a.agg === null ? (b.agg === null ? 0 : 1) : b.agg === null ? -1 : sign * compareValues(a.agg, b.agg)));
          const n = level.count ? level.count(ctx) : ranked.length;
          const kept = ranked.slice(0, n);
          for (const g of kept) walk(depth + 1, g.rows, [...prefix, g.value, g.agg]);
          if (level.others && ranked.length > n) {
            const rest = ranked.slice(n).flatMap((g) => g.rows);
            const tail = new Array<unknown>((levels.length - depth - 1) * 2).fill(null);
            out.push([...prefix, level.others.evaluate([], ctx), aggregateOf(level, rest), ...tail]);
          }
        };
        walk(0, table.rows, []);
        // Kusto strings are never null: the deeper levels of an `others` row are empty strings there.
        for (const row of out) columns.forEach((c, i) => { if (row[i] === null && c.type === 'string') row[i] = ''; });
        return { columns, rows: out, owned: true };
      },
    };
  },
};
