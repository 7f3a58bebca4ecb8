// Grammar-aware random queries over random typed tables T and T2 (issue 5): every case ends in a
// result or a KqlError with a position inside the query, leaving prototypes and the (deep-frozen)
// input tables untouched. Speed is not checked here: `npm run fuzz` reports cases slower than 1 s.
import { describe, it } from 'vitest';
import { genQuery, genTables } from '../../scripts/fuzz-lib.js';
import { assertNoFailure } from './helpers.js';

describe('fuzz: grammar-aware queries', () => {
  it('random pipelines over well-typed data', () => {
    assertNoFailure((r) => ({ query: genQuery(r), tables: genTables(r, 0.02) }), 1000);
  });
  it('random pipelines over hostile data', () => {
    assertNoFailure((r) => ({ query: genQuery(r), tables: genTables(r, 0.6, 8) }), 600, 7);
  });
});
