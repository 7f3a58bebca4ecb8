import { describe, expect, it } from 'vitest';
import type { KqlType } from '../../src/runtime/types.js';
import { isBindFailure } from '../../src/functions/registry-types.js';
import { lookupBinaryOperator, lookupListOperator } from '../../src/functions/operator-registry.js';
import { CTX, SPAN, dt, ts } from './helpers.js';

function bin(op: string, lt: KqlType, rt: KqlType) {
  const o = lookupBinaryOperator(op);
  if (!o) throw new Error(`no operator ${op}`);
  return o.bind({ type: lt, span: SPAN }, { type: rt, span: SPAN });
}
function ev(op: string, lt: KqlType, rt: KqlType, a: unknown, b: unknown): unknown {
  const r = bin(op, lt, rt);
  if (isBindFailure(r)) throw new Error(r.error);
  return r.call([a, b], CTX);
}
function failsAt(op: string, lt: KqlType, rt: KqlType): number | undefined {
  const r = bin(op, lt, rt);
  if (!isBindFailure(r)) throw new Error(`${lt} ${op} ${rt} should not bind`);
  return r.argIndex;
}

type C = [string, KqlType, KqlType, unknown, unknown, unknown];
// Null rules from null-values.md; string operator examples from datatypes-string-operators.md.
const cases: C[] = [
  ['==', 'long', 'long', 1, 1, true],
  ['==', 'int', 'real', 1, 1.0, true],
  ['==', 'string', 'string', 'aBc', 'aBc', true],
  ['==', 'string', 'string', 'abc', 'ABC', false],
  ['==', 'long', 'long', null, 1, false],
  ['==', 'long', 'long', null, null, null],
  ['==', 'string', 'string', '', '', true],
  ['==', 'dynamic', 'string', 'ip', 'ip', true],
  ['==', 'string', 'dynamic', 'ip', 'host', false],
  ['==', 'dynamic', 'long', 5, 5, true],
  ['==', 'dynamic', 'long', '5', 5, false],
  ['==', 'dynamic', 'string', null, '', false],
  ['==', 'dynamic', 'dynamic', { a: [1] }, { a: [1] }, true],
  ['==', 'datetime', 'datetime', dt('2020-01-01'), dt('2020-01-01'), true],
  ['==', 'bool', 'bool', true, false, false],
  ['!=', 'string', 'string', 'abc', 'ABC', true],
  ['!=', 'long', 'long', null, 5, true],
  ['!=', 'long', 'long', null, null, null],
  ['!=', 'long', 'long', 5, 5, false],
  ['<', 'long', 'real', 1, 1.5, true],
  ['<', 'long', 'long', null, 3, null],
  ['>', 'long', 'long', 5, 3, true],
  ['>=', 'datetime', 'datetime', dt('2020-01-02'), dt('2020-01-01'), true],
  ['<=', 'timespan', 'timespan', ts('1h'), ts('1h'), true],
  ['>', 'dynamic', 'long', 10, 3, true],
  ['>', 'dynamic', 'long', 'x', 3, null],
  ['=~', 'string', 'string', 'abc', 'ABC', true],
  ['=~', 'string', 'string', '', '', true],
  ['=~', 'dynamic', 'string', 'IP', 'ip', true],
  ['!~', 'string', 'string', 'aBc', 'xyz', true],
  ['+', 'long', 'long', 5, 10, 15],
  ['+', 'int', 'long', null, 10, null],
  ['*', 'long', 'long', 5, 10, 50],
  ['/', 'long', 'long', 7, 2, 3],
  ['/', 'long', 'long', -7, 2, -3],
  ['/', 'long', 'long', 1, 0, null],
  ['/', 'real', 'long', 1, 0, Infinity],
  ['/', 'real', 'real', 0, 0, NaN],
  ['%', 'long', 'long', -7, 3, 2], // never negative: numerical-operators.md
  ['%', 'long', 'long', 7, 0, null],
  ['-', 'datetime', 'datetime', dt('2020-01-02'), dt('2020-01-01'), ts('1d')],
  ['+', 'datetime', 'timespan', dt('2020-01-01'), ts('1h'), dt('2020-01-01 01:00')],
  ['-', 'datetime', 'timespan', dt('2020-01-01'), ts('1d'), dt('2019-12-31')],
  ['+', 'timespan', 'timespan', ts('1h'), ts('30m'), ts('01:30:00')],
  ['*', 'timespan', 'long', ts('1h'), 2, ts('2h')],
  ['*', 'long', 'timespan', 3, ts('1m'), ts('3m')],
  ['/', 'timespan', 'timespan', ts('1d'), ts('1h'), 24],
  ['/', 'timespan', 'long', ts('1h'), 2, ts('30m')],
  ['+', 'dynamic', 'long', 2, 3, 5],
  ['+', 'dynamic', 'long', 'x', 3, null],
  ['+', 'dynamic', 'dynamic', 2, 3, 5],
  ['and', 'bool', 'bool', true, true, true],
  ['and', 'bool', 'bool', false, null, false],
  ['and', 'bool', 'bool', true, null, null],
  ['or', 'bool', 'bool', true, null, true],
  ['or', 'bool', 'bool', false, null, null],
  ['or', 'bool', 'bool', false, false, false],
  ['contains', 'string', 'string', 'FabriKam', 'BRik', true],
  ['!contains', 'string', 'string', 'Fabrikam', 'xyz', true],
  ['contains_cs', 'string', 'string', 'FabriKam', 'Kam', true],
  ['!contains_cs', 'string', 'string', 'Fabrikam', 'Kam', true],
  ['contains', 'string', 'string', '', 'a', false],
  ['contains', 'string', 'string', 'abc', '', true],
  ['contains', 'dynamic', 'string', null, 'a', false],
  ['startswith', 'string', 'string', 'Fabrikam', 'fab', true],
  ['!startswith', 'string', 'string', 'Fabrikam', 'kam', true],
  ['startswith_cs', 'string', 'string', 'Fabrikam', 'Fab', true],
  ['!startswith_cs', 'string', 'string', 'Fabrikam', 'fab', true],
  ['endswith', 'string', 'string', 'Fabrikam', 'Kam', true],
  ['!endswith', 'string', 'string', 'Fabrikam', 'brik', true],
  ['endswith_cs', 'string', 'string', 'Fabrikam', 'kam', true],
  ['!endswith_cs', 'string', 'string', 'Fabrikam', 'Kam', true],
  ['has', 'string', 'string', 'North America', 'america', true],
  ['!has', 'string', 'string', 'North America', 'amer', true],
  ['has', 'string', 'string', 'North America', 'amer', false],
  ['has_cs', 'string', 'string', 'North America', 'America', true],
  ['has_cs', 'string', 'string', 'North America', 'america', false],
  ['!has_cs', 'string', 'string', 'North America', 'amer', true],
  ['has', 'string', 'string', 'Kusto:  ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;;WilliamGates3rd', 'c1db', true],
  ['has', 'string', 'string', 'Kusto:  ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;;WilliamGates3rd', 'c1db-4f9f', true],
  ['has', 'string', 'string', 'Kusto:  ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;;WilliamGates3rd', 'Gates', false],
  ['has', 'string', 'string', 'cmd.exe /c whoami', 'cmd.exe', true],
  ['has', 'string', 'string', 'xcmd.exe', 'cmd.exe', false],
  ['has', 'string', 'string', '', 'a', false],
  ['has', 'dynamic', 'string', 'Admin User', 'admin', true],
  ['hasprefix', 'string', 'string', 'North America', 'ame', true],
  ['!hasprefix', 'string', 'string', 'North America', 'mer', true],
  ['hasprefix_cs', 'string', 'string', 'North America', 'Ame', true],
  ['!hasprefix_cs', 'string', 'string', 'North America', 'CA', true],
  ['hassuffix', 'string', 'string', 'North America', 'ica', true],
  ['!hassuffix', 'string', 'string', 'North America', 'americ', true],
  ['hassuffix_cs', 'string', 'string', 'North America', 'ica', true],
  ['!hassuffix_cs', 'string', 'string', 'North America', 'icA', true],
];

describe('binary operators', () => {
  it.each(cases)('%s: %s %s (%j, %j)', (op, lt, rt, a, b, expected) => {
    expect(ev(op, lt, rt, a, b)).toEqual(expected);
  });

  it('result types', () => {
    const type = (op: string, l: KqlType, r: KqlType) => (bin(op, l, r) as { type: string }).type;
    expect(type('+', 'int', 'int')).toBe('long');
    expect(type('+', 'int', 'real')).toBe('real');
    expect(type('-', 'datetime', 'datetime')).toBe('timespan');
    expect(type('+', 'datetime', 'timespan')).toBe('datetime');
    expect(type('/', 'timespan', 'timespan')).toBe('real');
    expect(type('+', 'dynamic', 'long')).toBe('long');
    expect(type('+', 'dynamic', 'dynamic')).toBe('dynamic');
    expect(type('==', 'string', 'dynamic')).toBe('bool');
  });

  it('wrong operand types fail binding', () => {
    expect(failsAt('<', 'string', 'long')).toBe(1);
    expect((bin('==', 'string', 'long') as { type: string }).type).toBe('bool'); // the analyzer accepts == across kinds
    expect(failsAt('<', 'string', 'string')).toBe(1);
    expect(failsAt('=~', 'long', 'string')).toBe(0);
    expect(failsAt('+', 'string', 'string')).toBe(0);
    expect(failsAt('+', 'long', 'string')).toBe(1);
    expect(failsAt('-', 'timespan', 'datetime')).toBe(1);
    expect(failsAt('and', 'bool', 'long')).toBe(1);
    expect(failsAt('has', 'long', 'string')).toBe(0);
    expect(failsAt('contains', 'datetime', 'string')).toBe(0);
    expect(failsAt('!startswith_cs', 'string', 'long')).toBe(1);
  });

  it('every string operator exists in all four forms', () => {
    for (const base of ['contains', 'startswith', 'endswith', 'has', 'hasprefix', 'hassuffix']) {
      for (const op of [base, `!${base}`, `${base}_cs`, `!${base}_cs`]) expect(lookupBinaryOperator(op)).toBeDefined();
    }
  });
});

function list(op: string, lt: KqlType, itemTypes: KqlType[], items: unknown[], left: unknown): unknown {
  const o = lookupListOperator(op)!;
  const r = o.bind({ type: lt, span: SPAN }, itemTypes.map((type) => ({ type, span: SPAN })));
  if (isBindFailure(r)) throw new Error(r.error);
  return r.prepare(items)(left);
}

describe('list operators', () => {
  const S3: KqlType[] = ['string', 'string', 'string'];
  it.each([
    ['in', 'string', S3, ['123', '345', 'abc'], 'abc', true],
    ['in', 'string', S3, ['123', '345', 'ABC'], 'abc', false],
    ['!in', 'string', S3, ['123', '345', 'abc'], 'bca', true],
    ['in~', 'string', S3, ['123', '345', 'ABC'], 'abc', true],
    ['!in~', 'string', S3, ['123', '345', 'ABC'], 'bca', true],
    ['in', 'long', ['long', 'real'] as KqlType[], [1, 2.0], 2, true],
    // Items of another kind are converted to the left side's type first (differences-from-kusto.md).
    ['in', 'long', ['string'] as KqlType[], ['1'], 1, true],
    ['in', 'long', ['string'] as KqlType[], ['1.5'], 1, false],
    ['in', 'string', ['dynamic'] as KqlType[], [['a', 'b']], 'b', true],
    ['in', 'dynamic', ['string'] as KqlType[], ['ip'], 'ip', true],
    ['in', 'long', ['long'] as KqlType[], [1], null, false],
    ['!in', 'long', ['long'] as KqlType[], [1], null, true],
    ['in', 'long', ['long'] as KqlType[], [null], null, false],
    ['in', 'string', ['dynamic'] as KqlType[], [[]], '', false],
    // A text left side compares with the items' text, as it is (in) or folded (in~).
    ['in', 'string', ['long'] as KqlType[], [1], '1', true],
    ['!in', 'string', ['long'] as KqlType[], [1], '1', false],
    ['in', 'string', ['dynamic'] as KqlType[], [[1, true, 'x']], '1', true],
    ['in~', 'string', ['dynamic'] as KqlType[], [[1, true, 'x']], 'TRUE', true],
    ['in', 'string', ['dynamic'] as KqlType[], [[1, true, 'x']], 'x', true],
    ['in~', 'string', ['dynamic'] as KqlType[], [['AbC']], 'aBc', true],
    ['!in~', 'string', ['dynamic'] as KqlType[], [['AbC']], 'aBc', false],
    ['in', 'string', ['string', 'string'] as KqlType[], ['', 'a'], '', true],
    ['in', 'guid', ['string'] as KqlType[], ['0f8fad5b-d9cb-469f-a165-70867728950e'], '0f8fad5b-d9cb-469f-a165-70867728950e', true],
    ['has_any', 'string', ['string', 'string'] as KqlType[], ['south', 'north'], 'North America', true],
    ['has_any', 'string', ['string'] as KqlType[], ['amer'], 'North America', false],
    ['has_any', 'string', ['dynamic'] as KqlType[], [['x', 'america']], 'North America', true],
    ['has_any', 'string', ['dynamic'] as KqlType[], [[]], 'North America', false],
    ['has_any', 'dynamic', ['string'] as KqlType[], ['a'], null, false],
    ['has_all', 'string', ['string', 'string'] as KqlType[], ['north', 'america'], 'North America', true],
    ['has_all', 'string', ['string', 'string'] as KqlType[], ['north', 'europe'], 'North America', false],
  ] as [string, KqlType, KqlType[], unknown[], unknown, boolean][])('%s %s %j <- %j', (op, lt, types, items, left, expected) => {
    expect(list(op, lt, types, items, left)).toBe(expected);
  });

  it('wrong types fail binding', () => {
    const r = lookupListOperator('has_any')!.bind({ type: 'long', span: SPAN }, [{ type: 'string', span: SPAN }]);
    expect(isBindFailure(r) && r.argIndex).toBe(0);
    expect(isBindFailure(lookupListOperator('in')!.bind({ type: 'long', span: SPAN }, []))).toBe(true);
  });
});
