/** The parse cache: a text is parsed once, its tree is frozen and shared, errors are thrown every time. */
import { describe, expect, it } from 'vitest';
import { parseCacheStats, parseQueryCached, PARSE_CACHE_ENTRIES } from '../../src/parser/parse-cache.js';
import { runKql } from '../../src/index.js';
import { KqlSyntaxError } from '../../src/errors/index.js';

describe('parse cache', () => {
  it('parses a text once and hands back the same frozen tree', () => {
    const text = `print cached = ${Math.random()}`;
    const before = parseCacheStats().misses;
    const first = parseQueryCached(text);
    const second = parseQueryCached(text);
    expect(second).toBe(first);
    expect(parseCacheStats().misses).toBe(before + 1);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.statements[0])).toBe(true);
    expect(() => {
      (first.statements as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('runs a query from the cached tree with the same result, without parsing it again', () => {
    const query = 'range x from 1 to 5 step 1 | extend y = x * 2 | where y > 4 | summarize s = sum(y), n = count()';
    const first = runKql(query, {});
    const misses = parseCacheStats().misses;
    expect(runKql(query, {})).toEqual(first);
    expect(parseCacheStats().misses).toBe(misses);
    expect(first.rows).toEqual([{ s: 24, n: 3 }]);
  });

  it('throws a syntax error every time rather than keeping it', () => {
    const text = 'T | where (';
    expect(() => parseQueryCached(text)).toThrow(KqlSyntaxError);
    const misses = parseCacheStats().misses;
    expect(() => parseQueryCached(text)).toThrow(KqlSyntaxError);
    expect(parseCacheStats().misses).toBe(misses + 1);
  });

  it('keeps at most PARSE_CACHE_ENTRIES texts, dropping the least recently used', () => {
    const keep = 'print kept = 1';
    parseQueryCached(keep);
    for (let i = 0; i < PARSE_CACHE_ENTRIES + 20; i++) {
      parseQueryCached(`print filler = ${i}`);
      if (i % 50 === 0) parseQueryCached(keep); // used recently: stays
    }
    expect(parseCacheStats().entries).toBeLessThanOrEqual(PARSE_CACHE_ENTRIES);
    const misses = parseCacheStats().misses;
    parseQueryCached(`print filler = ${PARSE_CACHE_ENTRIES + 19}`);
    expect(parseCacheStats().misses).toBe(misses);
    parseQueryCached('print filler = 0'); // the oldest filler: evicted, parsed again
    expect(parseCacheStats().misses).toBe(misses + 1);
  });
});
