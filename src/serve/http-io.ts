/** Reading request bodies and writing JSON responses for the serve routes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonText } from '../runtime/values.js';
import { ServeError, oneApiError, toServeError } from './errors.js';

/** The body as text; a ServeError 413 once it passes maxBytes (the rest is not read). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return (await readBodyBytes(req, maxBytes)).toString('utf8');
}

/** The body's bytes; a ServeError 413 once it passes maxBytes (the rest is not read). */
export function readBodyBytes(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      reject(new ServeError(413, 'RequestEntityTooLarge', `the request body is ${declared} bytes; this server accepts at most ${maxBytes}`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new ServeError(413, 'RequestEntityTooLarge', `the request body is over ${maxBytes} bytes, the most this server accepts`));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Writes a JSON body (bigints as exact digits). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = jsonText(body) ?? 'null';
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Writes any thrown value as Kusto's error response. */
export function sendError(res: ServerResponse, err: unknown, req?: IncomingMessage, headers: Record<string, string> = {}): void {
  const e = toServeError(err);
  const crid = req?.headers['x-ms-client-request-id'];
  sendJson(res, e.status, oneApiError(e, typeof crid === 'string' ? crid : undefined), headers);
}
