/**
 * Deep nesting and huge query text: a KqlSyntaxError or a result, never a RangeError (stack overflow)
 * escaping from the parser, the binder or the compiled expressions. No time is asserted: work that
 * grew without bound would hang until the global testTimeout.
 */
import { describe, expect, test } from 'vitest';
import { analyzeKql, KqlError, KqlSyntaxError, runKql } from '../../src/index.js';
import { MAX_QUERY_DEPTH } from '../../src/parser/parse.js';
import { expectPrototypesUntouched, snapshotPrototypes, thrown } from './helpers.js';

const N = 10_000;
const MB10 = 10 * 1024 * 1024;

/** analyzeKql and runKql each give a result or a KqlSyntaxError pointing inside the query; returns runKql's rows. */
function check(query: string, expectSyntaxError?: boolean): unknown[] | undefined {
  const before = snapshotPrototypes();
  let rows: unknown[] | undefined;
  for (const f of [() => analyzeKql(query), () => (rows = runKql(query).rows)]) {
    const err = thrown(f);
    if (err !== undefined) {
      if (!(err instanceof KqlError)) throw err;
      expect(err).toBeInstanceOf(KqlSyntaxError);
      const lines = query.split(/\r\n|\r|\n/);
      expect(err.line).toBeGreaterThanOrEqual(1);
      expect(err.line).toBeLessThanOrEqual(lines.length);
      expect(err.column).toBeGreaterThanOrEqual(1);
      expect(err.column).toBeLessThanOrEqual(lines[err.line - 1].length + 1);
    }
    if (expectSyntaxError !== undefined) expect(err !== undefined, `error expected: ${expectSyntaxError}`).toBe(expectSyntaxError);
  }
  expectPrototypesUntouched(before);
  return rows;
}

describe('deep nesting in the query', () => {
  test(`${N} nested parentheses`, () => {
    check('print x = ' + '('.repeat(N) + '1' + ')'.repeat(N), true);
  });

  test('a few nested parentheses still work', () => {
    expect(check('print x = ' + '('.repeat(50) + '1' + ')'.repeat(50), false)).toEqual([{ x: 1 }]);
  });

  test(`${N} chained | where true`, () => {
    check('print x = 1' + ' | where true'.repeat(N), true);
  });

  test('a long pipeline under the depth limit runs', () => {
    expect(check('print x = 1' + ' | where true'.repeat(MAX_QUERY_DEPTH - 50), false)).toEqual([{ x: 1 }]);
  });

  test(`print 1+1+... ${N} times, and long and/or chains`, () => {
    check('print x = 1' + '+1'.repeat(N), true);
    check('print x = true' + ' and true'.repeat(N), true);
    check('print x = false' + ' or false'.repeat(N), true);
    expect(check('print x = 1' + '+1'.repeat(500), false)).toEqual([{ x: 501 }]);
  });

  test('deep unary operators, calls, dynamic literals, member access, subqueries', () => {
    for (const q of [
      'print x = ' + '-'.repeat(N) + '1',
      'print x = ' + 'not('.repeat(N) + 'true' + ')'.repeat(N),
      'print x = ' + 'strcat('.repeat(N) + '"a"' + ')'.repeat(N),
      'print x = ' + 'iff(true, '.repeat(N) + '1' + ', 0)'.repeat(N),
      'print x = dynamic(' + '['.repeat(N) + ']'.repeat(N) + ')',
      'print x = dynamic({"a": 1})' + "['a']".repeat(N),
      'print x = dynamic({"a": 1})' + '.a'.repeat(N),
      'print x = 1 | union ' + '(print x = 1 | union '.repeat(2000) + '(print x = 1)' + ')'.repeat(2000),
      'print x = toscalar(' + 'toscalar('.repeat(N) + '1' + ')'.repeat(N) + ')',
    ]) {
      check(q);
    }
  });
});

describe(`${N} let statements`, () => {
  const lets = (f: (i: number) => string) => Array.from({ length: N }, (_, i) => `let v${i} = ${f(i)};`).join('\n');

  test('independent lets bind without copying the scope per let, and run', () => {
    expect(check(`${lets((i) => String(i))}\nprint v${N - 1}`, false)).toEqual([{ print_0: N - 1 }]);
  });

  test('lets that each use the previous one: a result or a KqlError, never a RangeError', () => {
    for (const q of [
      `${lets((i) => (i === 0 ? '1' : `v${i - 1} + 1`))}\nprint v${N - 1}`,
      `${lets((i) => (i === 0 ? 'print x = 1' : `v${i - 1} | extend x = x + 1`))}\nv${N - 1}`,
    ]) {
      const before = snapshotPrototypes();
      expect(thrown(() => analyzeKql(q))).toBeUndefined();
      const err = thrown(() => runKql(q));
      if (err !== undefined) expect(err, String(err)).toBeInstanceOf(KqlError);
      expectPrototypesUntouched(before);
    }
  });
});

describe('a 10 MB query text', () => {
  test('one huge string literal is a value (the string token does not exhaust the regex engine)', () => {
    const rows = check('print x = "' + 'a'.repeat(MB10) + '"', false) as { x: string }[];
    expect(rows[0].x.length).toBe(MB10);
  });

  test('a huge comment', () => {
    expect(check('// ' + 'x'.repeat(MB10) + '\nprint x = 1', false)).toEqual([{ x: 1 }]);
  });

  test('10 MB of pipe operators', () => {
    const unit = ' | extend y = 1';
    check('print x = 1' + unit.repeat(Math.ceil(MB10 / unit.length)), true);
  });

  test('a 10 MB in-list', () => {
    const items = Array.from({ length: 1_500_000 }, (_, i) => i).join(',');
    expect(items.length).toBeGreaterThan(MB10);
    check(`print x = 1 in (${items})`, true);
  });

  // Lexing invalid characters is slow in Chevrotain (about 5 s for 10 MB), so this one is 1 MB.
  test('1 MB of garbage bytes', () => {
    let s = '';
    let seed = 7;
    const chars = '([{"\'@<|;,.~!#$%^&*)]}\n\\ab1';
    while (s.length < MB10 / 10) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      s += chars[seed % chars.length].repeat(1 + (seed % 7));
    }
    check(s);
  });
});
