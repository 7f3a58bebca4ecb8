/** `POST /v2/rest/query`: a query, answered in v2 frames (what azure-kusto-data's `execute` reads). */
import { sendJson } from '../http-io.js';
import { runQueryRequest } from '../run-query.js';
import { v2Frames } from '../result-frames.js';
import type { Route } from '../context.js';

export const queryV2Route: Route = async (req, res, ctx) => {
  const result = await runQueryRequest(req, res, ctx);
  const crid = req.headers['x-ms-client-request-id'];
  sendJson(res, 200, v2Frames(result, typeof crid === 'string' ? crid : ''));
};
