/**
 * Deadlines and limits while the query text is lexed and parsed (issue 12). The lexer stops at the first
 * token past MAX_QUERY_TOKENS and at the first invalid character; brackets nested deeper than
 * MAX_QUERY_DEPTH are rejected where they are, before the parser recurses; lexing and parsing tick the
 * run's guard. No time is measured: counts of tokens lexed, positions, and timeoutMs: 0.
 */
import { describe, expect, test } from 'vitest';
import { runKql, KqlRuntimeError, KqlSyntaxError } from '../../src/index.js';
import { MAX_QUERY_DEPTH, MAX_QUERY_TOKENS, parseQuery } from '../../src/parser/parse.js';
import { TooManyTokens, tokenizeLimited } from '../../src/parser/tokens.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('the token limit stops the lexer early', () => {
  test('1 MB of ( is rejected after MAX_QUERY_TOKENS tokens, not after a million', () => {
    let lexed = 0;
    const err = thrown(() => tokenizeLimited('('.repeat(1_000_000), MAX_QUERY_TOKENS, () => lexed++));
    expect(err).toBeInstanceOf(TooManyTokens);
    expect(lexed).toBe(MAX_QUERY_TOKENS);
    expect((err as TooManyTokens).token.startOffset).toBe(MAX_QUERY_TOKENS);
  });

  test('10 MB of | is a KqlSyntaxError at the first token past the limit', () => {
    const err = thrown(() => parseQuery('|'.repeat(10_000_000))) as KqlSyntaxError;
    expect(err).toBeInstanceOf(KqlSyntaxError);
    expect(err.message).toContain(MAX_QUERY_TOKENS.toLocaleString('en-US'));
    expect({ line: err.line, column: err.column }).toEqual({ line: 1, column: MAX_QUERY_TOKENS + 1 });
  });

  test('the lexer stops at the first invalid character: a megabyte of junk after it is not read', () => {
    let lexed = 0;
    const result = tokenizeLimited('print 1 ' + '#'.repeat(1_000) + ' x'.repeat(100_000), MAX_QUERY_TOKENS, () => lexed++);
    expect(result.errors).toHaveLength(1);
    expect(lexed).toBe(2);
    const err = thrown(() => parseQuery('print x = #' + ' 1'.repeat(10))) as KqlSyntaxError;
    expect(err.code).toBe('SYN_UNEXPECTED_CHARACTER');
    expect({ line: err.line, column: err.column, length: err.span.length }).toEqual({ line: 1, column: 11, length: 1 });
  });
});

describe('bracket nesting is rejected where it happens', () => {
  test(`parentheses deeper than ${MAX_QUERY_DEPTH} point at the first one too deep`, () => {
    const prefix = 'print x = ';
    const err = thrown(() => parseQuery(prefix + '('.repeat(50_000) + '1' + ')'.repeat(50_000))) as KqlSyntaxError;
    expect(err).toBeInstanceOf(KqlSyntaxError);
    expect(err.message).toContain('nested too deeply');
    expect({ line: err.line, column: err.column }).toEqual({ line: 1, column: prefix.length + MAX_QUERY_DEPTH + 1 });
  });

  test('dynamic arrays nested deeper than the limit likewise', () => {
    const prefix = 'print x = dynamic(';
    const err = thrown(() => parseQuery(prefix + '['.repeat(MAX_QUERY_DEPTH + 1) + ']'.repeat(MAX_QUERY_DEPTH + 1) + ')')) as KqlSyntaxError;
    expect(err).toBeInstanceOf(KqlSyntaxError);
    // dynamic( is the first level: the 1,000th [ is one too deep.
    expect(err.column).toBe(prefix.length + MAX_QUERY_DEPTH);
  });

  test('a few nested brackets still parse and run', () => {
    expect(runKql('print x = ' + '('.repeat(20) + '1' + ')'.repeat(20)).rows).toEqual([{ x: 1 }]);
  });
});

describe('lexing and parsing honour the deadline', () => {
  // One row, one constant: executing it does no counted work, so only lexing and parsing can see the deadline.
  const longQuery = 'print x = array_length(dynamic([' + Array.from({ length: 3000 }, (_, i) => i).join(',') + ']))';

  test('a query of 6,000 tokens with timeoutMs: 0 stops with RUN_TIMEOUT while it is read', () => {
    const err = thrown(() => runKql(longQuery, {}, { timeoutMs: 0 })) as KqlRuntimeError;
    expect(err).toBeInstanceOf(KqlRuntimeError);
    expect(err.code).toBe('RUN_TIMEOUT');
  });

  test('the parser alone ticks per token consumed', () => {
    let units = 0;
    parseQuery(longQuery, { tick: (n = 1) => { units += n; } });
    // 1 unit per token lexed, 8 per token parsed: 9 per token at least.
    expect(units).toBeGreaterThanOrEqual(9 * 6000);
  });

  test('without a deadline the same query runs', () => {
    expect(runKql(longQuery).rows).toEqual([{ x: 3000 }]);
  });
});
