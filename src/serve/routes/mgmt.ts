/**
 * `POST /v1/rest/mgmt`: a management command (`.show tables`, `.create table`, `.ingest inline`, ...), run by
 * src/serve/mgmt/ against the catalog (and the durable store, when there is one); answered as v1 tables.
 */
import { executeManagement } from '../mgmt/index.js';
import { readBody, sendJson } from '../http-io.js';
import { parseQueryRequest } from '../query-request.js';
import { v1ManagementBody } from '../result-frames.js';
import type { Route } from '../context.js';

export const mgmtRoute: Route = async (req, res, ctx) => {
  const request = parseQueryRequest(await readBody(req, ctx.maxBodyBytes));
  const result = await executeManagement(ctx.catalog, request.db, request.csl, ctx.store, { ...ctx.limits, signal: ctx.closing });
  sendJson(res, 200, v1ManagementBody(result));
};
