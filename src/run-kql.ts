/** The public entry points: wire parse -> bind -> execute, and convert tables and results at the edges. */
import { parseQuery } from './parser/parse.js';
import { bindQuery } from './binder/bind-query.js';
import { createEnv, type Database } from './binder/scope.js';
import type { TabularPlan } from './binder/compiled.js';
import { KqlError, KqlRuntimeError, KqlSemanticError, ErrorCodes } from './errors/index.js';
import type { ColumnSchema } from './runtime/types.js';
import { KQL_TYPES } from './runtime/types.js';
import type { Table } from './runtime/table.js';
import type { ExecContext } from './runtime/exec-context.js';
import { inferSchema, loadTable, type InputRow, type TableInput } from './runtime/load-table.js';
import { toOutputRows, type OutputRow } from './runtime/output.js';
import { builtinTableNames, getBuiltinSchema } from './schemas/index.js';

export type { TableInput } from './runtime/load-table.js';
export type KqlColumn = ColumnSchema;

export interface RunKqlOptions {
  /** The time now() and ago() see, for the whole query. Defaults to the wall clock at the start of the run. */
  now?: Date | string | number;
  /** Table schemas by name, used before the built-in Sentinel schemas; a table given as { schema, rows } still wins. */
  schemas?: Record<string, ColumnSchema[]>;
  /** Values of the query's `declare query_parameters(...)`, by name. */
  parameters?: Record<string, unknown>;
  /** Rows served for `externaldata(...) [url]`, by URL: nothing is downloaded. */
  externalData?: Record<string, InputRow[]>;
}

export interface AnalyzeKqlOptions {
  /** Table schemas by name; tables not listed fall back to the built-in Sentinel schemas. */
  schemas?: Record<string, ColumnSchema[]>;
  /** Values of the query's `declare query_parameters(...)`, by name. */
  parameters?: Record<string, unknown>;
}

export interface KqlResult {
  columns: KqlColumn[];
  rows: OutputRow[];
}

function has(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

function validateSchema(name: string, schema: unknown): ColumnSchema[] {
  if (!Array.isArray(schema) || schema.some((c) => typeof c?.name !== 'string' || !KQL_TYPES.includes(c?.type))) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The schema of table '${name}' must be a list of { name, type } with Kusto type names (${KQL_TYPES.join(', ')})`);
  }
  return schema as ColumnSchema[];
}

function bind(query: string, db: Database): TabularPlan {
  if (typeof query !== 'string') throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'The query must be a string');
  const ast = parseQuery(query);
  return bindQuery(ast, createEnv(db));
}

/** Rejects table inputs the engine cannot read, before anything looks inside them. */
function checkTableInput(name: string, input: unknown): void {
  const rows = Array.isArray(input) ? input : input && typeof input === 'object' && 'rows' in input ? (input as { rows: unknown }).rows : undefined;
  if (!Array.isArray(rows)) {
    throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_TABLE, `Table '${name}' must be an array of row objects, or { schema, rows } with rows an array`);
  }
  const bad = rows.findIndex((r) => typeof r !== 'object' || r === null || Array.isArray(r));
  if (bad >= 0) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_TABLE, `Row ${bad} of table '${name}' is not an object`);
}

/** Parse and bind a query without data: its result columns, or a KqlError. */
export function analyzeKql(query: string, options: AnalyzeKqlOptions = {}): { columns: KqlColumn[] } {
  const schemas = options.schemas ?? {};
  const plan = bind(query, {
    tableSchema: (name) => (has(schemas, name) ? validateSchema(name, schemas[name]) : getBuiltinSchema(name)),
    tableNames: () => [...new Set([...Object.keys(schemas), ...builtinTableNames()])],
    queryParameters: options.parameters,
  });
  return { columns: plan.columns.map((c) => ({ ...c })) };
}

function resolveNow(now: RunKqlOptions['now']): number {
  if (now === undefined) return Date.now();
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_TABLE, `options.now is not a valid date: ${String(now)}`);
  return ms;
}

/** Run a query over in-memory tables. */
export function runKql(query: string, tables: Record<string, TableInput> = {}, options: RunKqlOptions = {}): KqlResult {
  const schemas = options.schemas ?? {};
  const knownSchema = (name: string) => (has(schemas, name) ? validateSchema(name, schemas[name]) : getBuiltinSchema(name));
  const schemaCache = new Map<string, ColumnSchema[] | undefined>();
  const schemaOf = (name: string): ColumnSchema[] | undefined => {
    if (schemaCache.has(name)) return schemaCache.get(name);
    let schema: ColumnSchema[] | undefined;
    if (has(tables, name)) {
      const input = tables[name];
      checkTableInput(name, input);
      if (Array.isArray(input)) schema = knownSchema(name) ?? inferSchema(input as InputRow[]);
      else if (input && typeof input === 'object' && 'rows' in input) {
        schema = input.schema ? validateSchema(name, input.schema) : knownSchema(name) ?? inferSchema(input.rows);
      } else {
        throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_TABLE, `Table '${name}' must be an array of rows or { schema, rows }`);
      }
    }
    schemaCache.set(name, schema);
    return schema;
  };
  const plan = bind(query, {
    tableSchema: schemaOf,
    tableNames: () => Object.keys(tables),
    queryParameters: options.parameters,
  });
  const externalData = options.externalData ?? {};
  const loaded = new Map<string, Table>();
  const ctx: ExecContext = {
    now: resolveNow(options.now),
    cache: new Map(),
    externalTable(url, columns) {
      if (!has(externalData, url)) {
        throw new KqlRuntimeError(
          ErrorCodes.RUN_EXTERNAL_DATA,
          `externaldata is not available offline: pass the rows for '${url}' in the externalData option`,
        );
      }
      return loadTable(url, externalData[url], columns);
    },
    table(name) {
      let table = loaded.get(name);
      if (!table) {
        const input = tables[name];
        table = loadTable(name, Array.isArray(input) ? input : input.rows, schemaOf(name)!);
        loaded.set(name, table);
      }
      return table;
    },
  };
  let result: Table;
  try {
    result = plan.execute(ctx);
  } catch (err) {
    if (err instanceof KqlError) throw err;
    if (err instanceof RangeError) throw new KqlRuntimeError(ErrorCodes.RUN_LIMIT_EXCEEDED, `The query ran out of resources: ${err.message}`);
    throw new KqlRuntimeError(ErrorCodes.RUN_INTERNAL, `Internal error while running the query: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { columns: plan.columns.map((c) => ({ ...c })), rows: toOutputRows(result) };
}
