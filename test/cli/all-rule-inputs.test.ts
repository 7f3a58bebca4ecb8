/**
 * The "done when": a rule that uses a watchlist, a query parameter, a workspace parser and
 * externaldata runs from the command line and from a scenario file (queries/all-rule-inputs), and the
 * JUnit report of its scenarios is valid XML with one test case per scenario.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const DIR = 'queries/all-rule-inputs';
const FEED = 'https://threatintel.contoso.example/feeds/spray-ips.csv';
const INPUTS = [
  '--data', `${DIR}/data`,
  '--functions', 'queries/asim-functions/functions',
  '--watchlist', `VIPUsers=${DIR}/inputs/VIPUsers.csv`,
  '--external-data', `${FEED}=${DIR}/inputs/spray-ips.csv`,
  '--now', '2024-05-02T00:00:00Z',
];

describe.concurrent('a rule with a parser, a watchlist, a parameter and externaldata', () => {
  it('runs from the command line with every input given by an option', async () => {
    const r = await cli('run', `${DIR}/rule.yaml`, ...INPUTS, '--param', 'failureThreshold=2', '--format', 'json');
    expect(r.stderr).not.toMatch(/warning|error/i); // clean fixtures; the rule's verdict goes to stderr with --format json
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { fired: boolean; rows: Record<string, unknown>[] };
    expect(out.fired).toBe(true);
    expect(out.rows.map((row) => [row.TargetUsername, row.Department, row.Campaign, row.Failures])).toEqual([
      ['cfo@contoso.com', 'Finance', 'SprayWave-12', 4],
      ['ceo@contoso.com', 'Board', 'SprayWave-9', 2],
    ]);
  });

  it('the default threshold keeps only the CFO; without the parser it cannot run and says where parsers go', async () => {
    const r = await cli('run', `${DIR}/rule.yaml`, ...INPUTS, '--format', 'json');
    expect((JSON.parse(r.stdout) as { rows: { TargetUsername: string }[] }).rows.map((row) => row.TargetUsername)).toEqual(['cfo@contoso.com']);
    const without = INPUTS.filter((a, i) => a !== '--functions' && INPUTS[i - 1] !== '--functions');
    const failed = await cli('run', `${DIR}/rule.yaml`, ...without);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/imAuthentication/);
    expect(failed.stderr).toMatch(/--functions/);
  });

  it('runs from its scenario file, and the JUnit report has one valid test case per scenario', async () => {
    const r = await cli('test', DIR, '--reporter', 'junit');
    expect(r.code).toBe(0);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(r.stdout) as { testsuites: { testsuite: { '@_tests': string; '@_failures': string; testcase: unknown[] } } };
    expect(xml.testsuites.testsuite['@_tests']).toBe('5');
    expect(xml.testsuites.testsuite['@_failures']).toBe('0');
    expect(xml.testsuites.testsuite.testcase).toHaveLength(5);
  });
});
