/**
 * `GET /v1/rest/auth/metadata`: where a cluster's clients get their sign-in settings. azure-kusto-data
 * reads `AzureAD` and falls back to the public cloud's settings when it is null; this server signs no one
 * in (an optional shared token instead), so it answers null, without asking for a token.
 */
import { sendJson } from '../http-io.js';
import type { Route } from '../context.js';

export const authMetadataRoute: Route = (_req, res) => {
  sendJson(res, 200, { AzureAD: null, dSTS: null });
};
