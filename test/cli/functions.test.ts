/** `--functions <dir|file>` on run, check and test, and rules that call Sentinel parsers. */
import { describe, expect, it } from 'vitest';
import { cli, fixtures, hasStack } from './run-cli.js';

const F = `${fixtures}/functions`;
const ASIM = 'queries/asim-functions';

describe.concurrent('mini-kql --functions', () => {
  it('test: the ASIM fixture rules run through their parsers (functions: in the scenario files)', async () => {
    const r = await cli('test', ASIM);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PASS  fires when 16 users fail with a bad password from one address within five minutes');
    expect(r.stdout).toContain('PASS  fires when a host looks up a mining pool');
    expect(r.stdout).toMatch(/8 scenarios: 8 passed, 0 failed/);
  });

  it('test --functions: definitions for every scenario file', async () => {
    // rule.tests.yaml names lib itself; --functions adds a definition nobody uses and does no harm.
    const r = await cli('test', `${F}/rule.tests.yaml`, '--functions', `${F}/lib/helpers.kql`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 scenarios: 2 passed/);
  });

  it('check: a rule that calls a parser, without and with --functions', async () => {
    const rule = `${ASIM}/imDNS_Miners.yaml`;
    const without = await cli('check', rule);
    expect(without.code).toBe(1);
    expect(without.stdout).toMatch(/imDNS_Miners\.yaml:59:3\s+SEM_UNKNOWN_FUNCTION\s+Unknown function '_Im_Dns': it looks like a Sentinel parser/);
    expect(without.stdout).toMatch(/hint: _Im_Dns looks like a Sentinel parser \(a workspace function\): give its definition with --functions/);
    const withFns = await cli('check', rule, '--functions', `${ASIM}/functions`);
    expect(withFns.code).toBe(0);
    expect(withFns.stdout).toMatch(/imDNS_Miners\.yaml: ok, the result has 23 columns/);
    expect(withFns.stdout).toMatch(/^ {2}IPCustomEntity\s+string$/m);
  });

  it('check: an error inside a parser points at the call and names the parser line', async () => {
    const r = await cli('check', `${F}/rule.yaml`, '--functions', `${F}/lib`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('note: test/cli/fixtures/functions/lib/notes.yaml: not a parser (no FunctionName or FunctionQuery), skipped');
    // No schema for Logins: the error is inside OktaLike, called by FailedLogins, called at rule.yaml line 9.
    expect(r.stdout).toMatch(/rule\.yaml:9:3\s+SEM_UNKNOWN_TABLE\s+in workspace function 'OktaLike' \(line 1, column 1 of its body\): Unknown table 'Logins'/);
  });

  it('run: a rule over a parser, with --explain naming the stages inside it', async () => {
    const r = await cli('run', `${ASIM}/imAuthPasswordSpray.yaml`, '--table', `SigninLogs=${ASIM}/data/SigninLogs-spray-16-users.json`,
      '--functions', `${ASIM}/functions/imAuthentication.yaml`, '--now', '2024-05-01T11:00:00Z', '--explain');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Rule FIRED');
    expect(r.stdout).toMatch(/table SigninLogs \(in imAuthentication, its line \d+\)\s+16 rows/);
    expect(r.stderr).not.toMatch(/is not used by the query/);
  });

  it('run: a query calling .kql and .csf functions', async () => {
    const r = await cli('run', `${F}/rule.yaml`, '--no-window', '--table', `Logins=${F}/logins.json`, '--schema', `${F}/logins.schema.json`,
      '--functions', `${F}/lib`, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows).toEqual([{ User: 'adm-alice', Failures: 3 }]);
  });

  it('bad definitions: errors name the file, no stack trace', async () => {
    for (const dir of ['dup', 'bad']) {
      const r = await cli('check', `${F}/rule.yaml`, '--functions', `${F}/${dir}`);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(dir === 'dup' ? /RULE_BAD_FUNCTION\s+.*Twice\.kql: the function 'Twice' is defined twice/ : /RULE_BAD_FUNCTION\s+.*NoQuery\.yaml: the parser has no 'FunctionQuery'/);
      expect(hasStack(r.stdout + r.stderr)).toBe(false);
    }
    const missing = await cli('run', `${F}/rule.yaml`, '--functions', `${F}/nope`);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No such functions file or folder: .*nope/);
  });

  it('--help of each command describes --functions', async () => {
    for (const command of ['run', 'check', 'test']) {
      const r = await cli(command, '--help');
      expect(r.stdout).toMatch(/--functions path\s+workspace functions the query calls/);
    }
  });
});
