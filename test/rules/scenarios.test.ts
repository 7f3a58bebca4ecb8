import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KqlError, runScenarios, type SentinelRule } from '../../src/index.js';
import { describeRuleScenarios, findScenarioFiles, loadRule, runScenarioFile } from '../../src/node/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const rule: SentinelRule = {
  name: 'Failed sign-ins',
  query: 'SigninLogs | where ResultType != "0" | project TimeGenerated, UserPrincipalName, IPAddress',
  queryPeriod: '1h',
};

const doc = `
now: 2024-05-01T12:00:00Z
tables:
  SigninLogs:
    - { TimeGenerated: 2024-05-01T11:30:00Z, UserPrincipalName: alice@contoso.com, IPAddress: 203.0.113.5, ResultType: "50126" }
    - { TimeGenerated: 2024-05-01T11:40:00Z, UserPrincipalName: bob@contoso.com, IPAddress: 203.0.113.6, ResultType: "0" }
scenarios:
  - name: one failure
    expect:
      fires: true
      rowCount: 1
      rows:
        - { UserPrincipalName: alice@contoso.com, TimeGenerated: 2024-05-01T11:30:00Z }
  - name: only successes
    tables:
      SigninLogs:
        - { TimeGenerated: 2024-05-01T11:40:00Z, UserPrincipalName: bob@contoso.com, ResultType: "0" }
    expect: { fires: false }
  - name: the failure is older than queryPeriod
    now: 2024-05-01T13:00:00Z
    expect: { fires: false, rowCount: 0 }
`;

describe('runScenarios', () => {
  it('passes scenarios whose expectations hold (shared tables, overrides, per-scenario now)', () => {
    const results = runScenarios(rule, doc);
    // Each result also carries the run's trace and window (checked below); compare the verdicts here.
    expect(results.map(({ trace, window, durationMs, ...verdict }) => verdict)).toEqual([
      { name: 'one failure', passed: true, fired: true, rowCount: 1, failures: [] },
      { name: 'only successes', passed: true, fired: false, rowCount: 0, failures: [] },
      { name: 'the failure is older than queryPeriod', passed: true, fired: false, rowCount: 0, failures: [] },
    ]);
    expect(results[0].trace?.[0]).toMatchObject({ operator: 'table SigninLogs', rowsOut: 2 });
    expect(results[0].window?.to).toEqual(new Date('2024-05-01T12:00:00Z'));
  });

  it('reports failures as readable lines', () => {
    const wrong = `
now: 2024-05-01T12:00:00Z
tables:
  SigninLogs:
    - { TimeGenerated: 2024-05-01T11:30:00Z, UserPrincipalName: alice@contoso.com, IPAddress: 203.0.113.5, ResultType: "50126" }
    - { TimeGenerated: 2024-05-01T11:35:00Z, UserPrincipalName: carol@contoso.com, IPAddress: 203.0.113.7, ResultType: "50053" }
scenarios:
  - name: wrong expectations
    expect:
      fires: false
      rowCount: 1
      rows:
        - { UserPrincipalName: alice@contoso.com, IPAddress: 203.0.113.5 }
        - { UserPrincipalName: mallory@contoso.com, IPAddress: 203.0.113.5 }
  - name: a column the result does not have
    expect:
      rows: [{ ResultType: "50126" }]
  - name: quiet
    tables: { SigninLogs: [] }
    expect: { fires: true }
`;
    const [a, b, c] = runScenarios({ ...rule, triggerThreshold: 0 }, wrong);
    expect(a.passed).toBe(false);
    expect(a.failures).toEqual([
      'expected the rule not to fire, but it fired: 2 rows, and it fires when the row count is greater than 0 (gt 0)',
      'expected 1 row, got 2',
      'the result rows differ from expect.rows (compared on UserPrincipalName, IPAddress; order ignored):',
      '  - missing:    { UserPrincipalName: "mallory@contoso.com", IPAddress: "203.0.113.5" }',
      '  + unexpected: { UserPrincipalName: "carol@contoso.com", IPAddress: "203.0.113.7" }',
    ]);
    expect(b.failures).toEqual([
      "expected column 'ResultType' not in the result (its columns: TimeGenerated, UserPrincipalName, IPAddress)",
    ]);
    expect(c).toMatchObject({ passed: false, fired: false, rowCount: 0 });
    expect(c.failures[0]).toMatch(/^expected the rule to fire, but it did not: 0 rows/);
  });

  it('matches expected rows order-insensitively, each to a different result row', () => {
    const r: SentinelRule = { query: 'datatable(a:long, b:string) [1, "x", 2, "x", 3, "y"]' };
    const run = (rows: string) =>
      runScenarios(r, `now: 2024-05-01T00:00:00Z\nscenarios:\n  - name: s\n    expect:\n      rows: ${rows}\n`)[0];
    expect(run('[{ b: y }, { b: x }, { b: x }]').passed).toBe(true);
    expect(run('[{ a: 3 }, { b: x, a: 1 }, { b: x }]').passed).toBe(true);
    const twice = run('[{ b: y }, { b: y }, { b: x }]');
    expect(twice.failures.slice(1)).toEqual(['  - missing:    { b: "y" }', '  + unexpected: { b: "x" }']);
  });

  it('a query error is a failed scenario, not an exception', () => {
    const [r] = runScenarios({ query: 'SigninLogs | where Nope == 1' }, 'now: 2024-05-01T00:00:00Z\nscenarios: [{ name: s, tables: { SigninLogs: [] }, expect: { fires: false } }]');
    expect(r.passed).toBe(false);
    expect(r.failures[0]).toMatch(/^the rule did not run: SEM_UNKNOWN_COLUMN: Unknown column or variable 'Nope'/);
  });

  it('rejects malformed scenario documents with RULE_BAD_SCENARIO', () => {
    const bad: [string, RegExp][] = [
      ['scenarios: []', /has no scenarios/],
      ['now: 2024-05-01T00:00:00Z\nscenarios: [{ expect: { fires: true } }]', /scenario 1 has no 'name'/],
      ['scenarios: [{ name: s, expect: { fires: true } }]', /has no 'now'/],
      ['now: 2024-05-01T00:00:00Z\nscenarios: [{ name: s }]', /has no 'expect'/],
      ['now: 2024-05-01T00:00:00Z\nscenarios: [{ name: s, expect: { fire: true } }]', /unknown field 'fire'/],
      ['now: yesterday\nscenarios: [{ name: s, expect: { fires: true } }]', /'now' "yesterday" is not a date/],
      ['now: 2024-05-01T00:00:00Z\nscenarios: [{ name: s, tables: { T: 3 }, expect: { fires: true } }]', /table 'T' must be/],
      ['now: 2024-05-01T00:00:00Z\nscenarios: [{ name: s, expect: { fires: true } }, { name: s, expect: { fires: true } }]', /used twice/],
    ];
    for (const [text, message] of bad) {
      let err: unknown;
      try {
        runScenarios(rule, text);
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(KqlError);
      expect((err as KqlError).code, text).toBe('RULE_BAD_SCENARIO');
      expect((err as KqlError).message, text).toMatch(message);
    }
  });

  it('{ file } tables need a resolver', () => {
    const text = 'now: 2024-05-01T12:00:00Z\nscenarios: [{ name: s, tables: { SigninLogs: { file: x.json } }, expect: { fires: true } }]';
    expect(() => runScenarios(rule, text)).toThrow(/reads the file 'x.json', but no file reader was given/);
    const rows = [{ TimeGenerated: '2024-05-01T11:59:00Z', ResultType: '1' }];
    expect(runScenarios(rule, text, (p) => (p === 'x.json' ? rows : []))[0].passed).toBe(true);
  });
});

describe('Node helpers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mini-kql-rules-'));
  writeFileSync(join(dir, 'failed.yaml'), `name: Failed sign-ins\nqueryPeriod: 1h\nquery: |\n  ${rule.query}\n`);
  writeFileSync(join(dir, 'failed.kql'), rule.query);
  writeFileSync(join(dir, 'rows.ndjson'), '{"TimeGenerated":"2024-05-01T11:59:00Z","ResultType":"1","UserPrincipalName":"x@contoso.com"}\n');
  writeFileSync(
    join(dir, 'failed.tests.yaml'),
    'now: 2024-05-01T12:00:00Z\nscenarios:\n  - name: from ndjson\n    tables: { SigninLogs: { file: rows.ndjson } }\n    expect: { fires: true, rows: [{ UserPrincipalName: x@contoso.com }] }\n',
  );

  it('loadRule reads .yaml, .kql and YAML text; a missing file is RULE_FILE_NOT_FOUND', () => {
    expect(loadRule(join(dir, 'failed.yaml'))).toMatchObject({ name: 'Failed sign-ins', queryPeriod: '1h', source: join(dir, 'failed.yaml') });
    expect(loadRule(join(dir, 'failed.kql'))).toEqual({ query: rule.query, source: join(dir, 'failed.kql') });
    expect(loadRule('query: T | take 1\n')).toEqual({ query: 'T | take 1' });
    expect(() => loadRule(join(dir, 'missing.yaml'))).toThrow(/No such rule file/);
    try {
      loadRule('rules/missing.yaml');
    } catch (e) {
      expect((e as KqlError).code).toBe('RULE_FILE_NOT_FOUND');
    }
  });

  it('runScenarioFile finds the rule beside the file (no rule: field) and reads data files relative to it', () => {
    const r = runScenarioFile(join(dir, 'failed.tests.yaml'));
    expect(r.passed).toBe(true);
    expect(r.rulePath).toBe(join(dir, 'failed.yaml'));
    expect(r.results.map(({ trace, window, durationMs, ...verdict }) => verdict)).toEqual([{ name: 'from ndjson', passed: true, fired: true, rowCount: 1, failures: [] }]);
  });

  it('findScenarioFiles: a directory, a rule file, a tests file', () => {
    expect(findScenarioFiles(dir)).toEqual([join(dir, 'failed.tests.yaml')]);
    expect(findScenarioFiles(join(dir, 'failed.yaml'))).toEqual([join(dir, 'failed.tests.yaml')]);
    const found = findScenarioFiles(join(ROOT, 'queries')).map((p) => p.slice(ROOT.length + 1));
    expect(found).toEqual(['queries/suspicious-vm-creation/rule.tests.yaml', 'queries/suspicious-vm-creation-tuned/rule.tests.yaml']);
  });

  it('the worked example has a scenario for the attack and each false-positive note of the seed', () => {
    const text = readFileSync(join(ROOT, 'queries/suspicious-vm-creation/rule.tests.yaml'), 'utf8');
    for (const note of ['auto-scaling', 'dev/test', 'Cloud Console', 'security', 'gcloud', 'attack']) expect(text).toContain(note);
    expect(readdirSync(join(ROOT, 'queries/suspicious-vm-creation-tuned'))).toEqual(['rule.tests.yaml', 'rule.yaml']);
  });
});

// The worked example's scenario files, run the way a rule repository would run its own.
describeRuleScenarios(join(ROOT, 'queries/suspicious-vm-creation/rule.tests.yaml'), { describe, it, expect });
describeRuleScenarios(join(ROOT, 'queries/suspicious-vm-creation-tuned/rule.tests.yaml'), { describe, it, expect });

describe('src/rules is browser-safe', () => {
  it('imports no Node built-ins', () => {
    const dirRules = join(ROOT, 'src/rules');
    for (const f of readdirSync(dirRules)) {
      const text = readFileSync(join(dirRules, f), 'utf8');
      expect(text, f).not.toMatch(/from ['"](node:|fs|path|os|url)['"/]/);
      expect(text, f).not.toMatch(/\b(process|Buffer|require)\b[.(]/);
    }
  });
});

describe('scenario data files', () => {
  it('may be CSV as well as JSON and NDJSON (the CLI loader)', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join: joinPath } = await import('node:path');
    const { readRowsFile } = await import('../../src/node/scenarios.js');
    const dir = mkdtempSync(joinPath(tmpdir(), 'mini-kql-csv-'));
    writeFileSync(joinPath(dir, 'T.csv'), 'a,b\nx,1\ny,2\n');
    // Without a schema, an all-number CSV column is read as numbers (load-table-file.ts).
    expect(readRowsFile(joinPath(dir, 'T.csv'))).toEqual([{ a: 'x', b: 1 }, { a: 'y', b: 2 }]);
    writeFileSync(joinPath(dir, 'bad.ndjson'), '{"a":1}\n{oops\n');
    expect(() => readRowsFile(joinPath(dir, 'bad.ndjson'))).toThrow(/bad\.ndjson:2/);
  });
});
