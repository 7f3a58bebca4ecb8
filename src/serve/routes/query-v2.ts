/**
 * `POST /v2/rest/query`: a query, answered in v2 frames (what azure-kusto-data's `execute` reads). Errors
 * found before the query runs are 4xx; one met while it runs comes inside the 200, as Kusto reports it.
 */
import { sendJson } from '../http-io.js';
import { oneApiError } from '../errors.js';
import { runQueryRequest } from '../run-query.js';
import { v2Frames } from '../result-frames.js';
import type { Route } from '../context.js';

export const queryV2Route: Route = async (req, res, ctx) => {
  const { result, failure } = await runQueryRequest(req, res, ctx);
  const crid = req.headers['x-ms-client-request-id'];
  const clientRequestId = typeof crid === 'string' ? crid : '';
  // A failure met while running is a partial query failure: still a 200, reported in the frames.
  sendJson(res, 200, v2Frames(result, clientRequestId, failure && oneApiError(failure, clientRequestId, true)));
};
