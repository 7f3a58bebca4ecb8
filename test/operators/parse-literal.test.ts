import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { literalMatcher } from '../../src/operators/parse-literal.js';
import type { ParsePatternItem } from '../../src/parser/ast.js';
import { runKql } from '../../src/index.js';

const SPAN = { offset: 0, length: 0, line: 1, column: 1 };
const quote = (text: string) => text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');

/** The regex parse compiles in simple mode for these items (src/operators/parse.ts). */
function regexCaptures(items: ParsePatternItem[], text: string): string[] | undefined {
  let regex = '';
  let groups = 0;
  for (const item of items) {
    if (item.kind === 'star') regex += '.*?';
    else if (item.kind === 'literal') regex += quote(item.value);
    else regex += `(?P<p${groups++}>.*?)`;
  }
  const m = RE2JS.compile(`(?s)^${regex}$`).matcher(text);
  if (!m.find()) return undefined;
  return Array.from({ length: groups }, (_, i) => m.group(`p${i}`) ?? '');
}

/** Valid simple-mode patterns: no two columns in a row, `*` never right after a column or before one. */
const pattern: fc.Arbitrary<ParsePatternItem[]> = fc
  .array(fc.oneof(fc.constant('star'), fc.constant('column'), fc.constantFrom('a', 'ab', ' ', 'b a', '', '.*')), { minLength: 1, maxLength: 6 })
  .map((kinds) => {
    const items: ParsePatternItem[] = [];
    for (const k of kinds) {
      const prev = items[items.length - 1];
      if (k === 'column') {
        if (prev?.kind === 'column' || prev?.kind === 'star') continue;
        items.push({ kind: 'column', name: `c${items.length}`, span: SPAN });
      } else if (k === 'star') {
        if (prev?.kind === 'column' || prev?.kind === 'star') continue;
        items.push({ kind: 'star', span: SPAN });
      } else items.push({ kind: 'literal', value: k, span: SPAN });
    }
    return items;
  })
  .filter((items) => items.some((i) => i.kind === 'column'));

describe('parse without a regex (constants and any-text columns)', () => {
  it('finds the captures the anchored lazy regex finds, or none when it does not match', () => {
    fc.assert(fc.property(pattern, fc.stringMatching(/^[ab .*\n]{0,12}$/), (items, text) => {
      const matcher = literalMatcher(items, () => true)!;
      expect(matcher(text)).toEqual(regexCaptures(items, text));
    }), { numRuns: 3000 });
  });
  it('a typed column with a shape, or `*` after a column, still uses the regex', () => {
    const col = (type?: 'long'): ParsePatternItem => ({ kind: 'column', name: 'x', type, span: SPAN });
    expect(literalMatcher([col('long')], (t) => t !== 'long')).toBeUndefined();
    expect(literalMatcher([col(), { kind: 'star', span: SPAN }], () => true)).toBeUndefined();
  });
  it('docs-style sshd line, and a text that does not end with the last constant', () => {
    const q = (s: string) => runKql(`print m = "${s}" | parse kind=relaxed m with * "invalid user" user " from " ip " port" port " ssh2" | project user, ip, port`, {}).rows[0];
    expect(q('Failed password for invalid user bob from 10.0.0.1 port 22 ssh2')).toEqual({ user: ' bob', ip: '10.0.0.1', port: ' 22' });
    expect(q('Failed password for invalid user bob from 10.0.0.1 port 22 ssh2 extra')).toEqual({ user: '', ip: '', port: '' });
  });
});
