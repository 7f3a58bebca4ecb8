/**
 * Operator chains: a pipeline's operators (or mv-apply's subquery) bound one after another, each wrapped
 * for traces and the run guard, with what a scan before the chain can use: the columns the chain needs
 * and its leading `where`s. `scanPipeline` runs a chain over a caller's table by batches: the scan, the
 * row-local operators after it, and a sink (summarize) that takes each batch as it comes, so the rows in
 * between die young instead of piling up (docs/architecture.md, "Execution").
 */
import type * as A from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { Span } from '../errors/span.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { Row, Table } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';
import type { BoundChain, BoundOperator, ChainRest, FusedFilter, RowSink, TabularPlan } from './compiled.js';
import type { RowBatches } from '../runtime/scan.js';
import type { Env } from './scope.js';
import { lookupOperator } from '../operators/registry.js';
import type { BindTools, InputReads } from '../operators/operator-def.js';
import { withRowSlice } from '../functions/scalar/row-window.js';
import { chainNeeds, operatorNeeds, type NeedsFn } from './column-needs.js';
import { CELL_BYTES, rowBytes } from '../runtime/limits.js';

/** A bound operator with an async path (runKqlAsync) next to its synchronous one. */
export interface AsyncBoundOperator extends BoundOperator {
  runAsync: (input: Table, ctx: ExecContext) => Promise<Table>;
}

/** An operator wrapped for traces and the run guard, with what a batch pipeline needs to run it. */
interface TracedOperator extends AsyncBoundOperator {
  running: { name: string; span: Span };
  record: (ctx: ExecContext, rowsIn: number, rowsOut: number, runs?: number) => void;
  /** Row-local and not reading neighbouring rows: it can run on each batch of a scan. */
  streamable: boolean;
  /** One batch, without the trace record and row check (the pipeline totals them). */
  runBatch: (input: Table, ctx: ExecContext) => Table;
  sink?: (ctx: ExecContext) => RowSink;
  /** BoundOperator.limit (take). */
  limit?: number;
}

/** Operators whose output over rows A ++ B is their output over A ++ their output over B: runKqlAsync runs them by slices. */
const ROW_LOCAL = new Set(['where', 'extend', 'project', 'project-away', 'project-keep', 'project-rename', 'project-reorder', 'serialize', 'parse', 'parse-where', 'mv-expand', 'mv-apply']);
/**
 * Row-local operators that build a new row (or grow the row in place) for each input row: outside a batch
 * pipeline, their output is charged to the memory budget before they run (in a batch, the scan's charge
 * already covers the row's full width).
 */
const NEW_ROW_PER_ROW = new Set(['extend', 'project', 'project-away', 'project-keep', 'project-reorder', 'parse', 'parse-where', 'parse-kv', 'serialize']);
/** Rows per slice of a row-local operator in runKqlAsync. */
const SLICE_ROWS = 4096;

/** Tools for binding one operator, recording what its expressions read of `reads.input`. */
export type OperatorTools = (reads: InputReads) => BindTools;

interface Chain extends BoundChain {
  stages: TracedOperator[];
}

/** An operator bound with a record of the input columns its expressions read (for column pruning). */
function bindOperator(op: A.TabularOperator, input: ColumnSchema[], toolsFor: OperatorTools): { bound: BoundOperator; reads: InputReads } {
  const def = lookupOperator(op.op);
  if (!def) {
    const name = op.op === 'unsupported' ? op.name : op.op;
    throw new KqlSemanticError(ErrorCodes.SEM_UNSUPPORTED, `The '${name}' operator is not supported by mini-kql`, op.keywordSpan);
  }
  const reads: InputReads = { input, columns: new Set(), rowWindow: false };
  return { bound: def.bind(op, input, toolsFor(reads)), reads };
}

/** An operator chain (a pipeline's operators, mv-apply's subquery) as one operator. */
export function bindChain(ops: A.TabularOperator[], input: ColumnSchema[], env: Env, toolsFor: OperatorTools): BoundChain {
  const stages: TracedOperator[] = [];
  const steps: { needs: NeedsFn | undefined; inputWidth: number }[] = [];
  const fusable: FusedFilter[] = [];
  let columns = input;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k];
    const opened = k > 0 && stages[k - 1].openSchema === true ? openRest(ops.slice(k), columns, env, toolsFor) : undefined;
    if (opened) {
      stages.push(opened);
      steps.push({ needs: () => columns.map(() => true), inputWidth: columns.length });
      columns = opened.columns;
      break;
    }
    const { bound: b, reads } = bindOperator(op, columns, toolsFor);
    const t = traced(op, b, env, columns.length, reads.rowWindow);
    if (b.filter && !reads.rowWindow && fusable.length === stages.length) {
      fusable.push({ test: b.filter, reads: [...reads.columns], running: t.running, record: t.record });
    }
    stages.push(t);
    steps.push({ needs: operatorNeeds(b, reads), inputWidth: columns.length });
    columns = b.columns;
  }
  const from = (skip: number): ChainRest => {
    const rest = stages.slice(skip);
    return {
      run: (table: Table, ctx: ExecContext) => rest.reduce((t, b) => b.run(t, ctx), table),
      rowLocal: rest.every((s) => s.streamable),
      runMany: (table: Table, ctx: ExecContext, runs: number) => rest.reduce((t, s) => {
        const out = s.runBatch(t, ctx);
        ctx.guard.rows(out.rows.length, s.running.name, s.running.span);
        s.record(ctx, t.rows.length, out.rows.length, runs);
        return out;
      }, table),
      runAsync: async (table: Table, ctx: ExecContext) => {
        let t = table;
        for (const b of rest) {
          if (ctx.guard.shouldYield()) await ctx.guard.yieldNow();
          t = await b.runAsync(t, ctx);
        }
        return t;
      },
    };
  };
  const widest = Math.max(input.length, ...stages.map((s) => s.columns.length));
  const chain: Chain = { columns, ...from(0), needs: chainNeeds(steps), fusable, from, stages, widest };
  return chain;
}

/**
 * A chain over a caller's table (or another batch source: range, a union of them, a pipeline of
 * row-local operators over one): the scan converts only the columns the chain needs and runs its leading
 * `where`s; the row-local operators after them run batch by batch, feeding a sink when one follows
 * (summarize), and the rest of the chain runs on the result. When the rest starts with a `take` (limit),
 * the batches stop as soon as it has its rows: `range x from 1 to 1e9 step 1 | take 5` reads one batch.
 * A chain that is all row-local is itself a batch source (`scan`), so a `take` after it (a let-bound
 * pipeline, a union leg) stops it too.
 */
export function scanPipeline(boundChain: BoundChain, scan: NonNullable<TabularPlan['scan']>, scanColumns: ColumnSchema[], outputNeeded: boolean[]) {
  const chain = boundChain as Chain;
  const needed = chain.needs(outputNeeded);
  const fused = chain.fusable;
  let end = fused.length;
  while (end < chain.stages.length && chain.stages[end].streamable) end++;
  const streamed = chain.stages.slice(fused.length, end);
  const sinkStage = chain.stages[end]?.sink ? chain.stages[end] : undefined;
  const limit = sinkStage ? undefined : chain.stages[end]?.limit;
  const after = chain.from(sinkStage ? end + 1 : end);
  const streamedColumns = streamed.length > 0 ? streamed[streamed.length - 1].columns : scanColumns;
  // Scanned rows get room for the columns the streamed operators add in place.
  const baseCapacity = Math.max(scanColumns.length, ...streamed.map((s) => s.columns.length));

  /** The batches out of the streamed operators; `stop()` records what was done so far (trace) and ends. */
  function stream(ctx: ExecContext, capacity = baseCapacity, sourceNeeded = needed): RowBatches {
    const batches = scan(ctx, sourceNeeded, fused, capacity);
    const rowsIn = streamed.map(() => 0);
    const rowsOut = streamed.map(() => 0);
    const guard = ctx.guard;
    let ended = false;
    const finish = () => {
      if (ended) return;
      ended = true;
      streamed.forEach((s, i) => s.record(ctx, rowsIn[i], rowsOut[i]));
    };
    return {
      next() {
        if (ended) return undefined;
        const batch = batches.next();
        if (batch === undefined) {
          finish();
          return undefined;
        }
        let table: Table = { columns: scanColumns, rows: batch, owned: true };
        for (let i = 0; i < streamed.length; i++) {
          rowsIn[i] += table.rows.length;
          table = streamed[i].runBatch(table, ctx);
          rowsOut[i] += table.rows.length;
          guard.rows(rowsOut[i], streamed[i].running.name, streamed[i].running.span);
        }
        return table.rows;
      },
      stop() {
        if (ended) return;
        batches.stop?.();
        finish();
      },
    };
  }

  /** Runs the batches into the sink (or a list, up to the limit of a take after them); `yield` between batches. */
  function* drain(ctx: ExecContext): Generator<void, Table> {
    const batches = stream(ctx);
    const guard = ctx.guard;
    const sink = sinkStage?.sink!(ctx);
    let sinkIn = 0;
    const collected: Row[] = [];
    // The memory charged for a batch (its scanned rows, what the streamed operators built) is credited
    // back once a sink has consumed it: those rows are garbage then. Collected rows stay charged.
    let mark = guard.memory;
    for (let batch = batches.next(); batch !== undefined; batch = batches.next()) {
      if (sink) {
        sinkIn += batch.length;
        const outer = guard.current;
        guard.current = sinkStage!.running;
        const batchBytes = guard.memory - mark;
        sink.push(batch);
        guard.release(batchBytes);
        guard.current = outer;
      } else {
        for (const row of batch) collected.push(row);
        if (limit !== undefined && collected.length >= limit) {
          batches.stop!();
          break;
        }
      }
      yield;
      mark = guard.memory;
    }
    if (!sink) return { columns: streamedColumns, rows: collected, owned: true };
    const outer = guard.current;
    guard.current = sinkStage!.running;
    const result = sink.finish();
    guard.current = outer;
    guard.rows(result.rows.length, sinkStage!.running.name, sinkStage!.running.span);
    sinkStage!.record(ctx, sinkIn, result.rows.length);
    return result;
  }

  // All of the chain streams: it is a batch source itself, reading what the consumer needs of it, with
  // the consumer's leading `where`s run on its output rows.
  const batchSource = end === chain.stages.length && !sinkStage
    ? {
      scan: (ctx: ExecContext, consumerNeeds: boolean[], outerFused: FusedFilter[], capacity?: number): RowBatches => {
        const inner = stream(ctx, Math.max(baseCapacity, capacity ?? 0), chain.needs(consumerNeeds));
        if (outerFused.length === 0) return inner;
        const rowsIn = outerFused.map(() => 0), rowsOut = outerFused.map(() => 0);
        let recorded = false;
        const record = () => {
          if (recorded) return;
          recorded = true;
          outerFused.forEach((f, i) => f.record(ctx, rowsIn[i], rowsOut[i]));
        };
        return {
          next() {
            const batch = inner.next();
            if (batch === undefined) {
              record();
              return undefined;
            }
            const guard = ctx.guard;
            const outer = guard.current;
            const out: Row[] = [];
            rows: for (const row of batch) {
              for (let f = 0; f < outerFused.length; f++) {
                guard.current = outerFused[f].running;
                rowsIn[f]++;
                if (!outerFused[f].test(row, ctx)) continue rows;
                rowsOut[f]++;
              }
              out.push(row);
            }
            guard.current = outer;
            return out;
          },
          stop() {
            inner.stop?.();
            record();
          },
        };
      },
    }
    : {};

  return {
    execute(ctx: ExecContext): Table {
      const steps = drain(ctx);
      let step = steps.next();
      while (!step.done) step = steps.next();
      return after.run(step.value, ctx);
    },
    async executeAsync(ctx: ExecContext): Promise<Table> {
      const steps = drain(ctx);
      let step = steps.next();
      while (!step.done) {
        if (ctx.guard.shouldYield()) await ctx.guard.yieldNow();
        step = steps.next();
      }
      return after.runAsync(step.value, ctx);
    },
    ...batchSource,
  };
}

/** How many names of columns discovered at run time the operators after an open schema may use. */
const MAX_OPEN_NAMES = 64;

/**
 * The operators after one whose run adds columns (evaluate bag_unpack without an output schema, pivot):
 * undefined when they bind to its bound columns. Otherwise, like the analyzer (which types such names
 * `unknown`), they may name columns the run will add: their schema is bound with each such name as a
 * dynamic column, and at run time they are bound again to the columns the run produced, then run.
 */
function openRest(ops: A.TabularOperator[], input: ColumnSchema[], env: Env, toolsFor: OperatorTools): TracedOperator | undefined {
  const extra: ColumnSchema[] = [];
  let columns: ColumnSchema[] | undefined;
  for (;;) {
    try {
      columns = bindChain(ops, [...input, ...extra], env, toolsFor).columns;
      break;
    } catch (err) {
      const name = err instanceof KqlSemanticError && err.code === ErrorCodes.SEM_UNKNOWN_COLUMN
        ? /^Unknown column(?: or variable)? '([^']+)'/.exec(err.message)?.[1] : undefined;
      if (name !== undefined && extra.length < MAX_OPEN_NAMES && !extra.some((c) => c.name === name)) {
        extra.push({ name, type: 'dynamic' });
        continue;
      }
      // A name the run may add, used where a dynamic value does not bind (a summarize by key): the
      // analyzer accepts it (its type is unknown), so the binding waits for the run's real columns.
      if (extra.length > 0 && err instanceof KqlSemanticError && err.code !== ErrorCodes.SEM_UNKNOWN_COLUMN) {
        columns = [...input, ...extra];
        break;
      }
      throw err;
    }
  }
  if (extra.length === 0) return undefined;
  const first = ops[0];
  const last = ops[ops.length - 1];
  const running = { name: first.op === 'unsupported' ? first.name : first.op, span: first.keywordSpan };
  const runLate = (table: Table) => bindChain(ops, table.columns, env, toolsFor);
  return {
    columns,
    running,
    record: () => undefined,
    streamable: false,
    run: (table, ctx) => runLate(table).run(table, ctx),
    runBatch: (table, ctx) => runLate(table).run(table, ctx),
    runAsync: (table, ctx) => runLate(table).runAsync(table, ctx),
    needs: () => input.map(() => true),
    openSchema: last.op === 'evaluate',
  };
}

/**
 * The table in the layout an operator was bound to. Columns discovered at run time (`evaluate
 * bag_unpack` without an output schema) are appended after the bound ones; the operators after it were
 * compiled without them, so they are dropped here rather than shifting the columns those operators add.
 */
function boundLayout(table: Table, width: number): Table {
  if (table.columns.length <= width) return table;
  return { columns: table.columns.slice(0, width), rows: table.rows.map((r) => r.slice(0, width)), owned: true };
}

/**
 * Records rows in and out of an operator when the run collects a trace (a no-op otherwise), tells the
 * run's guard which operator is running (for timeout messages) and checks its output against maxRows.
 * `inputWidth` is the number of input columns the operator was bound to.
 */
function traced(op: A.TabularOperator, b: BoundOperator, env: Env, inputWidth: number, readsRowWindow: boolean): TracedOperator {
  const name = op.op === 'unsupported' ? op.name : op.op;
  const depth = env.depthAt(op.keywordSpan.offset);
  const running = { name, span: op.keywordSpan };
  const rowLocal = ROW_LOCAL.has(name);
  const rowPerRow = NEW_ROW_PER_ROW.has(name) && (name !== 'serialize' || b.columns.length !== inputWidth);
  const newRowBytes = rowBytes(b.columns.length) + CELL_BYTES;
  const record = (ctx: ExecContext, rowsIn: number, rowsOut: number, runs = 1) => ctx.trace?.record(name, op.keywordSpan, depth, rowsIn, rowsOut, runs);
  const runBatch = (input: Table, ctx: ExecContext): Table => {
    const table = boundLayout(input, inputWidth);
    const guard = ctx.guard;
    const outer = guard.current;
    guard.current = running;
    const out = b.run(table, ctx);
    guard.current = outer;
    return out;
  };
  const run = (input: Table, ctx: ExecContext): Table => {
    // A whole table through an operator that makes a row per input row: charged before it runs.
    if (rowPerRow) ctx.guard.charge(input.rows.length * newRowBytes, name, op.keywordSpan);
    const out = runBatch(input, ctx);
    ctx.guard.rows(out.rows.length, name, op.keywordSpan);
    record(ctx, input.rows.length, out.rows.length);
    return out;
  };
  return {
    columns: b.columns,
    openSchema: b.openSchema,
    run,
    running,
    record,
    streamable: rowLocal && !readsRowWindow,
    runBatch,
    sink: b.sink,
    limit: b.limit,
    // runKqlAsync: a row-local operator over a large input runs by slices, with event loop turns between them.
    runAsync: async (input, ctx) => {
      const table = boundLayout(input, inputWidth);
      const guard = ctx.guard;
      const whole = table.rows;
      if (!rowLocal || whole.length <= SLICE_ROWS) return run(table, ctx);
      if (rowPerRow) guard.charge(whole.length * newRowBytes, name, op.keywordSpan);
      const outer = guard.current;
      let columns = b.columns;
      const rows: Row[] = [];
      for (let offset = 0; offset < whole.length; offset += SLICE_ROWS) {
        if (guard.shouldYield()) await guard.yieldNow();
        guard.current = running;
        const slice = whole.slice(offset, offset + SLICE_ROWS);
        const out = withRowSlice(ctx, whole, slice, offset, () => b.run({ columns: table.columns, rows: slice }, ctx));
        columns = out.columns;
        for (const r of out.rows) rows.push(r);
        guard.rows(rows.length, name, op.keywordSpan);
      }
      guard.current = outer;
      record(ctx, whole.length, rows.length);
      return { columns, rows };
    },
  };
}
