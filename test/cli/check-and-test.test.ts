import { describe, expect, it } from 'vitest';
import { cli, fixtures as F, hasStack } from './run-cli.js';

describe.concurrent('mini-kql check', () => {
  it('a clean query prints its result schema, exit 0', async () => {
    const r = await cli('check', `${F}/logins.kql`, '--schema', `${F}/logins.schema.json`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${F}/logins.kql: ok, the result has 4 columns:`);
    expect(r.stdout).toMatch(/^ {2}Failed\s+int$/m);
    expect(r.stdout).toMatch(/^ {2}TimeGenerated\s+datetime$/m);
  });

  it('a broken query: file:line:col CODE message, the source line and a caret, exit 1', async () => {
    const r = await cli('check', `${F}/bad/broken.kql`, '--schema', `${F}/logins.schema.json`);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `${F}/bad/broken.kql:3:9  SEM_UNKNOWN_COLUMN  Unknown column or variable 'Usr' (did you mean 'User'?)`,
      '3 | | where Usr == "alice"',
      '            ^~~',
    ]);
  });

  it('a syntax error in a rule points at the rule file line and column', async () => {
    const r = await cli('check', `${F}/bad/syntax-rule.yaml`);
    expect(r.code).toBe(1);
    const [head, src, caret] = r.stdout.split('\n');
    // The dangling `and` is noticed at the next pipe: file line 9, column 3 (the query is indented 2).
    expect(head).toBe(`${F}/bad/syntax-rule.yaml:9:3  SYN_UNEXPECTED_TOKEN  Unexpected '|'`);
    expect(src).toBe('9 | | project AlertName');
    expect(caret).toBe('    ^');
  });

  it('a rule file with no query is an error naming the file, exit 1', async () => {
    const r = await cli('check', `${F}/bad/no-query.yaml`);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/no-query\.yaml:1:1\s+RULE_NO_QUERY/);
    expect(hasStack(r.stdout + r.stderr)).toBe(false);
  });

  it('a directory: every .kql and rule .yaml (not scenario or other YAML), then a summary', async () => {
    const r = await cli('check', `${F}/check-dir`, '--schema', `${F}/logins.schema.json`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok {2}.*check-dir\/alerts\.kql {2}\(AlertName:string, count_:long\)$/m);
    expect(r.stdout).toMatch(/^ok {2}.*check-dir\/sub\/plain\.kql/m);
    expect(r.stdout).toMatch(/^ok {2}.*check-dir\/sub\/rule\.yaml/m);
    expect(r.stdout).not.toContain('config.yaml');
    expect(r.stdout).not.toContain('rule.tests.yaml');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('3 files checked: 3 clean, 0 with errors (1 with warnings)');
  });

  it('a directory with errors exits 1 and counts them', async () => {
    const r = await cli('check', `${F}/check-dir`);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/sub\/rule\.yaml:11:3\s+SEM_UNKNOWN_TABLE\s+Unknown table 'Logins'/);
    expect(r.stdout).toContain('hint: Logins has no built-in schema: give its columns with --schema file');
    expect(r.stdout).toContain('3 files checked: 2 clean, 1 with errors');
  });

  it('the golden queries in queries/ are clean', async () => {
    // One rule there reads a watchlist (check needs its columns); queries/asim-functions holds rules that call
    // the parsers of its functions/ folder.
    const r = await cli('check', 'queries', '--watchlist', 'HighValueAssets=queries/watchlist-param-external/inputs/HighValueAssets.csv',
      '--watchlist', 'VIPUsers=queries/all-rule-inputs/inputs/VIPUsers.csv', '--functions', 'queries/asim-functions/functions');
    // The seed rules are the query part of a published rule (no kind:), so only that warning is expected.
    const problems = r.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l) && !/ {2}warning {2}The rule has no 'kind'/.test(l));
    expect(problems).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ files checked: \d+ clean, 0 with errors/);
  });

  it('a missing path: one line, exit 1', async () => {
    const r = await cli('check', `${F}/nope`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope: no such file or directory/);
    expect(hasStack(r.stderr)).toBe(false);
  });
});

describe.concurrent('mini-kql test', () => {
  it('a passing scenario file: PASS per scenario, summary, exit 0', async () => {
    const r = await cli('test', `${F}/logins-rule.tests.yaml`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}PASS {2}alice inside the hour fires {2}\(fired, 1 row\)$/m);
    expect(r.stdout).toMatch(/^ {2}PASS {2}at 22:30 only bob/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 scenarios: 2 passed, 0 failed');
  });

  it('a failing scenario: FAIL with the diff lines, exit 1; --explain adds its pipeline', async () => {
    const r = await cli('test', `${F}/failing.tests.yaml`, '--explain');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}PASS {2}passes/m);
    expect(r.stdout).toMatch(/^ {2}FAIL {2}expects carol too/m);
    expect(r.stdout).toContain('expected 2 rows, got 1');
    expect(r.stdout).toMatch(/- missing: +\{ User: "carol, jr" \}/);
    expect(r.stdout).toMatch(/line 13\s+\| where\s+2 -> 1/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 scenarios: 1 passed, 1 failed');
  });

  it('a rule file finds the <name>.tests.yaml beside it', async () => {
    const r = await cli('test', `${F}/logins-rule.yaml`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('logins-rule.tests.yaml');
  });

  it('a path without scenario files: one line, exit 1', async () => {
    const r = await cli('test', `${F}/data`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/data: no scenario files/);
  });
});

describe.concurrent('mini-kql help and version', () => {
  it.each(['run', 'check', 'test'])('%s --help shows usage and examples', async (cmd) => {
    const r = await cli(cmd, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: mini-kql ${cmd} `));
    expect(r.stdout).toContain('Examples:');
  });

  it('--help', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Commands:');
  });

  it('--version', async () => {
    const version = await cli('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('an unknown command exits 2 with a hint', async () => {
    const r = await cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});
