/** Runs one query request against the catalog with runKqlAsync, within the server's limits. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runKqlAsync } from '../run-kql-async.js';
import type { KqlResult } from '../run-kql.js';
import { ServeError, toServeError } from './errors.js';
import { readBody } from './http-io.js';
import { parseQueryRequest, queryOptions, truncationOf } from './query-request.js';
import { truncateResult } from './truncate.js';
import { KqlError } from '../errors/kql-error.js';
import type { ServeContext } from './context.js';

/**
 * Aborted when the server closes or the client goes away before its answer: a query nobody waits for
 * stops (or leaves the queue) and frees its slot. `done()` detaches it from the server's signal. (Not
 * AbortSignal.any: Node keeps such signals, and through them each request, alive across minor GCs,
 * which tripled the time spent in GC under load.)
 */
function requestSignal(res: ServerResponse, closing: AbortSignal): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const onClosing = () => controller.abort(closing.reason);
  if (closing.aborted) onClosing();
  else closing.addEventListener('abort', onClosing, { once: true });
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new Error('the client closed the connection before the answer'));
  });
  return { signal: controller.signal, done: () => closing.removeEventListener('abort', onClosing) };
}

/**
 * What a query request came to: its result (cut where it was truncated) and, when the query failed once
 * running (a runtime error, a limit, a deadline) or was truncated, that partial query failure, which v2
 * reports inside a 200 answer as Kusto does. Errors found before it runs (the request, the database, a
 * syntax or semantic error, a full queue) are thrown, answered as 4xx.
 */
export interface QueryOutcome {
  result?: KqlResult;
  failure?: ServeError;
}

export async function runQueryRequest(req: IncomingMessage, res: ServerResponse, ctx: ServeContext): Promise<QueryOutcome> {
  const request = parseQueryRequest(await readBody(req, ctx.maxBodyBytes));
  const db = ctx.catalog.database(request.db);
  if (!db) {
    const known = [...ctx.catalog.databases.keys()].map((n) => `'${n}'`).join(', ');
    throw new ServeError(400, 'DatabaseNotFound', `database '${request.db}' does not exist on this server (its databases: ${known})`, 'Kusto.Data.Exceptions.EntityNotFoundException');
  }
  const options = queryOptions(request, ctx.limits);
  const truncation = truncationOf(request, ctx.limits);
  const { signal, done } = requestSignal(res, ctx.closing);
  let result: KqlResult;
  try {
    const release = await ctx.slots.acquire(signal);
    try {
      const { tables, functions } = db.queryInputs();
      result = await runKqlAsync(request.csl, tables, { ...options, functions, signal });
    } finally {
      release();
    }
  } catch (err) {
    if (err instanceof KqlError && err.phase === 'runtime') return { failure: toServeError(err) };
    throw err;
  } finally {
    done();
  }
  return truncation ? truncateResult(result, truncation) : { result };
}
