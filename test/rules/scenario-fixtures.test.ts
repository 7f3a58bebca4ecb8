/** Fixture problems in scenarios: warnings on the result, failures when strict (document, scenario or option). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KqlError, parseScenarioDoc, runScenarios, type SentinelRule } from '../../src/index.js';
import { cli } from '../cli/run-cli.js';

const rule: SentinelRule = {
  name: 'Failed sign-ins',
  query: 'SigninLogs | where ResultType != "0" | project UserPrincipalName',
  queryPeriod: '1h',
};

const doc = (head: string, scenarioExtra = '') => `
now: 2024-05-01T12:00:00Z
${head}
tables:
  SigninLogs:
    - { TimeGenerated: 2024-05-01T11:30:00Z, UserPrincipalName: alice, ResultType: "50126" }
    - { TimeGenerated: 2024-05-01T11:40:00Z, UserPrincipalName: bob, ResultTyp: "50126", IsInteractive: maybe }
  MyOwnTable:
    - { Anything: 1 }
scenarios:
  - name: alice fails
${scenarioExtra}
    expect: { fires: true, rowCount: 2 }
`;

/** `line L, column C` of the first occurrence of a key in the scenario text. */
const at = (text: string, key: string) => {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(`${key}:`));
  return `line ${line + 1}, column ${lines[line].indexOf(`${key}:`) + 1}`;
};

const WARNINGS = [
  `${at(doc(''), 'ResultTyp')}: table SigninLogs, row 2: unknown column 'ResultTyp' (did you mean ResultType?)`,
  `${at(doc(''), 'IsInteractive')}: table SigninLogs, row 2: column IsInteractive: 'maybe' is not a valid bool: it reads as null`,
];

describe('scenario fixture warnings', () => {
  it('tables with a known schema are checked; the problems are warnings and the scenario runs as written', () => {
    const [r] = runScenarios(rule, doc(''));
    // bob's misspelled ResultType reads as empty, so he counts as a failure too: the warning says why.
    expect(r.passed).toBe(true);
    expect(r.warnings).toEqual(WARNINGS);
  });

  it('a table given as { schema, rows } is checked against that schema', () => {
    const text = `
now: 2024-05-01T12:00:00Z
scenarios:
  - name: own schema
    tables:
      SigninLogs: []
      Custom:
        schema: [{ name: Port, type: int }]
        rows: [{ Prot: 1 }]
    expect: { fires: false }
`;
    expect(runScenarios(rule, text)[0].warnings).toEqual([`${at(text, 'Prot')}: table Custom, row 1: unknown column 'Prot' (did you mean Port?)`]);
    expect(at(text, 'Prot')).toBe('line 9, column 18');
  });

  it('clean fixtures: no warnings field', () => {
    const [r] = runScenarios(rule, doc('').replace('ResultTyp:', 'ResultType:').replace('IsInteractive: maybe', 'IsInteractive: true'));
    expect(r.warnings).toBeUndefined();
  });

  it('strict: true in the document makes them failures', () => {
    const [r] = runScenarios(rule, doc('strict: true'));
    expect(r.passed).toBe(false);
    expect(r.warnings).toBeUndefined();
    expect(r.failures).toEqual(WARNINGS.map((w) => `fixture problem (strict): ${w}`));
  });

  it('a scenario\'s strict wins over the document\'s; the strict option wins over both', () => {
    expect(runScenarios(rule, doc('strict: true', '    strict: false'))[0].passed).toBe(true);
    expect(runScenarios(rule, doc('', '    strict: true'))[0].passed).toBe(false);
    expect(runScenarios(rule, doc('strict: false', '    strict: false'), undefined, { strict: true })[0].passed).toBe(false);
  });

  it('strict must be true or false', () => {
    expect(() => parseScenarioDoc(doc('strict: yes'))).toThrow(KqlError);
    expect(() => parseScenarioDoc(doc('strict: yes'))).toThrow(/'strict' must be true or false/);
    // A bad scenario fails alone, at the field's line.
    const [bad] = parseScenarioDoc(doc('', '    strict: 1')).scenarios;
    expect(bad.error?.message).toMatch(/scenario 'alice fails': 'strict' must be true or false/);
    expect(bad.error?.line).toBe(doc('', '    strict: 1').split('\n').findIndex((l) => l.includes('strict: 1')) + 1);
  });
});

describe('mini-kql test: fixture warnings and --strict', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mini-kql-scenario-fixtures-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'rule.yaml'), `name: Failed sign-ins\nqueryPeriod: 1h\nquery: |\n  ${rule.query}\n`);
  writeFileSync(join(dir, 'rule.tests.yaml'), doc(''));

  it('warnings are printed under the scenario; the run passes', async () => {
    const r = await cli('test', join(dir, 'rule.tests.yaml'));
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  PASS  alice fails'));
    expect(lines.slice(at + 1, at + 3)).toEqual(WARNINGS.map((w) => `        warning: ${w}`));
  });

  it('--strict fails the scenario with the problems, exit 1', async () => {
    const r = await cli('test', join(dir, 'rule.tests.yaml'), '--strict');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  FAIL  alice fails');
    expect(r.stdout).toContain(`        fixture problem (strict): ${WARNINGS[0]}`);
    expect(r.stdout).not.toContain('warning:');
  });
});
