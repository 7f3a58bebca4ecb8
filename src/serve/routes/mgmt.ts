/**
 * `POST /v1/rest/mgmt`: management commands (`.show tables`, `.create table`, ...). Not supported by this
 * build of the route: every command is answered with a Kusto-shaped 400. (Replaced when management
 * commands land: src/serve/mgmt/.)
 */
import { ServeError } from '../errors.js';
import { readBody } from '../http-io.js';
import type { Route } from '../context.js';

export const mgmtRoute: Route = async (req, _res, ctx) => {
  await readBody(req, ctx.maxBodyBytes);
  throw new ServeError(400, 'BadRequest_NotSupported', 'management commands: not supported yet');
};
