/** Runs one query request against the catalog with runKqlAsync, within the server's limits. */
import type { IncomingMessage } from 'node:http';
import { runKqlAsync } from '../run-kql-async.js';
import type { KqlResult } from '../run-kql.js';
import { ServeError } from './errors.js';
import { readBody } from './http-io.js';
import { parseQueryRequest, queryOptions } from './query-request.js';
import type { ServeContext } from './context.js';

export async function runQueryRequest(req: IncomingMessage, ctx: ServeContext): Promise<KqlResult> {
  const request = parseQueryRequest(await readBody(req, ctx.maxBodyBytes));
  const db = ctx.catalog.database(request.db);
  if (!db) {
    const known = [...ctx.catalog.databases.keys()].map((n) => `'${n}'`).join(', ');
    throw new ServeError(400, 'DatabaseNotFound', `database '${request.db}' does not exist on this server (its databases: ${known})`, 'Kusto.Data.Exceptions.EntityNotFoundException');
  }
  const options = queryOptions(request, ctx.limits);
  if (ctx.running.count >= ctx.running.max) {
    throw new ServeError(429, 'TooManyRequests', `${ctx.running.max} queries are running, the most this server runs at once: retry shortly`, 'Kusto.Data.Exceptions.ThrottleException', false);
  }
  ctx.running.count++;
  try {
    const { tables, functions } = db.queryInputs();
    return await runKqlAsync(request.csl, tables, { ...options, functions, signal: ctx.closing });
  } finally {
    ctx.running.count--;
  }
}
