/** Table text as rows (src/tables/table-text.ts), shared by the file loaders and the playground. */
import { describe, expect, it } from 'vitest';
import { guessTableTextFormat, parseTableText, TableTextError } from '../../src/tables/table-text.js';
import { thrownError } from '../support/thrown.js';

/** The TableTextError `f` throws, as its message and line. */
const problem = (f: () => unknown) => {
  const err = thrownError(f, TableTextError);
  return { message: err.message, line: err.line };
};

describe('table text', () => {
  it('guesses the format of pasted text', () => {
    expect(guessTableTextFormat(' [{"a":1}]')).toBe('json');
    expect(guessTableTextFormat('{"rows":[{"a":1}]}')).toBe('json');
    expect(guessTableTextFormat('{"a":1}\n{"a":2}\n')).toBe('ndjson');
    expect(guessTableTextFormat('{\n  "rows": []\n}')).toBe('json');
    expect(guessTableTextFormat('a,b\n1,2')).toBe('csv');
  });

  it('reads JSON, NDJSON and CSV as the file loaders do: exact longs, typed CSV without a schema, a BOM dropped', () => {
    expect(parseTableText('\uFEFF[{"n":9007199254740993}]', 'json')).toEqual([{ n: 9007199254740993n }]);
    expect(parseTableText('{"a":1}\n\n{"a":2}', 'ndjson')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(parseTableText('a,b,c\n1,true,x\n2,false,', 'csv')).toEqual([{ a: 1, b: true, c: 'x' }, { a: 2, b: false, c: '' }]);
    // With a built-in schema the text stays text, for the engine to convert as Sentinel ingests it.
    expect(parseTableText('ResultType,UserPrincipalName\n0,a@contoso.com', 'csv', { tableName: 'SigninLogs' })).toEqual([{ ResultType: '0', UserPrincipalName: 'a@contoso.com' }]);
  });

  it('reports a problem with its line', () => {
    expect(problem(() => parseTableText('{"a":1}\n{"a":', 'ndjson'))).toEqual({ message: expect.stringMatching(/^malformed JSON on this line/), line: 2 });
    expect(problem(() => parseTableText('[1, 2]', 'json'))).toEqual({ message: 'row 1 is not a JSON object', line: undefined });
    expect(problem(() => parseTableText('a,a\n1,2', 'csv'))).toEqual({ message: "malformed CSV: header names column 'a' twice", line: 1 });
  });
});
