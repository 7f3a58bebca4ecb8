/**
 * Tabular expressions: table names, let-bound tables, datatable, print, range, union sources,
 * and pipelines `source | op | op`, each operator bound through the operator registry.
 */
import type * as A from '../parser/ast.js';
import { KqlRuntimeError, KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { isIntegerType, isNumericType, type ColumnSchema } from '../runtime/types.js';
import { asDouble, canonical, toBigInt } from '../runtime/int64.js';
import { addTime, compareTime, signTime, type TimeValue } from '../runtime/ticks.js';
import { newRow, type Row, type Table } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';
import type { BoundChain, FusedFilter, TabularPlan } from './compiled.js';
import type { Env, LetValue } from './scope.js';
import type { Span } from '../errors/span.js';
import { callUserFunction, checkBareCall } from './user-functions.js';
import { watchlistColumns, watchlistTable } from '../runtime/watchlist.js';
import { bindExpr } from './bind-expr.js';
import { RowScope } from './scope.js';
import { makeTools, type BindTools } from '../operators/operator-def.js';
import { bindUnionSources, unionShape } from '../operators/union.js';
import { unionScan } from '../operators/union-scan.js';
import { bindSearch } from '../operators/search.js';
import { bindFind } from '../operators/find.js';
import { assignedColumns } from '../operators/assignments.js';
import { convertTo } from '../functions/convert.js';
import { lookupScalarFunction } from '../functions/scalar-registry.js';
import type { InputReads } from '../operators/operator-def.js';
import { SCAN_BATCH_ROWS, type RowBatches, type ScanFilter } from '../runtime/scan.js';
import { bindChain, scanPipeline } from './bind-chain.js';
import { allNeeded } from './column-needs.js';
import { CELL_BYTES, rowBytes } from '../runtime/limits.js';
import { didYouMean } from '../runtime/closest-name.js';

import { bindPatternInvocation } from './patterns.js';
import { WHERE_FUNCTIONS_GO, unknownFunctionMessage, unknownTableMessage } from './function-hints.js';

/**
 * runKqlAsync's view of a plan: pipelines and unions also have `executeAsync`, which gives the event loop
 * a turn between operators and between slices of row-local operators (see docs/reliability.md).
 */
export interface AsyncTabularPlan extends TabularPlan {
  executeAsync?: (ctx: ExecContext) => Promise<Table>;
}

/** Runs a plan through its async path when it has one. */
export function executeAsync(plan: AsyncTabularPlan, ctx: ExecContext): Promise<Table> {
  return plan.executeAsync ? plan.executeAsync(ctx) : Promise.resolve(plan.execute(ctx));
}

export function bindTabular(expr: A.Expr, env: Env): AsyncTabularPlan {
  const pattern = bindPatternInvocation(expr, env, bindTabular); // p("a").b of a declare pattern
  if (pattern) return pattern;
  switch (expr.kind) {
    case 'Paren':
      return bindTabular(expr.inner, env);
    case 'Name':
      return bindTableName(expr, env);
    case 'Pipe':
      return bindPipe(expr, env);
    case 'Datatable':
      return bindDatatable(expr, env);
    case 'Print':
      return bindPrint(expr, env);
    case 'Union': {
      const sources = bindUnionSources(expr.tables, expr.params, { env, bindTabular });
      const shape = unionShape(sources, expr.params);
      const combine = (tables: Table[], ctx: ExecContext) => {
        // Charged before the rows are combined: a row of the union's width per input row (at most).
        let count = 0;
        for (const t of tables) count += t.rows.length;
        ctx.guard.charge(count * (rowBytes(shape.columns.length) + CELL_BYTES), 'union', expr.span);
        const out = shape.combine(tables);
        ctx.guard.rows(out.rows.length, 'union', expr.span);
        return out;
      };
      // Each leg is asked for just the columns that feed the ones used after the union.
      const unionPlan = (plans: TabularPlan[]): AsyncTabularPlan => ({
        columns: shape.columns,
        execute: (ctx) => combine(plans.map((p) => p.execute(ctx)), ctx),
        executeAsync: async (ctx) => {
          const tables: Table[] = [];
          for (const p of plans) {
            if (ctx.guard.shouldYield()) await ctx.guard.yieldNow();
            tables.push(await executeAsync(p, ctx));
          }
          return combine(tables, ctx);
        },
        prune: (needed) => unionPlan(sources.map((s, i) => s.plan.prune?.(shape.sourceNeeds(i, needed)) ?? s.plan)),
        // Legs that are caller tables are scanned in turn, with the pipeline's filters inside each scan.
        ...(plans.every((p) => p.scan) ? { scan: unionScan(shape, plans.map((p) => p.scan!)) } : {}),
      });
      return unionPlan(sources.map((s) => s.plan));
    }
    case 'Range':
      return bindRange(expr, env);
    case 'ExternalData': {
      const columns: ColumnSchema[] = expr.columns.map((c) => ({ name: c.name, type: c.type }));
      const url = expr.urls[0];
      return { columns, execute: (ctx) => ctx.externalTable(url, columns) };
    }
    case 'Call':
      return bindTabularCall(expr, env);
    case 'Search':
      return bindSearch(expr, env, bindTabular);
    case 'Find':
      return bindFind(expr, env, bindTabular);
    default:
      throw new KqlSemanticError(ErrorCodes.SEM_NOT_TABULAR, 'A table was expected here, but this is a scalar expression', expr.span);
  }
}

/** table('Name'), materialize(T), and calls of user-defined functions that return tables. */
function bindTabularCall(expr: A.CallExpr, env: Env): TabularPlan {
  const bound = env.lookupLet(expr.name);
  if (bound?.kind === 'function') return callTabularFunction(expr.name, bound, expr.args, expr.span, env, expr.argNames);
  if (expr.name === 'table' && expr.args.length >= 1) {
    // table('Name') or table(name) with a constant string, e.g. a let-bound table name.
    const name = bindExpr(expr.args[0], { scope: new RowScope([]), env, bindTabular });
    if (name.type !== 'string' || !name.constant) {
      throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'table() needs a constant table name', expr.args[0].span);
    }
    return bindTableName({ kind: 'Name', name: String(name.constant.value), span: expr.args[0].span }, env);
  }
  if (expr.name === '_GetWatchlist') return bindWatchlist(expr, env);
  // A known table called like a function: Sentinel parser functions such as imDns(starttime=...) are
  // tables in the schema catalog. Without arguments it is the table. With arguments it binds (its schema
  // is the table's) but refuses to run: the parser's filtering needs its definition (options.functions),
  // which, when given, is found above by lookupLet.
  if (env.tableSchema(expr.name)) {
    const plan = bindTableName({ kind: 'Name', name: expr.name, span: expr.nameSpan }, env);
    if (expr.args.length === 0) return plan;
    return {
      columns: plan.columns,
      execute: () => {
        throw new KqlRuntimeError(
          ErrorCodes.RUN_UNSUPPORTED,
          `'${expr.name}' is a parser function whose parameters mini-kql cannot apply without its definition: ${WHERE_FUNCTIONS_GO}; or call it without arguments and filter with where`,
          expr.span,
        );
      },
    };
  }
  if (expr.name === 'materialize' && expr.args.length === 1) {
    // Computed once per run, however many times the query reads it.
    const inner = bindTabular(expr.args[0], env);
    const key = {};
    return {
      columns: inner.columns,
      execute: (ctx) => {
        if (!ctx.cache.has(key)) ctx.cache.set(key, inner.execute(ctx));
        // Every reader shares the cached rows: none may write into them.
        return { ...(ctx.cache.get(key) as Table), owned: false };
      },
    };
  }
  if (!lookupScalarFunction(expr.name)) {
    throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_FUNCTION, unknownFunctionMessage(expr.name), expr.nameSpan);
  }
  throw new KqlSemanticError(ErrorCodes.SEM_NOT_TABULAR, `'${expr.name}(...)' does not produce a table here`, expr.span);
}

/** _GetWatchlist('alias'): a watchlist the caller supplied, with Sentinel's fixed columns first. */
function bindWatchlist(expr: A.CallExpr, env: Env): TabularPlan {
  const arg = expr.args[0];
  if (expr.args.length !== 1 || arg.kind !== 'Literal' || typeof arg.value !== 'string') {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, "_GetWatchlist expects one constant watchlist alias, e.g. _GetWatchlist('VIPUsers')", expr.span);
  }
  const alias = arg.value;
  const own = env.watchlistSchema(alias);
  if (!own) {
    throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_TABLE, `Unknown watchlist '${alias}': pass its rows in the watchlists option (mini-kql: --watchlist ${alias}=file; scenario files: watchlists:)`, arg.span);
  }
  return { columns: watchlistColumns(own), execute: (ctx) => watchlistTable(ctx.watchlist(alias), ctx.now) };
}

function callTabularFunction(name: string, fn: Extract<LetValue, { kind: 'function' }>, args: A.Expr[], span: Span, env: Env, argNames?: (string | undefined)[]): TabularPlan {
  const result = callUserFunction(name, fn, args, span, { scope: new RowScope([]), env, bindTabular }, argNames);
  if (result.kind !== 'tabular') {
    throw new KqlSemanticError(ErrorCodes.SEM_NOT_TABULAR, `Function '${name}' returns a scalar value, not a table`, span);
  }
  return result.plan;
}

function bindTableName(expr: A.NameRef, env: Env): TabularPlan {
  const bound = env.lookupLet(expr.name);
  if (bound?.kind === 'tabular') return bound.plan;
  // A view or parameterless function named without parentheses.
  if (bound?.kind === 'function') {
    checkBareCall(expr.name, bound, expr.span);
    return callTabularFunction(expr.name, bound, [], expr.span, env);
  }
  if (bound?.kind === 'scalar') {
    throw new KqlSemanticError(ErrorCodes.SEM_NOT_TABULAR, `'${expr.name}' is a scalar value, not a table`, expr.span);
  }
  const schema = env.tableSchema(expr.name);
  if (!schema) {
    throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_TABLE, unknownTableMessage(expr.name, didYouMean(expr.name, env.tableNames())), expr.span);
  }
  const name = expr.name;
  const depth = env.depthAt(expr.span.offset);
  const plan: TabularPlan & Required<Pick<TabularPlan, 'scan'>> = {
    columns: schema,
    execute: (ctx) => {
      const table = ctx.table(name);
      ctx.trace?.record(`table ${name}`, expr.span, depth, undefined, table.rows.length);
      return table;
    },
    // Read by a consumer that uses only some columns (a union leg, a let): a scan without filters.
    prune: (needed) => ({
      columns: schema,
      execute: (ctx) => {
        const batches = plan.scan(ctx, needed, []);
        const rows: Row[] = [];
        for (let batch = batches.next(); batch !== undefined; batch = batches.next()) for (const row of batch) rows.push(row);
        return { columns: schema, rows, owned: true };
      },
    }),
    scan: (ctx, needed, fused, capacity = schema.length) => {
      const filters: ScanFilter[] = fused.map((f) => ({ test: f.test, reads: f.reads, rowsIn: 0, rowsOut: 0 }));
      const batches = ctx.scan(name, needed, filters, capacity);
      const guard = ctx.guard;
      let total = 0;
      // The end (or a stop): the table read and the fused filters go in the trace as if they had run alone.
      const recordRead = () => {
        ctx.trace?.record(`table ${name}`, expr.span, depth, undefined, filters.length > 0 ? filters[0].rowsIn : total);
        fused.forEach((f, i) => f.record(ctx, filters[i].rowsIn, filters[i].rowsOut));
      };
      return {
        next() {
          const outer = guard.current;
          if (fused.length > 0) guard.current = fused[0].running;
          const batch = batches.next();
          guard.current = outer;
          if (batch !== undefined) {
            // The batch's new rows (credited back by a pipeline whose sink consumes them: bind-chain.ts).
            guard.charge(batch.length * rowBytes(capacity), `reading table ${name}`, expr.span);
            total += filters.length > 0 ? 0 : batch.length;
            return batch;
          }
          recordRead();
          return undefined;
        },
        stop: recordRead,
      };
    },
  };
  return plan;
}

function toolsFor(env: Env, reads?: InputReads): BindTools {
  return makeTools(env, bindTabular, (ops, input) => bindChain(ops, input, env, (r) => toolsFor(env, r)), reads);
}

function bindPipe(expr: A.PipeExpr, env: Env): AsyncTabularPlan {
  // Flatten `a | b | c` iteratively so long pipelines do not recurse once per operator.
  const ops: A.TabularOperator[] = [];
  let source: A.Expr = expr;
  while (source.kind === 'Pipe') {
    const op = source.operator;
    if (op.op === 'search') {
      // `T | search ...` reads T as `search in (T)` does, so $table holds T's name (src/operators/search.ts).
      source = { kind: 'Search', params: op.params, tables: [source.source], predicate: op.predicate, span: source.span };
      break;
    }
    if (op.op === 'find') {
      // `T | find ...` is a find of its own: as the analyzer types it, the input is not read (docs/differences-from-kusto.md).
      source = { kind: 'Find', params: op.params, tables: op.tables, predicate: op.predicate, project: op.project, span: op.span };
      break;
    }
    ops.push(op);
    source = source.source;
  }
  ops.reverse();
  const sourcePlan = bindTabular(source, env);
  const chain = bindChain(ops, sourcePlan.columns, env, (reads) => toolsFor(env, reads));
  return pipePlan(sourcePlan, chain, allNeeded(chain.columns.length));
}

/**
 * A pipeline's plan when `needed` of its output columns are used. Over a caller's table it scans only
 * what the chain needs (bind-chain.ts); over another pipeline (a let-bound table, a view) it asks that
 * plan for only those columns. `prune` gives the same pipeline for a consumer that uses fewer columns.
 */
function pipePlan(sourcePlan: AsyncTabularPlan, chain: BoundChain, needed: boolean[]): AsyncTabularPlan {
  const prune = (fewer: boolean[]) => pipePlan(sourcePlan, chain, fewer);
  if (sourcePlan.scan) {
    return { columns: chain.columns, ...scanPipeline(chain, sourcePlan.scan, sourcePlan.columns, needed), prune };
  }
  // Pruned on first run, not at bind time: a chain of N lets each reading the previous would
  // otherwise build N pruned copies per let while binding.
  let pruned: AsyncTabularPlan | undefined;
  const source = () => (pruned ??= sourcePlan.prune ? sourcePlan.prune(chain.needs(needed)) : sourcePlan);
  return {
    columns: chain.columns,
    execute: (ctx) => chain.run(source().execute(ctx), ctx),
    executeAsync: async (ctx) => chain.runAsync(await executeAsync(source(), ctx), ctx),
    prune,
  };
}

function bindDatatable(expr: A.DatatableExpr, env: Env): TabularPlan {
  const columns: ColumnSchema[] = expr.columns.map((c) => ({ name: c.name, type: c.type }));
  const width = columns.length;
  if (expr.values.length % width !== 0) {
    throw new KqlSemanticError(
      ErrorCodes.SEM_INVALID_ARGUMENT,
      `datatable has ${width} columns, so the number of values (${expr.values.length}) must be a multiple of ${width}`,
      expr.span,
    );
  }
  const scope = new RowScope([]);
  const rows: Row[] = [];
  let row: Row = [];
  expr.values.forEach((v, i) => {
    const column = columns[i % width];
    const compiled = bindExpr(v, { scope, env, bindTabular });
    if (!compiled.constant) {
      throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'datatable values must be constants', v.span);
    }
    const value = compiled.constant.value;
    const converted = compiled.type === column.type || value === null ? value : convertTo(value, compiled.type, column.type);
    if (converted === null && value !== null && compiled.type !== 'dynamic') {
      // A number that does not fit an int or long column is an error, never a different number (docs/reliability.md).
      const why = isNumericType(compiled.type) && isIntegerType(column.type)
        ? `The value ${String(value)} is outside the range of column '${column.name}' of type ${column.type}`
        : `A ${compiled.type} value cannot go in column '${column.name}' of type ${column.type}`;
      throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, why, v.span);
    }
    row.push(column.type === 'string' && converted === null ? '' : converted);
    if (row.length === width) {
      rows.push(row);
      row = [];
    }
  });
  const table: Table = { columns, rows };
  return { columns, execute: () => table };
}

function bindPrint(expr: A.PrintExpr, env: Env): TabularPlan {
  const scope = new RowScope([]);
  const columns: ColumnSchema[] = [];
  const evals = expr.items.map((item, i) => {
    const compiled = bindExpr(item.expr, { scope, env, bindTabular });
    // Unnamed print columns are print_0, print_1, ... by position (the analyzer does so even for `print x`).
    const outputs = assignedColumns(item, compiled, (explicit) => explicit ?? `print_${i}`, true);
    for (const out of outputs) {
      if (columns.some((c) => c.name === out.name)) {
        throw new KqlSemanticError(ErrorCodes.SEM_DUPLICATE_COLUMN, `The column '${out.name}' appears more than once in print`, item.names[0]?.span ?? item.span);
      }
      columns.push(out);
    }
    if (!compiled.multi) return (row: Row, ctx: ExecContext) => [compiled.evaluate(row, ctx)];
    const evalAll = compiled.multi.evalAll;
    return (row: Row, ctx: ExecContext) => evalAll(row, ctx).slice(0, outputs.length);
  });
  return { columns, execute: (ctx) => ({ columns, rows: [evals.flatMap((e) => e([], ctx))] }) };
}

/** A range's values in order: `take()` gives the next one while `more()`. */
interface RangeCursor {
  more(): boolean;
  take(): unknown;
}

const EMPTY_RANGE: RangeCursor = { more: () => false, take: () => null };

function bindRange(expr: A.RangeExpr, env: Env): TabularPlan {
  const cx = { scope: new RowScope([]), env, bindTabular };
  const from = bindExpr(expr.from, cx), to = bindExpr(expr.to, cx), step = bindExpr(expr.step, cx);
  const numeric = (t: string) => t === 'int' || t === 'long' || t === 'real' || t === 'decimal';
  const fits = (a: string, b: string) => a === b || (numeric(a) && numeric(b));
  if (!numeric(from.type) && from.type !== 'datetime' && from.type !== 'timespan') {
    throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `range needs numbers, datetimes or timespans, not ${from.type}`, expr.from.span);
  }
  if (!fits(from.type, to.type)) {
    throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `The end of the range must be of the same type as its start (${from.type}), not ${to.type}`, expr.to.span);
  }
  const stepType = from.type === 'datetime' ? 'timespan' : from.type;
  if (!fits(stepType, step.type)) {
    throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `The step of the range must be of type ${stepType}, not ${step.type}`, expr.step.span);
  }
  const columns: ColumnSchema[] = [{ name: expr.column, type: from.type }];
  const exactLongs = isIntegerType(from.type) && isIntegerType(to.type) && isIntegerType(step.type);
  const timeRange = from.type === 'datetime' || from.type === 'timespan';
  /** The range's values in order, as a cursor: `more()` while there is a next value, `take()` gives it. */
  const cursor = (ctx: ExecContext): RangeCursor => {
    if (timeRange) {
      // Exact to the tick (src/runtime/ticks.ts); whole milliseconds stay number additions.
      const start = from.evaluate([], ctx) as TimeValue | null, end = to.evaluate([], ctx) as TimeValue | null, by = step.evaluate([], ctx) as TimeValue | null;
      if (start === null || start === undefined || end === null || end === undefined || by === null || by === undefined) return EMPTY_RANGE;
      const sign = signTime(by);
      if (sign === 0) return EMPTY_RANGE;
      let v = start;
      return { more: () => compareTime(v, end) !== sign, take: () => { const out = v; v = addTime(v, by); return out; } };
    }
    let start = from.evaluate([], ctx) as number, end = to.evaluate([], ctx) as number, by = step.evaluate([], ctx) as number;
    if (typeof start === 'bigint' || typeof end === 'bigint' || typeof by === 'bigint') {
      // Longs beyond 2^53 (src/runtime/int64.ts): an exact range of longs, else the doubles' range.
      if (exactLongs) {
        const [a, b, d] = [toBigInt(start), toBigInt(end), toBigInt(by)];
        if (d === 0n) return EMPTY_RANGE;
        let v = a;
        return { more: () => (d > 0n ? v <= b : v >= b), take: () => { const out = canonical(v); v += d; return out; } };
      }
      [start, end, by] = [asDouble(start), asDouble(end), asDouble(by)] as number[];
    }
    if (typeof start !== 'number' || typeof end !== 'number' || typeof by !== 'number' || by === 0) return EMPTY_RANGE;
    let v = start;
    return { more: () => (by > 0 ? v <= end : v >= end), take: () => { const out = v; v += by; return out; } };
  };
  const running = { name: 'range', span: expr.span };
  /**
   * The rows a batch at a time, after the pipeline's leading `where`s (`filters`), so that a `take` after
   * them can stop the range early (bind-chain.ts, scanPipeline): `range x from 1 to 1e9 step 1 | take 5`
   * makes one batch. maxRows counts the values the range made, filtered or not.
   */
  const batches = (ctx: ExecContext, fused: FusedFilter[], capacity: number): RowBatches => {
    const values = cursor(ctx);
    const guard = ctx.guard;
    const rowsIn = fused.map(() => 0), rowsOut = fused.map(() => 0);
    let made = 0;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      fused.forEach((f, i) => f.record(ctx, rowsIn[i], rowsOut[i]));
    };
    return {
      next() {
        if (ended) return undefined;
        if (!values.more()) {
          end();
          return undefined;
        }
        const outer = guard.current;
        guard.current = running;
        const out: Row[] = [];
        rows: for (let n = 0; n < SCAN_BATCH_ROWS && values.more(); n++) {
          const row = newRow(1, capacity);
          row[0] = values.take();
          guard.tick();
          if (++made > guard.maxRows) guard.rows(made, 'range', expr.span);
          for (let f = 0; f < fused.length; f++) {
            rowsIn[f]++;
            if (!fused[f].test(row, ctx)) continue rows;
            rowsOut[f]++;
          }
          out.push(row);
        }
        // Kept rows only; a sink after the range credits each batch back once it has consumed it.
        if (out.length > 0) guard.charge(out.length * rowBytes(capacity), 'range', expr.span);
        guard.current = outer;
        return out;
      },
      stop: end,
    };
  };
  return {
    columns,
    execute: (ctx) => {
      const rows: Row[] = [];
      const all = batches(ctx, [], 1);
      for (let batch = all.next(); batch !== undefined; batch = all.next()) for (const row of batch) rows.push(row);
      return { columns, rows, owned: true };
    },
    scan: (ctx, _needed, fused, capacity = 1) => batches(ctx, fused, capacity),
  };
}
