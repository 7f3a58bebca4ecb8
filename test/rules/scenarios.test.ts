import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KqlError, runScenarios, type SentinelRule } from '../../src/index.js';
import { describeRuleScenarios, errorSourceFile, findScenarioFiles, loadRule, runScenarioFile } from '../../src/node/index.js';

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
      ['now: yesterday\nscenarios: [{ name: s, expect: { fires: true } }]', /'now' "yesterday" is not a date/],
      ['now: 2024-05-01T00:00:00Z\ntables: { T: 3 }\nscenarios: [{ name: s, expect: { fires: true } }]', /table 'T' must be/],
      ['now: 2024-05-01T00:00:00Z\nparameter: { a: 1 }\nscenarios: [{ name: s, expect: { fires: true } }]', /unknown field 'parameter'/],
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

  it('a malformed scenario fails alone, with RULE_BAD_SCENARIO as its error', () => {
    const bad: [string, RegExp][] = [
      ['now: 2024-05-01T00:00:00Z\nscenarios: [{ expect: { fires: true } }]', /scenario 1 has no 'name'/],
      ['scenarios: [{ name: s, expect: { fires: true } }]', /has no 'now'/],
      ['now: 2024-05-01T00:00:00Z\nscenarios: [{ name: s }]', /has no 'expect'/],
      ['now: 2024-05-01T00:00:00Z\nscenarios: [{ name: s, expect: { fire: true } }]', /unknown field 'fire'/],
      ['now: 2024-05-01T00:00:00Z\nscenarios: [{ name: s, tables: { T: 3 }, expect: { fires: true } }]', /table 'T' must be/],
      ['now: 2024-05-01T00:00:00Z\nscenarios: [{ name: s, watchlists: { W: 3 }, expect: { fires: true } }]', /watchlist 'W' must be/],
      ['now: 2024-05-01T00:00:00Z\nscenarios: [{ name: s, externalData: { "https://x": { rows: [] } }, expect: { fires: true } }]', /externalData 'https:\/\/x' must be/],
      ['now: 2024-05-01T00:00:00Z\nscenarios: [{ name: s, parameters: [1], expect: { fires: true } }]', /'parameters' must map/],
    ];
    for (const [text, message] of bad) {
      const results = runScenarios(rule, text);
      expect(results, text).toHaveLength(1);
      const [r] = results;
      expect(r.passed, text).toBe(false);
      expect(r.error, text).toBeInstanceOf(KqlError);
      expect(r.error?.code, text).toBe('RULE_BAD_SCENARIO');
      expect(r.error?.message, text).toMatch(message);
      expect(r.failures[0], text).toMatch(/^RULE_BAD_SCENARIO: /);
    }
    // The second of two scenarios with one name fails; the first runs.
    const twice = runScenarios(rule, 'now: 2024-05-01T00:00:00Z\ntables: { SigninLogs: [] }\nscenarios: [{ name: s, expect: { fires: false } }, { name: s, expect: { fires: true } }]');
    expect(twice.map((r) => [r.passed, r.error?.message.match(/used twice/) !== null && r.error !== undefined])).toEqual([[true, false], [false, true]]);
  });

  it('one bad scenario among good ones: the good ones still run and pass', () => {
    const text = `now: 2024-05-01T12:00:00Z
tables:
  SigninLogs:
    - { TimeGenerated: 2024-05-01T11:30:00Z, UserPrincipalName: alice@contoso.com, ResultType: "50126" }
scenarios:
  - name: fires
    expect: { fires: true }
  - name: typo
    expect: { fire: true }
  - name: no rows
    tables: { SigninLogs: [] }
    expect: { fires: false }
`;
    const results = runScenarios(rule, text);
    expect(results.map((r) => [r.name, r.passed])).toEqual([['fires', true], ['typo', false], ['no rows', true]]);
    expect(results[1].error).toMatchObject({ code: 'RULE_BAD_SCENARIO', line: 9, column: 15 }); // the 'fire' key
  });

  it('the caller\'s parsed document is not modified by a malformed scenario', () => {
    const parsed = { now: '2024-05-01T00:00:00Z', scenarios: [{ name: 's', expect: { fire: true } }] };
    const copy = structuredClone(parsed);
    const [r] = runScenarios(rule, parsed as never);
    expect(r.error?.message).toMatch(/unknown field 'fire'/);
    expect(parsed).toEqual(copy);
  });

  it('{ file } tables need a resolver', () => {
    const text = 'now: 2024-05-01T12:00:00Z\nscenarios: [{ name: s, tables: { SigninLogs: { file: x.json } }, expect: { fires: true } }]';
    const [missing] = runScenarios(rule, text);
    expect(missing.error?.message).toMatch(/reads the file 'x.json', but no file reader was given/);
    expect(missing.error).toMatchObject({ line: 2, column: 34 });
    const rows = [{ TimeGenerated: '2024-05-01T11:59:00Z', ResultType: '1' }];
    expect(runScenarios(rule, text, (p) => (p === 'x.json' ? rows : []))[0].passed).toBe(true);
  });
});

describe('scenario inputs: watchlists, parameters, externalData', () => {
  const inputsRule: SentinelRule = {
    query: `declare query_parameters(minCount:long = 2, since:datetime = datetime(2024-05-01));
let Vip = _GetWatchlist('VIPUsers') | project UserPrincipalName = SearchKey, Tier;
let Bad = externaldata(IPAddress:string, Score:long)["https://feeds.example/bad-ips.csv?key=a=b"];
SigninLogs
| where TimeGenerated >= since
| join kind=inner Vip on UserPrincipalName
| join kind=inner Bad on IPAddress
| summarize Failures = count() by UserPrincipalName, Tier, Score
| where Failures >= minCount`,
  };
  const shared = `now: 2024-05-01T12:00:00Z
window: false
tables:
  SigninLogs:
    - { TimeGenerated: 2024-05-01T11:00:00Z, UserPrincipalName: ceo@contoso.com, IPAddress: 203.0.113.5 }
    - { TimeGenerated: 2024-05-01T11:10:00Z, UserPrincipalName: ceo@contoso.com, IPAddress: 203.0.113.5 }
watchlists:
  VIPUsers: [{ SearchKey: ceo@contoso.com, Tier: "1" }]
externalData:
  "https://feeds.example/bad-ips.csv?key=a=b": [{ IPAddress: 203.0.113.5, Score: "80" }]
parameters: { since: 2024-05-01T10:00:00Z }
`;

  it('the document gives all three; a scenario replaces an entry by name', () => {
    const text = `${shared}scenarios:
  - name: shared inputs
    expect: { rows: [{ UserPrincipalName: ceo@contoso.com, Tier: "1", Score: 80, Failures: 2 }] }
  - name: a higher minCount (the document's since still applies)
    parameters: { minCount: 3 }
    expect: { fires: false }
  - name: the CEO is not a VIP here
    watchlists: { VIPUsers: [{ SearchKey: cfo@contoso.com, Tier: "1" }] }
    expect: { fires: false }
  - name: the feed no longer lists the IP
    externalData: { "https://feeds.example/bad-ips.csv?key=a=b": [] }
    expect: { fires: false }
  - name: since after both sign-ins
    parameters: { since: 2024-05-01T11:30:00Z }
    expect: { fires: false }
`;
    expect(runScenarios(inputsRule, text).map((r) => [r.name, r.passed, r.failures])).toEqual([
      ['shared inputs', true, []],
      ['a higher minCount (the document\'s since still applies)', true, []],
      ['the CEO is not a VIP here', true, []],
      ['the feed no longer lists the IP', true, []],
      ['since after both sign-ins', true, []],
    ]);
  });

  it('a parameter the query does not declare, or a value of the wrong type, fails that scenario at its line', () => {
    const text = `${shared}scenarios:
  - name: typo
    parameters: { minCnt: 3 }
    expect: { fires: false }
  - name: not a number
    parameters: { minCount: many }
    expect: { fires: false }
  - name: fine
    expect: { fires: true }
`;
    const [typo, nan, fine] = runScenarios(inputsRule, text);
    expect(typo.error?.message).toMatch(/parameter 'minCnt' is not declared by the query \(its parameters: minCount:long, since:datetime\)/);
    expect(typo.error).toMatchObject({ line: 14, column: 19 }); // the minCnt key
    expect(nan.error?.message).toMatch(/parameter 'minCount' is a long: "many" cannot be read as a long/);
    expect(nan.error).toMatchObject({ line: 17, column: 19 });
    expect(fine.passed).toBe(true);
  });

  it('the shared parameter is located in the document when a scenario inherits it', () => {
    const text = shared.replace('since: 2024-05-01T10:00:00Z', 'since: soon') + 'scenarios: [{ name: s, expect: { fires: true } }]\n';
    const [r] = runScenarios(inputsRule, text);
    expect(r.error?.message).toMatch(/parameter 'since' is a datetime: "soon"/);
    expect(r.error).toMatchObject({ line: 11, column: 15 });
  });

  it('{ file } watchlists and externalData are read through resolveFile with their kind', () => {
    const text = `now: 2024-05-01T12:00:00Z
window: false
tables: { SigninLogs: [{ TimeGenerated: 2024-05-01T11:00:00Z, UserPrincipalName: ceo@contoso.com, IPAddress: 203.0.113.5 }] }
watchlists: { VIPUsers: { file: vip.csv } }
externalData: { "https://feeds.example/bad-ips.csv?key=a=b": { file: bad.csv } }
scenarios: [{ name: s, parameters: { minCount: 1 }, expect: { rowCount: 1 } }]
`;
    const asked: string[] = [];
    const resolve = (path: string, kind?: string) => {
      asked.push(`${kind}:${path}`);
      return path === 'vip.csv' ? [{ SearchKey: 'ceo@contoso.com', Tier: '1' }] : [{ IPAddress: '203.0.113.5', Score: '80' }];
    };
    const [r] = runScenarios(inputsRule, text, resolve);
    expect(r.failures).toEqual([]);
    expect(asked).toEqual(['watchlist:vip.csv', 'externalData:bad.csv']);
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

  it('errorSourceFile: an error of a bad rule points into the rule file, of a bad document into the scenario file', () => {
    const sub = mkdtempSync(join(tmpdir(), 'mini-kql-sources-'));
    writeFileSync(join(sub, 'bad.yaml'), 'query: |\n  T | take 1\ntriggerOperator: [\n');
    writeFileSync(join(sub, 'bad.tests.yaml'), 'now: 2024-05-01T00:00:00Z\nscenarios: [{ name: s, expect: { fires: true } }]\n');
    writeFileSync(join(sub, 'doc.tests.yaml'), 'rule: bad.yaml\nnow: 2024-05-01T00:00:00Z\nscenario: []\n');
    const thrown = (path: string) => {
      try {
        runScenarioFile(path);
      } catch (err) {
        return err as KqlError;
      }
      throw new Error(`${path} ran`);
    };
    const ruleErr = thrown(join(sub, 'bad.tests.yaml'));
    expect(ruleErr.code).toBe('RULE_INVALID_YAML');
    expect(errorSourceFile(ruleErr)).toBe(join(sub, 'bad.yaml'));
    const docErr = thrown(join(sub, 'doc.tests.yaml'));
    expect(docErr).toMatchObject({ code: 'RULE_BAD_SCENARIO', line: 3, column: 1 });
    expect(errorSourceFile(docErr)).toBe(join(sub, 'doc.tests.yaml'));
  });

  it('findScenarioFiles: a directory, a rule file, a tests file', () => {
    expect(findScenarioFiles(dir)).toEqual([join(dir, 'failed.tests.yaml')]);
    expect(findScenarioFiles(join(dir, 'failed.yaml'))).toEqual([join(dir, 'failed.tests.yaml')]);
    const found = findScenarioFiles(join(ROOT, 'queries')).map((p) => p.slice(ROOT.length + 1));
    expect(found).toEqual([
      'queries/all-rule-inputs/rule.tests.yaml',
      'queries/asim-functions/imAuthPasswordSpray.tests.yaml',
      'queries/asim-functions/imDNS_Miners.tests.yaml',
      'queries/suspicious-vm-creation/rule.tests.yaml',
      'queries/suspicious-vm-creation-tuned/rule.tests.yaml',
      'queries/watchlist-param-external/rule.tests.yaml',
    ]);
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
describeRuleScenarios(join(ROOT, 'queries/watchlist-param-external/rule.tests.yaml'), { describe, it, expect });

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
    // A watchlist keeps every CSV cell as text (its columns are strings, as in Sentinel); externaldata rows too
    // (the query's externaldata columns type them).
    expect(readRowsFile(joinPath(dir, 'T.csv'), 'watchlist')).toEqual({
      schema: [{ name: 'a', type: 'string' }, { name: 'b', type: 'string' }],
      rows: [{ a: 'x', b: '1' }, { a: 'y', b: '2' }],
    });
    expect(readRowsFile(joinPath(dir, 'T.csv'), 'externalData')).toEqual([{ a: 'x', b: '1' }, { a: 'y', b: '2' }]);
    writeFileSync(joinPath(dir, 'bad.ndjson'), '{"a":1}\n{oops\n');
    expect(() => readRowsFile(joinPath(dir, 'bad.ndjson'))).toThrow(/bad\.ndjson:2/);
  });
});
