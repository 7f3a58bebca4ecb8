/** `POST /v1/rest/query`: a query, answered as v1 `{ Tables: [...] }` (azure-kusto-data's `executeQueryV1`). */
import { sendJson } from '../http-io.js';
import { runQueryRequest } from '../run-query.js';
import { v1Body } from '../result-frames.js';
import type { Route } from '../context.js';

export const queryV1Route: Route = async (req, res, ctx) => {
  sendJson(res, 200, v1Body(await runQueryRequest(req, res, ctx)));
};
