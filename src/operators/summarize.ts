/**
 * summarize: hash aggregation. Output columns are the `by` columns first, then the aggregates;
 * without `by`, exactly one row (even over an empty input).
 */
import type * as A from '../parser/ast.js';
import type { SummarizeOp } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { Row, Table } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';
import { KeyIndex } from '../runtime/key-index.js';
import { timeColumns } from '../runtime/hash-key.js';
import { GROUP_OBJECT_BYTES, ACCUMULATOR_BYTES, CELL_BYTES, INDEX_ENTRY_BYTES, dynamicBytes, rowBytes } from '../runtime/limits.js';
import type { CompiledExpr, RowSink } from '../binder/compiled.js';
import { lookupAggregateFunction } from '../functions/aggregate-registry.js';
import { isBindFailure, type Accumulator, type AggregateImpl, type ArgInfo } from '../functions/registry-types.js';
import { NameAllocator, derivedName } from '../binder/naming.js';
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
      const explicit = singleName(item);
      const wanted = byNamer(explicit, expr);
      if ((explicit !== undefined || expr.isColumn) && names.has(wanted)) {
        throw new KqlSemanticError(ErrorCodes.SEM_DUPLICATE_COLUMN, `The column '${wanted}' appears more than once in summarize`, item.span);
      }
      // A repeated derived name gets a numeric suffix, as the analyzer does (x, x1).
      const name = names.unique(wanted);
      columns.push({ name, type: expr.type });
      return expr.evaluate;
    });
    // Datetime and timespan keys hash their two forms apart (src/runtime/hash-key.ts).
    const time = timeColumns(columns.map((c) => c.type));

    // Accumulators run per group; each summarize item then turns some accumulator results into its columns.
    const aggregates: BoundAggregate[] = [];
    const finishers: ((results: unknown[][], ctx: ExecContext) => unknown[])[] = [];
    const addColumn = (explicit: string | undefined, wanted: string, type: ColumnSchema['type']) => {
      columns.push({ name: explicit !== undefined && !names.has(wanted) ? (names.reserve(wanted), wanted) : names.unique(wanted), type });
    };
    for (const item of node.aggregates) {
      const call = unwrap(item.expr);
      if (call.kind === 'Call' && lookupAggregateFunction(call.name)) {
        const bound = bindAggregate(item, input, tools, byColumnNames);
        const explicit = item.names.map((n) => n.name);
        if (explicit.length > bound.outputs.length) {
          throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `This aggregate produces ${bound.outputs.length} column(s), but ${explicit.length} names were given`, item.span);
        }
        bound.outputs.forEach((out, i) => addColumn(explicit[i], explicit[i] ?? out.name ?? bound.defaultName, out.type));
        const k = aggregates.push({ impl: bound.impl, args: bound.args }) - 1;
        finishers.push((results) => results[k]);
      } else {
        const post = bindPostAggregation(item, input, tools, byColumnNames, aggregates);
        addColumn(singleName(item), singleName(item) ?? post.name ?? nextColumnName(), post.expr.type);
        const slots = post.slots;
        const evaluate = post.expr.evaluate;
        finishers.push((results, ctx) => [evaluate(slots.map((k) => results[k][0]), ctx)]);
      }
    }

    const dynamicOutputs = columns.map((c, i) => (c.type === 'dynamic' ? i : -1)).filter((i) => i >= 0);
    // Groups are built a batch of rows at a time (a sink), so a scan can feed them as it reads.
    const sink = (ctx: ExecContext): RowSink => {
      interface Group { key: unknown[]; accs: Accumulator[] }
      const groups = new KeyIndex<Group>((g) => g.key, undefined, time);
      const argEvals = aggregates.map((a) => a.args.map((x) => x.evaluate));
      const guard = ctx.guard;
      // A group: its entry in the index, its object, its key row, and an accumulator object per aggregate.
      const groupBytes = INDEX_ENTRY_BYTES + GROUP_OBJECT_BYTES + rowBytes(keys.length) + rowBytes(aggregates.length) + ACCUMULATOR_BYTES * aggregates.length;
      const newGroup = (key: unknown[]): Group => {
        // A long string key is kept by the group even after the row it came from is gone.
        let bytes = groupBytes;
        for (let k = 0; k < key.length; k++) bytes += dynamicBytes(key[k]);
        guard.charge(bytes);
        return { key, accs: aggregates.map((a) => a.impl.create()) };
      };
      if (keys.length === 0) groups.getOrAdd([], newGroup);
      // Per-row arrays are reused: a key is copied only when it starts a new group.
      const key: unknown[] = keys.map(() => null);
      const args = argEvals.map((evals) => evals.map(() => null as unknown));
      return {
        push(rows) {
          for (const row of rows) {
            guard.tick();
            for (let k = 0; k < keys.length; k++) key[k] = keys[k](row, ctx);
            const group = groups.getOrAdd(key, newGroup);
            for (let i = 0; i < aggregates.length; i++) {
              const evals = argEvals[i], values = args[i];
              for (let j = 0; j < evals.length; j++) values[j] = evals[j](row, ctx);
              group.accs[i].add(values);
            }
          }
        },
        finish() {
          const rows: Row[] = [];
          const outBytes = rowBytes(columns.length) + CELL_BYTES;
          for (const group of groups.entries) {
            guard.tick();
            const results = group.accs.map((acc) => acc.result());
            const row: Row = [...group.key];
            for (const finish of finishers) row.push(...finish(results, ctx));
            // Arrays and bags built by aggregates (make_list, make_set, make_bag), by their length: O(1) each.
            let bytes = outBytes;
            for (let i = 0; i < dynamicOutputs.length; i++) bytes += dynamicBytes(row[dynamicOutputs[i]]);
            guard.charge(bytes);
            rows.push(row);
          }
          return { columns, rows, owned: true };
        },
      };
    };
    const run = (table: Table, ctx: ExecContext) => {
      const groups = sink(ctx);
      groups.push(table.rows);
      return groups.finish();
    };
    return { columns, run, sink, flow: 'own' };

    function nextColumnName(): string {
      let i = 1;
      while (names.has(`Column${i}`)) i++;
      return `Column${i}`;
    }
  },
};

/**
 * A summarize item whose aggregates sit inside an expression: `datetime_diff('hour', now(), max(T))`,
 * `make_set(x)[0]`. Each aggregate call becomes an accumulator; the expression is then bound over their
 * results only (Kusto does not let it read the input columns). Its default name is derived as if each
 * aggregate were a column with the aggregate's default name (make_set(a)[0] -> set_a_0).
 */
function bindPostAggregation(item: A.Assignment, input: ColumnSchema[], tools: BindTools, byColumnNames: Set<string>, aggregates: BoundAggregate[]) {
  const slots: number[] = [];
  const slotColumns: ColumnSchema[] = [];
  const rewrite = (expr: A.Expr, forNaming: boolean): A.Expr => {
    if (expr.kind === 'Call' && lookupAggregateFunction(expr.name)) {
      const bound = bindAggregate({ names: [], expr, span: expr.span }, input, tools, byColumnNames);
      if (bound.outputs.length !== 1) {
        throw new KqlSemanticError(ErrorCodes.SEM_AGGREGATE_CONTEXT, `'${expr.name}' produces several columns and cannot be used inside an expression`, expr.span);
      }
      if (forNaming) return { kind: 'Name', name: bound.outputs[0].name ?? bound.defaultName, span: expr.span };
      slots.push(aggregates.push({ impl: bound.impl, args: bound.args }) - 1);
      const placeholder = `\u0000aggregate${slotColumns.length}`;
      slotColumns.push({ name: placeholder, type: bound.outputs[0].type });
      return { kind: 'Name', name: placeholder, span: expr.span };
    }
    return mapChildren(expr, (child) => rewrite(child, forNaming));
  };
  const bindable = rewrite(item.expr, false);
  if (slots.length === 0) {
    throw new KqlSemanticError(
      ErrorCodes.SEM_AGGREGATE_CONTEXT,
      'summarize needs an aggregate function call here, such as count(), make_set(x) or max(x)',
      item.expr.span,
    );
  }
  const expr = tools.expr(bindable, slotColumns);
  return { expr, slots, name: derivedName(rewrite(item.expr, true)) };
}

/** A copy of a scalar expression with each direct sub-expression replaced by f(sub-expression). */
function mapChildren(expr: A.Expr, f: (e: A.Expr) => A.Expr): A.Expr {
  switch (expr.kind) {
    case 'Paren': return { ...expr, inner: f(expr.inner) };
    case 'Member': return { ...expr, target: f(expr.target) };
    case 'Index': return { ...expr, target: f(expr.target), index: f(expr.index) };
    case 'Call': return { ...expr, args: expr.args.map(f) };
    case 'Binary': return { ...expr, left: f(expr.left), right: f(expr.right) };
    case 'Unary': return { ...expr, operand: f(expr.operand) };
    case 'List': return { ...expr, left: f(expr.left), items: expr.items.map(f) };
    case 'Between': return { ...expr, left: f(expr.left), low: f(expr.low), high: f(expr.high) };
    default: return expr;
  }
}

export function bindAggregate(item: A.Assignment, input: ColumnSchema[], tools: BindTools, byColumnNames: Set<string>) {
  const call = unwrap(item.expr);
  const fn = call.kind === 'Call' ? lookupAggregateFunction(call.name) : undefined;
  if (call.kind !== 'Call' || !fn) {
    throw new KqlSemanticError(
      ErrorCodes.SEM_AGGREGATE_CONTEXT,
      'An aggregate function call is needed here, such as count(), make_set(x) or max(x)',
      item.expr.span,
    );
  }
  const args: CompiledExpr[] = [];
  const infos: ArgInfo[] = [];
  call.args.forEach((arg, i) => {
    if (arg.kind === 'Star') {
      // arg_max(x, *): every input column, except the one being maximised.
      const firstColumn = infos[0]?.columnName;
      input.forEach((c, index) => {
        if (c.name === firstColumn || byColumnNames.has(c.name)) return;
        tools.noteRead(input, index);
        args.push({ type: c.type, evaluate: (row) => row[index], span: arg.span, derivedName: c.name, isColumn: true });
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
