/** Messages between the playground page and its worker (structured-cloned: bigints and nested values pass). */
import type { TraceEntry } from '../runtime/trace.js';
import type { TableTextFormat } from '../tables/table-text.js';
import type { TableInput } from '../runtime/load-table.js';
import type { ColumnSchema } from '../runtime/types.js';

export type Rows = Record<string, unknown>[];

/** A table as runKql takes it: rows (typed by a built-in schema or inferred), or rows with a declared schema. */
export type { TableInput } from '../runtime/load-table.js';

/** Run a query over the tables. */
export interface RunRequest {
  kind: 'run';
  id: number;
  query: string;
  tables: Record<string, TableInput>;
  timeoutMs: number;
  maxRows: number;
}

/** Read a table from pasted or dropped text (`text`), or describe rows already held (`rows`). */
export interface TableRequest {
  kind: 'table';
  id: number;
  name: string;
  text?: string;
  /** The text's format; guessed from the text when absent. */
  format?: TableTextFormat;
  rows?: Rows;
  /** A schema declared for the rows (kept when tables are set again). */
  schema?: ColumnSchema[];
}

/** Run a Sentinel rule (its YAML, with `query` in place of the file's) at `now`: its queryPeriod window and trigger apply. */
export interface RuleRequest extends Omit<RunRequest, 'kind'> {
  kind: 'rule';
  yaml: string;
  now: string;
}

/** Read a rule file: its name, query, queryPeriod and trigger (problems as errors with their line). */
export interface RuleInfoRequest {
  kind: 'rule-info';
  id: number;
  yaml: string;
}

/** Check the query as it is typed: its errors and warnings, against the tables' schemas. */
export interface AnalyzeRequest {
  kind: 'analyze';
  id: number;
  query: string;
  schemas: Record<string, { name: string; type: string }[]>;
}

/** The names the editor completes: operators, functions, aggregates, built-in tables. */
export interface NamesRequest {
  kind: 'names';
  id: number;
}

export type WorkerRequest = RunRequest | TableRequest | RuleRequest | RuleInfoRequest | AnalyzeRequest | NamesRequest;

/** A problem in the query text, by offsets (the editor underlines from..to). */
export interface Diagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface Names {
  operators: string[];
  functions: string[];
  aggregates: string[];
  tables: string[];
}

/** A rule's verdict: whether it fired, by which trigger, over which window. */
export interface RuleVerdict {
  fired: boolean;
  trigger: { operator: string; threshold: number };
  window?: { from: string; to: string };
}

export interface RuleInfo {
  name: string;
  query: string;
  queryPeriod?: string;
  trigger: { operator: string; threshold: number };
}

export interface RunError {
  message: string;
  code?: string;
  line?: number;
  column?: number;
}

export interface RunResult {
  columns: { name: string; type: string }[];
  rows: Rows;
  trace: TraceEntry[];
  render?: { kind: string; properties: Record<string, unknown> };
  elapsedMs: number;
  /** For a rule run. */
  verdict?: RuleVerdict;
}

/** A table as the engine will read it: its rows, the schema used and where it comes from, fixture warnings. */
export interface TableInfo {
  name: string;
  rows: Rows;
  columns: ColumnSchema[];
  schemaSource: 'declared' | 'built-in' | 'inferred';
  warnings: string[];
}

export type WorkerResponse =
  | { id: number; ok: true; result: RunResult }
  | { id: number; ok: true; table: TableInfo }
  | { id: number; ok: true; rule: RuleInfo }
  | { id: number; ok: true; diagnostics: Diagnostic[] }
  | { id: number; ok: true; names: Names }
  | { id: number; ok: false; error: RunError };
