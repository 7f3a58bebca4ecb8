/**
 * Load check of `mini-kql serve` (npm run bench:serve [-- --seconds 30 --clients 16]): the server runs in
 * this process over the seed rule's bundled sample (queries/suspicious-vm-creation/data) with a --store in
 * a temporary directory; N azure-kusto-data clients send requests back to back for the given time, mixing
 * the seed rule (60%), a small query (30%) and streaming ingestion of 10 rows (10%). Prints requests per
 * second, p50/p99 latency per kind, and errors.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Client } from 'azure-kusto-data';
import { DataFormat, IngestionProperties, StreamingIngestClient } from 'azure-kusto-ingest';
import { loadDataDir } from '../src/node/load-table-file.js';
import { ServeCatalog } from '../src/serve/catalog.js';
import { createServeServer } from '../src/serve/server.js';
import { ServeStore } from '../src/serve/store.js';
import { getBuiltinSchema } from '../src/schemas/index.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const seconds = option('seconds', 30);
const clients = option('clients', 16);
const dir = mkdtempSync(join(tmpdir(), 'mini-kql-bench-serve-'));
const catalog = new ServeCatalog();
const db = catalog.database(undefined)!;
for (const t of loadDataDir('queries/suspicious-vm-creation/data')) db.tables.set(t.name, { schema: getBuiltinSchema(t.name)!, rows: t.rows });
db.tables.set('Events', { schema: [{ name: 'Id', type: 'long' }, { name: 'Text', type: 'string' }], rows: [] });
const store = ServeStore.open(dir, catalog);
const server = createServeServer({ catalog, store, maxConcurrentQueries: clients });
const url = await new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
const seed = readFileSync('queries/suspicious-vm-creation/rule.kql', 'utf8');

type Kind = 'seed rule' | 'small query' | 'ingest 10 rows';
const latencies: Record<Kind, number[]> = { 'seed rule': [], 'small query': [], 'ingest 10 rows': [] };
const errors: string[] = [];
let nextId = 0;

async function worker(i: number, until: number): Promise<void> {
  const client = new Client(url);
  const ingest = new StreamingIngestClient(url);
  const props = new IngestionProperties({ database: 'NetDefaultDB', table: 'Events', format: DataFormat.MULTIJSON });
  for (let n = i; performance.now() < until; n++) {
    const kind: Kind = n % 10 === 0 ? 'ingest 10 rows' : n % 10 <= 3 ? 'small query' : 'seed rule';
    const started = performance.now();
    try {
      if (kind === 'seed rule') await client.execute('NetDefaultDB', seed);
      else if (kind === 'small query') await client.execute('NetDefaultDB', 'Events | summarize count()');
      else {
        const body = Array.from({ length: 10 }, () => JSON.stringify({ Id: nextId++, Text: 'bench' })).join('\n');
        await ingest.ingestFromStream(Readable.from([Buffer.from(body)]), props);
      }
      latencies[kind].push(performance.now() - started);
    } catch (err) {
      errors.push(`${kind}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

const pct = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
const started = performance.now();
await Promise.all(Array.from({ length: clients }, (_, i) => worker(i, started + seconds * 1000)));
const elapsed = (performance.now() - started) / 1000;
const total = Object.values(latencies).reduce((n, l) => n + l.length, 0);
console.log(`mini-kql serve: ${clients} clients for ${elapsed.toFixed(1)} s: ${total} requests, ${(total / elapsed).toFixed(0)} per second, ${errors.length} errors`);
for (const [kind, list] of Object.entries(latencies)) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(`  ${kind.padEnd(15)} ${String(sorted.length).padStart(7)} requests  p50 ${pct(sorted, 50).toFixed(1)} ms  p99 ${pct(sorted, 99).toFixed(1)} ms`);
}
for (const e of [...new Set(errors)].slice(0, 5)) console.log(`  error: ${e}`);
console.log(`  rows ingested and kept in the store: ${db.tables.get('Events')!.rows.length}`);
server.closeAllConnections();
server.close();
store.close();
rmSync(dir, { recursive: true, force: true });
