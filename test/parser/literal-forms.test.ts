/** Spellings real rules use: datetime(now), containscs, multi-column functions in print and extend. */
import { describe, expect, it } from 'vitest';
import { runKql, analyzeKql } from '../../src/index.js';

const now = new Date('2024-05-02T10:30:00Z');

describe('datetime(now) and datetime(today)', () => {
  it('are the query clock and the start of its day', () => {
    expect(runKql('print a = datetime(now), b = datetime(today)', {}, { now }).rows).toEqual([{ a: now, b: new Date('2024-05-02T00:00:00Z') }]);
  });
});

describe('containscs', () => {
  it('is the old spelling of contains_cs (case-sensitive)', () => {
    expect(runKql('print a = "aXb" containscs "X", b = "aXb" containscs "x", c = "" containscs ""', {}).rows).toEqual([{ a: true, b: false, c: true }]);
  });
});

describe('functions with several result columns', () => {
  it('print keeps only the named columns; extend names the first ones and keeps the rest (analyzer)', () => {
    const r = runKql('print (mn, mnIdx) = series_stats(dynamic([3, 1, 2]))', {});
    expect(r.columns).toEqual([{ name: 'mn', type: 'real' }, { name: 'mnIdx', type: 'long' }]);
    expect(r.rows).toEqual([{ mn: 1, mnIdx: 1 }]);
    const cols = analyzeKql('T | extend (r2, slope) = series_fit_line(s)', { schemas: { T: [{ name: 's', type: 'dynamic' }] } }).columns.map((c) => c.name);
    expect(cols).toEqual(['s', 'r2', 'slope', 'series_fit_line_s_variance', 'series_fit_line_s_rvariance', 'series_fit_line_s_interception', 'series_fit_line_s_line_fit']);
  });
  it('series_fill_* results are named after their argument', () => {
    expect(analyzeKql('T | extend series_fill_linear(s)', { schemas: { T: [{ name: 's', type: 'dynamic' }] } }).columns).toEqual([{ name: 's', type: 'dynamic' }]);
  });
});

describe('evaluate pivot', () => {
  const q = 'datatable(State:string, Type:string, Dmg:long)["TX","Hail",1, "TX","Wind",2, "KS","Hail",5, "TX","Hail",3]';
  it('one column per pivot value, aggregated per group (docs: pivot plugin)', () => {
    const r = runKql(`${q} | evaluate pivot(Type, sum(Dmg), State)`, {});
    expect(r.columns).toEqual([{ name: 'State', type: 'string' }, { name: 'Hail', type: 'long' }, { name: 'Wind', type: 'long' }]);
    expect(r.rows).toEqual([{ State: 'TX', Hail: 4, Wind: 2 }, { State: 'KS', Hail: 5, Wind: null }]);
  });
  it('defaults to count() grouped by every other column; the bound schema is the group columns (analyzer)', () => {
    expect(runKql(`${q} | project State, Type | evaluate pivot(Type)`, {}).rows).toEqual([{ State: 'TX', Hail: 2, Wind: 1 }, { State: 'KS', Hail: 1, Wind: 0 }]);
    expect(analyzeKql(`${q} | evaluate pivot(Type, sum(Dmg), State)`).columns).toEqual([{ name: 'State', type: 'string' }]);
  });
  it('empty input gives no rows; a non-column pivot is an error', () => {
    expect(runKql('datatable(a:string, b:long)[] | evaluate pivot(a)', {}).rows).toEqual([]);
    expect(() => analyzeKql('print a = 1 | evaluate pivot(a + 1)')).toThrow(/pivot column/);
  });
});

describe('project and round naming', () => {
  it('round keeps integer types; a repeated derived name gets a suffix, a repeated column is an error', () => {
    const schemas = { T: [{ name: 'b', type: 'long' as const }, { name: 'c', type: 'real' as const }] };
    expect(analyzeKql('T | project round(b, 2), round(c, 2), round(b)', { schemas }).columns)
      .toEqual([{ name: 'b', type: 'long' }, { name: 'c', type: 'real' }, { name: 'b1', type: 'long' }]);
    expect(() => analyzeKql('T | project b, b', { schemas })).toThrow(/more than once/);
    expect(runKql('print round(1234, -2), round(7, 2), round(2.15, 1)', {}).rows).toEqual([{ print_0: 1200, print_1: 7, print_2: 2.2 }]);
  });
});

describe('analyzer column naming in join, lookup and parse', () => {
  const schemas = { T: [{ name: 'a', type: 'string' as const }, { name: 'b', type: 'long' as const }], U: [{ name: 'a', type: 'string' as const }, { name: 'b', type: 'long' as const }, { name: 'a1', type: 'long' as const }] };
  it('a clashing right column skips the right side\'s own names (a -> a2 when the right has a1)', () => {
    expect(analyzeKql('T | join kind=inner U on b', { schemas }).columns.map((c) => c.name)).toEqual(['a', 'b', 'a2', 'b1', 'a1']);
    expect(analyzeKql('T | lookup U on b', { schemas }).columns.map((c) => c.name)).toEqual(['a', 'b', 'a2', 'a1']);
  });
  it('parse into an existing name adds a suffixed column and leaves the original as it was', () => {
    const r = runKql('print s = "id=42", k = "old" | parse s with "id=" k:long', {});
    expect(r.columns).toEqual([{ name: 's', type: 'string' }, { name: 'k', type: 'string' }, { name: 'k1', type: 'long' }]);
    expect(r.rows).toEqual([{ s: 'id=42', k: 'old', k1: 42 }]);
  });
});

describe('distinct with names, join ... where', () => {
  it('distinct Name = expr names its column', () => {
    const r = runKql('datatable(u:string)["A", "a", "b"] | distinct User = tolower(u)', {});
    expect(r.columns).toEqual([{ name: 'User', type: 'string' }]);
    expect(r.rows).toEqual([{ User: 'a' }, { User: 'b' }]);
  });
  it('join (T) where predicate pairs rows for which the predicate holds', () => {
    const q = 'datatable(Port:long)[22, 80, 9999] | join kind=inner (datatable(Ports:string, Name:string)["22,23", "ssh", "80,443", "web"]) where Ports has tostring(Port)';
    expect(runKql(q, {}).rows).toEqual([{ Port: 22, Ports: '22,23', Name: 'ssh' }, { Port: 80, Ports: '80,443', Name: 'web' }]);
    expect(runKql(q.replace('kind=inner', 'kind=leftouter'), {}).rows).toHaveLength(3);
    expect(() => analyzeKql(q.replace('kind=inner', 'kind=leftanti'))).toThrow(/supports kind=inner/);
  });
});
