/** `POST /v1/rest/query`: a query, answered as v1 `{ Tables: [...] }` (azure-kusto-data's `executeQueryV1`);
 * a query that fails or is truncated while running is an HTTP error here. */
import { sendJson } from '../http-io.js';
import { runQueryRequest } from '../run-query.js';
import { v1Body } from '../result-frames.js';
import type { Route } from '../context.js';

export const queryV1Route: Route = async (req, res, ctx) => {
  const { result, failure } = await runQueryRequest(req, res, ctx);
  // v1 has no place for a failure beside rows: a partial query failure is answered as an error.
  if (failure) throw failure;
  sendJson(res, 200, v1Body(result!));
};
