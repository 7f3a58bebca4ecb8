/**
 * The error catalog (src/errors/codes.ts): docs/errors.md is generated from it, every code in it is
 * provoked here, each provoked error points inside its text, and formatKqlError renders it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ERRORS_DOC_PATH, errorsMarkdown } from '../../scripts/gen-error-docs.js';
import { ErrorCodes, formatKqlError, KqlError, parseFunctionDefinitions, parseRule, parseScenarioDoc, runKql, runKqlAsync, runRule } from '../../src/index.js';
import { ErrorCatalog, errorCodeInfo } from '../../src/errors/index.js';
import { plainKqlMessage } from '../../src/errors/format.js';
import { loadRule } from '../../src/node/index.js';
import { ruleProblemError, validateRule } from '../../src/rules/validate-rule.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServeCatalog } from '../../src/serve/catalog.js';
import { executeManagement } from '../../src/serve/mgmt/index.js';
import { ServeStore } from '../../src/serve/store.js';

interface Provocation {
  /** The text the error's line and column point into (the query, or the YAML of a rule file). */
  text: string;
  run: () => unknown;
}

const q = (text: string, tables: Record<string, unknown> = {}, options: Record<string, unknown> = {}): Provocation => ({
  text,
  run: () => runKql(text, tables as never, options as never),
});

const RULE_YAML_BAD = 'name: x\nquery: [unclosed\n';
const RULE_NO_QUERY = 'name: x\nseverity: High\n';
const RULE_BAD_PERIOD = 'name: x\nquery: print 1\nqueryPeriod: forever\n';
const RULE_TEMPLATE = 'id: 0f5a5c1e-1111-4c4c-9d9d-000000000001\nkind: Scheduled\nname: x\nquery: print a = 1\n';
const RULE_MAPPED = 'name: x\nquery: print a = 1\nentityMappings:\n  - entityType: IP\n    fieldMappings:\n      - identifier: Address\n        columnName: b\n';
const RULE_DETAILS = `name: x\nquery: print a = 1\ncustomDetails:\n${Array.from({ length: 21 }, (_, i) => `  K${i}: a\n`).join('')}`;
/** The first error (or warning) of validateRule, thrown as the KqlError it stands for. */
const ruleProblem = (yaml: string, warning = false): Provocation => ({
  text: yaml,
  run: () => {
    const v = validateRule(parseRule(yaml), { columns: [{ name: 'a' }] });
    throw ruleProblemError((warning ? v.warnings : v.errors)[0]);
  },
});
const SCENARIO_EMPTY = 'scenarios: 5\n';
const PARSER_NO_QUERY = 'FunctionName: MyParser\nCategory: Microsoft Sentinel Parser\n';
const SLOW_QUERY = 'range x from 1 to 3000000 step 1 | extend y = x * 2 | summarize count() by y % 7';


/** A management command run against a database holding T (a:string). */
const mgmt = (csl: string, db?: string): Provocation => ({
  text: csl,
  run: async () => {
    const catalog = new ServeCatalog();
    await executeManagement(catalog, undefined, '.create table T (a:string)');
    return executeManagement(catalog, db, csl);
  },
});

/** One way (at least) to provoke each code in the catalog. */
const PROVOKE: Record<keyof typeof ErrorCatalog, Provocation> = {
  SYN_UNEXPECTED_TOKEN: q('print x = 1 +'),
  SYN_UNEXPECTED_CHARACTER: q('print x = 1 # 2'),
  SYN_UNTERMINATED_STRING: q('print "abc'),
  SYN_BAD_LITERAL: q('print datetime(notadate)'),
  SYN_EMPTY_QUERY: q('   // only a comment\n'),
  SEM_UNKNOWN_TABLE: q('NoSuchTable | take 1'),
  SEM_UNKNOWN_COLUMN: q('print x = 1\n| project y'),
  SEM_UNKNOWN_FUNCTION: q('print nosuchfn(1)'),
  SEM_UNKNOWN_OPERATOR: q('print "a" has_any "b"'),
  SEM_WRONG_ARGUMENT_COUNT: q('print strlen(1, 2)'),
  SEM_TYPE_MISMATCH: q('print x = 1 | where x'),
  SEM_DUPLICATE_COLUMN: q('print x = 1, x = 2'),
  SEM_INVALID_ARGUMENT: q('print x = 1 | take -1'),
  SEM_NOT_TABULAR: q('let x = 1;\nx | take 1'),
  SEM_NOT_SCALAR: q('print x = 1 | extend y = (print 1)'),
  SEM_AGGREGATE_CONTEXT: q('print count()'),
  SEM_UNSUPPORTED: q('print a = 1 | project-smart a'),
  RUN_INVALID_TABLE: q('T | take 1', { T: [5] }),
  RUN_INVALID_OPTION: q('print 1', {}, { now: 'not a date' }),
  RUN_LIMIT_EXCEEDED: q('range x from 1 to 3 step 1 | make-series count() on x from 0 to 100000000 step 1'),
  RUN_TIMEOUT: q(SLOW_QUERY, {}, { timeoutMs: 1 }),
  RUN_CANCELLED: {
    text: 'print 1',
    run: () => runKqlAsync('print 1', {}, { signal: AbortSignal.abort() }),
  },
  RUN_EXTERNAL_DATA: q('externaldata (a:string) [@"https://example.com/a.csv"]'),
  RUN_UNSUPPORTED: q('_Im_Dns(starttime=ago(1d))', { _Im_Dns: [] }),
  RUN_INVALID_VALUE: q('range x from 1 to 3 step 1 | make-series count() on x step 0'),
  RUN_INTERNAL: q('T | take 1', { T: [{ get a(): never { throw new TypeError('getter failed'); } }] }),
  RULE_INVALID_YAML: { text: RULE_YAML_BAD, run: () => parseRule(RULE_YAML_BAD) },
  RULE_NO_QUERY: { text: RULE_NO_QUERY, run: () => parseRule(RULE_NO_QUERY) },
  RULE_BAD_FIELD: { text: RULE_BAD_PERIOD, run: () => runRule(parseRule(RULE_BAD_PERIOD), {}, { now: new Date(0) }) },
  RULE_FILE_NOT_FOUND: { text: '/nonexistent/dir/rule.yaml', run: () => loadRule('/nonexistent/dir/rule.yaml') },
  RULE_BAD_SCENARIO: { text: SCENARIO_EMPTY, run: () => parseScenarioDoc(SCENARIO_EMPTY) },
  RULE_MISSING_FIELD: ruleProblem(RULE_TEMPLATE),
  RULE_UNKNOWN_COLUMN: ruleProblem(RULE_MAPPED),
  RULE_TOO_MANY: ruleProblem(RULE_DETAILS),
  RULE_STYLE: ruleProblem(RULE_TEMPLATE, true),
  RUN_MEMORY_LIMIT: q('range x from 1 to 1000 step 1\n| join kind=inner (range x from 1 to 1000 step 1) on x', {}, { maxMemoryBytes: 10_000 }),
  RULE_BAD_FUNCTION: { text: PARSER_NO_QUERY, run: () => parseFunctionDefinitions(PARSER_NO_QUERY, 'MyParser.yaml') },
  SEM_UNSUPPORTED_COMMAND: mgmt('.alter table T policy retention "{}"'),
  SYN_BAD_COMMAND: mgmt('.create table T (a:notatype)'),
  SEM_UNKNOWN_DATABASE: mgmt('.show tables', 'NoSuchDb'),
  SEM_TABLE_EXISTS: mgmt('.set T <| print a = 1'),
  SEM_SCHEMA_MISMATCH: mgmt('.append T <| print b = 1'),
  RUN_STORE_FAILED: {
    text: 'store',
    run: () => {
      const dir = mkdtempSync(join(tmpdir(), 'mini-kql-store-'));
      writeFileSync(join(dir, 'log.ndjson'), 'damaged\nmore\n');
      return ServeStore.open(dir);
    },
  },
};

async function provoke(p: Provocation): Promise<unknown> {
  try {
    await p.run();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('error catalog', () => {
  test('docs/errors.md is up to date with the catalog', () => {
    const actual = existsSync(ERRORS_DOC_PATH) ? readFileSync(ERRORS_DOC_PATH, 'utf8') : '';
    expect(actual === errorsMarkdown(), 'docs/errors.md is out of date: run `npm run docs:errors` and commit it').toBe(true);
  });

  test('ErrorCodes names every catalog code by itself', () => {
    expect(Object.keys(ErrorCodes)).toEqual(Object.keys(ErrorCatalog));
    for (const [k, v] of Object.entries(ErrorCodes)) expect(v).toBe(k);
    expect(errorCodeInfo('SEM_UNKNOWN_COLUMN')?.phase).toBe('semantic');
    expect(errorCodeInfo('toString')).toBeUndefined();
  });

  test('every entry has a phase matching its prefix, a one-line summary and an explanation', () => {
    const phaseOf: Record<string, string> = { SYN: 'syntax', SEM: 'semantic', RUN: 'runtime', RULE: 'semantic' };
    for (const [code, info] of Object.entries(ErrorCatalog)) {
      expect(info.phase, code).toBe(phaseOf[code.split('_')[0]]);
      expect(info.summary.trim(), code).not.toBe('');
      expect(info.summary, code).not.toMatch(/\n/);
      expect(info.message.trim(), code).not.toBe('');
      expect(info.explanation.length, code).toBeGreaterThan(20);
    }
  });

  test('every code used in src/ is in the catalog', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const used = new Set<string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && !path.endsWith(join('errors', 'codes.ts'))) {
          const src = readFileSync(path, 'utf8');
          for (const m of src.matchAll(/ErrorCodes\.([A-Z_]+)/g)) used.add(m[1]);
          for (const m of src.matchAll(/['"]((?:SYN|SEM|RUN|RULE)_[A-Z_]+)['"]/g)) used.add(m[1]);
        }
      }
    };
    walk(join(import.meta.dirname, '..', '..', 'src'));
    expect([...used].filter((c) => !(c in ErrorCatalog))).toEqual([]);
  });

  describe.each(Object.keys(ErrorCatalog))('%s', (code) => {
    test('is provoked, points inside its text, and formats with a caret', async () => {
      const p = PROVOKE[code as keyof typeof ErrorCatalog];
      expect(p, `no provoking case for ${code}`).toBeDefined();
      const err = await provoke(p);
      expect(err, `${code}: nothing was thrown`).toBeInstanceOf(KqlError);
      const e = err as KqlError;
      expect(e.code).toBe(code);
      expect(e.phase).toBe(errorCodeInfo(code)!.phase);
      const lines = p.text.split(/\r\n|\r|\n/);
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.line).toBeLessThanOrEqual(lines.length);
      expect(e.column).toBeGreaterThanOrEqual(1);
      expect(e.column).toBeLessThanOrEqual(lines[e.line - 1].length + 1);

      const out = formatKqlError(e, p.text).split('\n');
      expect(out[0]).toBe(`${code}  ${plainKqlMessage(e)}`);
      expect(out[1]).toBe(`${e.line} | ${lines[e.line - 1]}`);
      expect(out[2]).toMatch(/^ *\^~*$/);
      expect(out[2].indexOf('^')).toBe(`${e.line} | `.length + e.column - 1);
    });
  });
});
