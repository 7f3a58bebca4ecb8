/** Spellings real rules use: datetime(now), containscs, multi-column functions in print and extend. */
import { describe, expect, it } from 'vitest';
import { runKql, analyzeKql } from '../../src/index.js';

const now = new Date('2024-05-02T10:30:00Z');

describe('datetime(now) and datetime(today)', () => {
  it('are the query clock and the start of its day', () => {
    expect(runKql('print a = datetime(now), b = datetime(today)', {}, { now }).rows).toEqual([{ a: now, b: new Date('2024-05-02T00:00:00Z') }]);
  });
});

describe('containscs', () => {
  it('is the old spelling of contains_cs (case-sensitive)', () => {
    expect(runKql('print a = "aXb" containscs "X", b = "aXb" containscs "x", c = "" containscs ""', {}).rows).toEqual([{ a: true, b: false, c: true }]);
  });
});

describe('functions with several result columns', () => {
  it('print keeps only the named columns; extend names the first ones and keeps the rest (analyzer)', () => {
    const r = runKql('print (mn, mnIdx) = series_stats(dynamic([3, 1, 2]))', {});
    expect(r.columns).toEqual([{ name: 'mn', type: 'real' }, { name: 'mnIdx', type: 'long' }]);
    expect(r.rows).toEqual([{ mn: 1, mnIdx: 1 }]);
    const cols = analyzeKql('T | extend (r2, slope) = series_fit_line(s)', { schemas: { T: [{ name: 's', type: 'dynamic' }] } }).columns.map((c) => c.name);
    expect(cols).toEqual(['s', 'r2', 'slope', 'series_fit_line_s_variance', 'series_fit_line_s_rvariance', 'series_fit_line_s_interception', 'series_fit_line_s_line_fit']);
  });
  it('series_fill_* results are named after their argument', () => {
    expect(analyzeKql('T | extend series_fill_linear(s)', { schemas: { T: [{ name: 's', type: 'dynamic' }] } }).columns).toEqual([{ name: 's', type: 'dynamic' }]);
  });
});
