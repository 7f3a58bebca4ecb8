/**
 * `mini-kql serve --store` killed (SIGKILL) while StreamingIngestClients ingest into it: after a restart on the
 * same store, every batch the server acknowledged is there in full, no batch is there in part, and the lock
 * left by the killed server is taken over. A second server on a store in use is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Client } from 'azure-kusto-data';
import { DataFormat, IngestionProperties, StreamingIngestClient } from 'azure-kusto-ingest';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli.js';
import { startServe } from './serve-process.js';

const dir = mkdtempSync(join(tmpdir(), 'mini-kql-serve-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS_PER_BATCH = 25;
const WRITERS = 4;

describe('mini-kql serve --store: a server killed during ingestion', () => {
  it('restarts with every acknowledged row and no partial batch', async () => {
    const first = await startServe(['--store', dir]);
    await new Client(first.url).executeMgmt('NetDefaultDB', '.create table Events (batch:long, i:long, payload:string)');
    const acknowledged = new Set<number>();
    const sent = new Set<number>();
    let nextBatch = 0;
    let killed = false;
    const payload = 'p'.repeat(1500); // large records: the kill often lands mid-write
    const writer = async () => {
      const ingest = new StreamingIngestClient(first.url);
      const props = new IngestionProperties({ database: 'NetDefaultDB', table: 'Events', format: DataFormat.MULTIJSON });
      while (!killed) {
        const batch = nextBatch++;
        const body = Array.from({ length: ROWS_PER_BATCH }, (_, i) => JSON.stringify({ batch, i, payload })).join('\n');
        sent.add(batch);
        try {
          await ingest.ingestFromStream(Readable.from([Buffer.from(body)]), props);
          acknowledged.add(batch);
        } catch {
          return; // the server is gone: this batch was never acknowledged
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, writer);
    // Kill once a good number of batches are in and more are in flight.
    while (acknowledged.size < 40) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    killed = true;
    expect(await first.exited).toBe('SIGKILL');
    await Promise.all(writers);

    const second = await startServe(['--store', dir]);
    try {
      expect(second.output().stdout).toMatch(/store .*: \d+ changes loaded/);
      const client = new Client(second.url);
      const response = await client.execute('NetDefaultDB', 'Events | summarize rows = count(), distinct_i = dcount(i) by batch');
      const found = new Map(response.primaryResults[0].toJSON<{ batch: number; rows: number; distinct_i: number }>().data.map((r) => [r.batch, r]));
      for (const batch of acknowledged) expect(found.get(batch), `acknowledged batch ${batch}`).toMatchObject({ rows: ROWS_PER_BATCH, distinct_i: ROWS_PER_BATCH });
      for (const [batch, r] of found) {
        expect(sent.has(batch)).toBe(true);
        expect(r.rows, `batch ${batch} is whole`).toBe(ROWS_PER_BATCH);
      }
      expect(acknowledged.size).toBeGreaterThanOrEqual(40);

      // The restarted server holds the store: a second one on it is refused, naming the holder.
      const other = await cli('serve', '--port', '0', '--store', dir);
      expect(other.code).not.toBe(0);
      expect(other.stderr).toContain(`in use by process ${second.child.pid}`);
      client.close();
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
