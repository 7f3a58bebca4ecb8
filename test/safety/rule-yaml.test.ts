/**
 * Rule and scenario YAML: every problem, alias bombs included, is a RULE_INVALID_YAML KqlError with the
 * line and column of its cause; never a raw ReferenceError, never a hang. Issue 12, "The command line
 * and rule files".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KqlError, parseRule } from '../../src/index.js';
import { parseScenarioDoc } from '../../src/rules/scenarios.js';
import { MAX_YAML_ALIAS_NODES, MAX_YAML_DEPTH } from '../../src/rules/yaml.js';
import { checkCommand } from '../../src/cli/commands/check.js';
import { runCommand } from '../../src/cli/commands/run.js';
import type { Io } from '../../src/cli/io.js';
import { thrown } from './helpers.js';

/** Billion laughs: nine levels of nine aliases each, 9^9 strings once expanded, in 10 short lines. */
const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  'query: T | take 1',
].join('\n');

interface YamlProblem {
  code: string;
  message: string;
  line: number;
  column: number;
}

/** The KqlError of f (anything else fails the test), as code, message and position. */
function yamlProblem(f: () => unknown): YamlProblem {
  const err = thrown(f);
  expect(err, `expected a KqlError, got ${String(err)}`).toBeInstanceOf(KqlError);
  const e = err as KqlError;
  return { code: e.code, message: e.message, line: e.line, column: e.column };
}

describe('alias bombs and bad aliases in a rule', () => {
  it('billion laughs is RULE_INVALID_YAML at the alias where the expansion passes the limit', () => {
    const p = yamlProblem(() => parseRule(BOMB, 'bomb.yaml'));
    expect(p.code).toBe('RULE_INVALID_YAML');
    expect(p.message).toMatch(/^Invalid YAML in bomb\.yaml: the aliases up to \*e expand the document by more than 100,000 nodes \(an alias bomb\)/);
    // Line 6 is `f: &f [*e,...]`: the first *e already adds 9^4 + ... nodes; the limit falls inside this line.
    expect(p.line).toBe(6);
    expect(p.column).toBeGreaterThanOrEqual(8);
  });

  it('the same bomb in a scenario file', () => {
    const p = yamlProblem(() => parseScenarioDoc(BOMB.replace('query: T | take 1', 'scenarios: []'), 'rule.tests.yaml'));
    expect(p).toMatchObject({ code: 'RULE_INVALID_YAML', line: 6 });
    expect(p.message).toMatch(/in rule\.tests\.yaml: .*alias bomb/);
  });

  it('an alias without an anchor before it', () => {
    expect(yamlProblem(() => parseRule('a: &x 1\nb: *y\nquery: T'))).toEqual({
      code: 'RULE_INVALID_YAML',
      message: 'Invalid YAML: the alias *y has no anchor &y before it (line 2, column 4)',
      line: 2,
      column: 4,
    });
  });

  it('an alias used before its anchor is set', () => {
    expect(yamlProblem(() => parseRule('b: *x\na: &x 1\nquery: T'))).toMatchObject({ code: 'RULE_INVALID_YAML', line: 1, column: 4 });
  });

  it('an alias inside the node it refers to (a cycle)', () => {
    expect(yamlProblem(() => parseRule('a: &a [1, *a]\nquery: T'))).toMatchObject({
      code: 'RULE_INVALID_YAML',
      message: expect.stringContaining('the alias *a is inside the node it refers to (a cycle)'),
      line: 1,
      column: 11,
    });
    expect(yamlProblem(() => parseRule('&r\nq: *r\nquery: T'))).toMatchObject({ code: 'RULE_INVALID_YAML', line: 2, column: 4 });
  });

  it('aliases that nest values deeper than the limit', () => {
    const deep = (n: number, inner: string) => '['.repeat(n) + inner + ']'.repeat(n);
    const text = [`a: &a ${deep(500, '1')}`, `b: &b ${deep(300, '*a')}`, `c: &c ${deep(300, '*b')}`, 'query: T'].join('\n');
    const p = yamlProblem(() => parseRule(text));
    expect(p.code).toBe('RULE_INVALID_YAML');
    expect(p.message).toContain(`more than ${MAX_YAML_DEPTH} levels deep`);
    expect(p.line).toBe(2);
  });

  it('YAML 1.1 merge keys with a value that is not a mapping point at the merge key', () => {
    const text = ['%YAML 1.1', '---', 'base: &b 5', 'm:', '  <<: *b', 'query: T'].join('\n');
    expect(yamlProblem(() => parseRule(text))).toMatchObject({ code: 'RULE_INVALID_YAML', line: 5, column: 3 });
  });

  it('nesting too deep for the YAML parser itself', () => {
    const p = yamlProblem(() => parseRule(`query: T\nd: ${'['.repeat(20_000)}`));
    expect(p).toMatchObject({ code: 'RULE_INVALID_YAML', line: 2 });
    expect(p.message).toContain('nested too deeply');
  });
});

describe('honest aliases still work', () => {
  it('one anchor used 150 times (the yaml package alone rejects more than 100)', () => {
    const text = ['x: &x 1', 'l:', ...Array.from({ length: 150 }, () => '  - *x'), 'query: T | take 1'].join('\n');
    expect(parseRule(text).query).toBe('T | take 1');
  });

  it('the query itself given through an alias, and a merged scenario row', () => {
    expect(parseRule('q: &q T | take 1\nquery: *q').query).toBe('T | take 1');
    const doc = parseScenarioDoc(
      ['tables:', '  T: &rows [{a: 1}, {a: 2}]', '  U: *rows', 'scenarios:', '  - name: s', '    now: 2024-01-01T00:00:00Z', '    expect: { rowCount: 2 }'].join('\n'),
    );
    expect(doc.tables?.U).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('an expansion just under the limit passes', () => {
    // A 1,000-node anchor used 99 times adds 99,099 nodes (each alias adds the anchor's 1,001 nodes).
    const big = `[${Array(1000).fill('1').join(',')}]`;
    const text = [`a: &a ${big}`, 'l:', ...Array.from({ length: 99 }, () => '  - *a'), 'query: T'].join('\n');
    expect(99 * 1001).toBeLessThanOrEqual(MAX_YAML_ALIAS_NODES);
    expect(parseRule(text).query).toBe('T');
    expect(yamlProblem(() => parseRule(text.replace('query: T', '  - *a\nquery: T')))).toMatchObject({ code: 'RULE_INVALID_YAML', line: 102 });
  });
});

describe('other YAML problems keep their position', () => {
  it.each([
    ['query: [', 1, 9],
    ['a: 1\na: 2\nquery: T', 2, 1],
    ['query: "T\n  - b', 2, 6],
    ['query: T\n---\nquery: U', 2, 1],
    ['- query: T', 1, 1],
  ])('%j', (text, line, column) => {
    expect(yamlProblem(() => parseRule(text))).toMatchObject({ code: 'RULE_INVALID_YAML', line, column });
  });

  it('a trigger operator that is an Object.prototype name is not an operator', () => {
    for (const op of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(yamlProblem(() => parseRule(`query: T\ntriggerOperator: ${op}`))).toMatchObject({ code: 'RULE_BAD_FIELD', line: 2, column: 18 });
    }
  });
});

describe('property: any text is a rule or a KqlError with a position', () => {
  // YAML's significant characters and a few words, so anchors, aliases, tags, merges and flow collections appear.
  const piece = fc.constantFrom(
    '&a ', '&b ', '*a', '*b', '[', ']', '{', '}', ',', ': ', '- ', '\n', '\n  ', '\n    ', '|', '>', '!!str ', '!!binary ', '!x ',
    '<<: ', '%YAML 1.1\n---\n', '---\n', '"', "'", '#', 'query', 'query: T', 'a', 'b', '1', ' ', '?', '@', '\t',
  );
  const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

  it('parseRule', () => {
    fc.assert(
      fc.property(text, (t) => {
        try {
          parseRule(t);
        } catch (err) {
          if (!(err instanceof KqlError)) throw new Error(`${JSON.stringify(t)} threw ${String(err)}`);
          if (!(err.line >= 1 && err.column >= 1)) throw new Error(`${JSON.stringify(t)}: no position`);
        }
      }),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('parseScenarioDoc', () => {
    fc.assert(
      fc.property(text, (t) => {
        try {
          parseScenarioDoc(t);
        } catch (err) {
          if (!(err instanceof KqlError)) throw new Error(`${JSON.stringify(t)} threw ${String(err)}`);
        }
      }),
      { numRuns: 2000, seed: 12 },
    );
  });
});

describe('the command line prints the problem with its position, never "unexpected error"', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mini-kql-yaml-'));
    writeFileSync(join(dir, 'bomb.yaml'), BOMB);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const io = () => {
    const lines: string[] = [];
    const sink: Io = { out: (t) => lines.push(t), err: (t) => lines.push(t), errRaw: () => {}, stderrIsTTY: false };
    return { lines, sink };
  };

  it('mini-kql run bomb.yaml', () => {
    const { sink } = io();
    const err = thrown(() => runCommand([join(dir, 'bomb.yaml')], sink)) as Error;
    expect(err.name).toBe('SourceError');
    expect(err.message).toMatch(/bomb\.yaml:6:\d+ {2}RULE_INVALID_YAML {2}Invalid YAML in .*alias bomb/);
    expect(err.message).toContain('6 | f: &f [*e,');
  });

  it('mini-kql check bomb.yaml', () => {
    const { lines, sink } = io();
    expect(checkCommand([join(dir, 'bomb.yaml')], sink)).toBe(1);
    expect(lines.join('\n')).toMatch(/bomb\.yaml:6:\d+ {2}RULE_INVALID_YAML/);
    expect(lines.join('\n')).not.toMatch(/unexpected/);
  });
});
