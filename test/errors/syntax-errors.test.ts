/**
 * Syntax errors: class, code and 1-based line/column.
 * Oracle (Microsoft's analyzer) agreement is noted per case; its offsets are 0-based.
 * An unknown operator after a pipe is a semantic error (SEM_UNSUPPORTED, by design since c957ee0): see semantic-errors.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { analyzeKql, KqlSyntaxError } from '../../src/index.js';

const SCHEMAS = {
  T: [
    { name: 'a', type: 'string' as const },
    { name: 'n', type: 'long' as const },
  ],
};

function syntaxError(query: string): KqlSyntaxError {
  try {
    analyzeKql(query, { schemas: SCHEMAS });
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(KqlSyntaxError);
    return e as KqlSyntaxError;
  }
  throw new Error(`expected a syntax error for: ${query}`);
}

type Case = [title: string, query: string, code: string, line: number, column: number];

const CASES: Case[] = [
  // oracle KS001 "Missing: \"" (reported at the end); we point at the opening quote
  ['unterminated double-quoted string', 'T | where a == "abc', 'SYN_UNTERMINATED_STRING', 1, 16],
  ['unterminated single-quoted string', "T | where a == 'abc", 'SYN_UNTERMINATED_STRING', 1, 16],
  ['unterminated string in print', 'print x = "abc', 'SYN_UNTERMINATED_STRING', 1, 11],
  // oracle KS006 "Missing expression"
  ['unexpected token: ) where an operand belongs', 'T | where a == )', 'SYN_UNEXPECTED_TOKEN', 1, 16],
  ['unexpected token: stray )', 'T | where a == "x" )', 'SYN_UNEXPECTED_TOKEN', 1, 20],
  ['unexpected token: empty pipe', 'T | | count', 'SYN_UNEXPECTED_TOKEN', 1, 5],
  ['unexpected token: let without a name', 'let = 1; T', 'SYN_UNEXPECTED_TOKEN', 1, 5],
  ['unexpected token: top without a count', 'T | top by n', 'SYN_UNEXPECTED_TOKEN', 1, 12],
  ['unexpected token: missing json value', 'print x = dynamic({"a": })', 'SYN_UNEXPECTED_TOKEN', 1, 25],
  // missing operand after where: we point at the operator
  ['missing operand after where (end of query)', 'T | where', 'SYN_UNEXPECTED_TOKEN', 1, 5],
  ['missing operand after where (before a pipe)', 'T | where | count', 'SYN_UNEXPECTED_TOKEN', 1, 5],
  ['missing expression after a comma', 'T | project a,', 'SYN_UNEXPECTED_TOKEN', 1, 15],
  ['missing right operand', 'print 1 +', 'SYN_UNEXPECTED_TOKEN', 1, 10],
  ['missing ) in a call', 'print (1', 'SYN_UNEXPECTED_TOKEN', 1, 9],
  ['trailing pipe', 'T | where n > 1 |', 'SYN_UNEXPECTED_TOKEN', 1, 18],
  ['sort by without a key', 'T | sort by', 'SYN_UNEXPECTED_TOKEN', 1, 12],
  ['summarize ... by without a key', 'T | summarize count() by', 'SYN_UNEXPECTED_TOKEN', 1, 25],
  ['unexpected character', 'print x = #', 'SYN_UNEXPECTED_CHARACTER', 1, 11],
  ['invalid datetime literal', 'print x = datetime(2024-13-01)', 'SYN_BAD_LITERAL', 1, 11],
  // multi-line queries: the error is on line 3
  ['multi-line: unterminated string on line 3', 'T\n| where n > 1\n| where a == "x', 'SYN_UNTERMINATED_STRING', 3, 14],
  ['multi-line: an unterminated string on line 3 after CRLF line ends', 'T\r\n| where n > 1\r\n| where a == "x', 'SYN_UNTERMINATED_STRING', 3, 14],
  ['multi-line: missing operand on line 3', 'T\n| where n > 1\n| where n >', 'SYN_UNEXPECTED_TOKEN', 3, 12], // just past the '>'
];

describe('syntax errors', () => {
  it.each(CASES)('%s', (_title, query, code, line, column) => {
    const e = syntaxError(query);
    expect({ code: e.code, line: e.line, column: e.column }, e.message).toEqual({ code, line, column });
    expect(e.phase).toBe('syntax');
    expect(e.message).toContain(`line ${line}, column ${column}`);
  });

  it('an empty query is an error', () => {
    expect(() => analyzeKql('   ')).toThrow();
  });

  // Engine bugs: two expressions side by side with no ';' are accepted as two statements,
  // so the second is bound as a table name instead of failing to parse. Kusto (oracle KS005 "Expected: ,"/";") rejects them.
  it('T | project a b  -> syntax error at b (oracle KS005 Expected: ,)', () => {
    const e = syntaxError('T | project a b');
    expect([e.line, e.column]).toEqual([1, 15]);
  });
  it('T $ x -> syntax error at $ (oracle KS005 Expected: ;)', () => {
    const e = syntaxError('T $ x');
    expect([e.line, e.column]).toEqual([1, 3]);
  });
  it('print x = 1d2 -> unknown name, not a literal (oracle: KS142, 1d2 is a name; `print 1d2 = 3` is valid)', () => {
    expect(() => analyzeKql('print x = 1d2')).toThrow(/Unknown column or variable '1d2'/);
    expect(analyzeKql('print 1d2 = 3').columns).toEqual([{ name: '1d2', type: 'long' }]);
  });
});
