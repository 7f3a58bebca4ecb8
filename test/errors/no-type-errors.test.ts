/** No malformed query may surface as a plain TypeError (or any non-KqlError): every failure is a KqlError. */
import { describe, expect, it } from 'vitest';
import { analyzeKql, runKql, KqlError } from '../../src/index.js';

const T = {
  schema: [
    { name: 'a', type: 'string' as const },
    { name: 'n', type: 'long' as const },
    { name: 'd', type: 'dynamic' as const },
    { name: 't', type: 'datetime' as const },
  ],
  rows: [
    { a: 'x', n: 1, d: [1, { k: 'v' }], t: '2024-01-01T00:00:00Z' },
    { a: '', n: null, d: null, t: null },
  ],
};

const MALFORMED = [
  '', ' ', ';', '|', 'T |', '| T', 'T | where', 'T | where (', 'T | where )', 'T | where a ==', 'T | where == a',
  'T | where a == "x', "T | where a == 'x", 'T | where a == @"x', 'T | project', 'T | project ,', 'T | project a,,b',
  'T | extend = 1', 'T | extend x =', 'T | summarize by', 'T | summarize count(', 'T | summarize count() by ,',
  'T | join', 'T | join (', 'T | join (U) on', 'T | join kind= (T) on a', 'T | join (T) on $left.', 'T | join (T) on $left.a ==',
  'T | mv-expand', 'T | mv-apply', 'T | mv-apply x = d on (', 'T | mv-apply x = d on ()', 'T | sort by', 'T | top', 'T | top 1 by',
  'T | take -1', 'T | take 1.5', 'T | union', 'union', 'let', 'let x', 'let x =', 'let x = ;', 'let x = 1', 'print', 'print x =',
  'print dynamic(', 'print dynamic([1,', 'print dynamic({', 'print dynamic({"a"})', 'print datetime(', 'print datetime(x)', 'print 1d2h',
  'print 1 +* 2', 'print ((1)', 'print a[', 'print d.', 'T | where d.', 'T | where d[', 'T | where d["k"', 'print split("a","/")[',
  'range', 'range x from 1', 'range x from 1 to 2', 'range x from 1 to 2 step 0', 'datatable(', 'datatable(a:long)', 'datatable(a:long)[',
  'datatable(a:nosuchtype)[1]', 'T | where a in (', 'T | where a in ()', 'T | where n between (1 ..', 'T | where n between (1 .. )',
  'T | project-rename', 'T | project-rename x', 'T | project-away', 'T | project-reorder', 'T | distinct', 'T | count x',
  'T | where tolong(', 'T | where strlen()', 'T | where iff()', 'T | extend x = bin(t)', 'T | summarize arg_max()', 'T | summarize arg_max(n)',
  'T | summarize make_set()', 'T | where a has_any ()', 'T | where a has_any', 'T | extend x = case()', 'T | extend x = case(true)',
  'T | where a matches regex "(" ', 'T | extend x = extract("(", 1, a)', 'T | where $left.a == 1', 'T | where $right',
  'T | mv-expand d to typeof(', 'T | mv-expand d to typeof(nosuch)', 'T | mv-expand with_itemindex= d', '\u0000', '\uffff', 'T | where a == "\\',
  'print x = 0x', 'print x = 1e', 'print x = 1.2.3', 'print x = --1', 'print x = !true', 'print x = not()', 'T | extend __proto__ = 1 | project constructor',
  'T | where n > 1 | | count', 'T | where n > 1 |', "T | where a == 'x' or", 'T | where and', 'print x = 1; print y = 2', 'T\n|\nwhere\n',
];

describe('every failure is a KqlError', () => {
  it.each(MALFORMED)('%j', (query) => {
    for (const fn of [() => analyzeKql(query, { schemas: { T: T.schema, U: T.schema } }), () => runKql(query, { T, U: T }, { now: '2024-05-01T00:00:00Z' })]) {
      try {
        fn();
      } catch (e) {
        expect(e, `${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`).toBeInstanceOf(KqlError);
        expect((e as KqlError).line).toBeGreaterThanOrEqual(1);
        expect((e as KqlError).column).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('non-string queries and bad tables are KqlErrors too', () => {
    for (const fn of [
      () => analyzeKql(undefined as unknown as string),
      () => analyzeKql(42 as unknown as string),
      () => runKql('T | take 1', { T: 5 as never }),
      () => runKql('T | take 1', { T: { schema: [{ name: 'a', type: 'nope' }], rows: [] } as never }),
      () => runKql('print 1', {}, { now: 'not a date' }),
    ]) {
      expect(fn).toThrow(KqlError);
    }
  });

  // Engine bug: schema inference runs before validation, so malformed rows escape as TypeErrors.
  it('{ rows: "x" } (rows not an array, no schema) is a KqlError, not "TypeError: rows.map is not a function"', () => {
    expect(() => runKql('T | take 1', { T: { rows: 'x' } as never })).toThrow(KqlError);
  });
  it('[null] (a null row, no schema) is a KqlError, not "TypeError: Cannot convert undefined or null to object"', () => {
    expect(() => runKql('T | take 1', { T: [null] as never })).toThrow(KqlError);
  });
});
