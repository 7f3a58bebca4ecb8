/** reduce (reduce-operator.md): the docs' examples (rand() replaced by fixed values) and the analyzer's schemas. */
import { describe, expect, it } from 'vitest';
import { runKql, KqlSemanticError } from '../../src/index.js';
import { expectBothReject, expectOracleSchema } from './oracle-check.js';

const T = { T: [{ name: 'a', type: 'long' as const }, { name: 's', type: 'string' as const }] };
/** The docs' MachineLearningX<rand(10)> over 1000 rows, with x % 10 for the random digit. */
const ML = 'range x from 1 to 1000 step 1 | project MyText = strcat("MachineLearningX", tostring(x % 10))';

describe('reduce', () => {
  it('docs: a small threshold groups every value under one pattern', () => {
    expect(runKql(`${ML} | reduce by MyText with threshold=0.001, characters = "X"`, {}).rows).toEqual([
      { Pattern: 'MachineLearning*', Count: 1000, Representative: 'MachineLearningX1' },
    ]);
  });
  it('docs: a large threshold keeps the digits (a group per value)', () => {
    const rows = runKql(`${ML} | reduce by MyText with threshold=0.9, characters = "X"`, {}).rows;
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({ Pattern: 'MachineLearningX1', Count: 100, Representative: 'MachineLearningX1' });
    expect(rows.reduce((s, r) => s + (r.Count as number), 0)).toBe(1000);
  });
  it('docs: without characters, fooZ1..fooZ10 are single distinct terms: others', () => {
    expect(runKql('range x from 1 to 10 step 1 | project str = strcat("foo", "Z", tostring(x)) | reduce by str', {}).rows).toEqual([
      { Pattern: 'others', Count: 10, Representative: '' },
    ]);
  });
  it('docs: characters="Z" splits foo from the number', () => {
    expect(runKql('range x from 1 to 10 step 1 | project str = strcat("foo", "Z", tostring(x)) | reduce by str with characters="Z"', {}).rows).toEqual([
      { Pattern: 'foo*', Count: 10, Representative: 'fooZ1' },
    ]);
  });
  it('keeps ordinary separators in the pattern and sends the rest to others', () => {
    const q = `datatable(s:string) ["San Bernard", "San Jose", "San Diego", "San Mateo", "Moscow"]
      | reduce by s with threshold=0.3`;
    expect(runKql(q, {}).rows).toEqual([
      { Pattern: 'San *', Count: 4, Representative: 'San Bernard' },
      { Pattern: 'others', Count: 1, Representative: '' },
    ]);
    expect(runKql('datatable(s:string) ["One -on- One", "Two -on- Two", "Six -on- Six"] | reduce by s', {}).rows).toEqual([
      { Pattern: '* -on- *', Count: 3, Representative: 'One -on- One' },
    ]);
  });
  it('threshold=1 keeps every term: a group per distinct value, largest first', () => {
    expect(runKql('datatable(s:string) ["b", "a", "a", ""] | reduce by s with threshold=1', {}).rows).toEqual([
      { Pattern: 'a', Count: 2, Representative: 'a' },
      { Pattern: 'b', Count: 1, Representative: 'b' },
      { Pattern: 'others', Count: 1, Representative: '' },
    ]);
  });
  it('characters given before threshold, and an empty input', () => {
    expect(runKql(`${ML} | reduce by MyText with characters="X", threshold=0.001`, {}).rows).toHaveLength(1);
    expect(runKql('datatable(s:string) [] | reduce by s', {}).rows).toEqual([]);
  });
  it('kind=source keeps the rows and adds the group of each', () => {
    const q = 'datatable(k:long, s:string) [1, "fooZ1", 2, "fooZ2", 3, "bar"] | reduce kind=source by s with characters="Z", threshold=0.4';
    const r = runKql(q, {});
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['k:long', 's:string', 'Pattern:string', 'Count:long', 'Representative:string']);
    expect(r.rows).toEqual([
      { k: 1, s: 'fooZ1', Pattern: 'foo*', Count: 2, Representative: 'fooZ1' },
      { k: 2, s: 'fooZ2', Pattern: 'foo*', Count: 2, Representative: 'fooZ1' },
      { k: 3, s: 'bar', Pattern: 'others', Count: 1, Representative: '' },
    ]);
  });
  it('is linear on 100k distinct values', () => {
    const r = runKql('range x from 1 to 100000 step 1 | project s = strcat("user ", tostring(x), " logged in from ", tostring(x % 7)) | reduce by s', {});
    expect(r.rows).toEqual([{ Pattern: 'user * logged in from *', Count: 100000, Representative: 'user 1 logged in from 1' }]);
  });
  it('rejects bad arguments', () => {
    for (const q of ['T | reduce by a', 'T | reduce kind=foo by s', 'T | reduce by s with threshold="x"', 'T | reduce by s with characters=1',
      'T | reduce by s with threshold=a', 'T | reduce by s with foo=1', 'T | reduce s']) {
      expectBothReject(q, T);
    }
    expect(() => runKql('datatable(s:string) ["a"] | reduce by s with threshold=2.0', {})).toThrow(KqlSemanticError);
  });
  it('schemas agree with the analyzer', () => {
    expectOracleSchema('T | reduce by s', T);
    expectOracleSchema('T | reduce by tostring(a) with threshold=0.5', T);
    expectOracleSchema('T | reduce by s with threshold=1, characters="X"', T);
    expectOracleSchema('T | reduce kind=source by s', T);
    expectOracleSchema('T | reduce by s | where Count > 1 | project Pattern', T);
  });
});
