import { describe, expect, it } from 'vitest';
import { checkFixtureRows, checkFixtureTable, knownFixtureSchema } from '../../src/runtime/fixture-check.js';
import { closestName, editDistance } from '../../src/runtime/closest-name.js';
import type { ColumnSchema } from '../../src/runtime/types.js';

const schema: ColumnSchema[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'ResultType', type: 'string' },
  { name: 'Port', type: 'int' },
  { name: 'Bytes', type: 'long' },
  { name: 'Score', type: 'real' },
  { name: 'Ok', type: 'bool' },
  { name: 'Took', type: 'timespan' },
  { name: 'Id', type: 'guid' },
  { name: 'Props', type: 'dynamic' },
];

describe('closestName', () => {
  it('prefers a name equal but for case, then the smallest edit distance, ties to the earlier candidate', () => {
    expect(closestName('resulttype', ['ResultTypes', 'ResultType'])).toBe('ResultType');
    expect(closestName('ResultTyp', ['TimeGenerated', 'ResultType', 'ResultDescription'])).toBe('ResultType');
    expect(closestName('SiginLogs', ['SigninLogs'])).toBe('SigninLogs'); // a transposition is one edit
    expect(closestName('Usr', ['Ip', 'User'])).toBe('User');
    expect(closestName('Usr', ['Uzr', 'User'])).toBe('Uzr');
  });

  it('suggests nothing when no candidate is close, for one-letter names, for the name itself or for huge names', () => {
    expect(closestName('DestPort', ['DestinationPort', 'SourceIP'])).toBeUndefined();
    expect(closestName('x', ['y'])).toBeUndefined();
    expect(closestName('X', ['x'])).toBe('x');
    expect(closestName('User', ['User'])).toBeUndefined();
    expect(closestName('a'.repeat(5000), ['a'.repeat(4999)])).toBeUndefined();
    expect(closestName('', ['a'])).toBeUndefined();
  });

  it('editDistance counts insertions, deletions, substitutions and transpositions, and stops past max', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(Infinity);
    expect(editDistance('a', 'abcd', 2)).toBe(Infinity);
  });
});

describe('checkFixtureRows', () => {
  it('an unknown column once per table, with its first row, its row count and the closest schema column', () => {
    const rows = [{ ResultType: '0' }, { ResultTyp: '50126' }, { ResultTyp: '0', Extra: 1 }];
    expect(checkFixtureRows('SigninLogs', rows, schema)).toEqual([
      { kind: 'unknown-column', row: 1, column: 'ResultTyp', count: 2, suggestion: 'ResultType', message: "table SigninLogs, row 2: unknown column 'ResultTyp' (did you mean ResultType?); 2 rows have it" },
      { kind: 'unknown-column', row: 2, column: 'Extra', count: 1, message: "table SigninLogs, row 3: unknown column 'Extra' (not in the table's schema: queries never see it)" },
    ]);
  });

  it('a column that differs only in case is unknown (names are case-sensitive), with the right spelling', () => {
    const [issue] = checkFixtureRows('T', [{ resulttype: '0' }], schema);
    expect(issue).toMatchObject({ kind: 'unknown-column', column: 'resulttype', suggestion: 'ResultType' });
  });

  it.each([
    ['Port', 'abc', 'int'],
    ['Port', 3_000_000_000, 'int'],
    ['Port', '12abc', 'int'],
    ['Bytes', 'lots', 'long'],
    ['Bytes', '99999999999999999999999', 'long'],
    ['Bytes', true === true ? { n: 1 } : 0, 'long'],
    ['Score', 'high', 'real'],
    ['TimeGenerated', 'yesterday', 'datetime'],
    ['TimeGenerated', '2024-13-45T00:00:00Z', 'datetime'],
    ['Ok', 'yes', 'bool'],
    ['Ok', 2, 'bool'],
    ['Took', '5 minutes', 'timespan'],
    ['Id', 42, 'guid'],
    ['Props', '['.repeat(2000) + ']'.repeat(2000), 'dynamic'],
    ['Props', 5n, 'dynamic'],
  ])('a bad value: %s = %s is not a valid %s', (column, value, type) => {
    const issues = checkFixtureRows('T', [{ [column]: value }], schema);
    expect(issues).toEqual([expect.objectContaining({ kind: 'bad-value', row: 0, column, value, type })]);
    expect(issues[0].message).toMatch(new RegExp(`^table T, row 1: column ${column}: .* is not a valid ${type}.*: it reads as null$`));
  });

  it('the int range is named for a whole number too large for an int', () => {
    expect(checkFixtureRows('T', [{ Port: 3_000_000_000 }], schema)[0].message).toBe('table T, row 1: column Port: 3000000000 is not a valid int (int holds -2147483648 to 2147483647): it reads as null');
    expect(checkFixtureRows('T', [{ Port: 'abc' }], schema)[0].message).toBe("table T, row 1: column Port: 'abc' is not a valid int: it reads as null");
  });

  it('no false positives on valid data of every type, on nulls, or on empty and blank text', () => {
    const rows = [
      { TimeGenerated: '2024-05-01T10:00:00Z', ResultType: 0, Port: '443', Bytes: 9007199254740993n, Score: '1.5', Ok: 'true', Took: '00:05:00', Id: '2f1b6c1e-0000-4000-8000-000000000000', Props: '{"a":1}' },
      { TimeGenerated: new Date(0), ResultType: { x: 1 }, Port: 80, Bytes: '12', Score: 2, Ok: 1, Took: 300000, Id: 'not-a-guid-but-text', Props: 'plain text' },
      { TimeGenerated: null, ResultType: null, Port: '', Bytes: '  ', Score: undefined, Ok: '', Took: '1.02:03:04', Id: '', Props: 'null' },
      { TimeGenerated: 1714557600000, Ok: false, Took: '5m', Props: [1, 2] },
    ];
    expect(checkFixtureRows('T', rows, schema)).toEqual([]);
  });

  it('stops after maxIssues, and counts every row of an unknown column it reported', () => {
    const rows = Array.from({ length: 1000 }, () => ({ Port: 'x', Typo: 1 }));
    const issues = checkFixtureRows('T', rows, schema, { maxIssues: 5 });
    expect(issues).toHaveLength(5);
    expect(issues[0]).toMatchObject({ kind: 'bad-value', row: 0 });
    expect(issues[1]).toMatchObject({ kind: 'unknown-column', column: 'Typo', count: 1000 });
    expect(checkFixtureRows('T', rows, schema)).toHaveLength(20);
  });

  it('skips rows that are not objects and getters that throw, never throws', () => {
    const bad = { get Port(): never { throw new TypeError('getter'); } };
    expect(checkFixtureRows('T', [5, null, [1], bad, { Port: 'x' }] as unknown[], schema)).toEqual([expect.objectContaining({ row: 4, column: 'Port' })]);
  });

  it('untrusted column names are plain names', () => {
    const row = JSON.parse('{"__proto__": 1, "constructor": 2}') as Record<string, unknown>;
    const issues = checkFixtureRows('T', [row], schema);
    expect(issues.map((i) => i.column)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('knownFixtureSchema / checkFixtureTable', () => {
  it('the schema given with the rows, else options.schemas, else the built-in one, else none', () => {
    expect(knownFixtureSchema('X', { schema, rows: [] })).toBe(schema);
    expect(knownFixtureSchema('X', [], { X: schema })).toBe(schema);
    expect(knownFixtureSchema('SigninLogs', [])?.some((c) => c.name === 'ResultType')).toBe(true);
    expect(knownFixtureSchema('NoSuchTable', [])).toBeUndefined();
    expect(knownFixtureSchema('__proto__', [])).toBeUndefined();
  });

  it('checks a built-in table, and nothing for a table without a known schema', () => {
    expect(checkFixtureTable('SigninLogs', [{ ResultTyp: '0' }])).toEqual([expect.objectContaining({ suggestion: 'ResultType' })]);
    expect(checkFixtureTable('CommonSecurityLog', [{ DestinationPort: 'abc' }])).toEqual([expect.objectContaining({ kind: 'bad-value', type: 'int' })]);
    expect(checkFixtureTable('MyTable', [{ Anything: 'x' }])).toEqual([]);
    expect(checkFixtureTable('T', { schema, rows: [{ Prot: 1 }] })).toEqual([expect.objectContaining({ suggestion: 'Port' })]);
  });
});
