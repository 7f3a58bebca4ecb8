/**
 * runKqlAsync: runKql that gives the event loop turns while it runs and can be cancelled.
 *
 * The same bound plan runs as in runKql, through its async path (AsyncTabularPlan in
 * src/binder/bind-tabular.ts): pipelines give the event loop a turn between operators, and row-local
 * operators (where, extend, project, parse, mv-expand, mv-apply, ...) run over large inputs in slices
 * with turns between slices, whenever about YIELD_EVERY_MS of work has passed since the last turn. The
 * other operators (join, summarize, sort, ...) each run synchronously; inside them the deadline is still
 * checked, but an abort() can only be seen once they return, since JavaScript runs one thing at a time.
 * What yields and what does not: docs/reliability.md.
 */
import { prepareRun, asKqlError, type KqlResult, type PreparedRun, type RunKqlOptions } from './run-kql.js';
import type { TableInput } from './runtime/load-table.js';
import { executeAsync } from './binder/bind-tabular.js';
import { cancelledError } from './runtime/limits.js';

export { DEFAULT_MAX_ROWS, DEFAULT_MAX_RESULT_ROWS, DEFAULT_MAX_MEMORY_BYTES, DEFAULT_MAX_RESULT_BYTES } from './runtime/limits.js';

export interface RunKqlAsyncOptions extends RunKqlOptions {
  /** Aborting it rejects the run with a KqlRuntimeError RUN_CANCELLED (the signal's reason as `cause`). */
  signal?: AbortSignal;
}

/** Run a query over in-memory tables without blocking the event loop for long; same result as runKql. */
export async function runKqlAsync(query: string, tables: Record<string, TableInput> = {}, options: RunKqlAsyncOptions = {}): Promise<KqlResult> {
  const signal = options.signal;
  if (signal?.aborted) throw cancelledError(signal);
  let run: PreparedRun;
  try {
    run = prepareRun(query, tables, options, signal);
  } catch (err) {
    throw asKqlError(err);
  }
  const guard = run.ctx.guard;
  // Reject as soon as an abort is seen, even while waiting for a turn of the event loop.
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    if (!signal) return;
    onAbort = () => reject(cancelledError(signal, guard.current));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => {});
  try {
    await guard.yieldNow();
    const result = await Promise.race([executeAsync(run.plan, run.ctx), aborted]);
    guard.check();
    return run.finish(result);
  } catch (err) {
    throw asKqlError(err, guard.current);
  } finally {
    if (signal && onAbort) signal.removeEventListener('abort', onAbort);
  }
}
