/** The public entry points: wire parse -> bind -> execute, and convert tables and results at the edges. */
import { parseQueryCached } from './parser/parse-cache.js';
import { bindQuery } from './binder/bind-query.js';
import { createEnv, type Database } from './binder/scope.js';
import type { TabularPlan } from './binder/compiled.js';
import { KqlError, KqlRuntimeError, KqlSemanticError, ErrorCodes } from './errors/index.js';
import type { ColumnSchema } from './runtime/types.js';
import type { Table } from './runtime/table.js';
import type { Span } from './errors/span.js';
import { runNow, runRandom, type ExecContext } from './runtime/exec-context.js';
import { TraceCollector, type TraceEntry } from './runtime/trace.js';
import { CELL_BYTES, ROW_BYTES, RunGuard, STRING_BYTES, dynamicBytes, rowBytes, type RunLimitOptions, type RunningOperator } from './runtime/limits.js';
import { loadTable, type InputRow, type TableInput } from './runtime/load-table.js';
import { TableSource, validateSchema } from './runtime/table-source.js';
import { normalizeSchemas, type SchemasInput } from './runtime/schema-input.js';
import { toOutputRows, type OutputRow } from './runtime/output.js';
import { builtinTableNames, getBuiltinSchema } from './schemas/index.js';
import { WorkspaceFunctions, checkWorkspaceFunctions, type WorkspaceFunctionInput } from './binder/workspace-functions.js';

export type { WorkspaceFunctionInput } from './binder/workspace-functions.js';

export type { TableInput } from './runtime/load-table.js';
export type KqlColumn = ColumnSchema;

export interface RunKqlOptions extends RunLimitOptions {
  /** The time now() and ago() see, for the whole query. Defaults to the wall clock at the start of the run. */
  now?: Date | string | number;
  /** Seed for rand() and new_guid(): the same seed gives the same values, run after run. Without it they are random. */
  randomSeed?: number;
  /**
   * Table schemas by name, used before the built-in Sentinel schemas; a table given as { schema, rows } still wins.
   * Each as `[{ name, type }]` or `{ Column: 'type' }` (type names in any case, with Kusto's aliases).
   */
  schemas?: SchemasInput;
  /** Values of the query's `declare query_parameters(...)`, by name. */
  parameters?: Record<string, unknown>;
  /** Rows served for `externaldata(...) [url]`, by URL: nothing is downloaded. */
  externalData?: Record<string, InputRow[]>;
  /** Watchlists served by `_GetWatchlist('alias')`, by alias: rows, or { schema, rows }. */
  watchlists?: Record<string, TableInput>;
  /**
   * Functions saved in the workspace (Sentinel's ASIM and solution parsers), by name: the body (KQL: let
   * statements, then one expression), or { parameters, body } with the parameter list as Sentinel stores it
   * (`starttime:datetime=datetime(null), srcipaddr:string='*'`). Called like let functions declared before the
   * query (docs/semantics.md, "Workspace functions").
   */
  functions?: Record<string, WorkspaceFunctionInput>;
  /** Also return `trace`: rows in and out of each table read and operator (see TraceEntry). */
  trace?: boolean;
  /**
   * Return datetimes and timespans as Kusto's text, exact to the 100 ns tick (`2024-05-01T10:00:00.1234567Z`,
   * `1.02:03:04.0000001`), instead of a `Date` (whole milliseconds) and a number of milliseconds.
   */
  timeAsText?: boolean;
}

export interface AnalyzeKqlOptions {
  /** Table schemas by name (`[{ name, type }]` or `{ Column: 'type' }`); tables not listed fall back to the built-in Sentinel schemas. */
  schemas?: SchemasInput;
  /** Values of the query's `declare query_parameters(...)`, by name. */
  parameters?: Record<string, unknown>;
  /** Watchlists _GetWatchlist('alias') can read (their columns are what matter here), by alias. */
  watchlists?: Record<string, TableInput>;
  /** Functions saved in the workspace, as in RunKqlOptions.functions. */
  functions?: Record<string, WorkspaceFunctionInput>;
}

export interface KqlResult {
  columns: KqlColumn[];
  /**
   * One object per row, by column name: datetime -> Date (its whole millisecond: sub-millisecond ticks are
   * dropped), timespan -> milliseconds (a fraction for sub-millisecond ticks), or both as exact Kusto text with
   * `timeAsText`; dynamic -> JSON values, long -> a number, or a bigint when it lies beyond 2^53 (also inside
   * dynamic values), int/real -> number.
   */
  rows: OutputRow[];
  /** Present when options.trace is true. */
  trace?: TraceEntry[];
  /** Present when the query ends with `render`: the chart kind and its `with (...)` properties (column lists as arrays of names). */
  render?: { kind: string; properties: Record<string, unknown> };
  /** Present when the query ends with an operator that returns several tables (fork, facet): each of them, the first being `columns`/`rows`. */
  results?: { name?: string; columns: KqlColumn[]; rows: OutputRow[] }[];
}

function has(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** The run's workspace functions (parsed on first reference), or none. */
function workspaceFunctions(input: Record<string, WorkspaceFunctionInput> | undefined, guard?: RunGuard): WorkspaceFunctions | undefined {
  return input === undefined ? undefined : new WorkspaceFunctions(checkWorkspaceFunctions(input), guard);
}

function bind(query: string, db: Database, guard?: RunGuard): TabularPlan {
  if (typeof query !== 'string') throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'The query must be a string');
  const ast = parseQueryCached(query, guard);
  return bindQuery(ast, createEnv({ ...db, queryText: query }));
}

/** Parse and bind a query without data: its result columns, or a KqlError (nothing else is thrown). */
/** A warning of analyzeKql: the query binds but probably does not do what was meant. `span` points at the cause. */
export interface KqlWarning {
  message: string;
  span: Span;
}

/** analyzeKql's result: the result columns, and `warnings` when there are any. */
export interface KqlAnalysis {
  columns: KqlColumn[];
  warnings?: KqlWarning[];
}

export function analyzeKql(query: string, options: AnalyzeKqlOptions = {}): KqlAnalysis {
  try {
    return analyze(query, options);
  } catch (err) {
    throw asKqlError(err);
  }
}

function analyze(query: string, options: AnalyzeKqlOptions): KqlAnalysis {
  const schemas = normalizeSchemas(options.schemas);
  const watchlists = new TableSource(options.watchlists ?? {});
  const warnings: KqlWarning[] = [];
  const plan = bind(query, {
    warnings,
    tableSchema: (name) => (has(schemas, name) ? validateSchema(name, schemas[name]) : getBuiltinSchema(name)),
    tableNames: () => [...new Set([...Object.keys(schemas), ...builtinTableNames()])],
    searchTableNames: () => Object.keys(schemas),
    queryParameters: options.parameters,
    watchlistSchema: (alias) => watchlists.schemaOf(alias),
    functions: workspaceFunctions(options.functions),
  });
  const columns = plan.columns.map((c) => ({ ...c }));
  return warnings.length ? { columns, warnings: [...warnings].sort((a, b) => a.span.offset - b.span.offset) } : { columns };
}

/** A bound query ready to execute, with its per-run context (shared by runKql and runKqlAsync). */
export interface PreparedRun {
  plan: TabularPlan;
  ctx: ExecContext;
  /** The executed table as the caller's result (checks maxResultRows). */
  finish(result: Table): KqlResult;
}

/** Parse and bind the query over the tables and create the run's context. The limits' clock starts here. */
export function prepareRun(query: string, tables: Record<string, TableInput>, options: RunKqlOptions, signal?: AbortSignal): PreparedRun {
  const guard = new RunGuard(options, signal);
  const onRow = () => guard.tick(1);
  /** Converting a caller's rows: a tick (deadline, abort) and the new row's bytes (memory budget) per row. */
  const converting = (what: string, width: number | undefined) => {
    const bytes = rowBytes(width ?? 0);
    return () => {
      guard.tick(1);
      guard.charge(bytes, what);
    };
  };
  const schemas = normalizeSchemas(options.schemas);
  // Checking the caller's rows and inferring their schemas (while binding) tick too: a deadline holds there.
  const tick = (units: number) => guard.tick(units);
  const source = new TableSource(tables, (name) => (has(schemas, name) ? validateSchema(name, schemas[name]) : getBuiltinSchema(name)), tick);
  const watchlists = new TableSource(options.watchlists ?? {}, undefined, tick);
  const plan = bind(query, {
    tableSchema: (name) => source.schemaOf(name),
    tableNames: () => source.names(),
    queryParameters: options.parameters,
    watchlistSchema: (alias) => watchlists.schemaOf(alias),
    functions: workspaceFunctions(options.functions, guard),
  }, guard);
  const externalData = options.externalData ?? {};
  const trace = options.trace ? new TraceCollector() : undefined;
  const ctx: ExecContext = {
    now: runNow(options.now),
    random: runRandom(options.randomSeed),
    cache: new Map(),
    trace,
    guard,
    // Converting a caller's table on its first read ticks per row, so a deadline or abort stops it too.
    table: (name) => source.load(name, converting(`reading table ${name}`, source.schemaOf(name)?.length)),
    // A scan's rows are charged by batch, after its filters (bind-tabular.ts).
    scan: (name, needed, filters, capacity) => source.scan(name, needed, filters, capacity, ctx, onRow),
    watchlist: (alias) => watchlists.load(alias, converting(`reading watchlist ${alias}`, watchlists.schemaOf(alias)?.length)),
    externalTable(url, columns) {
      if (!has(externalData, url)) {
        throw new KqlRuntimeError(
          ErrorCodes.RUN_EXTERNAL_DATA,
          `externaldata is not available offline: pass the rows for '${url}' in the externalData option (mini-kql: --external-data '${url}=file'; scenario files: externalData:)`,
        );
      }
      return loadTable(url, externalData[url], columns, onRow);
    },
  };
  return {
    plan,
    ctx,
    finish(result) {
      guard.resultRows(result.rows.length);
      guard.resultBytes(resultBytes([result, ...(result.results ?? []).map((r) => r.table)], guard.maxResultBytes));
      // The executed table's columns: equal to the planned ones, except where an operator discovers
      // columns from the data (evaluate bag_unpack without an output schema).
      const output: KqlResult = { columns: result.columns.map((c) => ({ ...c })), rows: toOutputRows(result, { timeAsText: options.timeAsText }) };
      if (trace) output.trace = trace.entriesInQueryOrder();
      if (result.render) output.render = result.render;
      if (result.results) {
        output.results = result.results.map((r) => ({
          ...(r.name !== undefined ? { name: r.name } : {}),
          columns: r.table.columns.map((c) => ({ ...c })),
          rows: toOutputRows(r.table, { timeAsText: options.timeAsText }),
        }));
      }
      return output;
    },
  };
}

/**
 * The estimated size of the result's tables in bytes, in the memory budget's model (limits.ts), with
 * strings at 2 bytes per character and dynamic values walked; the walk stops once past `cap`.
 */
function resultBytes(tables: Table[], cap: number): number {
  let total = 0;
  const budget = { left: MAX_WALK };
  for (const t of tables) {
    const width = t.columns.length;
    total += t.rows.length * rowBytes(width);
    for (const row of t.rows) {
      if (total > cap) return total;
      for (let c = 0; c < width; c++) total += valueBytes(row[c], budget);
    }
  }
  return total;
}

/** Values visited per result when sizing dynamic values; past it, each further array element or bag entry counts 24 bytes unseen. */
const MAX_WALK = 10_000_000;

function valueBytes(v: unknown, budget: { left: number }): number {
  if (typeof v === 'string') return STRING_BYTES + 2 * v.length;
  if (v === null || typeof v !== 'object') return 0;
  if (budget.left-- <= 0) return dynamicBytes(v);
  if (Array.isArray(v)) {
    let n = ROW_BYTES + CELL_BYTES * v.length;
    for (const e of v) n += valueBytes(e, budget);
    return n;
  }
  let n = ROW_BYTES;
  for (const [k, e] of Object.entries(v)) n += CELL_BYTES * 2 + STRING_BYTES + 2 * k.length + valueBytes(e, budget);
  return n;
}

/**
 * Any error thrown while preparing or executing, as a KqlError. `running` is the operator the run was
 * in, when known: the error points at it.
 */
export function asKqlError(err: unknown, running?: RunningOperator): KqlError {
  if (err instanceof KqlError) return err;
  const where = running ? ` while running ${running.name}` : '';
  const wrapped = err instanceof RangeError
    ? new KqlRuntimeError(ErrorCodes.RUN_LIMIT_EXCEEDED, `The query ran out of resources${where}: ${err.message}`, running?.span)
    : new KqlRuntimeError(ErrorCodes.RUN_INTERNAL, `Internal error${where || ' while running the query'}: ${describeThrown(err)}`, running?.span);
  return wrapped.withCause(err);
}

/** The message of anything thrown, without throwing itself (a thrown object may have a hostile getter or toString). */
function describeThrown(value: unknown): string {
  try {
    return value instanceof Error ? String(value.message) : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Run a query over in-memory tables. Everything it throws is a KqlError (reading the tables included). */
export function runKql(query: string, tables: Record<string, TableInput> = {}, options: RunKqlOptions = {}): KqlResult {
  let run: PreparedRun | undefined;
  try {
    run = prepareRun(query, tables, options);
    return run.finish(run.plan.execute(run.ctx));
  } catch (err) {
    throw asKqlError(err, run?.ctx.guard.current);
  }
}
