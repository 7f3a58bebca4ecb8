// Mutated real queries (issue 5): golden queries, Sentinel-like snippets and their token edits,
// random bytes, unicode, huge identifiers and literals, unbalanced brackets and quotes.
import { describe, it } from 'vitest';
import { genCase, mutateQuery, SNIPPETS, tablesForQuery } from '../../scripts/fuzz-lib.js';
import { assertNoFailure } from './helpers.js';

describe('fuzz: mutated real queries', () => {
  it('unmutated snippets run or fail with a KqlError', () => {
    assertNoFailure((r) => { const q = r.pick(SNIPPETS); return { query: q, tables: tablesForQuery(r, q) }; }, 100, 3);
  });
  it('mutated golden queries and snippets', () => {
    assertNoFailure((r) => genCase(r, 'mutated'), 700, 11);
  });
  it('mutated snippets over hostile Sentinel tables', () => {
    assertNoFailure((r) => { const q = mutateQuery(r, r.pick(SNIPPETS)); return { query: q, tables: tablesForQuery(r, q, 0.3) }; }, 400, 13);
  });
});
