import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/rules/yaml.js';
import { positionOf } from '../../src/rules/yaml-positions.js';

const text = `now: 2024-05-01T00:00:00Z
base: &base { A: 1 }
scenarios:
  - name: first
    expect: { fires: true }
  - name: second
    tables:
      SigninLogs:
        - { TimeGenerated: 2024-05-01T00:00:00Z, ResultTyp: "0" }
        - TimeGenerated: 2024-05-01T00:00:00Z
          ResultType: "1"
    aliased: *base
    expect:
`;

describe('positionOf', () => {
  const { doc, lineCounter } = parseYaml(text, '');
  const at = (path: (string | number)[]) => {
    const p = positionOf(doc, lineCounter, path);
    return [p.line, p.column];
  };

  it('a path ending in a key: the key (in flow and block mappings)', () => {
    expect(at(['scenarios', 1, 'tables', 'SigninLogs', 0, 'ResultTyp'])).toEqual([9, 50]);
    expect(at(['scenarios', 1, 'tables', 'SigninLogs', 1, 'ResultType'])).toEqual([11, 11]);
    expect(at(['scenarios', 0, 'expect', 'fires'])).toEqual([5, 15]);
    expect(at(['now'])).toEqual([1, 1]);
  });

  it('a path ending in a list index: the item', () => {
    expect(at(['scenarios', 1])).toEqual([6, 5]);
    expect(at(['scenarios', 1, 'tables', 'SigninLogs', 1])).toEqual([10, 11]);
  });

  it('a missing step: the deepest node found (the mapping that lacks the key)', () => {
    expect(at(['scenarios', 0, 'tables'])).toEqual([4, 5]);
    expect(at(['scenarios', 7])).toEqual([4, 3]);
    expect(at(['nope', 'deeper'])).toEqual([1, 1]);
  });

  it('follows aliases; a key without a value is found by its key', () => {
    expect(at(['scenarios', 1, 'aliased', 'A'])).toEqual([2, 15]);
    expect(at(['scenarios', 1, 'expect'])).toEqual([13, 5]);
  });

  it('the length reaches to the end of the first line only (a caret for a mapping marks its start)', () => {
    const p = positionOf(doc, lineCounter, ['scenarios', 1]);
    expect(text.slice(p.offset, p.offset + p.length)).toBe('name: second');
  });
});
