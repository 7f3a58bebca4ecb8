/** datatable value lists (trailing comma, a single bracketed string) and US-style datetime text. */
import { describe, expect, it } from 'vitest';
import { runKql, KqlSyntaxError } from '../../src/index.js';

describe('datatable values', () => {
  it('a trailing comma before ] is allowed, as in the Kusto docs examples', () => {
    expect(runKql('datatable(a:string, b:long) ["x", 1, "y", 2,]', {}).rows).toEqual([{ a: 'x', b: 1 }, { a: 'y', b: 2 }]);
  });
  it('a single string value ["x"] is a value, not a quoted column name', () => {
    expect(runKql('datatable(a:string) ["x"]', {}).rows).toEqual([{ a: 'x' }]);
  });
  it('an empty list gives an empty table with the declared columns', () => {
    const r = runKql('datatable(a:string) []', {});
    expect(r.columns).toEqual([{ name: 'a', type: 'string' }]);
    expect(r.rows).toEqual([]);
  });
  it('values must be separated by commas', () => {
    expect(() => runKql('datatable(a:string, b:long) ["x" 1]', {})).toThrow(KqlSyntaxError);
  });
});

describe('todatetime of US-style text', () => {
  it('reads month/day/year with an optional time, and rejects impossible dates', () => {
    const r = runKql('print a = todatetime("02/17/2016 08:40:01"), b = todatetime("2/7/2016"), c = todatetime("13/17/2016")', {});
    expect(r.rows).toEqual([{ a: new Date('2016-02-17T08:40:01Z'), b: new Date('2016-02-07T00:00:00Z'), c: null }]);
  });
});
