/** Which syntax error is reported when a query has both a grammar error and a bad character later on. */
import { describe, expect, it } from 'vitest';
import { analyzeKql, KqlSyntaxError } from '../../src/index.js';

function syntaxError(query: string): KqlSyntaxError {
  try {
    analyzeKql(query);
  } catch (e) {
    if (e instanceof KqlSyntaxError) return e;
    throw e;
  }
  throw new Error('expected a syntax error');
}

describe('the first problem in the text is reported', () => {
  it('a grammar error before an unterminated string wins (Kusto reports "Expected: ;" there too)', () => {
    const q = "'// note 'AwsAlert' stray quote";
    const e = syntaxError(q);
    expect({ code: e.code, line: e.line, column: e.column }).toEqual({ code: 'SYN_UNEXPECTED_TOKEN', line: 1, column: q.indexOf('AwsAlert') + 1 });
  });
  it('an unterminated string at the end of a well-formed prefix is reported as such', () => {
    const e = syntaxError('T | where a == "x');
    expect({ code: e.code, column: e.column }).toEqual({ code: 'SYN_UNTERMINATED_STRING', column: 16 });
  });
  it('a stray character is reported where it is', () => {
    const e = syntaxError('T\n| where a == 1\\');
    expect({ code: e.code, line: e.line, column: e.column }).toEqual({ code: 'SYN_UNEXPECTED_CHARACTER', line: 2, column: 15 });
  });
});
