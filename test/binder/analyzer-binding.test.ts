/** Binding like Microsoft's analyzer (issue 11): calls the analyzer accepts, typed as it types them. */
import { describe, expect, it } from 'vitest';
import { runKql, KqlSemanticError } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

const T = {
  schema: [{ name: 'a', type: 'long' as const }, { name: 's', type: 'string' as const }, { name: 'd', type: 'dynamic' as const }],
  rows: [
    { a: 1, s: '{"a":{"b":5}}', d: { a: { b: 5 } } },
    { a: 2, s: '', d: '{"a":{"b":6}}' },
    { a: 3, s: 'x', d: null },
  ],
};
const schemas = { T: T.schema };
/** Runs the query and checks its result columns against the analyzer's. */
const both = (q: string) => {
  const r = runKql(q, { T });
  expect(formatColumns(r.columns), q).toBe(formatColumns(analyzeWithOracle(q, schemas).columns));
  expect(analyzeWithOracle(q, schemas).errors, q).toEqual([]);
  return r.rows;
};

describe('extract_json / extractjson over a dynamic column', () => {
  it('reads a bag as it is and a dynamic string as JSON text; null is "" (string) or null (typed)', () => {
    expect(both('T | project r = extract_json("$.a.b", d, typeof(long)), r2 = extractjson("$.a", d), r3 = extract_json("$.a.b", s, typeof(int))')).toEqual([
      { r: 5, r2: '{"b":5}', r3: 5 },
      { r: 6, r2: '{"b":6}', r3: null },
      { r: null, r2: '', r3: null },
    ]);
  });
  it('another type of source still fails to bind (the analyzer: a value of type string expected)', () => {
    expect(() => runKql('T | project extract_json("$.a", a, typeof(long))', { T })).toThrow(KqlSemanticError);
  });
});

describe('functions the analyzer takes with more than 64 arguments', () => {
  it('case() of 233 arguments, pack_array and bag_pack of 70+', () => {
    const cases = Array.from({ length: 116 }, (_, i) => `a == ${i}, "v${i}"`).join(', ');
    const arr = Array.from({ length: 70 }, () => 'a').join(', ');
    const bag = Array.from({ length: 70 }, (_, i) => `"k${i}", a`).join(', ');
    expect(both(`T | project r = case(${cases}, "other"), n = array_length(pack_array(${arr})), m = array_length(bag_keys(bag_pack(${bag})))`)).toEqual([
      { r: 'v1', n: 70, m: 70 }, { r: 'v2', n: 70, m: 70 }, { r: 'v3', n: 70, m: 70 },
    ]);
  });
  it('strcat and coalesce keep their limit of 64, as the analyzer does (KS120)', () => {
    const q = `T | project strcat(${Array.from({ length: 65 }, () => 's').join(', ')})`;
    expect(analyzeWithOracle(q, schemas).errors.map((e) => e.code)).toEqual(['KS120']);
    expect(() => runKql(q, { T })).toThrow(KqlSemanticError);
  });
});
