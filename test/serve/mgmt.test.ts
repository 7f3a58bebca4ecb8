/** Management commands (src/serve/mgmt): each command's result table, and its errors. */
import { describe, expect, test } from 'vitest';
import { ServeCatalog } from '../../src/serve/catalog.js';
import { executeManagement, type ManagementResult } from '../../src/serve/mgmt/index.js';
import { KqlError, runKql } from '../../src/index.js';

async function setup(): Promise<{ catalog: ServeCatalog; run: (csl: string, db?: string) => Promise<ManagementResult> }> {
  const catalog = new ServeCatalog();
  return { catalog, run: (csl, db) => executeManagement(catalog, db, csl) };
}

async function failure(p: Promise<unknown>): Promise<KqlError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(KqlError);
    return err as KqlError;
  }
  throw new Error('expected the command to fail');
}

const columnNames = (r: ManagementResult) => r.tables[0].columns.map((c) => c.name);

function query(catalog: ServeCatalog, q: string) {
  const { tables, functions } = catalog.database(undefined)!.queryInputs();
  return runKql(q, tables, { functions, timeAsText: true }).rows;
}

describe('tables', () => {
  test('.create table returns the schema as JSON, and .show tables / .show table T schema as json list it', async () => {
    const { run } = await setup();
    const created = await run('.create table T (a:string, [\'b c\']:long, t:datetime)');
    expect(columnNames(created)).toEqual(['TableName', 'Schema', 'DatabaseName', 'Folder', 'DocString']);
    expect(created.tables[0].rows[0][0]).toBe('T');
    expect(JSON.parse(created.tables[0].rows[0][1] as string)).toEqual({
      Name: 'T',
      OrderedColumns: [
        { Name: 'a', Type: 'System.String', CslType: 'string' },
        { Name: 'b c', Type: 'System.Int64', CslType: 'long' },
        { Name: 't', Type: 'System.DateTime', CslType: 'datetime' },
      ],
    });
    expect((await run('.show tables')).tables[0].rows).toEqual([['T', 'NetDefaultDB', '', '']]);
    expect((await run('.show table T schema as json')).tables[0].rows[0][1]).toBe(created.tables[0].rows[0][1]);
  });

  test('.create table on an existing table: the same schema is a no-op, another is an error', async () => {
    const { run } = await setup();
    await run('.create table T (a:string)');
    await run('.create table T (a:string)');
    expect((await failure(run('.create table T (a:long)'))).code).toBe('SEM_TABLE_EXISTS');
  });

  test('.create table of a Sentinel table may omit the column list', async () => {
    const { catalog, run } = await setup();
    await run('.create table SigninLogs');
    expect(catalog.database(undefined)!.tables.get('SigninLogs')!.schema.some((c) => c.name === 'UserPrincipalName')).toBe(true);
    expect((await failure(run('.create table MyTable'))).code).toBe('SYN_BAD_COMMAND');
  });

  test('.create-merge table adds columns and keeps rows; a type change is an error', async () => {
    const { catalog, run } = await setup();
    await run('.create table T (a:string)');
    await run('.ingest inline into table T <| x');
    await run('.create-merge table T (a:string, b:long)');
    expect(catalog.database(undefined)!.tables.get('T')!.schema).toEqual([{ name: 'a', type: 'string' }, { name: 'b', type: 'long' }]);
    expect(query(catalog, 'T')).toEqual([{ a: 'x', b: null }]);
    expect((await failure(run('.create-merge table T (b:string)'))).code).toBe('SEM_TABLE_EXISTS');
  });

  test('.create table accepts with (...) after the columns, refuses trailing text, and survives pathological text', async () => {
    const { run } = await setup();
    await run('.create table T (a:string) with (folder="F", docstring="D")');
    expect((await failure(run('.create table U (a:string) junk'))).code).toBe('SYN_BAD_COMMAND');
    expect((await failure(run('.create table U (a:string'))).code).toBe('SYN_BAD_COMMAND');
    expect((await failure(run(`.create table U (a:string${')'.repeat(50_000)} x`))).code).toBe('SYN_BAD_COMMAND');
  });

  test('malformed column lists are SYN_BAD_COMMAND', async () => {
    const { run } = await setup();
    for (const csl of ['.create table T (a:nope)', '.create table T (a)', '.create table T (a:string, a:long)', '.create table T ()']) {
      expect((await failure(run(csl))).code, csl).toBe('SYN_BAD_COMMAND');
    }
  });

  test('.drop table returns the tables left; ifexists ignores a missing table', async () => {
    const { run } = await setup();
    await run('.create table T (a:string)');
    await run('.create table U (a:string)');
    const dropped = await run('.drop table T');
    expect(columnNames(dropped)).toEqual(['TableName', 'DatabaseName']);
    expect(dropped.tables[0].rows).toEqual([['U', 'NetDefaultDB']]);
    expect((await failure(run('.drop table T'))).code).toBe('SEM_UNKNOWN_TABLE');
    expect((await run('.drop table T ifexists')).tables[0].rows).toEqual([['U', 'NetDefaultDB']]);
  });

  test('names like __proto__ are ordinary table names', async () => {
    const { catalog, run } = await setup();
    await run(".create table ['__proto__'] (a:string)");
    await run(".ingest inline into table ['__proto__'] <| v");
    expect(query(catalog, "['__proto__']")).toEqual([{ a: 'v' }]);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });
});

describe('ingestion', () => {
  test('.ingest inline reads CSV in column order (quotes, empty values, the data on the next lines)', async () => {
    const { catalog, run } = await setup();
    await run('.create table T (a:string, b:long, t:datetime)');
    const r = await run('.ingest inline into table T <|\nx,1,2024-01-01T00:00:00Z\n"y,z",2,');
    expect(columnNames(r)).toEqual(['ExtentId']);
    await run('.ingest inline into table T with (format="csv") <| w,3');
    expect(query(catalog, 'T')).toEqual([
      { a: 'x', b: 1, t: '2024-01-01T00:00:00.0000000Z' },
      { a: 'y,z', b: 2, t: null },
      { a: 'w', b: 3, t: null },
    ]);
  });

  test('.ingest inline: the docs\' examples (indented data, doubled quotes, the [values] form)', async () => {
    const { catalog, run } = await setup();
    await run('.create table Purchases (SKU:string, Quantity:long)');
    await run('.ingest inline into table Purchases <|\n    Shoes,1000\n    "Coats with ""quotes""",5\n');
    await run('.create table Logs (Date:datetime, EventDetails:dynamic)');
    await run('.ingest inline into table Logs\n    [2015-01-01,"{""EventType"":""Read"", ""Count"":""12""}"]\n');
    expect(query(catalog, 'Purchases')).toEqual([{ SKU: 'Shoes', Quantity: 1000 }, { SKU: 'Coats with "quotes"', Quantity: 5 }]);
    expect(query(catalog, 'Logs')).toEqual([{ Date: '2015-01-01T00:00:00.0000000Z', EventDetails: { EventType: 'Read', Count: '12' } }]);
  });

  test('.ingest inline errors: unknown table, too many values, no <|', async () => {
    const { run } = await setup();
    expect((await failure(run('.ingest inline into table T <| a'))).code).toBe('SEM_UNKNOWN_TABLE');
    await run('.create table T (a:string)');
    expect((await failure(run('.ingest inline into table T <| a,b'))).code).toBe('SEM_SCHEMA_MISMATCH');
    expect((await failure(run('.ingest inline into table T a'))).code).toBe('SYN_BAD_COMMAND');
  });

  test('.set creates a table from a query (typed columns, exact datetimes and timespans); a second .set fails', async () => {
    const { catalog, run } = await setup();
    const r = await run('.set T <| print a = "x", n = 2, t = datetime(2024-01-01 00:00:00.1234567), d = 1d + 1tick, j = dynamic({"k":[1]})');
    expect(columnNames(r)).toEqual(['ExtentId', 'OriginalSize', 'ExtentSize', 'CompressedSize', 'IndexSize', 'RowCount']);
    expect(r.tables[0].rows[0][5]).toBe(1);
    expect(catalog.database(undefined)!.tables.get('T')!.schema.map((c) => c.type)).toEqual(['string', 'long', 'datetime', 'timespan', 'dynamic']);
    expect(query(catalog, 'T')).toEqual([{ a: 'x', n: 2, t: '2024-01-01T00:00:00.1234567Z', d: '1.00:00:00.0000001', j: { k: [1] } }]);
    expect((await failure(run('.set T <| print a = "y"'))).code).toBe('SEM_TABLE_EXISTS');
  });

  test('.append matches columns by position and type (not by name), and fills the columns past the query with nulls', async () => {
    const { catalog, run } = await setup();
    await run('.create table T (a:string, b:long)');
    await run('.append T <| print x = "p", y = 5');
    await run('.append T <| print a = "q"');
    await run('.append T <| print a = "r", b = int(7)');
    expect(query(catalog, 'T')).toEqual([{ a: 'p', b: 5 }, { a: 'q', b: null }, { a: 'r', b: 7 }]);
    expect((await failure(run('.append T <| print b = 1, a = "x"'))).code).toBe('SEM_SCHEMA_MISMATCH');
    expect((await failure(run('.append T <| print a = "x", b = 1, c = 2'))).code).toBe('SEM_SCHEMA_MISMATCH');
    expect((await failure(run('.append Nope <| print c = 1'))).code).toBe('SEM_UNKNOWN_TABLE');
  });

  test('.append with (extend_schema=true) adds the query\'s extra columns', async () => {
    const { catalog, run } = await setup();
    await run('.create table T (a:string)');
    await run('.append T with (extend_schema=true) <| print a = "x", c = 2');
    expect(catalog.database(undefined)!.tables.get('T')!.schema).toEqual([{ name: 'a', type: 'string' }, { name: 'c', type: 'long' }]);
    expect(query(catalog, 'T')).toEqual([{ a: 'x', c: 2 }]);
  });

  test('.set-or-append creates then appends; .set-or-replace replaces the rows and keeps the schema (unless recreate_schema)', async () => {
    const { catalog, run } = await setup();
    await run('.set-or-append T <| range x from 1 to 3 step 1');
    await run('.set-or-append T <| print x = 10');
    expect(query(catalog, 'T | count')).toEqual([{ Count: 4 }]);
    await run('.set-or-replace T <| print y = 7');
    expect(query(catalog, 'T')).toEqual([{ x: 7 }]);
    await run('.set-or-replace T with (recreate_schema=true) <| print y = "only"');
    expect(query(catalog, 'T')).toEqual([{ y: 'only' }]);
    const empty = await run('.set-or-append T <| print y = "z" | where false');
    expect(empty.tables[0].rows).toEqual([]);
  });

  test('query options (limits) apply to the query of .set', async () => {
    const catalog = new ServeCatalog();
    const err = await failure(executeManagement(catalog, undefined, '.set T <| range x from 1 to 100 step 1', undefined, { maxRows: 10 }));
    expect(err.code).toMatch(/^RUN_/);
    expect(catalog.database(undefined)!.tables.has('T')).toBe(false);
  });

  test('a failing query changes nothing and reports the query error', async () => {
    const { catalog, run } = await setup();
    expect((await failure(run('.set T <| NoSuchTable'))).code).toBe('SEM_UNKNOWN_TABLE');
    expect(catalog.database(undefined)!.tables.has('T')).toBe(false);
  });
});

describe('functions', () => {
  test('.create-or-alter function stores parameters, body, folder and docstring; queries can call it', async () => {
    const { catalog, run } = await setup();
    await run('.set T <| range x from 1 to 5 step 1');
    const r = await run('.create-or-alter function with (folder="Parsers", docstring="Big x") BigX(min:long) { T | where x >= min }');
    expect(columnNames(r)).toEqual(['Name', 'Parameters', 'Body', 'Folder', 'DocString']);
    expect(r.tables[0].rows).toEqual([['BigX', '(min:long)', '{ T | where x >= min }', 'Parsers', 'Big x']]);
    expect(query(catalog, 'BigX(4)')).toEqual([{ x: 4 }, { x: 5 }]);
    await run('.create-or-alter function BigX() { T | where x > 4 }');
    expect((await run('.show functions')).tables[0].rows).toEqual([['BigX', '()', '{ T | where x > 4 }', '', '']]);
  });

  test('.create function on an existing one fails, .alter on a missing one fails; bad text is SYN_BAD_COMMAND', async () => {
    const { run } = await setup();
    await run('.create function F() { print 1 }');
    expect((await failure(run('.create function F() { print 2 }'))).code).toBe('SEM_TABLE_EXISTS');
    await run('.create function ifnotexists F() { print 2 }');
    expect((await failure(run('.alter function G() { print 1 }'))).code).toBe('SEM_UNKNOWN_FUNCTION');
    expect((await failure(run('.create-or-alter function F( { print 1 }'))).code).toBe('SYN_BAD_COMMAND');
  });

  test('.drop function returns its name; a missing one fails unless ifexists', async () => {
    const { run } = await setup();
    await run('.create-or-alter function F() { print 1 }');
    expect((await run('.drop function F')).tables[0].rows).toEqual([['F']]);
    expect((await failure(run('.drop function F'))).code).toBe('SEM_UNKNOWN_FUNCTION');
    expect((await run('.drop function F ifexists')).tables[0].rows).toEqual([]);
  });
});

describe('the command itself', () => {
  test('.show databases lists every database and marks the current one', async () => {
    const { catalog, run } = await setup();
    catalog.ensureDatabase('Other');
    const rows = (await run('.show databases', 'Other')).tables[0].rows;
    expect(rows[0].length).toBe(8);
    expect(rows.map((r) => [r[0], r[3]])).toEqual([['NetDefaultDB', false], ['Other', true]]);
  });

  test('an unsupported command is an error naming it and listing the supported ones', async () => {
    const { run } = await setup();
    const err = await failure(run('.alter table T policy retention "{}"'));
    expect(err.code).toBe('SEM_UNSUPPORTED_COMMAND');
    expect(err.message).toContain("'.alter table policy' is not supported by mini-kql serve; supported: .show databases");
    expect((await failure(run('.show table T extents'))).code).toBe('SEM_UNSUPPORTED_COMMAND');
  });

  test('leading comments and blank lines are skipped; a query or an unknown database is an error', async () => {
    const { run } = await setup();
    expect((await run('// list\n\n  .show tables')).tables[0].rows).toEqual([]);
    expect((await failure(run('print 1'))).code).toBe('SYN_BAD_COMMAND');
    expect((await failure(run('.show tables', 'Nope'))).code).toBe('SEM_UNKNOWN_DATABASE');
  });
});
