/** mini-kql serve's HTTP server driven by the real Kusto client, azure-kusto-data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { Client, ClientRequestProperties, KustoConnectionStringBuilder } from 'azure-kusto-data';
import { ServeCatalog } from '../../src/serve/catalog.js';
import { createServeServer } from '../../src/serve/server.js';
import { runKql } from '../../src/run-kql.js';
import { loadDataDir } from '../../src/node/load-table-file.js';
import { inferSchema } from '../../src/runtime/load-table.js';
import { getBuiltinSchema } from '../../src/schemas/index.js';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** POSTs a v2 query and returns the status and the frames. */
async function v2(base: string, body: Record<string, unknown>): Promise<{ status: number; body: unknown[] }> {
  const r = await fetch(`${base}/v2/rest/query`, { method: 'POST', body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as unknown[] };
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

const ruleDir = 'queries/suspicious-vm-creation';
const catalog = new ServeCatalog();
const db = catalog.database(undefined)!;
db.tables.set('Events', {
  schema: [
    { name: 'Time', type: 'datetime' }, { name: 'Took', type: 'timespan' }, { name: 'Bag', type: 'dynamic' },
    { name: 'Big', type: 'long' }, { name: 'Id', type: 'guid' }, { name: 'Ok', type: 'bool' }, { name: 'Name', type: 'string' },
  ],
  rows: [{ Time: '2024-05-01T10:00:00.1234567Z', Took: '1.02:03:04.5', Bag: { a: [1, 2] }, Big: 9007199254740993n, Id: '0b3c3ba1-3bd4-4a8e-9e4e-2b1ac1f1d1e1', Ok: true, Name: 'x' }],
});
db.functions.set('Twice', { parameters: 'x:long', body: 'x * 2' });
for (const t of loadDataDir(`${ruleDir}/data`)) db.tables.set(t.name, { schema: getBuiltinSchema(t.name) ?? inferSchema(t.rows), rows: t.rows });

let server: Server;
let url: string;
let client: Client;

beforeAll(async () => {
  server = createServeServer({ catalog });
  url = await listen(server);
  client = new Client(url);
});
afterAll(async () => {
  client.close();
  await close(server);
});

describe('mini-kql serve with azure-kusto-data', () => {
  it('returns typed values', async () => {
    const res = await client.execute('NetDefaultDB', 'Events');
    const table = res.primaryResults[0];
    expect(table.columns.map((c) => [c.name, c.type])).toEqual([
      ['Time', 'datetime'], ['Took', 'timespan'], ['Bag', 'dynamic'], ['Big', 'long'], ['Id', 'guid'], ['Ok', 'bool'], ['Name', 'string'],
    ]);
    const row = [...table.rows()][0].toJSON() as Record<string, unknown>;
    expect(row.Time).toEqual(new Date('2024-05-01T10:00:00.123Z'));
    expect(row.Took).toBe(((26 * 60 + 3) * 60 + 4.5) * 1000);
    expect(row.Bag).toEqual({ a: [1, 2] });
    expect(row.Id).toBe('0b3c3ba1-3bd4-4a8e-9e4e-2b1ac1f1d1e1');
    expect(row.Ok).toBe(true);
    expect(row.Name).toBe('x');
  });

  it('writes datetimes with 7 digits and longs beyond 2^53 exactly', async () => {
    const r = await fetch(`${url}/v2/rest/query`, { method: 'POST', body: JSON.stringify({ db: 'NetDefaultDB', csl: 'Events | project Time, Took, Big' }) });
    const text = await r.text();
    expect(text).toContain('"2024-05-01T10:00:00.1234567Z"');
    expect(text).toContain('"1.02:03:04.5000000"');
    expect(text).toContain('9007199254740993');
  });

  it('rejects a query error with its message, line and column', async () => {
    const err = await client.execute('NetDefaultDB', 'Events\n| where NoSuchColumn > 1').catch((e: unknown) => e);
    const data = (err as { response?: { status: number; data: { error: Record<string, unknown> } } }).response;
    expect(data?.status).toBe(400);
    expect(data?.data.error['@message']).toMatch(/NoSuchColumn.*line 2, column 9/);
    expect(data?.data.error['@type']).toContain('SemanticException');
    expect(data?.data.error['@permanent']).toBe(true);
  });

  it('passes query parameters and query_now', async () => {
    const props = new ClientRequestProperties();
    props.setParameter('n', '41');
    props.setParameter('since', 'datetime(2024-01-01)');
    props.setOption('query_now', '2024-05-02T00:00:00Z');
    const res = await client.execute('NetDefaultDB', 'declare query_parameters(n:long, since:datetime);\nprint m = n + 1, s = since, now = now()', props);
    const row = [...res.primaryResults[0].rows()][0].toJSON() as Record<string, unknown>;
    expect(row.m).toBe(42);
    expect(row.s).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(row.now).toEqual(new Date('2024-05-02T00:00:00Z'));
  });

  it('rejects a parameter value that does not fit its type', async () => {
    const props = new ClientRequestProperties();
    props.setParameter('n', 'many');
    const err = await client.execute('NetDefaultDB', 'declare query_parameters(n:long); print n', props).catch((e: unknown) => e);
    expect((err as { response?: { data: { error: { message: string } } } }).response?.data.error.message).toMatch(/'n' is a long/);
  });

  it('runs the seed rule over its data with the same rows as runKql', async () => {
    const query = readFileSync(`${ruleDir}/rule.kql`, 'utf8');
    const now = '2024-05-02T00:00:00Z';
    const props = new ClientRequestProperties();
    props.setOption('query_now', now);
    const res = await client.execute('NetDefaultDB', query, props);
    const { tables } = db.queryInputs();
    const expected = runKql(query, tables, { now, timeAsText: true });
    expect(expected.rows.length).toBeGreaterThan(0);
    const table = res.primaryResults[0];
    expect(table.columns.map((c) => c.name)).toEqual(expected.columns.map((c) => c.name));
    expect(table._rows).toEqual(expected.rows.map((r) => expected.columns.map((c) => r[c.name] ?? null)));
  });

  it('calls the database\'s workspace functions and returns every table of fork', async () => {
    const res = await client.execute('NetDefaultDB', 'print y = Twice(21)');
    expect([...res.primaryResults[0].rows()][0].toJSON()).toEqual({ y: 42 });
    const forked = await client.execute('NetDefaultDB', 'range x from 1 to 3 step 1 | fork (where x > 1) (where x > 2)');
    expect(forked.primaryResults.map((t) => t._rows)).toEqual([[[2], [3]], [[3]]]);
  });

  it('stops a query at its servertimeout: a partial query failure inside the 200, transient', async () => {
    const props = new ClientRequestProperties();
    props.setTimeout(1);
    const slow = 'range x from 1 to 100000000 step 1 | where x < 0 | count';
    const err = await client.execute('NetDefaultDB', slow, props).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^Kusto request had errors\..*time limit of 1 ms/);
    const frames = await v2(url, { db: 'NetDefaultDB', csl: slow, properties: { Options: { servertimeout: '00:00:00.001' } } });
    expect(frames.status).toBe(200);
    const completion = frames.body.at(-1) as { HasErrors: boolean; OneApiErrors: { error: Record<string, unknown> }[] };
    expect(completion.HasErrors).toBe(true);
    expect(completion.OneApiErrors[0].error).toMatchObject({ code: 'RUN_TIMEOUT', '@errorCode': 'RUN_TIMEOUT' });
    expect(completion.OneApiErrors[0].error['@permanent']).toBe(false);
    expect(frames.body.some((f) => (f as { TableKind?: string }).TableKind === 'PrimaryResult')).toBe(false);
    const status = frames.body.find((f) => (f as { TableKind?: string }).TableKind === 'QueryCompletionInformation') as { Rows: unknown[][] };
    expect(status.Rows[0].slice(5, 7)).toEqual([2, 'Error']);
  });

  it('answers the v1 endpoint with { Tables }', async () => {
    const r = await fetch(`${url}/v1/rest/query`, { method: 'POST', body: JSON.stringify({ db: 'NetDefaultDB', csl: 'print a = 1, b = "x"' }) });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({
      Tables: [{ TableName: 'Table_0', Columns: [{ ColumnName: 'a', DataType: 'Int64', ColumnType: 'long' }, { ColumnName: 'b', DataType: 'String', ColumnType: 'string' }], Rows: [[1, 'x']] }],
    });
  });

  it('answers malformed requests with a Kusto-shaped 400', async () => {
    for (const body of ['{not json', '{"db":"NetDefaultDB"}', '[]', '{"csl":"print 1","properties":{"Options":[]}}']) {
      const r = await fetch(`${url}/v2/rest/query`, { method: 'POST', body });
      expect(r.status, body).toBe(400);
      const json = (await r.json()) as { error: Record<string, unknown> };
      expect(Object.keys(json.error)).toEqual(expect.arrayContaining(['code', 'message', '@type', '@message', '@context', '@permanent']));
    }
    const unknownDb = await fetch(`${url}/v2/rest/query`, { method: 'POST', body: JSON.stringify({ db: 'Nope', csl: 'print 1' }) });
    expect(unknownDb.status).toBe(400);
    expect(((await unknownDb.json()) as { error: { message: string } }).error.message).toContain("database 'Nope'");
  });

  it('answers management commands as v1 tables, and an unsupported one with a 400 naming it', async () => {
    const r = await fetch(`${url}/v1/rest/mgmt`, { method: 'POST', body: JSON.stringify({ db: 'NetDefaultDB', csl: '.show tables' }) });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { Tables: { Columns: { ColumnName: string }[]; Rows: unknown[][] }[] };
    const names = body.Tables[0].Rows.map((row) => row[body.Tables[0].Columns.findIndex((c) => c.ColumnName === 'TableName')]);
    expect(names).toContain('Events');
    const bad = await fetch(`${url}/v1/rest/mgmt`, { method: 'POST', body: JSON.stringify({ db: 'NetDefaultDB', csl: '.alter database policy caching' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/is not supported by mini-kql serve/);
  });

  it('refuses a body over the limit with 413 and unknown paths with 404', async () => {
    const small = createServeServer({ catalog, maxBodyBytes: 100 });
    const smallUrl = await listen(small);
    try {
      const r = await fetch(`${smallUrl}/v2/rest/query`, { method: 'POST', body: JSON.stringify({ csl: `print '${'x'.repeat(200)}'` }) });
      expect(r.status).toBe(413);
      const nf = await fetch(`${smallUrl}/v2/rest/nothing`, { method: 'POST', body: '{}' });
      expect(nf.status).toBe(404);
    } finally {
      await close(small);
    }
  });

  it('answers 429 (the SDK throws its ThrottlingError) when the query slots are taken', async () => {
    const busy = createServeServer({ catalog, maxConcurrentQueries: 0 });
    const busyUrl = await listen(busy);
    const busyClient = new Client(busyUrl);
    try {
      const err = await busyClient.execute('NetDefaultDB', 'print 1').catch((e: unknown) => e);
      expect((err as Error).name).toBe('ThrottlingError');
    } finally {
      busyClient.close();
      await close(busy);
    }
  });

  it('rejects a servertimeout that is not a timespan', async () => {
    const r = await fetch(`${url}/v2/rest/query`, { method: 'POST', body: JSON.stringify({ csl: 'print 1', properties: { Options: { servertimeout: 'soon' } } }) });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain('servertimeout');
  });

  it('truncates at truncationmaxrecords as Kusto does: the rows that fit, then E_QUERY_RESULT_SET_TOO_LARGE in the same 200', async () => {
    const props = new ClientRequestProperties();
    props.setOption('truncationmaxrecords', 2);
    const query = 'range x from 1 to 5 step 1';
    const err = await client.execute('NetDefaultDB', query, props).catch((e: unknown) => e);
    expect((err as Error).message).toContain('E_QUERY_RESULT_SET_TOO_LARGE');
    const frames = await v2(url, { csl: query, properties: { Options: { truncationmaxrecords: 2 } } });
    expect(frames.status).toBe(200);
    const primary = frames.body.find((f) => (f as { TableKind?: string }).TableKind === 'PrimaryResult') as { Rows: unknown[][] };
    expect(primary.Rows).toEqual([[1], [2]]);
    const completion = frames.body.at(-1) as { HasErrors: boolean; Cancelled: boolean; OneApiErrors: { error: Record<string, unknown> }[] };
    expect(completion).toMatchObject({ HasErrors: true, Cancelled: false });
    expect(completion.OneApiErrors[0].error['@errorCode']).toBe('E_QUERY_RESULT_SET_TOO_LARGE');
    expect(completion.OneApiErrors[0].error['@message']).toContain('record count limit 2');
  });

  it('truncates at truncationmaxsize (bytes of the rows as JSON) and across the tables of fork, in order', async () => {
    const frames = await v2(url, { csl: 'range x from 1 to 3 step 1 | fork (where x > 0) (where x > 1)', properties: { Options: { truncationmaxrecords: 4 } } });
    const tables = frames.body.filter((f) => (f as { TableKind?: string }).TableKind === 'PrimaryResult') as { Rows: unknown[][] }[];
    expect(tables.map((t) => t.Rows)).toEqual([[[1], [2], [3]], [[2]]]);
    // Each row `["aaaaaaaaaa"]` is 14 bytes plus its separator: 40 bytes hold two of them.
    const sized = await v2(url, { csl: 'range x from 1 to 5 step 1 | project s = strrep("a", 10)', properties: { Options: { truncationmaxsize: 40 } } });
    const primary = sized.body.find((f) => (f as { TableKind?: string }).TableKind === 'PrimaryResult') as { Rows: unknown[][] };
    expect(primary.Rows).toHaveLength(2);
    const completion = sized.body.at(-1) as { OneApiErrors: { error: Record<string, unknown> }[] };
    expect(completion.OneApiErrors[0].error['@message']).toContain('data size limit 40 bytes');
  });

  it('returns every row with notruncation, and honours set statements in the query text over the request', async () => {
    const all = await v2(url, { csl: 'range x from 1 to 5 step 1', properties: { Options: { truncationmaxrecords: 2, notruncation: true } } });
    expect((all.body.at(-1) as { HasErrors: boolean }).HasErrors).toBe(false);
    const props = new ClientRequestProperties();
    props.setOption('truncationmaxrecords', 2);
    const res = await client.execute('NetDefaultDB', 'set notruncation;\nrange x from 1 to 5 step 1', props);
    expect(res.primaryResults[0]._rows).toHaveLength(5);
    const err = await client.execute('NetDefaultDB', 'set truncationmaxrecords = 3;\nrange x from 1 to 5 step 1').catch((e: unknown) => e);
    expect((err as Error).message).toContain('record count limit 3');
  });

  it('keeps the v1 endpoint\'s answer to a failure met while running an HTTP error', async () => {
    const r = await fetch(`${url}/v1/rest/query`, { method: 'POST', body: JSON.stringify({ csl: 'range x from 1 to 5 step 1', properties: { Options: { truncationmaxrecords: 2 } } }) });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: Record<string, unknown> }).error['@errorCode']).toBe('E_QUERY_RESULT_SET_TOO_LARGE');
  });
});

describe('mini-kql serve --token', () => {
  it('requires the bearer token on queries, not on auth/metadata', async () => {
    const secured = createServeServer({ catalog, token: 's3cret' });
    const securedUrl = await listen(secured);
    const withToken = new Client(KustoConnectionStringBuilder.withAccessToken(securedUrl, 's3cret'));
    const wrongToken = new Client(KustoConnectionStringBuilder.withAccessToken(securedUrl, 'other!'));
    const noToken = new Client(securedUrl);
    try {
      const res = await withToken.execute('NetDefaultDB', 'print a = 1');
      expect([...res.primaryResults[0].rows()][0].toJSON()).toEqual({ a: 1 });
      for (const c of [noToken, wrongToken]) {
        const err = await c.execute('NetDefaultDB', 'print a = 1').catch((e: unknown) => e);
        expect((err as { response?: { status: number } }).response?.status).toBe(401);
      }
      expect((await fetch(`${securedUrl}/v1/rest/auth/metadata`)).status).toBe(200);
    } finally {
      for (const c of [withToken, wrongToken, noToken]) c.close();
      await close(secured);
    }
  });
});
