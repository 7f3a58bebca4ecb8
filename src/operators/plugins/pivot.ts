/**
 * evaluate pivot(PivotColumn [, Aggregation [, GroupByColumn...]]): one row per group, one column per
 * distinct value of PivotColumn holding the aggregate of that group's rows with that value (docs:
 * pivot-plugin.md). Without group-by columns, every input column except the pivot column groups.
 * The value columns depend on the data: the bound schema is the group-by columns only (what the
 * analyzer reports), and the value columns are appended at run time in first-seen order.
 */
import type { EvaluateOp } from '../../parser/ast.js';
import type * as A from '../../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../../errors/index.js';
import type { ColumnSchema } from '../../runtime/types.js';
import type { Row } from '../../runtime/table.js';
import { keyOfValues, timeColumns } from '../../runtime/hash-key.js';
import { valueToString } from '../../runtime/values.js';
import type { Accumulator } from '../../functions/registry-types.js';
import type { BindTools } from '../operator-def.js';
import type { BoundOperator } from '../../binder/compiled.js';
import { bindAggregate } from '../summarize.js';
import type { PluginDef } from './plugin-def.js';

export const pivot: PluginDef = {
  name: 'pivot',
  description: 'Turns the distinct values of a column into columns, aggregating the rest (optionally by grouping columns).',
  bind: bindPivot,
};

function bindPivot(node: EvaluateOp, input: ColumnSchema[], tools: BindTools): BoundOperator {
  const [pivotArg, aggArg, ...groupArgs] = node.plugin.args;
  if (!pivotArg || pivotArg.kind !== 'Name') {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'pivot needs the pivot column as its first argument', node.plugin.span);
  }
  const pivot = tools.expr(pivotArg, input);
  const countCall: A.CallExpr = { kind: 'Call', name: 'count', nameSpan: node.plugin.span, args: [], span: node.plugin.span };
  const aggregate = bindAggregate({ names: [], expr: aggArg ?? countCall, span: (aggArg ?? countCall).span }, input, tools, new Set());
  if (aggregate.outputs.length !== 1) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'The pivot aggregation must produce one value', (aggArg ?? countCall).span);
  }
  const valueType = aggregate.outputs[0].type;
  const groupNames = groupArgs.length
    ? groupArgs.map((g) => {
      if (g.kind !== 'Name') throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'pivot group-by arguments must be column names', g.span);
      return g.name;
    })
    : input.map((c) => c.name).filter((n) => n !== pivotArg.name);
  const groupIndexes = groupNames.map((name, i) => {
    const index = input.findIndex((c) => c.name === name);
    if (index < 0) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_COLUMN, `Unknown column '${name}'`, groupArgs[i]?.span ?? pivotArg.span);
    return index;
  });
  const columns = groupIndexes.map((i) => input[i]);
  const time = timeColumns(columns.map((c) => c.type));
  const argEvals = aggregate.args.map((a) => a.evaluate);
  const pivotEval = pivot.evaluate;
  return {
    columns,
    openSchema: true,
    run: (table, ctx) => {
      const groups = new Map<string, { key: Row; cells: Map<string, Accumulator> }>();
      const values: string[] = [];
      const seen = new Set<string>();
      for (const row of table.rows) {
        const key = groupIndexes.map((i) => row[i]);
        const hash = keyOfValues(key, time);
        let group = groups.get(hash);
        if (!group) groups.set(hash, (group = { key, cells: new Map() }));
        const value = valueToString(pivotEval(row, ctx), pivot.type);
        if (!seen.has(value)) {
          seen.add(value);
          values.push(value);
        }
        let acc = group.cells.get(value);
        if (!acc) group.cells.set(value, (acc = aggregate.impl.create()));
        acc.add(argEvals.map((e) => e(row, ctx)));
      }
      const empty = aggregate.impl.create().result()[0];
      const out = [...groups.values()].map((g) => [...g.key, ...values.map((v) => (g.cells.get(v)?.result()[0] ?? empty))]);
      const taken = new Set(columns.map((c) => c.name));
      const valueColumns = values.map((v) => ({ name: taken.has(v) ? `${v}1` : v, type: valueType }));
      return { columns: [...columns, ...valueColumns], rows: out };
    },
  };
}
