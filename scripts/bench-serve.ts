/**
 * Load check of `mini-kql serve` (npm run bench:serve [-- --seconds 30 --clients 16]). The server is the real
 * command, `node dist/cli.js serve` (built first by npm run bench:serve), in its own process over the seed
 * rule's bundled sample (queries/suspicious-vm-creation/data) with a --store in a temporary directory; this
 * process runs N azure-kusto-data clients that send requests back to back for the given time, mixing the
 * seed rule (60%), a small query (30%) and streaming ingestion of 10 rows (10%). Prints requests per
 * second, p50/p99 latency per kind, errors, and the server's CPU time.
 * For profiling: BENCH_SERVER_CLI runs another build of the command (an unminified bundle), and
 * BENCH_SERVER_NODE_ARGS passes node options to the server (`--cpu-prof --cpu-prof-dir=...`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Client } from 'azure-kusto-data';
import { DataFormat, IngestionProperties, StreamingIngestClient } from 'azure-kusto-ingest';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const seconds = option('seconds', 30);
const clients = option('clients', 16);
const dir = mkdtempSync(join(tmpdir(), 'mini-kql-bench-serve-'));
const server = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), process.env.BENCH_SERVER_CLI ?? 'dist/cli.js', 'serve', '--port', '0', '--data', 'queries/suspicious-vm-creation/data', '--store', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    const m = /listening on (http:\/\/[^ ]+)/.exec(out);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`mini-kql serve exited (${code}) before listening: ${out}`)));
});
const seed = readFileSync('queries/suspicious-vm-creation/rule.kql', 'utf8');
await new Client(url).executeMgmt('NetDefaultDB', '.create table Events (Id:long, Text:string)');

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

/** The server process's user+system CPU seconds so far (Linux /proc). */
function serverCpuSeconds(): number {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

const pct = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
const cpuBefore = serverCpuSeconds();
const clientCpuBefore = process.cpuUsage();
const started = performance.now();
await Promise.all(Array.from({ length: clients }, (_, i) => worker(i, started + seconds * 1000)));
const elapsed = (performance.now() - started) / 1000;
const serverCpu = serverCpuSeconds() - cpuBefore;
const clientCpu = process.cpuUsage(clientCpuBefore);
const total = Object.values(latencies).reduce((n, l) => n + l.length, 0);
console.log(`mini-kql serve: ${clients} clients for ${elapsed.toFixed(1)} s: ${total} requests, ${(total / elapsed).toFixed(0)} per second, ${errors.length} errors`);
for (const [kind, list] of Object.entries(latencies)) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(`  ${kind.padEnd(15)} ${String(sorted.length).padStart(7)} requests  p50 ${pct(sorted, 50).toFixed(1)} ms  p99 ${pct(sorted, 99).toFixed(1)} ms`);
}
console.log(`  CPU: server ${(serverCpu / elapsed * 100).toFixed(0)}% of a core, clients ${((clientCpu.user + clientCpu.system) / 1e6 / elapsed * 100).toFixed(0)}%`);
for (const e of [...new Set(errors)].slice(0, 5)) console.log(`  error: ${e}`);
const kept = await new Client(url).execute('NetDefaultDB', 'Events | count');
console.log(`  rows ingested and kept in the store: ${kept.primaryResults[0].toJSON<{ Count: number }>().data[0].Count} (sent ${nextId})`);
server.kill('SIGTERM');
await new Promise((resolve) => server.on('exit', resolve));
rmSync(dir, { recursive: true, force: true });
