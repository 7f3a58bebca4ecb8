/** Ingestion bodies (src/serve/ingest-format.ts) and ingestRows (src/serve/ingest.ts). */
import { describe, expect, test } from 'vitest';
import { ingestFormat, parseIngestBody } from '../../src/serve/ingest-format.js';
import { ingestRows } from '../../src/serve/ingest.js';
import { ServeCatalog } from '../../src/serve/catalog.js';
import { KqlError, runKql } from '../../src/index.js';
import type { ColumnSchema } from '../../src/runtime/types.js';

const schema: ColumnSchema[] = [{ name: 'a', type: 'string' }, { name: 'n', type: 'long' }, { name: 'd', type: 'dynamic' }];

function thrown(f: () => unknown): KqlError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(KqlError);
    return err as KqlError;
  }
  throw new Error('expected an error');
}

describe('parseIngestBody', () => {
  test('json: one object per line, properties matched to columns by name (others ignored)', () => {
    const body = '{"n": 1, "a": "x", "extra": true}\n\n{"a": "y", "d": {"k": [1]}}\n';
    expect(parseIngestBody(body, 'json', schema)).toEqual([['x', 1, null], ['y', null, { k: [1] }]]);
  });

  test('multijson: objects over several lines, or one array', () => {
    expect(parseIngestBody('{\n "a": "x"\n}\n{"a": "}"}', 'multijson', schema)).toEqual([['x', null, null], ['}', null, null]]);
    expect(parseIngestBody('[{"a": "x"}, {"n": 2}]', 'multijson', schema)).toEqual([['x', null, null], [null, 2, null]]);
  });

  test('csv: values in column order, quoted fields, a byte order mark, short records', () => {
    expect(parseIngestBody('\ufeffx,1,"{""k"":1}"\n"a,b"\n', 'csv', schema)).toEqual([['x', '1', '{"k":1}'], ['a,b', null, null]]);
  });

  test('malformed bodies are errors, never crashes', () => {
    expect(thrown(() => parseIngestBody('{"a": ', 'json', schema)).code).toBe('SYN_BAD_COMMAND');
    expect(thrown(() => parseIngestBody('[1, 2]', 'multijson', schema)).code).toBe('SEM_SCHEMA_MISMATCH');
    expect(thrown(() => parseIngestBody('{"a": 1', 'multijson', schema)).code).toBe('SYN_BAD_COMMAND');
    expect(thrown(() => parseIngestBody('x,1,2,3', 'csv', schema)).code).toBe('SEM_SCHEMA_MISMATCH');
    expect(thrown(() => parseIngestBody('"unclosed', 'csv', schema)).code).toBe('SYN_BAD_COMMAND');
  });

  test('a __proto__ property is data, not a prototype', () => {
    const rows = parseIngestBody('{"__proto__": {"polluted": 1}, "a": "x"}', 'json', [{ name: '__proto__', type: 'dynamic' }, { name: 'a', type: 'string' }]);
    expect(rows).toEqual([[{ polluted: 1 }, 'x']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('ingestFormat reads streamFormat names case-insensitively', () => {
    expect(ingestFormat('MultiJson')).toBe('multijson');
    expect(ingestFormat('Parquet')).toBeUndefined();
  });
});

describe('ingestRows', () => {
  test('appends rows a query then reads with their types', () => {
    const catalog = new ServeCatalog();
    catalog.database(undefined)!.tables.set('T', { schema, rows: [] });
    expect(ingestRows(catalog, undefined, 'T', parseIngestBody('{"a":"x","n":"12345678901234567890"}', 'json', schema))).toBe(1);
    expect(ingestRows(catalog, 'NetDefaultDB', 'T', parseIngestBody('y,9007199254740993', 'csv', schema))).toBe(1);
    const { tables } = catalog.database(undefined)!.queryInputs();
    expect(runKql('T | project a, n', tables).rows).toEqual([{ a: 'x', n: null }, { a: 'y', n: 9007199254740993n }]);
  });

  test('an unknown database or table is an error', () => {
    const catalog = new ServeCatalog();
    expect(thrown(() => ingestRows(catalog, 'Nope', 'T', [])).code).toBe('SEM_UNKNOWN_DATABASE');
    expect(thrown(() => ingestRows(catalog, undefined, 'T', [])).code).toBe('SEM_UNKNOWN_TABLE');
  });
});
