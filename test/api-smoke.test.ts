/**
 * Smoke test of the public API as a user sees it (src/index.ts exports).
 * Expected values are worked out by hand from the API contract:
 * datetime -> Date, timespan -> milliseconds, dynamic -> plain JSON, null -> null.
 */
import { describe, expect, test } from 'vitest';
import { analyzeKql, KqlError, KqlRuntimeError, runKql } from '../src/index.js';

const NOW = '2024-03-10T12:00:00Z';

describe('public API', () => {
  test('runKql over a table with an explicit schema', () => {
    const r = runKql(
      'T | where n > 1 | extend d = t + 1d, s = 2h | project a, n, d, s',
      {
        T: {
          schema: [
            { name: 'a', type: 'string' },
            { name: 'n', type: 'long' },
            { name: 't', type: 'datetime' },
          ],
          rows: [
            { a: 'x', n: 1, t: new Date('2024-01-01T00:00:00Z') },
            { a: 'y', n: 2, t: '2024-01-31T23:30:00Z' },
          ],
        },
      },
      { now: NOW },
    );
    expect(r.columns).toEqual([
      { name: 'a', type: 'string' },
      { name: 'n', type: 'long' },
      { name: 'd', type: 'datetime' },
      { name: 's', type: 'timespan' },
    ]);
    expect(r.rows).toEqual([{ a: 'y', n: 2, d: new Date('2024-02-01T23:30:00Z'), s: 7_200_000 }]);
    expect(r.rows[0]!.d).toBeInstanceOf(Date);
  });

  test('now() and ago() read the injected clock', () => {
    const r = runKql('print t = now(), y = ago(1d)', {}, { now: NOW });
    expect(r.rows).toEqual([{ t: new Date(NOW), y: new Date('2024-03-09T12:00:00Z') }]);
    const r2 = runKql('print t = now()', {}, { now: Date.parse(NOW) });
    expect(r2.rows[0]!.t).toEqual(new Date(NOW));
  });

  test('dynamic values come out as plain JSON; failed conversions as null', () => {
    const r = runKql('print j = parse_json(\'{"x":[1,"b",null],"y":{"z":true}}\'), n = toint("abc"), s = tostring(1)', {});
    expect(r.columns).toEqual([
      { name: 'j', type: 'dynamic' },
      { name: 'n', type: 'int' },
      { name: 's', type: 'string' },
    ]);
    expect(r.rows).toEqual([{ j: { x: [1, 'b', null], y: { z: true } }, n: null, s: '1' }]);
    const j = r.rows[0]!.j as object;
    expect(Object.getPrototypeOf(j) === Object.prototype || Object.getPrototypeOf(j) === null).toBe(true);
  });

  test('a built-in table name works with plain row arrays', () => {
    const r = runKql('SecurityAlert | project AlertName, AlertSeverity', {
      SecurityAlert: [{ AlertName: 'a1', AlertSeverity: 'High', Extra: 1 }],
    });
    expect(r.columns).toEqual([
      { name: 'AlertName', type: 'string' },
      { name: 'AlertSeverity', type: 'string' },
    ]);
    expect(r.rows).toEqual([{ AlertName: 'a1', AlertSeverity: 'High' }]);
  });

  test('analyzeKql reports the result schema without data', () => {
    expect(analyzeKql('print x = 1, y = "s"').columns).toEqual([
      { name: 'x', type: 'long' },
      { name: 'y', type: 'string' },
    ]);
    expect(
      analyzeKql('T | summarize count() by a', { schemas: { T: [{ name: 'a', type: 'string' }] } }).columns,
    ).toEqual([
      { name: 'a', type: 'string' },
      { name: 'count_', type: 'long' },
    ]);
  });

  test('errors are KqlError with a position', () => {
    expect(() => runKql('T | where', { T: [] })).toThrow(KqlError);
    expect(() => analyzeKql('NoSuchTable | take 1')).toThrow(KqlError);
    try {
      analyzeKql('print x = 1\n| project nope');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KqlError);
      expect((e as KqlError).line).toBe(2);
    }
  });
});

describe('the query clock', () => {
  test('an invalid now option is a KqlRuntimeError, not a silent wall-clock run', () => {
    expect(() => runKql('print now()', {}, { now: 'not a date' })).toThrow(KqlRuntimeError);
    expect(runKql('print now()', {}, { now: '2024-05-02T00:00:00Z' }).rows).toEqual([{ print_0: new Date('2024-05-02T00:00:00Z') }]);
  });
});
