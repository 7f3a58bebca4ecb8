// `npm run playground`: serves dist/playground/ (built first by the npm script) on 127.0.0.1 and prints
// its URL. Static files only, from that one folder; Ctrl+C stops it. The page works from file:// too.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../dist/playground/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png' };
const portArg = process.argv.indexOf('--port');
const port = portArg >= 0 ? Number(process.argv[portArg + 1]) : 8180;

const server = createServer(async (req, res) => {
  const path = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]);
  const file = normalize(join(dir, path === '/' ? 'index.html' : path));
  if (!file.startsWith(dir.endsWith(sep) ? dir : dir + sep) || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    const ext = file.slice(file.lastIndexOf('.'));
    res.writeHead(200, { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404).end();
  }
});
server.on('error', (err) => {
  console.error(err.code === 'EADDRINUSE' ? `port ${port} is in use: npm run playground -- --port 0 picks a free one` : err.message);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`mini-kql playground: http://127.0.0.1:${server.address().port}/ (or open dist/playground/index.html from disk); Ctrl+C stops`);
});
