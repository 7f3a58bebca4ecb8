/** evaluate bag_unpack (bag-unpack-plugin.md) and make-series (make-series-operator.md). */
import { describe, expect, it } from 'vitest';
import { analyzeKql, runKql } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { rows, cols, expectSemantic, S, PEOPLE, EMPTY_PEOPLE, at, NOW } from './helpers.js';

const BAGS = `datatable(d:dynamic)
[
    dynamic({"Name": "John", "Age":20}),
    dynamic({ "Name": "Dave", "Height": 170, "Age":40}),
    dynamic({"Name": "Jasmine", "Age":30})
]
`;

describe('evaluate bag_unpack', () => {
  it('without an output schema: slots appended sorted by name, typed by their values (docs)', () => {
    const result = runKql(BAGS + '| evaluate bag_unpack(d)', {}, { now: NOW });
    // The bound schema is the input minus the bag, as the analyzer reports; the slots are discovered at run
    // time and the result reports the executed table's columns.
    expect(analyzeKql(BAGS + '| evaluate bag_unpack(d)').columns).toEqual([]);
    // Docs: |Age|Height|Name| (this test asserted first-seen order Name, Age, Height before issue 11).
    expect(result.columns).toEqual([{ name: 'Age', type: 'long' }, { name: 'Height', type: 'long' }, { name: 'Name', type: 'string' }]);
    expect(result.rows).toEqual([
      { Name: 'John', Age: 20, Height: null },
      { Name: 'Dave', Age: 40, Height: 170 },
      { Name: 'Jasmine', Age: 30, Height: null },
    ]);
    expect(rows(BAGS + "| evaluate bag_unpack(d, 'Property_')")[0]).toEqual({ Property_Name: 'John', Property_Age: 20, Property_Height: null });
    expect(runKql(BAGS + "| evaluate bag_unpack(d, 'Property_')").columns.map((c) => c.name)).toEqual(['Property_Age', 'Property_Height', 'Property_Name']);
  });

  it('column conflicts: error by default, replace_source, keep_source (docs)', () => {
    const q = `datatable(Name:string, d:dynamic)['Old_name', dynamic({"Name": "John", "Age":20})] | evaluate bag_unpack(d`;
    expect(() => rows(q + ')')).toThrow(/clashes/);
    expect(rows(q + ", '', 'replace_source')")).toEqual([{ Name: 'John', Age: 20 }]);
    expect(rows(q + ", '', 'keep_source')")).toEqual([{ Name: 'Old_name', Age: 20 }]);
    expect(rows(q + ", '', 'keep_source', dynamic(['Age']))")).toEqual([{ Name: 'Old_name' }]);
  });

  it('named optional arguments, as the docs write them (columnsConflict=, ignoredProperties=, OutputColumnPrefix=)', () => {
    const q = `datatable(Name:string, d:dynamic)['Old_name', dynamic({"Name": "John", "Age":20})] | evaluate bag_unpack(d`;
    expect(rows(q + ", columnsConflict='replace_source')")).toEqual([{ Name: 'John', Age: 20 }]);
    expect(rows(q + ", columnsConflict='keep_source')")).toEqual([{ Name: 'Old_name', Age: 20 }]);
    const A = `datatable(d:dynamic)[dynamic({"Name": "John", "Age":20, "Address": "Address-1" }), dynamic({"Name": "Dave", "Age":40, "Address": "Address-2"})]`;
    const r = runKql(A + "| evaluate bag_unpack(d, ignoredProperties=dynamic(['Address', 'Age']))");
    expect(r.columns).toEqual([{ name: 'Name', type: 'string' }]);
    expect(r.rows).toEqual([{ Name: 'John' }, { Name: 'Dave' }]);
    expect(runKql(A + "| evaluate bag_unpack(d, OutputColumnPrefix='p_', ignoredProperties=dynamic(['Address']))").columns.map((c) => c.name)).toEqual(['p_Age', 'p_Name']);
    expect(() => rows(A + "| evaluate bag_unpack(d, colsConflict='keep_source')")).toThrow(/no parameter named/);
  });

  it('with an output schema (with and without *): declared columns, converted (docs)', () => {
    const q = `datatable(d:dynamic, Description: string)
[dynamic({"Name": "John", "Age":20, "height":180}), "Student", dynamic({"Name": "Dave", "Age":40, "height":160}), "Teacher"]
| evaluate bag_unpack(d) : (*, Name:string, Age:long)`;
    expect(cols(q)).toBe('Description:string, Name:string, Age:long');
    expect(rows(q)).toEqual([{ Description: 'Student', Name: 'John', Age: 20 }, { Description: 'Teacher', Name: 'Dave', Age: 40 }]);
    expect(rows(BAGS + '| evaluate bag_unpack(d) : (Height:long, Name:string)')).toEqual([
      { Height: null, Name: 'John' }, { Height: 170, Name: 'Dave' }, { Height: null, Name: 'Jasmine' },
    ]);
  });

  it('operators after it run on the bound columns: discovered slots never shift the columns they add', () => {
    // Regression (fuzz case 77161): the slots used to stay in the rows, so a later lookup/extend wrote its
    // columns over them and read a slot's value as its own.
    const T = { schema: [{ name: 'S', type: 'string' as const }, { name: 'Dy', type: 'dynamic' as const }], rows: [{ S: 'k', Dy: { a: { b: 2 }, c: 'x' } }] };
    const T2 = { schema: [{ name: 'S', type: 'string' as const }, { name: 'Extra', type: 'string' as const }], rows: [{ S: 'k', Extra: 'e' }] };
    const run = (q: string) => runKql(q, { T, T2 }, { now: NOW });
    expect(run('T | evaluate bag_unpack(Dy) | extend z = 1').rows).toEqual([{ S: 'k', z: 1 }]);
    expect(run('T | evaluate bag_unpack(Dy) | lookup (T2) on S').rows).toEqual([{ S: 'k', Extra: 'e' }]);
    expect(run('T | evaluate bag_unpack(Dy) | lookup (T2 | where false) on S | parse-where Extra with P2').rows)
      .toEqual([{ S: 'k', Extra: '', P2: '' }]);
    expect(run('let X = T | evaluate bag_unpack(Dy); T2 | join kind=inner X on S | extend q = 1').rows)
      .toEqual([{ S: 'k', Extra: 'e', S1: 'k', q: 1 }]);
    expect(run('T | evaluate bag_unpack(Dy) | as Y | extend q = 1').columns).toEqual([{ name: 'S', type: 'string' }, { name: 'q', type: 'long' }]);
  });

  it('null bags and empty input unpack to nothing', () => {
    expect(rows('P | project Name, Tags | evaluate bag_unpack(Tags)', { P: PEOPLE })).toEqual([{ Name: 'Ann' }, { Name: 'Bob' }, { Name: 'Cid' }, { Name: 'Dee' }]);
    expect(rows('P | evaluate bag_unpack(Tags)', { P: EMPTY_PEOPLE })).toEqual([]);
  });

  it('errors: a non-dynamic column, another plugin (named)', () => {
    const q1 = 'P | evaluate bag_unpack(Name)';
    expectSemantic(q1, S, 'SEM_TYPE_MISMATCH', 1, at(q1, 'Name'));
    const q2 = 'P | evaluate python(City)';
    expect(expectSemantic(q2, S, 'SEM_UNSUPPORTED', 1, at(q2, 'python')).message).toContain("'python'");
  });

  it('schemas agree with the analyzer', () => {
    for (const q of ['P | evaluate bag_unpack(Tags)', "P | evaluate bag_unpack(Tags, 'p_')", 'P | evaluate bag_unpack(Tags) : (*, Name2:string, N:long)', 'P | evaluate bag_unpack(Tags) : (N:long)']) {
      expect(formatColumns(analyzeKql(q, { schemas: S }).columns), q).toBe(formatColumns(analyzeWithOracle(q, S).columns));
    }
  });
});

const EVENTS = `range t from datetime(2024-01-01) to datetime(2024-01-03 12:00) step 12h
| extend s = iff(t < datetime(2024-01-02), "a", "b"), v = toint(hourofday(t) / 12) + 1
`;

describe('make-series', () => {
  it('one array per aggregate and group, bins of the axis, default for empty bins', () => {
    // Rows: 01-01 00:00 a v1, 01-01 12:00 a v2, 01-02 00:00 b v1, 01-02 12:00 b v2, 01-03 00:00 b v1, 01-03 12:00 b v2.
    const q = EVENTS + '| make-series c = count() default = -1, total = sum(v) on t from datetime(2024-01-01) to datetime(2024-01-04) step 1d by s';
    expect(cols(q)).toBe('s:string, c:dynamic, total:dynamic, t:dynamic');
    const days = ['2024-01-01T00:00:00.0000000Z', '2024-01-02T00:00:00.0000000Z', '2024-01-03T00:00:00.0000000Z'];
    expect(rows(q)).toEqual([
      { s: 'a', c: [2, -1, -1], total: [3, 0, 0], t: days },
      { s: 'b', c: [-1, 2, 2], total: [0, 3, 3], t: days },
    ]);
  });

  it('without from/to the range comes from the data; in range(...) is the same as from/to/step', () => {
    expect(rows(EVENTS + '| make-series n = count() on t step 1d')).toEqual([
      { n: [2, 2, 2], t: ['2024-01-01T00:00:00.0000000Z', '2024-01-02T00:00:00.0000000Z', '2024-01-03T00:00:00.0000000Z'] },
    ]);
    expect(rows(EVENTS + '| make-series n = count() on t in range(datetime(2024-01-02), datetime(2024-01-03), 1d)')).toEqual([
      { n: [2], t: ['2024-01-02T00:00:00.0000000Z'] },
    ]);
  });

  it('null axis values are ignored; empty input gives no rows', () => {
    expect(rows('P | make-series n = count() on Joined from datetime(2024-01-01) to datetime(2024-01-04) step 1d', { P: PEOPLE })).toEqual([
      { n: [2, 0, 1], Joined: ['2024-01-01T00:00:00.0000000Z', '2024-01-02T00:00:00.0000000Z', '2024-01-03T00:00:00.0000000Z'] },
    ]);
    expect(rows('P | make-series n = count() on Joined step 1d by City', { P: EMPTY_PEOPLE })).toEqual([]);
  });

  it('semantic errors: a string axis, a step of the wrong type, a non-aggregate', () => {
    const q1 = 'P | make-series count() on Name step 1d';
    expectSemantic(q1, S, 'SEM_TYPE_MISMATCH', 1, at(q1, 'Name'));
    const q2 = 'P | make-series count() on Joined step 1';
    expectSemantic(q2, S, 'SEM_TYPE_MISMATCH', 1, at(q2, '1', at(q2, 'step')));
    const q3 = 'P | make-series Age on Joined step 1d';
    expectSemantic(q3, S, 'SEM_AGGREGATE_CONTEXT', 1, at(q3, 'Age'));
  });

  it('schemas agree with the analyzer', () => {
    for (const q of [
      'P | make-series c = count() default = 0, a = avg(Age) on Joined from datetime(2024-01-01) to datetime(2024-01-05) step 1d by City',
      'P | make-series count(), avg(Age) on Joined step 1d',
      'P | make-series c = count() on Joined in range(datetime(2024-01-01), datetime(2024-01-05), 1d)',
    ]) {
      expect(formatColumns(analyzeKql(q, { schemas: S }).columns), q).toBe(formatColumns(analyzeWithOracle(q, S).columns));
    }
  });
});

describe('columns added by evaluate at run time, named by later operators (issue 11, as the analyzer allows)', () => {
  const T = { schema: [{ name: 'S', type: 'string' as const }, { name: 'Dy', type: 'dynamic' as const }, { name: 'n', type: 'long' as const }], rows: [{ S: 'k', Dy: { a: 5, c: 'x' }, n: 1 }, { S: 'j', Dy: { a: 7 }, n: 2 }] };
  const schemas = { T: T.schema };
  it('bag_unpack slots can be filtered, projected and grouped on', () => {
    const q = 'T | evaluate bag_unpack(Dy) | where a > 5 | project S, a, c';
    expect(analyzeWithOracle(q, schemas).errors).toEqual([]);
    const r = runKql(q, { T });
    expect(r.columns).toEqual([{ name: 'S', type: 'string' }, { name: 'a', type: 'long' }, { name: 'c', type: 'string' }]);
    expect(r.rows).toEqual([{ S: 'j', a: 7, c: '' }]);
    expect(runKql('T | evaluate bag_unpack(Dy) | summarize sum(a) by c', { T }).rows).toEqual([{ c: 'x', sum_a: 5 }, { c: '', sum_a: 7 }]);
    // Bound without data, the names the run may add are dynamic (the analyzer says unknown).
    expect(formatColumns(analyzeKql('T | evaluate bag_unpack(Dy) | project S, a', { schemas }).columns)).toBe('S:string, a:dynamic');
    expect(formatColumns(analyzeWithOracle('T | evaluate bag_unpack(Dy) | project S, a', schemas).columns)).toBe('S:string, a:unknown');
  });
  it('pivot value columns can be named', () => {
    const q = 'T | evaluate pivot(S, sum(n)) | project k, j';
    expect(analyzeWithOracle(q, schemas).errors).toEqual([]);
    expect(runKql(q, { T }).rows).toEqual([{ k: 1, j: null }, { k: null, j: 2 }]);
  });
  it('a name the run does not add is an unknown column when it runs', () => {
    expect(() => runKql('T | evaluate bag_unpack(Dy) | project nope', { T })).toThrow(/Unknown column or variable 'nope'/);
  });
});
