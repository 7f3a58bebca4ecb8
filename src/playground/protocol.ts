/** Messages between the playground page and its query worker (structured-cloned: bigints and nested values pass). */
import type { TraceEntry } from '../runtime/trace.js';

export interface RunRequest {
  id: number;
  query: string;
  tables: Record<string, Record<string, unknown>[]>;
  timeoutMs: number;
  maxRows: number;
}

export interface RunError {
  message: string;
  code?: string;
  line?: number;
  column?: number;
}

export interface RunResult {
  columns: { name: string; type: string }[];
  rows: Record<string, unknown>[];
  trace: TraceEntry[];
  render?: { kind: string; properties: Record<string, unknown> };
  elapsedMs: number;
}

export type RunResponse = { id: number; ok: true; result: RunResult } | { id: number; ok: false; error: RunError };
