/**
 * Hostile caller objects and oversized inputs: whatever the caller passes, runKql, runKqlAsync and
 * analyzeKql answer with a result or a KqlError (issue 5), never a raw TypeError or RangeError.
 */
import { describe, expect, test } from 'vitest';
import { analyzeKql, runKql, runKqlAsync, KqlError, KqlRuntimeError, KqlSemanticError } from '../../src/index.js';
import { MAX_REGEX_LENGTH } from '../../src/functions/regex.js';
import { thrown } from './helpers.js';

const boom = new TypeError('getter failed');
const throwingRow = () => ({ get a(): never { throw boom; } });

function expectInternal(err: unknown): void {
  expect(err).toBeInstanceOf(KqlRuntimeError);
  expect((err as KqlError).code).toBe('RUN_INTERNAL');
  expect((err as KqlError).message).toContain('getter failed');
  expect((err as Error & { cause?: unknown }).cause).toBe(boom);
}

describe('caller objects that throw while they are read', () => {
  test('a row getter that throws is a KqlRuntimeError with the original error as cause', () => {
    expectInternal(thrown(() => runKql('T | take 1', { T: [throwingRow()] })));
  });

  test('a Proxy table that throws on access', () => {
    const table = new Proxy([], { get() { throw boom; } });
    expectInternal(thrown(() => runKql('T | count', { T: table as never })));
  });

  test('a tables object whose property getter throws', () => {
    const tables = Object.defineProperty({}, 'T', { enumerable: true, get() { throw boom; } });
    expectInternal(thrown(() => runKql('T | count', tables)));
  });

  test('a schemas option that throws while it is read, in analyzeKql', () => {
    const schemas = new Proxy({}, { getOwnPropertyDescriptor() { throw boom; }, has() { throw boom; }, ownKeys() { throw boom; } });
    expectInternal(thrown(() => analyzeKql('T | take 1', { schemas })));
  });

  test('runKqlAsync rejects with the same KqlError', async () => {
    const err = await runKqlAsync('T | take 1', { T: [throwingRow()] }).then(() => undefined, (e: unknown) => e);
    expectInternal(err);
  });

  test('a thrown value whose message getter throws still becomes a KqlError', () => {
    const hostile = Object.defineProperty(new Error('x'), 'message', { get() { throw new Error('nested'); } });
    const rows = [{ get a(): never { throw hostile; } }];
    const err = thrown(() => runKql('T | take 1', { T: rows }));
    expect(err).toBeInstanceOf(KqlRuntimeError);
    expect((err as KqlError).code).toBe('RUN_INTERNAL');
  });
});

describe('an unexpected failure inside an operator', () => {
  test('is RUN_INTERNAL pointing at the operator that was running, with the original error as cause', async () => {
    // Simulates an engine bug: toupper() relies on String.prototype.toUpperCase.
    const bug = new TypeError('simulated bug');
    const original = String.prototype.toUpperCase;
    String.prototype.toUpperCase = function toUpperCase(): string { throw bug; };
    try {
      const q = 'print s = "a"\n| where true\n| extend u = toupper(s)';
      for (const err of [thrown(() => runKql(q)), await runKqlAsync(q).then(() => undefined, (e: unknown) => e)]) {
        expect(err).toBeInstanceOf(KqlRuntimeError);
        expect((err as KqlError).code).toBe('RUN_INTERNAL');
        expect((err as KqlError).message).toContain('while running extend: simulated bug');
        expect([(err as KqlError).line, (err as KqlError).column]).toEqual([3, 3]);
        expect((err as Error & { cause?: unknown }).cause).toBe(bug);
      }
    } finally {
      String.prototype.toUpperCase = original;
    }
  });
});

describe('large inputs that used to overflow the stack', () => {
  test('make-series without from/to over 200,000 rows (no spread into Math.min)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ t: 1_000_000 + i }));
    const r = runKql('T | make-series c = count() on t step 100000', { T: { schema: [{ name: 't', type: 'long' }], rows } });
    expect(r.rows).toHaveLength(1);
    expect((r.rows[0].c as number[]).reduce((a, b) => a + b, 0)).toBe(200_000);
  });

  test('a non-positive make-series step computed at run time is RUN_INVALID_VALUE at the step', () => {
    const q = 'let s = toscalar(print 0);\nrange x from 1 to 3 step 1 | make-series count() on x step s';
    const err = thrown(() => runKql(q)) as KqlError;
    expect(err).toBeInstanceOf(KqlRuntimeError);
    expect(err.code).toBe('RUN_INVALID_VALUE');
    expect(err.message).toContain('must be positive, not 0');
    expect([err.line, err.column]).toEqual([2, 60]);
  });
});

describe('regular expressions too long to compile', () => {
  const tooLong = 'a'.repeat(MAX_REGEX_LENGTH + 1);

  test('a constant pattern over the limit is a KqlSemanticError at the pattern', () => {
    const q = `print extract("${tooLong}", 0, "aaa")`;
    const err = thrown(() => runKql(q)) as KqlError;
    expect(err).toBeInstanceOf(KqlSemanticError);
    expect(err.code).toBe('SEM_INVALID_ARGUMENT');
    expect(err.message).toContain('too long');
    expect(err.message.length).toBeLessThan(500);
    expect(err.column).toBe(15);
  });

  test('matches regex and parse kind=regex with such a pattern', () => {
    for (const q of [`print x = "a" | where x matches regex "${tooLong}"`, `print x = "a" | parse kind=regex x with "${tooLong}" y:string`]) {
      const err = thrown(() => runKql(q)) as KqlError;
      expect(err, q.slice(0, 40)).toBeInstanceOf(KqlSemanticError);
      expect(err.message).toContain('too long');
    }
  });

  test('a pattern over the limit computed at run time gives the same as an invalid one (empty / null)', () => {
    const q = 'T | extend e = extract(p, 0, "aaa"), all = extract_all(p, "aaa"), r = replace_regex("aaa", p, "b"), m = "aaa" matches regex p';
    const long = runKql(q, { T: [{ p: tooLong }] }).rows[0];
    const invalid = runKql(q, { T: [{ p: '(a' }] }).rows[0];
    expect(long).toEqual({ ...invalid, p: tooLong });
    expect(long.e).toBe('');
  });

  test('parse in simple mode: a constant too long for the pattern is a KqlSemanticError on the parse', () => {
    const err = thrown(() => runKql(`print x = "a" | parse x with "${tooLong}" y:string`)) as KqlError;
    expect(err).toBeInstanceOf(KqlSemanticError);
    expect(err.message).toContain('The parse pattern does not compile');
  });

  test('parse in simple mode skips the regex for rows that lack a constant', () => {
    // The constants are looked up first: 10,000 rows of 100 KB that lack "=" never reach the regex.
    const rows = Array.from({ length: 10 }, () => ({ s: 'x'.repeat(100_000) }));
    const r = runKql('T | parse s with * "key=" v:string ";" * | where isnotempty(v) | count', { T: rows });
    expect(r.rows[0].Count).toBe(0);
    const hit = runKql('T | parse s with * "key=" v:string ";" *', { T: [{ s: 'x'.repeat(1000) + 'key=abc;' }] });
    expect(hit.rows[0].v).toBe('abc');
  });
});
