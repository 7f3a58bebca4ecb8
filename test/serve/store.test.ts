/** The durable store (src/serve/store.ts): reload, torn last records, and a process killed mid-ingestion. */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ServeCatalog } from '../../src/serve/catalog.js';
import { executeManagement } from '../../src/serve/mgmt/index.js';
import { ingestRows } from '../../src/serve/ingest.js';
import { STORE_LOCK, STORE_LOG, ServeStore } from '../../src/serve/store.js';
import { KqlError, runKql } from '../../src/index.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mini-kql-store-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Everything a catalog holds, as plain data to compare. */
function snapshot(catalog: ServeCatalog) {
  return [...catalog.databases.values()].map((db) => ({
    name: db.name,
    tables: [...db.tables].map(([n, t]) => ({ n, schema: t.schema, rows: t.rows.map((r) => ({ ...r })) })),
    functions: [...db.functions],
  }));
}

async function populate(dir: string): Promise<ServeCatalog> {
  const catalog = new ServeCatalog();
  const store = ServeStore.open(dir, catalog);
  const run = (csl: string, db?: string) => executeManagement(catalog, db, csl, store);
  await run('.create table T (a:string, n:long, t:datetime)');
  await run('.ingest inline into table T <|\nx,1,2024-01-01T00:00:00.1234567Z\ny,9007199254740993,');
  await run('.set U <| print d = 1d + 1tick, j = dynamic({"k":[1,2]})');
  await run('.set-or-replace U <| print d = 2h');
  await run(".set Big <| print d = parse_json('{\"b\": 9007199254740993}'), n = 9007199254740993");
  await run('.create table Gone (a:string)');
  await run('.drop table Gone');
  await run('.create-or-alter function with (folder="F", docstring="D") Fn(x:long) { T | where n > x }');
  await run('.create-or-alter function Other() { print 1 }');
  await run('.drop function Other');
  catalog.ensureDatabase('Second');
  await run(".create table ['../../etc/passwd'] (a:string)", 'Second');
  ingestRows(catalog, 'Second', '../../etc/passwd', [['safe']], store);
  store.close();
  return catalog;
}

describe('ServeStore', () => {
  test('reopening gives the same catalog: databases, schemas, rows, functions', async () => {
    const dir = tempDir();
    const before = await populate(dir);
    const store = ServeStore.open(dir);
    expect(snapshot(store.catalog)).toEqual(snapshot(before));
    const { tables, functions } = store.catalog.database(undefined)!.queryInputs();
    expect(runKql('Fn(0) | project a, n, t', tables, { functions, timeAsText: true }).rows).toEqual([
      { a: 'x', n: 1, t: '2024-01-01T00:00:00.1234567Z' },
      { a: 'y', n: 9007199254740993n, t: null },
    ]);
    expect(runKql('Big', tables).rows).toEqual([{ d: { b: 9007199254740993n }, n: 9007199254740993n }]);
    expect(runKql('U', tables, { timeAsText: true }).rows).toEqual([{ d: '02:00:00', j: null }]);
    store.close();
  });

  test('names never become paths: the directory holds only the log', async () => {
    const dir = tempDir();
    await populate(dir);
    expect(readdirSync(dir)).toEqual([STORE_LOG]);
  });

  test('a torn last record (a write cut mid-line) loses only that record, and the file is repaired', async () => {
    const dir = tempDir();
    const before = await populate(dir);
    const path = join(dir, STORE_LOG);
    const good = statSync(path).size;
    // One more append, then cut it in the middle, as a crash mid-write leaves it.
    const store = ServeStore.open(dir);
    ingestRows(store.catalog, undefined, 'T', [['lost', 2, null]], store);
    store.close();
    const full = statSync(path).size;
    truncateSync(path, good + Math.floor((full - good) / 2));

    const reopened = ServeStore.open(dir);
    expect(reopened.droppedTornRecord).toBe(true);
    expect(snapshot(reopened.catalog)).toEqual(snapshot(before));
    expect(statSync(path).size).toBe(good);
    // Writing after the repair starts on a clean line.
    ingestRows(reopened.catalog, undefined, 'T', [['kept', 3, null]], reopened);
    reopened.close();
    const again = ServeStore.open(dir);
    expect(again.droppedTornRecord).toBe(false);
    expect(again.catalog.database(undefined)!.tables.get('T')!.rows.map((r) => r.a)).toEqual(['x', 'y', 'kept']);
    again.close();
  });

  test('a last line whose checksum does not match is dropped; damage before the last line is an error', async () => {
    const dir = tempDir();
    const before = await populate(dir);
    const path = join(dir, STORE_LOG);
    const text = readFileSync(path, 'utf8');
    appendFileSync(path, '00000000\t{"op":"dropTable","db":"NetDefaultDB","table":"T"}\n');
    const s = ServeStore.open(dir);
    expect(snapshot(s.catalog)).toEqual(snapshot(before));
    s.close();

    const lines = text.split('\n');
    lines[1] = lines[1].replace('"x"', '"z"');
    writeFileSync(path, lines.join('\n'));
    let err: unknown;
    try {
      ServeStore.open(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KqlError);
    expect((err as KqlError).code).toBe('RUN_STORE_FAILED');
    expect((err as KqlError).message).toContain('line 2');
  });

  test('appends replay by column name over tables loaded again at start (--data), whatever their column order', () => {
    const dir = tempDir();
    const seeded = (schema: { name: string; type: 'string' | 'long' }[]) => {
      const catalog = new ServeCatalog();
      catalog.database(undefined)!.tables.set('T', { schema, rows: [] });
      return catalog;
    };
    const first = ServeStore.open(dir, seeded([{ name: 'a', type: 'string' }, { name: 'n', type: 'long' }]));
    ingestRows(first.catalog, undefined, 'T', [['x', 1]], first);
    first.close();
    const second = ServeStore.open(dir, seeded([{ name: 'n', type: 'long' }, { name: 'a', type: 'string' }]));
    const { tables } = second.catalog.database(undefined)!.queryInputs();
    expect(runKql('T', tables).rows).toEqual([{ n: 1, a: 'x' }]);
    second.close();
  });

  test('a write that fails is RUN_STORE_FAILED and leaves the catalog unchanged', async () => {
    const dir = tempDir();
    const store = ServeStore.open(dir);
    store.close();
    let err: unknown;
    try {
      await executeManagement(store.catalog, undefined, '.create table T (a:string)', store);
    } catch (e) {
      err = e;
    }
    expect((err as KqlError).code).toBe('RUN_STORE_FAILED');
    expect(store.catalog.database(undefined)!.tables.has('T')).toBe(false);
  });

  test('a process killed while ingesting keeps every acknowledged batch, and nothing corrupt', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'store-kill-child.ts'), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = -1;
    let stderr = '';
    let buffer = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) {
          const m = /^ack (\d+)$/.exec(line);
          if (m) acked = Number(m[1]);
        }
        // Kill it once it has acknowledged a good number of batches.
        if (acked >= 200 && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) => (acked >= 200 ? resolve() : reject(new Error(`the child exited (${code}) before being killed: ${stderr}`))));
    });
    await exited;

    const store = ServeStore.open(dir);
    const rows = store.catalog.database(undefined)!.tables.get('Events')!.rows;
    const batches = new Map<number, number>();
    for (const r of rows) {
      expect(r.payload).toBe('x'.repeat(2000));
      batches.set(r.batch as number, (batches.get(r.batch as number) ?? 0) + 1);
    }
    // Every acknowledged batch is there whole; a batch after them is whole or absent (never half).
    for (let b = 0; b <= acked; b++) expect(batches.get(b), `batch ${b}`).toBe(20);
    for (const count of batches.values()) expect(count).toBe(20);
    store.close();
  });

  test('one store, one writer: a second open is refused while the first holds the lock; a dead holder\'s lock is taken over', () => {
    const dir = tempDir();
    const first = ServeStore.open(dir);
    expect(() => ServeStore.open(dir)).toThrow(/in use by process \d+ \(this one\)/);
    first.close();
    first.close(); // closing twice is harmless
    expect(readdirSync(dir)).toEqual([STORE_LOG]);
    // A lock left by a process that has ended (its id is not running) does not keep the store shut.
    writeFileSync(join(dir, STORE_LOCK), '2147483646\n');
    const second = ServeStore.open(dir);
    expect(readFileSync(join(dir, STORE_LOCK), 'utf8')).toBe(`${process.pid}\n`);
    second.close();
  });
});
