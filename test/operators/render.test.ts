/** render (render-operator.md): rows unchanged, the chart kind and properties on the result. */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { expectBothReject, expectOracleSchema } from './oracle-check.js';

const T = { T: [{ name: 'a', type: 'long' as const }, { name: 's', type: 'string' as const }] };

describe('render', () => {
  it('keeps the rows and reports the kind and properties', () => {
    const r = runKql('range x from 1 to 3 step 1 | extend y = x * 2 | render timechart with (title = strcat("a", "b"), xcolumn = x, ycolumns = y, x, kind = stacked, ymin = 1, accumulate = true)', {});
    expect(r.rows).toEqual([{ x: 1, y: 2 }, { x: 2, y: 4 }, { x: 3, y: 6 }]);
    expect(r.render).toEqual({ kind: 'timechart', properties: { title: 'ab', xcolumn: 'x', ycolumns: ['y', 'x'], kind: 'stacked', ymin: 1, accumulate: true } });
  });
  it('without properties; no render without the operator', () => {
    expect(runKql('print a = 1 | render table', {}).render).toEqual({ kind: 'table', properties: {} });
    expect(runKql('print a = 1', {}).render).toBeUndefined();
    expect(runKql('print a = 1 | render 3Dchart', {}).render?.kind).toBe('3Dchart');
  });
  it('schemas and what parses agree with the analyzer', () => {
    expectOracleSchema('T | render timechart', T);
    expectOracleSchema('T | render columnchart with (ycolumns = a, s, title = "x", legend = hidden, ysplit = panels, xaxis = log)', T);
    expectBothReject('T | render foo', T);
    expectBothReject('T | render', T);
    expectBothReject('T | render timechart with (foo = 1)', T);
    expectBothReject('T | render timechart with (xtitle = abc)', T);
  });
});
