/**
 * sample and sample-distinct (sample-operator.md, sample-distinct-operator.md). The docs' examples run over
 * StormEvents and random rows; here: small inline tables, the seeded generator (randomSeed) and properties
 * that hold for any random choice.
 */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { chooseIndexes } from '../../src/operators/sample.js';
import { expectBothReject, expectOracleSchema } from './oracle-check.js';

const T = { T: [{ name: 'a', type: 'long' as const }, { name: 's', type: 'string' as const }] };
const run = (q: string, seed = 7) => runKql(q, {}, { randomSeed: seed });

describe('sample', () => {
  it('returns N distinct input rows in input order, repeatable with a seed', () => {
    const rows = run('range x from 1 to 100 step 1 | sample 5').rows.map((r) => r.x as number);
    expect(rows).toHaveLength(5);
    expect(new Set(rows).size).toBe(5);
    expect([...rows].sort((p, q) => p - q)).toEqual(rows);
    expect(run('range x from 1 to 100 step 1 | sample 5').rows.map((r) => r.x)).toEqual(rows);
  });
  it('all rows when N is larger; none for 0 or a negative count', () => {
    expect(run('range x from 1 to 3 step 1 | sample 10').rows).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
    expect(run('range x from 1 to 3 step 1 | sample 0').rows).toEqual([]);
    expect(run('range x from 1 to 3 step 1 | sample toint(-1)').rows).toEqual([]);
  });
  it('docs: the union of a sample with itself is 2 rows; materialize makes them equal', () => {
    expect(run('let _data = range x from 1 to 100 step 1; let _sample = _data | sample 1; union (_sample), (_sample)').rows).toHaveLength(2);
    const m = run('let _data = range x from 1 to 100 step 1; let _sample = materialize(_data | sample 1); union (_sample), (_sample)').rows;
    expect(m).toHaveLength(2);
    expect(m[0]).toEqual(m[1]);
  });
  it('chooses uniformly (each of 10 items about as often)', () => {
    let state = 1;
    const rnd = () => ((state = (state * 48271) % 2147483647) / 2147483647);
    const hits = new Array(10).fill(0);
    for (let i = 0; i < 2000; i++) for (const j of chooseIndexes(10, 3, rnd)) hits[j]++;
    for (const h of hits) expect(h).toBeGreaterThan(450);
  });
  it('schemas agree with the analyzer; a real count is refused by both', () => {
    expectOracleSchema('T | sample 2', T);
    expectOracleSchema('T | sample toint(2)', T);
    expectBothReject('T | sample 2.5', T);
  });
});

describe('sample-distinct', () => {
  it('returns up to N distinct values of the column', () => {
    const rows = run('datatable(a:long, b:string) [1, "x", 2, "y", 2, "z", 3, "w", 3, "v", 3, "u"] | sample-distinct 2 of a').rows;
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.a)).size).toBe(2);
    expect(Object.keys(rows[0])).toEqual(['a']);
    expect(run('datatable(a:long) [1, 2, 2, 3, 3, 3] | sample-distinct 10 of a').rows).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
  });
  it('docs: sampled keys used with in', () => {
    const q = 'let T = datatable(EpisodeId:long, Injuries:long) [1, 0, 1, 3, 2, 5, 3, 1]; let sampleEpisodes = T | sample-distinct 2 of EpisodeId; T | where EpisodeId in (sampleEpisodes) | summarize totalInjuries = sum(Injuries) by EpisodeId';
    const rows = run(q).rows;
    expect(rows).toHaveLength(2);
    const totals: Record<number, number> = { 1: 3, 2: 5, 3: 1 };
    for (const r of rows) expect(r.totalInjuries).toBe(totals[r.EpisodeId as number]);
  });
  it('schemas agree with the analyzer; an expression after of is refused by both', () => {
    expectOracleSchema('T | sample-distinct 2 of s', T);
    expectOracleSchema('T | sample-distinct 2 of a', T);
    expectBothReject('T | sample-distinct 2 of a + 1', T);
    expectBothReject('T | sample-distinct 2.5 of a', T);
  });
});
