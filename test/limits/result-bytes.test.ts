/**
 * The result-size cap (options.maxResultBytes, default 64 MiB, Kusto's truncation size): a result whose
 * estimated size (rows and cells, strings at 2 bytes per character, dynamic values by their contents)
 * passes it is a RUN_LIMIT_EXCEEDED error naming the limit, never a silently truncated result.
 */
import { describe, expect, test } from 'vitest';
import { runKql, DEFAULT_MAX_RESULT_BYTES } from '../../src/index.js';
import { runError as caught } from './helpers.js';

describe('maxResultBytes', () => {
  test('the default is 64 MiB', () => {
    expect(DEFAULT_MAX_RESULT_BYTES).toBe(64 * 1024 * 1024);
  });

  test('a 62 MB single string value is refused under the default', () => {
    const big = 'x'.repeat(62_000_000);
    const err = caught(() => runKql('T | project s', { T: [{ s: big }] }));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toContain('maxResultBytes');
    expect(err.message).toContain('64 MiB');
  });

  test('many small rows over a small cap', () => {
    const err = caught(() => runKql('range x from 1 to 10000 step 1 | extend s = strcat("row ", x)', {}, { maxResultBytes: 100_000 }));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toContain('over the maxResultBytes limit of 97.7 KiB');
  });

  test('dynamic values count by their contents', () => {
    const bag = { list: Array.from({ length: 5000 }, (_, i) => `item ${i}`) };
    const err = caught(() => runKql('T | project d', { T: [{ d: bag }] }, { maxResultBytes: 50_000 }));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toContain('maxResultBytes');
  });

  test('every table of a multi-table result counts (fork)', () => {
    const err = caught(() => runKql('range x from 1 to 3000 step 1 | fork (take 3000) (take 3000)', {}, { maxResultBytes: 200_000 }));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
  });

  test('results under the cap are whole', () => {
    const big = 'y'.repeat(1_000_000);
    const r = runKql('T | project s', { T: [{ s: big }] }, { maxResultBytes: 3_000_000 });
    expect((r.rows[0].s as string).length).toBe(1_000_000);
    expect(caught(() => runKql('T | project s', { T: [{ s: big }] }, { maxResultBytes: 1_000_000 })).code).toBe('RUN_LIMIT_EXCEEDED');
  });

  test('option validation', () => {
    for (const bad of [-5, Number.NaN, 'big' as unknown as number]) {
      const err = caught(() => runKql('print 1', {}, { maxResultBytes: bad }));
      expect(err.code).toBe('RUN_INVALID_OPTION');
      expect(err.message).toContain('options.maxResultBytes');
    }
  });
});
