/**
 * JSON nested 100,000 levels deep (text in parse_json / todynamic / dynamic columns / extract_json /
 * parse_xml, and deep objects passed as rows) gives null, never a stack overflow; values within
 * MAX_JSON_DEPTH keep working through every helper that walks them.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { KqlError, runKql } from '../../src/index.js';
import { MAX_JSON_DEPTH, jsonNestedDeeperThan, parseJsonLenient, tryParseJson } from '../../src/runtime/values.js';
import { expectPrototypesUntouched, snapshotPrototypes } from './helpers.js';

const N = 100_000;
const DEEP_ARRAY = '['.repeat(N) + ']'.repeat(N);
const DEEP_OBJECT = '{"a":'.repeat(N) + '1' + '}'.repeat(N);
const DEEP_XML = '<a>'.repeat(N) + '</a>'.repeat(N);

function deepJsObject(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

function deepJsArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

const OK_DEPTH = MAX_JSON_DEPTH - 1;
const OK_ARRAY = '['.repeat(OK_DEPTH) + ']'.repeat(OK_DEPTH);

function tables() {
  return {
    T: {
      schema: [{ name: 'd', type: 'dynamic' }, { name: 's', type: 'string' }],
      rows: [
        { d: DEEP_ARRAY, s: DEEP_OBJECT },
        { d: deepJsObject(N), s: DEEP_ARRAY },
        { d: deepJsArray(5000), s: DEEP_XML },
      ],
    },
  };
}

/** Runs a query over the deep table: a result or a KqlRuntimeError, never another error. */
function runDeep(query: string) {
  try {
    return runKql(query, tables() as never);
  } catch (err) {
    expect(err).toBeInstanceOf(KqlError);
    expect((err as KqlError).phase).toBe('runtime');
    return undefined;
  }
}

let before: string[];
beforeEach(() => {
  before = snapshotPrototypes();
});
afterEach(() => {
  expectPrototypesUntouched(before);
});

describe('JSON nested too deeply', () => {
  test('the helpers: over MAX_JSON_DEPTH is not JSON, parse_json gives null', () => {
    expect(jsonNestedDeeperThan(DEEP_ARRAY)).toBe(true);
    expect(jsonNestedDeeperThan(OK_ARRAY)).toBe(false);
    // Brackets inside strings do not count.
    expect(jsonNestedDeeperThan(JSON.stringify(['['.repeat(5000)]))).toBe(false);
    expect(jsonNestedDeeperThan(JSON.stringify(['\\"' + '['.repeat(5000)]))).toBe(false);
    expect(tryParseJson(DEEP_ARRAY)).toBeUndefined();
    expect(tryParseJson(DEEP_OBJECT)).toBeUndefined();
    expect(parseJsonLenient(DEEP_ARRAY)).toBeNull();
    expect(parseJsonLenient(DEEP_OBJECT)).toBeNull();
    expect(parseJsonLenient(OK_ARRAY)).toBeInstanceOf(Array);
  });

  test('parse_json / todynamic of deep text give null', () => {
    const r = runDeep('T | project a = parse_json(s), b = todynamic(s), c = parse_json(tostring(d))');
    expect(r).toBeDefined();
    expect(r!.rows.slice(0, 2).map((x) => [x.a, x.b])).toEqual([[null, null], [null, null]]);
  });

  test('deep dynamic column values (text or objects) become null', () => {
    const r = runDeep('T | project d');
    expect(r?.rows.map((x) => x.d)).toEqual([null, null, null]);
  });

  test('operators and functions over deep values finish', () => {
    for (const q of [
      'T | extend t = tostring(parse_json(s)) | project t',
      'T | summarize make_set(parse_json(s)), make_bag(parse_json(s)), make_list(d)',
      'T | summarize count() by tostring(parse_json(s))',
      'T | project x = parse_json(s) | where x == x',
      'T | project x = parse_json(s) | order by tostring(x)',
      "T | project x = extract_json('$.a', s), y = array_length(parse_json(s)), h = hash(tostring(parse_json(s)))",
      'T | mv-expand d | project d',
      'T | project x = parse_xml(s)',
      'T | parse s with x:dynamic | project x',
    ]) {
      runDeep(q);
    }
    const r = runDeep("T | project x = extract_json('$.a', s)");
    expect(r?.rows.map((x) => x.x)).toEqual(['', '', '']);
  });

  test('parse_xml of deep XML gives null', () => {
    const r = runDeep('T | project x = parse_xml(s)');
    expect(r?.rows[2].x).toBeNull();
  });

  test('JSON just under the limit still works end to end', () => {
    const rows = [{ d: OK_ARRAY }, { d: JSON.parse(OK_ARRAY) }, { d: deepJsObject(OK_DEPTH - 1) }];
    const r = runKql('T | extend t = tostring(d), n = array_length(d) | summarize s = make_set(d), c = count() by t', {
      T: { schema: [{ name: 'd', type: 'dynamic' }], rows },
    } as never);
    expect(r.rows.length).toBe(2);
    expect(r.rows.reduce((n, x) => n + (x.c as number), 0)).toBe(3);
  });
});
