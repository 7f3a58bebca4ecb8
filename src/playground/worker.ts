/**
 * The playground's worker: runs queries with runKql (so a heavy query never freezes the page; Stop
 * terminates the worker) and reads tables from pasted text the way the file loaders do. Built as a
 * classic script and started from a blob: URL, which works from file:// where module workers and worker
 * files are refused (scripts/build-playground.mjs).
 */
import { analyzeKql, runKql } from '../run-kql.js';
import { listScalarFunctions } from '../functions/scalar-registry.js';
import { listAggregateFunctions } from '../functions/aggregate-registry.js';
import { listOperators } from '../operators/registry.js';
import { builtinTableNames } from '../schemas/index.js';
import type { SchemasInput } from '../runtime/schema-input.js';
import { KqlError } from '../errors/index.js';
import { inferSchema } from '../runtime/load-table.js';
import { checkFixtureRows } from '../runtime/fixture-check.js';
import { getBuiltinSchema } from '../schemas/index.js';
import { validateSchema } from '../runtime/table-source.js';
import type { ColumnSchema } from '../runtime/types.js';
import { guessTableTextFormat, parseTableText, TableTextError } from '../tables/table-text.js';
import { parseRule } from '../rules/rule.js';
import { runRule } from '../rules/run-rule.js';
import type { AnalyzeRequest, Diagnostic, NamesRequest, RuleInfoRequest, RuleRequest, RunRequest, RunResult, TableInfo, TableRequest, WorkerRequest, WorkerResponse } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;

function run(request: RunRequest): WorkerResponse {
  const started = performance.now();
  const result = runKql(request.query, request.tables, { trace: true, timeAsText: true, timeoutMs: request.timeoutMs, maxRows: request.maxRows });
  const out: RunResult = { columns: result.columns, rows: result.rows, trace: result.trace ?? [], render: result.render, elapsedMs: performance.now() - started };
  return { id: request.id, ok: true, result: out };
}

/** A scheduled run of the rule at `now`, with the query as edited on the page. */
function rule(request: RuleRequest): WorkerResponse {
  const started = performance.now();
  const parsed = { ...parseRule(request.yaml), query: request.query };
  const result = runRule(parsed, request.tables, { now: request.now, trace: true, timeAsText: true, timeoutMs: request.timeoutMs, maxRows: request.maxRows });
  const out: RunResult = {
    columns: result.columns,
    rows: result.rows,
    trace: (result.trace as RunResult['trace'] | undefined) ?? [],
    elapsedMs: performance.now() - started,
    verdict: {
      fired: result.fired,
      trigger: result.trigger,
      window: result.window && { from: result.window.from.toISOString(), to: result.window.to.toISOString() },
    },
  };
  return { id: request.id, ok: true, result: out };
}

/** The query's error (a KqlError at its span) or its warnings, for the editor to underline. */
function analyze(request: AnalyzeRequest): WorkerResponse {
  const at = (offset: number, length: number) => ({ from: offset, to: Math.min(request.query.length, offset + Math.max(length, 1)) });
  let diagnostics: Diagnostic[];
  try {
    const analysis = analyzeKql(request.query, { schemas: request.schemas as SchemasInput });
    diagnostics = (analysis.warnings ?? []).map((w) => ({ ...at(w.span.offset, w.span.length), severity: 'warning' as const, message: w.message }));
  } catch (err) {
    if (!(err instanceof KqlError)) throw err;
    diagnostics = [{ ...at(err.span.offset, err.span.length), severity: 'error', message: `${err.code}: ${err.message}` }];
  }
  return { id: request.id, ok: true, diagnostics };
}

function names(request: NamesRequest): WorkerResponse {
  const withAliases = (list: { name: string; aliases?: string[] }[]) => [...new Set(list.flatMap((f) => [f.name, ...(f.aliases ?? [])]))].sort();
  return {
    id: request.id,
    ok: true,
    names: {
      operators: [...new Set(listOperators().map((o) => o.op))].sort(),
      functions: withAliases(listScalarFunctions()),
      aggregates: withAliases(listAggregateFunctions()),
      tables: builtinTableNames(),
    },
  };
}

function ruleInfo(request: RuleInfoRequest): WorkerResponse {
  const r = parseRule(request.yaml);
  return {
    id: request.id,
    ok: true,
    rule: { name: r.name ?? '(no name)', query: r.query, queryPeriod: r.queryPeriod, trigger: { operator: String(r.triggerOperator ?? 'gt'), threshold: r.triggerThreshold ?? 0 } },
  };
}

/**
 * The schema pasted JSON declares, as runKql's `{ schema, rows }` input: `{ "schema": [{ "name", "type" }],
 * "rows": [...] }`. Undefined for any other text.
 */
function declaredSchema(name: string, text: string | undefined): ColumnSchema[] | undefined {
  if (!text || !/^\s*\{/.test(text) || !text.includes('"schema"')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // parseTableText reports it
  }
  const schema = (value as { schema?: unknown }).schema;
  return schema === undefined ? undefined : validateSchema(name, schema);
}

function table(request: TableRequest): WorkerResponse {
  const declared = request.schema ?? declaredSchema(request.name, request.text);
  const builtin = declared ? undefined : getBuiltinSchema(request.name);
  const rows = request.rows ?? parseTableText(request.text ?? '', request.format ?? guessTableTextFormat(request.text ?? ''), { tableName: request.name, schema: declared });
  const known = declared ?? builtin;
  const columns = known ?? inferSchema(rows);
  const warnings = known ? checkFixtureRows(request.name, rows, known).map((w) => w.message) : [];
  const info: TableInfo = { name: request.name, rows, columns, schemaSource: declared ? 'declared' : builtin ? 'built-in' : 'inferred', warnings };
  return { id: request.id, ok: true, table: info };
}

scope.onmessage = ({ data }) => {
  try {
    const handle = { run, table, rule, 'rule-info': ruleInfo, analyze, names }[data.kind] as (request: WorkerRequest) => WorkerResponse;
    scope.postMessage(handle(data));
  } catch (err) {
    const error = err instanceof KqlError
      ? { message: err.message, code: err.code, line: err.line, column: err.column }
      : err instanceof TableTextError
        ? { message: err.line === undefined ? err.message : `line ${err.line}: ${err.message}`, line: err.line }
        : { message: err instanceof Error ? err.message : String(err) };
    scope.postMessage({ id: data.id, ok: false, error });
  }
};
