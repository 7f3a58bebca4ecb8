/**
 * Management commands and streaming ingestion through the real clients (azure-kusto-data's executeMgmt,
 * azure-kusto-ingest's StreamingIngestClient), written to a --store directory and there after a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Client } from 'azure-kusto-data';
import { DataFormat, IngestionProperties, StreamingIngestClient } from 'azure-kusto-ingest';
import { afterAll, describe, expect, it } from 'vitest';
import { ServeCatalog } from '../../src/serve/catalog.js';
import { createServeServer } from '../../src/serve/server.js';
import { ServeStore } from '../../src/serve/store.js';

const dir = mkdtempSync(join(tmpdir(), 'mini-kql-serve-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A server over the store in `dir` (its log replayed into a new catalog), and its URL. */
async function start(): Promise<{ server: Server; store: ServeStore; url: string }> {
  const store = ServeStore.open(dir, new ServeCatalog());
  const server = createServeServer({ catalog: store.catalog, store });
  const url = await new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
  return { server, store, url };
}

async function stop(s: { server: Server; store: ServeStore }): Promise<void> {
  s.server.closeAllConnections();
  await new Promise<void>((resolve) => s.server.close(() => resolve()));
  s.store.close();
}

/** The primary result's rows as plain arrays. */
async function rows(client: Client, query: string): Promise<unknown[][]> {
  const response = await client.execute('NetDefaultDB', query);
  return response.primaryResults[0].toJSON<Record<string, unknown>>().data.map((r) => Object.values(r));
}

describe('mini-kql serve: management commands and streaming ingestion, kept in --store', () => {
  it('creates a table, ingests inline and by streaming, and finds every row again after a restart', async () => {
    const first = await start();
    const client = new Client(first.url);
    await client.executeMgmt('NetDefaultDB', '.create table Logins (User:string, Failures:long, At:datetime)');
    await client.executeMgmt('NetDefaultDB', '.ingest inline into table Logins <|\nalice,3,2024-05-01T10:00:00Z\nbob,1,2024-05-01T11:00:00Z');
    const ingest = new StreamingIngestClient(first.url);
    const json = '{"User":"carol","Failures":7,"At":"2024-05-01T12:00:00Z"}\n{"User":"dave","Failures":2,"At":"2024-05-01T13:00:00Z"}\n';
    await ingest.ingestFromStream(Readable.from([Buffer.from(json)]), new IngestionProperties({ database: 'NetDefaultDB', table: 'Logins', format: DataFormat.MULTIJSON }));
    await client.executeMgmt('NetDefaultDB', '.set-or-append Heavy <| Logins | where Failures >= 3 | project User, Failures');
    const tables = (await client.executeMgmt('NetDefaultDB', '.show tables')).primaryResults[0].toJSON<{ TableName: string }>().data.map((r) => r.TableName);
    expect(tables.sort()).toEqual(['Heavy', 'Logins']);
    expect(await rows(client, 'Logins | summarize n = count(), total = sum(Failures)')).toEqual([[4, 13]]);
    await stop(first);

    const second = await start();
    const again = new Client(second.url);
    expect(await rows(again, 'Logins | order by User asc | project User, Failures')).toEqual([['alice', 3], ['bob', 1], ['carol', 7], ['dave', 2]]);
    expect(await rows(again, 'Heavy | order by User asc')).toEqual([['alice', 3], ['carol', 7]]);
    await stop(second);
  });

  it('an unsupported command is a Kusto-shaped error naming it; ingesting into a missing table fails', async () => {
    const s = await start();
    const client = new Client(s.url);
    const err = await client.executeMgmt('NetDefaultDB', '.alter table Logins policy retention "{}"').catch((e: unknown) => e);
    const response400 = (err as { response?: { status: number; data: { error: Record<string, unknown> } } }).response;
    expect(response400?.status).toBe(400);
    expect(response400?.data.error['@message']).toMatch(/'\.alter table policy' is not supported by mini-kql serve/);
    const response = await fetch(`${s.url}/v1/rest/ingest/NetDefaultDB/Nope?streamFormat=csv`, { method: 'POST', body: 'x,1' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { '@message': string } }).error['@message']).toMatch(/Nope/);
    await stop(s);
  });
});
