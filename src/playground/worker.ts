/**
 * The playground's query worker: runs one query at a time with runKql, so a heavy query never freezes the
 * page (Stop terminates the worker). Built as a classic script and started from a blob: URL, which works
 * from file:// where module workers and worker files are refused (scripts/build-playground.mjs).
 */
import { runKql } from '../run-kql.js';
import { KqlError } from '../errors/index.js';
import type { RunRequest, RunResponse } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: { data: RunRequest }) => void) | null;
  postMessage(message: RunResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  const started = performance.now();
  try {
    const result = runKql(data.query, data.tables, { trace: true, timeAsText: true, timeoutMs: data.timeoutMs, maxRows: data.maxRows });
    scope.postMessage({
      id: data.id,
      ok: true,
      result: { columns: result.columns, rows: result.rows, trace: result.trace ?? [], render: result.render, elapsedMs: performance.now() - started },
    });
  } catch (err) {
    const error = err instanceof KqlError
      ? { message: err.message, code: err.code, line: err.line, column: err.column }
      : { message: err instanceof Error ? err.message : String(err) };
    scope.postMessage({ id: data.id, ok: false, error });
  }
};
