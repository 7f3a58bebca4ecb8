/**
 * summarize: hash aggregation. Output columns are the `by` columns first, then the aggregates;
 * without `by`, exactly one row (even over an empty input).
 */
import type * as A from '../parser/ast.js';
import type { SummarizeOp } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { Row } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';
import { keyOfValues } from '../runtime/hash-key.js';
import type { CompiledExpr } from '../binder/compiled.js';
import { lookupAggregateFunction } from '../functions/aggregate-registry.js';
import { isBindFailure, type Accumulator, type AggregateImpl, type ArgInfo } from '../functions/registry-types.js';
import { NameAllocator } from '../binder/naming.js';
import type { BindTools, OperatorDef } from './operator-def.js';
import { columnNamer, singleName } from './assignments.js';

interface BoundAggregate {
  impl: AggregateImpl;
  args: CompiledExpr[];
}

export const summarize: OperatorDef<SummarizeOp> = {
  op: 'summarize',
  description: 'Groups rows by the `by` expressions and computes aggregates per group.',
  bind(node, input, tools) {
    const columns: ColumnSchema[] = [];
    const names = new NameAllocator();

    const byNamer = columnNamer((n) => names.has(n));
    // Columns that are `by` keys as they are: arg_max(x, *) does not repeat them.
    const byColumnNames = new Set(node.by.filter((b) => b.expr.kind === 'Name').map((b) => (b.expr as A.NameRef).name));
    const keys = node.by.map((item) => {
      const expr = tools.expr(item.expr, input);
      if (expr.type === 'dynamic') {
        throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, "A dynamic value cannot be a summarize 'by' key: convert it first, e.g. tostring(...)", item.expr.span);
      }
      const name = byNamer(singleName(item), expr);
      if (names.has(name)) throw new KqlSemanticError(ErrorCodes.SEM_DUPLICATE_COLUMN, `The column '${name}' appears more than once in summarize`, item.span);
      names.reserve(name);
      columns.push({ name, type: expr.type });
      return expr.eval;
    });

    const aggregates: BoundAggregate[] = node.aggregates.map((item) => {
      const bound = bindAggregate(item, input, tools, byColumnNames);
      const explicit = item.names.map((n) => n.name);
      if (explicit.length > bound.outputs.length) {
        throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `This aggregate produces ${bound.outputs.length} column(s), but ${explicit.length} names were given`, item.span);
      }
      bound.outputs.forEach((out, i) => {
        const wanted = explicit[i] ?? out.name ?? bound.defaultName;
        columns.push({ name: explicit[i] !== undefined && !names.has(wanted) ? (names.reserve(wanted), wanted) : names.unique(wanted), type: out.type });
      });
      return { impl: bound.impl, args: bound.args };
    });

    const run = (table: { rows: Row[] }, ctx: ExecContext) => {
      const groups = new Map<string, { key: unknown[]; accs: Accumulator[] }>();
      const argEvals = aggregates.map((a) => a.args.map((x) => x.eval));
      const newGroup = (key: unknown[]) => ({ key, accs: aggregates.map((a) => a.impl.create()) });
      if (keys.length === 0) groups.set('', newGroup([]));
      for (const row of table.rows) {
        const key = keys.map((k) => k(row, ctx));
        const hash = keyOfValues(key);
        let group = groups.get(hash);
        if (!group) {
          group = newGroup(key);
          groups.set(hash, group);
        }
        for (let i = 0; i < aggregates.length; i++) {
          const evals = argEvals[i];
          group.accs[i].add(evals.map((e) => e(row, ctx)));
        }
      }
      const rows: Row[] = [];
      for (const group of groups.values()) {
        const row: Row = [...group.key];
        for (const acc of group.accs) row.push(...acc.result());
        rows.push(row);
      }
      return { columns, rows };
    };
    return { columns, run };
  },
};

export function bindAggregate(item: A.Assignment, input: ColumnSchema[], tools: BindTools, byColumnNames: Set<string>) {
  const call = unwrap(item.expr);
  if (call.kind !== 'Call' || !lookupAggregateFunction(call.name)) {
    throw new KqlSemanticError(
      ErrorCodes.SEM_AGGREGATE_CONTEXT,
      'summarize needs an aggregate function call here, such as count(), make_set(x) or max(x)',
      item.expr.span,
    );
  }
  const fn = lookupAggregateFunction(call.name)!;
  const args: CompiledExpr[] = [];
  const infos: ArgInfo[] = [];
  call.args.forEach((arg, i) => {
    if (arg.kind === 'Star') {
      // arg_max(x, *): every input column, except the one being maximised.
      const firstColumn = infos[0]?.columnName;
      input.forEach((c, index) => {
        if (c.name === firstColumn || byColumnNames.has(c.name)) return;
        args.push({ type: c.type, eval: (row) => row[index], span: arg.span, derivedName: c.name, isColumn: true });
        infos.push({ type: c.type, columnName: c.name, span: arg.span });
      });
      return;
    }
    const compiled = tools.expr(arg, input);
    args.push(compiled);
    const info: ArgInfo = { type: compiled.type, span: arg.span };
    if (compiled.constant) info.constant = compiled.constant;
    if (compiled.derivedName !== undefined) info.columnName = compiled.derivedName;
    infos.push(info);
  });
  if (infos.length < fn.minArgs || infos.length > fn.maxArgs) {
    const expected = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
    throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, `Aggregate '${call.name}' expects ${expected} argument(s) but got ${infos.length}`, call.span);
  }
  const impl = fn.bind(infos);
  if (isBindFailure(impl)) {
    const span = impl.argIndex !== undefined && infos[impl.argIndex] ? infos[impl.argIndex].span : call.span;
    throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, impl.error, span);
  }
  return { impl, args, outputs: impl.outputs, defaultName: fn.defaultName(infos) };
}

function unwrap(expr: A.Expr): A.Expr {
  return expr.kind === 'Paren' ? unwrap(expr.inner) : expr;
}
