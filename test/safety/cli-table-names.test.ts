/**
 * Names that come from files and options (table files, --schema keys, CSV headers, option names,
 * scenario tables, watchlists, query parameters, externaldata URLs) are never plain-object keys:
 * `__proto__`, `constructor` and `hasOwnProperty` are ordinary names, load as tables of those names,
 * and no name reads an inherited value. Issue 12, "The command line and rule files".
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { parseArgs } from '../../src/cli/args.js';
import { runCommand, runSpec, unknownTableHint } from '../../src/cli/commands/run.js';
import { UsageError } from '../../src/cli/errors.js';
import type { Io } from '../../src/cli/io.js';
import { formatResult } from '../../src/cli/output.js';
import { loadSchemaFile, loadTables } from '../../src/cli/tables.js';
import { loadTableFile } from '../../src/node/load-table-file.js';
import { applyTimeWindow } from '../../src/rules/run-rule.js';
import { parseScenarioDoc, runScenario } from '../../src/rules/scenarios.js';
import { cli } from '../cli/run-cli.js';
import { expectPrototypesUntouched, snapshotPrototypes, thrown } from './helpers.js';

const NAMES = ['__proto__', 'constructor', 'hasOwnProperty'];

let dir: string;
let data: string;

function write(rel: string, text: string): string {
  const path = join(dir, rel);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mini-kql-names-'));
  data = join(dir, 'data');
  mkdirSync(data);
  // One row, two rows, three rows: each count shows which file was read.
  write('data/__proto__.json', '[{"a": 1}]');
  write('data/constructor.csv', 'a\n1\n2\n');
  write('data/hasOwnProperty.ndjson', '{"a": 1}\n{"a": 2}\n{"a": 3}\n');
  write('count.kql', "['__proto__'] | count");
  write('all.kql', "union withsource=T ['__proto__'], ['constructor'], ['hasOwnProperty'] | summarize n = count() by T | order by T asc");
  write('nope.kql', 'Nope | count');
  write('lower.kql', 'logins | count');
  write('Logins.json', '[{"User": "a"}]');
  write('schema.json', '{"__proto__": [{"name": "a", "type": "string"}], "constructor": [{"name": "a", "type": "long"}], "T": [{"name": "x", "type": "long"}]}');
  write('odd-header.csv', '__proto__,constructor,hasOwnProperty\n1,2,3\n');
  write('odd.kql', "T | project ['__proto__'], ['constructor'], ['hasOwnProperty']");
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let before: string[];
beforeEach(() => {
  before = snapshotPrototypes();
});

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), errRaw: () => {}, stderrIsTTY: false };
}

/** runCommand in this process: its exit code and output, or what it threw. */
function run(...argv: string[]): { code?: number; stdout: string; stderr: string; error?: unknown } {
  const io = captureIo();
  try {
    const code = runCommand(argv, io) as number; // no --watch here: a number, not a promise
    return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
  } catch (error) {
    return { error, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
  }
}

describe('mini-kql run --data: file names are table names, whatever they are', () => {
  it('loads __proto__.json, constructor.csv and hasOwnProperty.ndjson as tables of those names', () => {
    const loaded = loadTables({ tableArgs: [], dataDirs: [data], schemas: {} }, captureIo());
    expect([...loaded.tables.keys()].sort()).toEqual([...NAMES].sort());
    expect(loaded.tables.get('__proto__')).toEqual([{ a: 1 }]);
    expect(loaded.tables.get('constructor')).toEqual([{ a: 1 }, { a: 2 }]);
    expect((loaded.tables.get('hasOwnProperty') as unknown[]).length).toBe(3);
    expect(loaded.files.get('__proto__')).toBe(join(data, '__proto__.json'));
    expectPrototypesUntouched(before);
  });

  it("answers ['__proto__'] | count from __proto__.json", () => {
    const r = run(join(dir, 'count.kql'), '--data', data, '--format', 'json');
    expect(r.error).toBeUndefined();
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows).toEqual([{ Count: 1 }]);
    expectPrototypesUntouched(before);
  });

  it('every one of the three tables is queryable', () => {
    const r = run(join(dir, 'all.kql'), '--data', data, '--format', 'json');
    expect(r.error).toBeUndefined();
    expect(JSON.parse(r.stdout).rows).toEqual([
      { T: '__proto__', n: 1 },
      { T: 'constructor', n: 2 },
      { T: 'hasOwnProperty', n: 3 },
    ]);
  });

  it('--table __proto__=file names a table __proto__ too', () => {
    const r = run(join(dir, 'count.kql'), '--table', `__proto__=${join(data, 'hasOwnProperty.ndjson')}`, '--format', 'json');
    expect(r.error).toBeUndefined();
    expect(JSON.parse(r.stdout).rows).toEqual([{ Count: 3 }]);
  });

  it('the real command prints the count and no hint (a spawned mini-kql)', async () => {
    const r = await cli('run', join(dir, 'count.kql'), '--data', data);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Count:long\n-+\n1\n\(1 row\)/);
    expect(r.stdout + r.stderr).not.toMatch(/hint|unexpected/);
  });
});

describe('hints never suggest a file that exists', () => {
  it('a table that no file gave: suggests a file of that name', () => {
    const r = run(join(dir, 'nope.kql'), '--data', data);
    expect((r.error as Error).message).toMatch(/SEM_UNKNOWN_TABLE[\s\S]*hint: give its rows with --table Nope=file/);
  });

  it('a table loaded under exactly that name gets no "add this file" hint', () => {
    const files = new Map([['__proto__', join(data, '__proto__.json')]]);
    expect(unknownTableHint('__proto__', { files })).toBeUndefined();
    expect(unknownTableHint('constructor', { files })).toMatch(/--table constructor=file/);
  });

  it('a table loaded under another case is named instead of suggesting it again', () => {
    const r = run(join(dir, 'lower.kql'), '--table', join(dir, 'Logins.json'));
    const message = (r.error as Error).message;
    expect(message).toMatch(/hint: table names are case-sensitive: Logins \(from .*Logins\.json\) was loaded, not logins/);
    expect(message).not.toMatch(/--table logins=/);
  });
});

describe('other names from files and options', () => {
  it('--schema keys __proto__ and constructor are tables; an absent name reads nothing inherited', () => {
    const schemas = loadSchemaFile(join(dir, 'schema.json'));
    expect(Object.keys(schemas).sort()).toEqual(['T', '__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(schemas, '__proto__')?.value).toEqual([{ name: 'a', type: 'string' }]);
    expect(schemas.hasOwnProperty).toBeUndefined();
    expectPrototypesUntouched(before);
  });

  it('the --schema types constructor.csv (a long) and __proto__.json (a string)', () => {
    const r = run(join(dir, 'all.kql'), '--data', data, '--schema', join(dir, 'schema.json'), '--format', 'json');
    expect(r.error).toBeUndefined();
    const t = run(join(dir, 'count.kql'), '--data', data, '--schema', join(dir, 'schema.json'), '--format', 'json');
    expect(JSON.parse(t.stdout).rows).toEqual([{ Count: 1 }]);
    write('sum.kql', "['constructor'] | summarize s = sum(a)");
    const s = run(join(dir, 'sum.kql'), '--data', data, '--schema', join(dir, 'schema.json'), '--format', 'json');
    expect(JSON.parse(s.stdout)).toMatchObject({ columns: [{ name: 's', type: 'long' }], rows: [{ s: 3 }] });
  });

  it('CSV header names __proto__, constructor, hasOwnProperty are columns', () => {
    const rows = loadTableFile(join(dir, 'odd-header.csv'));
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0])).toEqual(NAMES);
    expect(Object.getOwnPropertyDescriptor(rows[0], '__proto__')?.value).toBe(1);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    const r = run(join(dir, 'odd.kql'), '--table', `T=${join(dir, 'odd-header.csv')}`, '--format', 'ndjson');
    expect(r.error).toBeUndefined();
    expect(r.stdout).toBe('{"__proto__":1,"constructor":2,"hasOwnProperty":3}');
    expectPrototypesUntouched(before);
  });

  it('a column named __proto__ survives --format json, ndjson and csv', () => {
    const result = runKql("print x = 1 | project ['__proto__'] = x, ['constructor'] = 2");
    expect(JSON.parse(formatResult(result, 'json')).rows).toEqual([JSON.parse('{"__proto__": 1, "constructor": 2}')]);
    expect(formatResult(result, 'ndjson')).toBe('{"__proto__":1,"constructor":2}');
    expect(formatResult(result, 'csv')).toBe('__proto__,constructor\n1,2');
  });

  it.each(['constructor', '__proto__', 'hasOwnProperty', 'toString'])('--%s is an unknown option, not a crash', (name) => {
    const err = thrown(() => parseArgs([`--${name}`, 'x'], runSpec));
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe(`unknown option '--${name}'`);
  });

  it('scenario tables named __proto__ and constructor reach the rule', () => {
    const doc = parseScenarioDoc(
      [
        'tables:',
        '  __proto__: [{a: 1}]',
        '  constructor: [{a: 1}, {a: 2}]',
        'scenarios:',
        '  - name: both',
        '    now: 2024-01-01T00:00:00Z',
        '    expect: { rowCount: 2, rows: [{ T: __proto__, n: 1 }, { T: constructor, n: 2 }] }',
      ].join('\n'),
    );
    const rule = { query: "union withsource=T ['__proto__'], ['constructor'] | summarize n = count() by T" };
    const result = runScenario(rule, doc.scenarios[0], doc);
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
    expectPrototypesUntouched(before);
  });

  it("a rule's time window keeps a table named __proto__", () => {
    const tables = JSON.parse('{"__proto__": [{"TimeGenerated": "2024-01-01T00:30:00Z"}, {"TimeGenerated": "2023-01-01T00:00:00Z"}]}');
    const inside = applyTimeWindow(tables, Date.parse('2024-01-01T00:00:00Z'), Date.parse('2024-01-01T01:00:00Z'));
    expect(Object.keys(inside)).toEqual(['__proto__']);
    // A table typed by its rows keeps that schema: { schema, rows } with the one row inside the window.
    expect(Object.getOwnPropertyDescriptor(inside, '__proto__')?.value).toMatchObject({ rows: [{ TimeGenerated: '2024-01-01T00:30:00Z' }] });
  });
});

describe('names the engine takes from options stay own keys (regression guard)', () => {
  const own = (json: string) => JSON.parse(json) as Record<string, never>;

  it.each(NAMES)('watchlist %s: found when given, unknown (not Object.prototype) when not', (name) => {
    expect(runKql(`_GetWatchlist('${name}') | count`, {}, { watchlists: own(`{"${name}": [{"a": 1}]}`) }).rows).toEqual([{ Count: 1 }]);
    expect(thrown(() => runKql(`_GetWatchlist('${name}') | count`))).toMatchObject({ code: 'SEM_UNKNOWN_TABLE' });
  });

  it.each(NAMES)('externaldata URL %s: served when given, RUN_EXTERNAL_DATA when not', (name) => {
    const q = `externaldata(a:long) ['${name}'] | count`;
    expect(runKql(q, {}, { externalData: own(`{"${name}": [{"a": 1}]}`) }).rows).toEqual([{ Count: 1 }]);
    expect(thrown(() => runKql(q))).toMatchObject({ code: 'RUN_EXTERNAL_DATA' });
  });

  it.each(NAMES)('query parameter %s: the given value, else the default', (name) => {
    const q = `declare query_parameters(['${name}']:string = 'default'); print v = ['${name}']`;
    expect(runKql(q, {}, { parameters: own(`{"${name}": "given"}`) }).rows).toEqual([{ v: 'given' }]);
    expect(runKql(q).rows).toEqual([{ v: 'default' }]);
  });

  it.each(NAMES)('table %s: read when given, SEM_UNKNOWN_TABLE when not', (name) => {
    expect(runKql(`['${name}'] | count`, own(`{"${name}": [{"a": 1}]}`)).rows).toEqual([{ Count: 1 }]);
    expect(thrown(() => runKql(`['${name}'] | count`))).toMatchObject({ code: 'SEM_UNKNOWN_TABLE' });
  });
});
