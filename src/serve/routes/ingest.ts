/**
 * `POST /v1/rest/ingest/{db}/{table}?streamFormat=csv|json|multijson`: streaming ingestion, as
 * azure-kusto-ingest's StreamingIngestClient sends it (a gzip body from Node clients). The rows are written
 * to the store (when there is one) before the request is answered.
 */
import { gunzipSync } from 'node:zlib';
import { ServeError } from '../errors.js';
import { readBodyBytes, sendJson } from '../http-io.js';
import { ingestFormat, INGEST_FORMATS, parseIngestBody } from '../ingest-format.js';
import { ingestRows } from '../ingest.js';
import type { Route } from '../context.js';

export const INGEST_PREFIX = '/v1/rest/ingest/';

/** The body as text, gunzipped when the request says so (never past the body limit). */
function bodyText(bytes: Buffer, encoding: string | undefined, maxBytes: number): string {
  if (!/gzip/i.test(encoding ?? '')) return bytes.toString('utf8');
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes }).toString('utf8');
  } catch (err) {
    throw new ServeError(400, 'BadRequest_InvalidBody', `the gzip body could not be read: ${(err as Error).message}`);
  }
}

export const ingestRoute: Route = async (req, res, ctx) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const parts = url.pathname.slice(INGEST_PREFIX.length).split('/').map((p) => decodeURIComponent(p));
  if (parts.length !== 2 || parts.some((p) => p === '')) throw new ServeError(404, 'NotFound', `streaming ingestion is POST ${INGEST_PREFIX}{database}/{table}?streamFormat=...`);
  const [db, table] = parts;
  const formatName = url.searchParams.get('streamFormat') ?? 'csv';
  const format = ingestFormat(formatName);
  if (!format) throw new ServeError(400, 'BadRequest_StreamFormat', `streamFormat '${formatName}' is not supported: use ${INGEST_FORMATS.join(', ')}`);
  const text = bodyText(await readBodyBytes(req, ctx.maxBodyBytes), req.headers['content-encoding'], ctx.maxBodyBytes);
  const target = ctx.catalog.database(db)?.tables.get(table);
  const rows = target ? parseIngestBody(text, format, target.schema) : [];
  const count = ingestRows(ctx.catalog, db, table, rows, ctx.store);
  sendJson(res, 200, { Tables: [{ TableName: 'Table_0', Columns: [{ ColumnName: 'RowCount', DataType: 'Int64', ColumnType: 'long' }], Rows: [[count]] }] });
};
