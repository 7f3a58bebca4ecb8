/**
 * The work of one regular-expression search is bounded (issue 12): RE2 is linear in the text but, in the
 * worst case, proportional to the program size for every character, so a search whose program size x text
 * length exceeds MAX_REGEX_WORK is refused with RUN_LIMIT_EXCEEDED naming the function; below it, the
 * search reports its worst-case work to the run's guard, so a passed deadline is seen before it starts.
 * Patterns RE2 itself rejects (repeat counts over 1,000, programs too large) stay SEM_INVALID_ARGUMENT.
 * No time is measured: the budget is a count, the deadline is timeoutMs: 0.
 */
import { describe, expect, test } from 'vitest';
import { runKql, KqlError, KqlRuntimeError } from '../../src/index.js';
import { MAX_REGEX_WORK } from '../../src/functions/regex.js';

import { thrownKqlError as kqlError } from '../support/thrown.js';

const table = (s: string) => ({ T: { schema: [{ name: 's', type: 'string' as const }], rows: [{ s }] } });

describe('the work of one search is bounded', () => {
  test('the budget', () => {
    expect(MAX_REGEX_WORK).toBe(10_000_000);
  });

  test("the issue's s matches regex strcat('(', s, ')+$'), scaled to 4,000 characters, is refused", () => {
    const s = 'a'.repeat(4000) + '!';
    const err = kqlError(() => runKql('T | where s matches regex strcat("(", s, ")+$")', table(s)));
    expect(err).toBeInstanceOf(KqlRuntimeError);
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toContain('matches regex');
    expect(err.message).toContain('10,000,000');
    expect(err.message).toContain('MAX_REGEX_WORK');
  });

  test("the issue's constant pattern of a? then a, scaled to 1,500 each over 3,000 characters, is refused", () => {
    const q = `T | where s matches regex "${'a?'.repeat(1500)}${'a'.repeat(1500)}"`;
    const err = kqlError(() => runKql(q, table('a'.repeat(3000))));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toContain('matches regex');
  });

  test('every regex function names itself', () => {
    const s = 'a'.repeat(200_000); // [ab]{60}c is 60-odd instructions: over 12 million steps on 200,000 characters
    const p = '"[ab]{60}c"';
    const cases: [string, string][] = [
      [`T | extend x = extract(${p}, 0, s)`, 'extract'],
      [`T | extend x = extract_all(${p}, s)`, 'extract_all'],
      [`T | extend x = replace_regex(s, ${p}, "x")`, 'replace_regex'],
      [`T | extend x = countof(s, ${p}, "regex")`, 'countof'],
      [`T | extend x = indexof_regex(s, ${p})`, 'indexof_regex'],
      [`T | extend x = trim_end(${p}, s)`, 'trim_end'],
      [`T | parse kind=regex s with x:string ${p}`, 'parse'],
    ];
    for (const [q, fn] of cases) {
      const err = kqlError(() => runKql(q, table(s)));
      expect(err.code, q).toBe('RUN_LIMIT_EXCEEDED');
      expect(err.message, q).toContain(`${fn}: searching 200,000 characters`);
    }
  });

  test('searches under the budget answer as before', () => {
    const rows = runKql('T | extend m = s matches regex "a+!$", e = extract("(a+)!", 1, s)', table('a'.repeat(1000) + '!')).rows;
    expect(rows[0].m).toBe(true);
    expect((rows[0].e as string).length).toBe(1000);
  });
});

describe('patterns RE2 rejects', () => {
  test('a repeat count over 1,000 and nested repeats over RE2s limit are invalid patterns', () => {
    for (const p of ['a{1001}', '(a{100}){100}']) {
      const err = kqlError(() => runKql(`print x = "a" matches regex "${p}"`));
      expect(err.code, p).toBe('SEM_INVALID_ARGUMENT');
    }
    expect(runKql('print x = "aaa" matches regex "a{1000}"').rows).toEqual([{ x: false }]);
  });
});

describe('the deadline before a search', () => {
  test('a search of 124,000 steps with timeoutMs: 0 stops with RUN_TIMEOUT', () => {
    const err = kqlError(() => runKql('T | extend x = s matches regex "[ab]{60}c"', table('a'.repeat(2000)), { timeoutMs: 0 }));
    expect(err.code).toBe('RUN_TIMEOUT');
    expect(err.message).toContain('extend');
  });
});
