/**
 * `mini-kql serve`'s HTTP server: the parts of Kusto's REST API that azure-kusto-data and other Kusto
 * clients use to run queries, answered from a ServeCatalog. Built on node:http alone (docs/serve.md says why).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { DEFAULT_MAX_MEMORY_BYTES, DEFAULT_MAX_ROWS, type RunLimitOptions } from '../runtime/limits.js';
import type { ServeCatalog } from './catalog.js';
import type { Route, ServeContext } from './context.js';
import { ServeError } from './errors.js';
import { sendError } from './http-io.js';
import { QuerySlots } from './query-slots.js';
import { authMetadataRoute } from './routes/auth-metadata.js';
import { queryV1Route } from './routes/query-v1.js';
import { queryV2Route } from './routes/query-v2.js';
import { mgmtRoute } from './routes/mgmt.js';
import { INGEST_PREFIX, ingestRoute } from './routes/ingest.js';
import type { ChangeSink } from './changes.js';

export interface ServeServerOptions {
  catalog: ServeCatalog;
  /** When set, every route but auth/metadata requires `Authorization: Bearer <token>`. */
  token?: string;
  /** The largest request body read (default 16 MiB); more is a 413. */
  maxBodyBytes?: number;
  /** Queries run at once (default 4); more wait their turn. */
  maxConcurrentQueries?: number;
  /** Queries that may wait for a slot (default 256); more is a 429 (the SDK's ThrottlingError). */
  maxWaitingQueries?: number;
  /** The engine's limits for every query (runKql's maxRows, maxResultRows, timeoutMs, ...). */
  limits?: RunLimitOptions;
  /** The durable store (`--store dir`): changes are written to it before they are applied and answered. */
  store?: ChangeSink;
}

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_CONCURRENT_QUERIES = 4;
export const DEFAULT_MAX_WAITING_QUERIES = 256;
/** Default deadline of a query, as Kusto's default servertimeout (4 minutes). */
export const DEFAULT_QUERY_TIMEOUT_MS = 4 * 60 * 1000;
/**
 * The engine's limits for a query unless the server is given others. The result limits are wide: results
 * are truncated at Kusto's smaller defaults (DEFAULT_TRUNCATION: 500,000 records, 64 MB) unless a request
 * asks for `notruncation`, and then these hold (a RUN_LIMIT_EXCEEDED partial query failure).
 */
export const DEFAULT_SERVE_LIMITS: RunLimitOptions = { timeoutMs: DEFAULT_QUERY_TIMEOUT_MS, maxResultRows: DEFAULT_MAX_ROWS, maxResultBytes: DEFAULT_MAX_MEMORY_BYTES };
/**
 * Idle keep-alive sockets stay open this long. azure-kusto-data's agent (http.Agent { keepAlive: true })
 * keeps idle sockets without a limit of its own and drops them when the server's `Keep-Alive: timeout`
 * hint passes; a long server timeout makes a reused socket that the server just closed rare.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

interface RouteEntry {
  route: Route;
  /** Answered without a token (clients ask for it before they have one). */
  open?: boolean;
}

/** By `METHOD path`. */
const ROUTES = new Map<string, RouteEntry>([
  ['GET /v1/rest/auth/metadata', { route: authMetadataRoute, open: true }],
  ['POST /v2/rest/query', { route: queryV2Route }],
  ['POST /v1/rest/query', { route: queryV1Route }],
  ['POST /v1/rest/mgmt', { route: mgmtRoute }],
  [`POST ${INGEST_PREFIX}`, { route: ingestRoute }],
]);

/** Whether the request carries `Authorization: Bearer <token>` (compared in constant time). */
export function hasToken(req: IncomingMessage, token: Buffer): boolean {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!m) return false;
  const given = Buffer.from(m[1], 'utf8');
  return given.length === token.length && timingSafeEqual(given, token);
}

export function createServeServer(options: ServeServerOptions): Server {
  const closing = new AbortController();
  // Every request waiting or running listens on it (run-query.ts): no listener limit.
  setMaxListeners(0, closing.signal);
  const ctx: ServeContext = {
    catalog: options.catalog,
    limits: { ...DEFAULT_SERVE_LIMITS, ...options.limits },
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    slots: new QuerySlots(options.maxConcurrentQueries ?? DEFAULT_MAX_CONCURRENT_QUERIES, options.maxWaitingQueries ?? DEFAULT_MAX_WAITING_QUERIES),
    closing: closing.signal,
    store: options.store,
  };
  const token = options.token === undefined ? undefined : Buffer.from(options.token, 'utf8');
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    // Streaming ingestion names the database and table in its path.
    const entry = ROUTES.get(`${req.method} ${path.startsWith(INGEST_PREFIX) ? INGEST_PREFIX : path}`);
    const handle = async (): Promise<void> => {
      if (!entry) {
        const allowed = [...ROUTES.keys()].filter((k) => k.endsWith(` ${path}`)).map((k) => k.split(' ')[0]);
        if (allowed.length > 0) throw new ServeError(405, 'MethodNotAllowed', `${req.method} ${path}: use ${allowed.join(', ')}`);
        throw new ServeError(404, 'NotFound', `no such endpoint: ${req.method} ${path} (this server answers ${[...ROUTES.keys()].join(', ')})`);
      }
      if (token && !entry.open && !hasToken(req, token)) {
        throw new ServeError(401, 'Unauthorized', 'this server requires Authorization: Bearer <token> (the --token it was started with)', 'Kusto.Data.Exceptions.KustoClientAuthenticationException');
      }
      await entry.route(req, res, ctx);
    };
    handle().catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // A body left unread (413) would be read as the next request: close the connection after answering.
      const headers: Record<string, string> = err instanceof ServeError && err.status === 413 ? { Connection: 'close' } : {};
      sendError(res, err, req, headers);
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  // Running queries stop as soon as close() is called, not once the last connection has gone.
  const close = server.close.bind(server);
  server.close = (callback?: (err?: Error) => void) => {
    closing.abort(new Error('the server is shutting down'));
    return close(callback);
  };
  return server;
}
