/** Messages between the playground page and its worker (structured-cloned: bigints and nested values pass). */
import type { TraceEntry } from '../runtime/trace.js';
import type { TableTextFormat } from '../tables/table-text.js';

export type Rows = Record<string, unknown>[];

/** Run a query over the tables. */
export interface RunRequest {
  kind: 'run';
  id: number;
  query: string;
  tables: Record<string, Rows>;
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
}

export type WorkerRequest = RunRequest | TableRequest;

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
}

/** A table as the engine will read it: its rows, the schema used and where it comes from, fixture warnings. */
export interface TableInfo {
  name: string;
  rows: Rows;
  columns: { name: string; type: string }[];
  schemaSource: 'built-in' | 'inferred';
  warnings: string[];
}

export type WorkerResponse =
  | { id: number; ok: true; result: RunResult }
  | { id: number; ok: true; table: TableInfo }
  | { id: number; ok: false; error: RunError };
