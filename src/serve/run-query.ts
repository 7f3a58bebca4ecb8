/** Runs one query request against the catalog with runKqlAsync, within the server's limits. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runKqlAsync } from '../run-kql-async.js';
import type { KqlResult } from '../run-kql.js';
import { ServeError } from './errors.js';
import { readBody } from './http-io.js';
import { parseQueryRequest, queryOptions } from './query-request.js';
import type { ServeContext } from './context.js';

/**
 * Aborted when the server closes or the client goes away before its answer: a query nobody waits for
 * stops (or leaves the queue) and frees its slot.
 */
function requestSignal(res: ServerResponse, closing: AbortSignal): AbortSignal {
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort(new Error('the client closed the connection before the answer'));
  });
  return AbortSignal.any([closing, gone.signal]);
}

export async function runQueryRequest(req: IncomingMessage, res: ServerResponse, ctx: ServeContext): Promise<KqlResult> {
  const request = parseQueryRequest(await readBody(req, ctx.maxBodyBytes));
  const db = ctx.catalog.database(request.db);
  if (!db) {
    const known = [...ctx.catalog.databases.keys()].map((n) => `'${n}'`).join(', ');
    throw new ServeError(400, 'DatabaseNotFound', `database '${request.db}' does not exist on this server (its databases: ${known})`, 'Kusto.Data.Exceptions.EntityNotFoundException');
  }
  const options = queryOptions(request, ctx.limits);
  const signal = requestSignal(res, ctx.closing);
  const release = await ctx.slots.acquire(signal);
  try {
    const { tables, functions } = db.queryInputs();
    return await runKqlAsync(request.csl, tables, { ...options, functions, signal });
  } finally {
    release();
  }
}
