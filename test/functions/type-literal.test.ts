/**
 * typeof(T) arguments: extract(regex, group, source, typeof(T)) and extract_json(path, json, typeof(T))
 * (extract-function.md, extract-json-function.md). Values worked out by hand; result types from the
 * official analyzer.
 */
import { describe, expect, it } from 'vitest';
import { runKql, KqlSemanticError, type KqlError } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

function typesAndRow(q: string): { types: string; row: Record<string, unknown> } {
  const r = runKql(q);
  return { types: formatColumns(r.columns), row: r.rows[0] };
}

describe('typeof(T) arguments', () => {
  it('extract converts the captured text like to<T>(); no match or a bad value is null (docs example: 456.0)', () => {
    const q = 'print a = extract("x=([0-9.]+)", 1, "hello x=456|wo", typeof(real)), b = extract("x=(\\\\d+)", 1, "nothing", typeof(long)),'
      + ' c = extract("(\\\\d+)", 1, "id 42", typeof(int)), d = extract("(\\\\d+)", 1, "id 42", typeof(string)),'
      + ' e = extract("(\\\\w+)", 1, "abc", typeof(long)), f = extract("at (\\\\S+)", 1, "at 2024-05-01T10:00:00Z", typeof(datetime))';
    const { types, row } = typesAndRow(q);
    expect(types).toBe('a:real, b:long, c:int, d:string, e:long, f:datetime');
    expect(formatColumns(analyzeWithOracle(q).columns)).toBe(types);
    expect(row).toEqual({ a: 456, b: null, c: 42, d: '42', e: null, f: new Date('2024-05-01T10:00:00.000Z') });
  });

  it('extract_json / extractjson convert the element like to<T>() of a dynamic value', () => {
    const json = '{"a": 5, "s": "2024-01-02", "arr": [1, 2], "t": true, "txt": "x"}';
    const q = `let j = '${json}';\nprint a = extract_json("$.a", j, typeof(long)), b = extract_json("$.missing", j, typeof(long)),`
      + ' c = extract_json("$.s", j, typeof(datetime)), d = extractjson("$.arr", j, typeof(dynamic)), e = extract_json("$.t", j, typeof(bool)),'
      + ' f = extract_json("$.txt", j, typeof(string)), g = extract_json("$.txt", j, typeof(real)), h = extract_json("$.missing", j, typeof(string))';
    const { types, row } = typesAndRow(q);
    expect(types).toBe('a:long, b:long, c:datetime, d:dynamic, e:bool, f:string, g:real, h:string');
    expect(formatColumns(analyzeWithOracle(q).columns)).toBe(types);
    expect(row).toEqual({ a: 5, b: null, c: new Date('2024-01-02T00:00:00.000Z'), d: [1, 2], e: true, f: 'x', g: null, h: '' });
  });

  it('the Sentinel form: extractjson("$[0].Value", ExtendedProperties, typeof(string))', () => {
    const rows = runKql('T | extend UserAgent = extractjson("$[0].Value", ExtendedProperties, typeof(string)) | project UserAgent', {
      T: [{ ExtendedProperties: '[{"Name":"UserAgent","Value":"Mozilla/5.0"}]' }],
    }).rows;
    expect(rows).toEqual([{ UserAgent: 'Mozilla/5.0' }]);
  });

  it('a type is not a value: anywhere but a type parameter it is a semantic error at typeof', () => {
    for (const [q, code, text] of [
      ['print x = typeof(long)', 'SEM_INVALID_ARGUMENT', 'names a type, not a value'],
      ['print x = strlen(typeof(long))', 'SEM_TYPE_MISMATCH', 'not typeof(long)'],
      ['print x = extract("a", 0, "a", "long")', 'SEM_TYPE_MISMATCH', 'must be a type such as typeof(long)'],
    ] as const) {
      let err: KqlError | undefined;
      try { runKql(q); } catch (e) { err = e as KqlError; }
      expect(err, q).toBeInstanceOf(KqlSemanticError);
      expect(err!.code).toBe(code);
      expect(err!.message).toContain(text);
      // The analyzer does not accept it either: an error, or a column it cannot type.
      const oracle = analyzeWithOracle(q);
      expect(oracle.errors.length > 0 || oracle.columns.some((c) => c.type === 'unknown'), q).toBe(true);
    }
  });
});
