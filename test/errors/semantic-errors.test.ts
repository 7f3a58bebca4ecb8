/**
 * Semantic errors: class, code, 1-based line/column and (where useful) the name in the message.
 * Every case here is also rejected by Microsoft's analyzer (oracle code noted); mismatches are listed at the end.
 */
import { describe, expect, it } from 'vitest';
import { analyzeKql, runKql, KqlSemanticError } from '../../src/index.js';
import { analyzeWithOracle } from '../support/oracle.js';

const SCHEMAS = {
  T: [
    { name: 'a', type: 'string' as const },
    { name: 'n', type: 'long' as const },
    { name: 'd', type: 'dynamic' as const },
  ],
  U: [
    { name: 'a', type: 'string' as const },
    { name: 'm', type: 'long' as const },
  ],
};

function semanticError(query: string): KqlSemanticError {
  try {
    analyzeKql(query, { schemas: SCHEMAS });
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(KqlSemanticError);
    return e as KqlSemanticError;
  }
  throw new Error(`expected a semantic error for: ${query}`);
}

type Case = [title: string, query: string, code: string, line: number, column: number, mentions: string | null, oracleCode: string | null];

const CASES: Case[] = [
  ['unknown column', 'T | where zz > 1', 'SEM_UNKNOWN_COLUMN', 1, 11, 'zz', 'KS142'],
  ['unknown column in project', 'T | project a, Missing', 'SEM_UNKNOWN_COLUMN', 1, 16, 'Missing', 'KS142'],
  ['unknown table', 'Nope | count', 'SEM_UNKNOWN_TABLE', 1, 1, 'Nope', 'KS204'],
  ['unknown table in union', 'union T, Nope', 'SEM_UNKNOWN_TABLE', 1, 10, 'Nope', 'KS204'],
  ['unknown function', 'T | extend x = foo(1)', 'SEM_UNKNOWN_FUNCTION', 1, 16, 'foo', 'KS211'],
  ['wrong argument count (too many)', 'T | where strlen(a, 1) > 0', 'SEM_WRONG_ARGUMENT_COUNT', 1, 11, 'strlen', 'KS119'],
  ['wrong argument count (too few)', 'print x = iff(true, 1)', 'SEM_WRONG_ARGUMENT_COUNT', 1, 11, 'iff', 'KS119'],
  ['type mismatch: where 1 + "a"', 'T | where 1 + "a"', 'SEM_TYPE_MISMATCH', 1, 15, null, 'KS106'],
  ['type mismatch: strlen(1)', 'print strlen(1)', 'SEM_TYPE_MISMATCH', 1, 14, 'strlen', 'KS141'],
  ['type mismatch: where on a long column', 'T | where n', 'SEM_TYPE_MISMATCH', 1, 11, null, 'KS141'],
  ['type mismatch: where Count on a long', 'T | count | where Count', 'SEM_TYPE_MISMATCH', 1, 19, null, 'KS141'],
  ['type mismatch: long < string', 'T | where n < "a"', 'SEM_TYPE_MISMATCH', 1, 15, null, 'KS106'],
  ['type mismatch: has on a long', 'T | where n has "a"', 'SEM_TYPE_MISMATCH', 1, 11, null, 'KS106'],
  ['type mismatch: sum of a string', 'T | summarize sum(a)', 'SEM_TYPE_MISMATCH', 1, 19, null, 'KS138'],
  ['type mismatch: mv-expand a long', 'T | mv-expand n', 'SEM_TYPE_MISMATCH', 1, 15, null, 'KS141'],
  ['aggregate outside summarize: where', 'T | where count() > 1', 'SEM_AGGREGATE_CONTEXT', 1, 11, 'count', 'KS144'],
  ['aggregate outside summarize: extend', 'T | extend x = sum(n)', 'SEM_AGGREGATE_CONTEXT', 1, 16, 'sum', 'KS144'],
  ['aggregate outside summarize: print', 'print count()', 'SEM_AGGREGATE_CONTEXT', 1, 7, 'count', 'KS144'],
  ['non-aggregate in summarize', 'T | summarize x = n', 'SEM_AGGREGATE_CONTEXT', 1, 19, null, 'KS236'],
  ['join on a column missing on the right', 'T | join (U) on n', 'SEM_UNKNOWN_COLUMN', 1, 17, 'n', 'KS145'],
  ['join on a column missing on the left', 'T | join (U) on m', 'SEM_UNKNOWN_COLUMN', 1, 17, 'm', 'KS145'],
  ['join $right column missing', 'T | join (U) on $left.n == $right.zz', 'SEM_UNKNOWN_COLUMN', 1, 28, 'zz', 'KS142'],
  ['project of a duplicate name', 'T | project a, a', 'SEM_DUPLICATE_COLUMN', 1, 16, 'a', 'KS171'],
  ['project of a duplicate alias', 'T | project n, n = a', 'SEM_DUPLICATE_COLUMN', 1, 16, 'n', 'KS171'],
  ['project-rename onto an existing name', 'T | project-rename n = a', 'SEM_DUPLICATE_COLUMN', 1, 5, 'n', 'KS171'],
  // unknown operator after a pipe: parsed, then rejected by the binder (oracle: KS176 "Query operator expected.")
  ['unknown operator after a pipe', 'T | frobnicate x', 'SEM_UNSUPPORTED', 1, 5, 'frobnicate', 'KS176'],
  ['multi-line: unknown operator on line 3', 'T\n| where n > 1\n| frob', 'SEM_UNSUPPORTED', 3, 3, 'frob', 'KS176'],
  ['multi-line with CRLF: unknown operator on line 3', 'T\r\n| where n > 1\r\n| frob', 'SEM_UNSUPPORTED', 3, 3, 'frob', 'KS176'],
  ['multi-line: unknown column on line 3', 'T\n| where n > 1\n| where zz > 1', 'SEM_UNKNOWN_COLUMN', 3, 9, 'zz', 'KS142'],
  ['multi-line: type mismatch on line 3', 'T\n| extend x = 1\n| where x < "s"', 'SEM_TYPE_MISMATCH', 3, 13, null, 'KS106'],
];

describe('semantic errors', () => {
  it.each(CASES)('%s', (_title, query, code, line, column, mentions) => {
    const e = semanticError(query);
    expect({ code: e.code, line: e.line, column: e.column }, e.message).toEqual({ code, line, column });
    expect(e.phase).toBe('semantic');
    if (mentions) expect(e.message).toContain(`'${mentions}'`);
  });

  it.each(CASES)('oracle agreement: %s', (_title, query, _code, _line, _column, _mentions, oracleCode) => {
    const r = analyzeWithOracle(query, SCHEMAS);
    if (oracleCode) expect(r.errors.map((x) => x.code)).toContain(oracleCode);
    else expect(r.errors).toEqual([]); // the engine is stricter than the analyzer here
  });

  it('runKql reports the same error before touching data', () => {
    const tables = { T: { schema: SCHEMAS.T, rows: [{ a: 'x', n: 1, d: null }] } };
    for (const q of ['T | where zz > 1', 'T | where strlen(a, 1) > 0', 'T | where count() > 1']) {
      expect(() => runKql(q, tables)).toThrow(KqlSemanticError);
    }
    try {
      runKql('Missing | take 1', {});
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(KqlSemanticError);
      expect((e as KqlSemanticError).code).toBe('SEM_UNKNOWN_TABLE');
      expect((e as KqlSemanticError).message).toContain('Missing');
    }
  });

  // Engine bugs: the oracle (KS171 "A column with the name 'x' is already declared") rejects these; the engine accepts them.
  it('extend of the same new name twice is a duplicate (oracle KS171)', () => {
    const e = semanticError('T | extend x = 1, x = 2');
    expect([e.code, e.line, e.column]).toEqual(['SEM_DUPLICATE_COLUMN', 1, 19]);
  });
  it('print of the same name twice is a duplicate (oracle KS171)', () => {
    const e = semanticError('print x = 1, x = 2');
    expect([e.code, e.line, e.column]).toEqual(['SEM_DUPLICATE_COLUMN', 1, 14]);
  });

  // A dynamic value cannot be a grouping/ordering key (oracle KS116 "The value of type 'dynamic' is not allowed in this context").
  it('summarize by a dynamic column is a type mismatch (oracle KS116)', () => {
    const e = semanticError('T | summarize count() by d');
    expect([e.code, e.line, e.column]).toEqual(['SEM_TYPE_MISMATCH', 1, 26]);
    expect(analyzeWithOracle('T | summarize count() by d', SCHEMAS).errors.map((x) => x.code)).toContain('KS116');
  });
  // Engine bugs: the same rule is not applied to distinct and sort, which the engine runs over dynamic keys.
  it('distinct on a dynamic column is a type mismatch (oracle KS116)', () => {
    const e = semanticError('T | distinct d');
    expect([e.code, e.line, e.column]).toEqual(['SEM_TYPE_MISMATCH', 1, 14]);
  });
  it('sort by a dynamic column is a type mismatch (oracle KS116)', () => {
    const e = semanticError('T | sort by d');
    expect([e.code, e.line, e.column]).toEqual(['SEM_TYPE_MISMATCH', 1, 13]);
  });

  // Where the engine is stricter than the oracle (documented, not bugs):
  it('the engine rejects datetime * long; the oracle accepts it (types it datetime)', () => {
    expect(analyzeWithOracle('print x = datetime(2024-01-01) * 2').errors).toEqual([]);
    expect(semanticError('print x = datetime(2024-01-01) * 2').code).toBe('SEM_TYPE_MISMATCH');
  });
});
