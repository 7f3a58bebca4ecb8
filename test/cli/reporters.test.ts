/**
 * `mini-kql test --reporter text|junit|json|tap`, `--output`, `--coverage`: each report parsed back (JUnit
 * through fast-xml-parser's validator and parser, TAP line by line with its YAML blocks), run in this
 * process through testCommand with a captured Io (the CLI process itself is covered by one spawned run).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { testCommand } from '../../src/cli/commands/test.js';
import type { Io } from '../../src/cli/io.js';
import { getReporter, type TestReport } from '../../src/cli/reporters/index.js';
import { xmlAttr, xmlText } from '../../src/cli/reporters/xml.js';
import { UsageError } from '../../src/cli/errors.js';
import { cli, fixtures as F } from './run-cli.js';

/** A name with every character XML escapes, control characters XML 1.0 forbids, and TAP's `#`. */
const HOSTILE_YAML = String.raw`"<b>&amp; \"q\" 'a' \x01\x07\x1b tab\there # not a directive"`;
const HOSTILE = `<b>&amp; "q" 'a' \x01\x07\x1b tab\there # not a directive`;
const HOSTILE_SHOWN = `<b>&amp; "q" 'a' \\u0001\\u0007\\u001B tab\there # not a directive`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mini-kql-reporters-'));
  mkdirSync(join(dir, 'data'));
  copyFileSync(`${F}/logins-rule.yaml`, join(dir, 'logins-rule.yaml'));
  copyFileSync(`${F}/data/Logins.json`, join(dir, 'data', 'Logins.json'));
  // The rule's two filters: `where Failed > 1` drops bob in every scenario; no scenario has svc-backup rows.
  writeFileSync(
    join(dir, 'logins-rule.tests.yaml'),
    `rule: logins-rule.yaml
now: 2024-05-02T00:00:00Z
tables:
  Logins:
    - { TimeGenerated: 2024-05-01T23:30:00Z, User: alice, Ip: 10.0.0.1, Failed: 5 }
    - { TimeGenerated: 2024-05-01T23:40:00Z, User: bob, Ip: 10.0.0.2, Failed: 1 }
scenarios:
  - name: ${HOSTILE_YAML}
    expect: { fires: true, rowCount: 1 }
  - name: expects two rows
    expect:
      rowCount: 2
      rows:
        - { User: alice }
        - { User: carol }
`,
  );
  writeFileSync(join(dir, 'passing.tests.yaml'), 'rule: logins-rule.yaml\nnow: 2024-05-02T00:00:00Z\ntables:\n  Logins: { file: data/Logins.json }\nscenarios:\n  - name: passes\n    expect: { fires: true }\n');
  // The table has no Failed column: the rule's query does not run (an error, not a failed expectation).
  mkdirSync(join(dir, 'query-error'));
  writeFileSync(
    join(dir, 'query-error', 'q.tests.yaml'),
    'rule: ../logins-rule.yaml\nnow: 2024-05-02T00:00:00Z\nscenarios:\n  - name: no Failed column\n    tables:\n      Logins: { schema: [{ name: User, type: string }], rows: [{ User: alice }] }\n    expect: { fires: false }\n  - name: typo\n    expect: { fire: true }\n',
  );
  mkdirSync(join(dir, 'broken'));
  // A file that cannot be run at all: the rule it names does not exist.
  writeFileSync(join(dir, 'broken', 'bad.tests.yaml'), 'rule: ../missing-rule.yaml\nnow: 2024-05-02T00:00:00Z\nscenarios:\n  - name: s\n    expect: { fires: true }\n');
});

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), errRaw: () => {}, stderrIsTTY: false };
}

function runTest(...argv: string[]): { code: number; stdout: string } {
  const io = captureIo();
  const code = testCommand(argv, io);
  if (typeof code !== 'number') throw new Error('no --watch here: expected an exit code');
  return { code, stdout: io.stdout.join('\n') };
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

interface JUnitCase { name: string; classname: string; time: string; failure?: { message: string; type: string; '#text': string }; error?: { message: string; type: string; '#text': string } }
interface JUnitSuite { name: string; tests: string; failures: string; errors: string; skipped: string; time: string; testcase: JUnitCase[]; properties?: { property: { name: string; value: string }[] }; 'system-out'?: string }

/** Validates the document and returns its <testsuites>. */
function parseJUnit(text: string): { tests: string; failures: string; errors: string; testsuite: JUnitSuite[] } {
  expect(XMLValidator.validate(text)).toBe(true);
  // Characters XML 1.0 forbids, even as references, must not appear.
  expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#(x0*[0-8bcef]|x0*1[0-9a-f]|0*([0-8]|1[1-24-9]|2[0-9]|3[01]));/i);
  return xml.parse(text).testsuites;
}

describe('mini-kql test --reporter junit', () => {
  it('is valid JUnit XML: a suite per file, a case per scenario, the diff as the failure body, an error for a broken file', () => {
    const r = runTest(join(dir, 'broken'), join(dir, 'logins-rule.tests.yaml'), join(dir, 'passing.tests.yaml'), '--reporter', 'junit');
    expect(r.code).toBe(1);
    const doc = parseJUnit(r.stdout);
    expect([doc.tests, doc.failures, doc.errors]).toEqual(['4', '1', '1']);
    const [broken, logins, passing] = doc.testsuite;
    expect(broken.name).toBe(join(dir, 'broken', 'bad.tests.yaml'));
    expect([broken.tests, broken.errors, broken.failures]).toEqual(['1', '1', '0']);
    expect(broken.testcase[0].error?.type).toBe('RULE_FILE_NOT_FOUND');
    expect(broken.testcase[0].error?.message).toMatch(/missing-rule\.yaml does not exist/);

    expect([logins.name, logins.tests, logins.failures, logins.errors, logins.skipped]).toEqual([join(dir, 'logins-rule.tests.yaml'), '2', '1', '0', '0']);
    expect(logins.properties?.property).toEqual([{ name: 'rule', value: join(dir, 'logins-rule.yaml') }]);
    const [hostile, failing] = logins.testcase;
    expect(hostile.name).toBe(HOSTILE_SHOWN);
    expect(hostile.classname).toBe(logins.name);
    expect(hostile.failure).toBeUndefined();
    expect(Number(hostile.time)).toBeGreaterThanOrEqual(0);
    expect(failing.name).toBe('expects two rows');
    expect(failing.failure?.message).toBe('expected 2 rows, got 1');
    expect(failing.failure?.['#text'].split('\n')).toEqual([
      'expected 2 rows, got 1',
      'the result rows differ from expect.rows (compared on User; order ignored):',
      '  - missing:    { User: "carol" }',
    ]);
    expect([passing.tests, passing.failures]).toEqual(['1', '0']);
  });

  it('--coverage adds the counts as properties and the coverage text as system-out', () => {
    const r = runTest(join(dir, 'logins-rule.tests.yaml'), '--reporter', 'junit', '--coverage');
    const suite = parseJUnit(r.stdout).testsuite[0];
    expect(suite.properties?.property).toContainEqual({ name: 'coverage.untested', value: '1' });
    expect(suite.properties?.property).toContainEqual({ name: 'coverage.filters', value: '2' });
    expect(suite['system-out']).toContain('where User != "svc-backup"');
    expect(suite['system-out']).toContain('never drops rows: no scenario tests it');
  });

  it('escapes what XML needs escaped in names, messages and bodies, unpaired surrogates included', () => {
    const nasty = `a<b>&c"d'e\u0000f\u001Fg\uFFFEh\uD800i\uDC00j\t\r\nk ]]> \u{1F600}`;
    const report: TestReport = {
      durationMs: 1,
      files: [
        { kind: 'file', file: nasty, rule: nasty, durationMs: 1, scenarios: [{ name: nasty, passed: false, fired: false, rowCount: 0, failures: [nasty, nasty] }] },
        { kind: 'error', file: 'x', code: nasty, message: nasty },
      ],
    };
    const doc = parseJUnit(getReporter('junit').render(report));
    const shown = `a<b>&c"d'e\\u0000f\\u001Fg\\uFFFEh\\uD800i\\uDC00j\t\r\nk ]]> \u{1F600}`;
    const testcase = doc.testsuite[0].testcase[0];
    expect(testcase.name).toBe(shown);
    expect(testcase.failure?.message).toBe(shown);
    expect(doc.testsuite[1].testcase[0].error?.type).toBe(shown);
    // Element text: a parser normalises \r\n to \n, as XML requires.
    expect(testcase.failure?.['#text']).toBe(`${shown}\n${shown}`.replace(/\r\n/g, '\n'));
  });

  it('xmlText and xmlAttr', () => {
    expect(xmlText('<a & b> ]]>')).toBe('&lt;a &amp; b&gt; ]]&gt;');
    expect(xmlAttr(`"x" 'y'\n\t\r`)).toBe('&quot;x&quot; &apos;y&apos;&#10;&#9;&#13;');
    expect(xmlText('\u0000\u000B\uFFFF')).toBe('\\u0000\\u000B\\uFFFF');
    expect(xmlText('\uD83D\uDE00')).toBe('\uD83D\uDE00'); // a pair is one character: kept
  });
});

describe('scenarios that cannot be carried out', () => {
  it('a query that does not run and a scenario that cannot run as written are <error>s in JUnit, status error in JSON, severity error in TAP; exit 1', () => {
    const file = join(dir, 'query-error', 'q.tests.yaml');
    const junit = runTest(file, '--reporter', 'junit');
    expect(junit.code).toBe(1);
    const doc = parseJUnit(junit.stdout);
    expect([doc.tests, doc.failures, doc.errors]).toEqual(['2', '0', '2']);
    const suite = doc.testsuite[0];
    expect([suite.failures, suite.errors]).toEqual(['0', '2']);
    const [query, typo] = suite.testcase;
    expect(query.failure).toBeUndefined();
    expect(query.error).toMatchObject({ type: 'QueryError', message: expect.stringMatching(/^the rule did not run: SEM_UNKNOWN_COLUMN/) });
    expect(typo.error).toMatchObject({ type: 'RULE_BAD_SCENARIO', message: expect.stringMatching(/q\.tests\.yaml:9:\d+ {2}RULE_BAD_SCENARIO .*unknown field 'fire'/) });

    const json = JSON.parse(runTest(file, '--reporter', 'json').stdout);
    expect(json.files[0].scenarios.map((s: { status: string }) => s.status)).toEqual(['error', 'error']);
    expect(json.summary).toMatchObject({ scenarios: 2, failed: 2, scenarioErrors: 2, errors: 0 });
    expect(runTest(file, '--reporter', 'tap').stdout).toMatch(/^not ok 1 - .*no Failed column\n {2}---\n(.*\n)* {2}severity: error$/m);
    const text = runTest(file).stdout;
    expect(text).toMatch(/^ {2}FAIL {2}no Failed column/m);
    expect(text).toMatch(/^ {2}ERROR typo\n {8}.*q\.tests\.yaml:9:\d+ {2}RULE_BAD_SCENARIO/m);
  });
});

describe('mini-kql test --reporter json', () => {
  it('one object: version, passed, summary, files with scenarios, errors and coverage', () => {
    const r = runTest(join(dir, 'broken'), join(dir, 'logins-rule.tests.yaml'), join(dir, 'passing.tests.yaml'), '--reporter', 'json', '--coverage');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe(1);
    expect(doc.passed).toBe(false);
    expect(doc.summary).toMatchObject({ files: 3, scenarios: 3, passed: 2, failed: 1, scenarioErrors: 0, errors: 1 });
    expect(typeof doc.summary.durationMs).toBe('number');
    const [broken, logins, passing] = doc.files;
    expect(broken).toEqual({ file: join(dir, 'broken', 'bad.tests.yaml'), status: 'error', error: { code: 'RULE_FILE_NOT_FOUND', message: expect.stringContaining('missing-rule.yaml') } });
    expect(logins).toMatchObject({ file: join(dir, 'logins-rule.tests.yaml'), rule: join(dir, 'logins-rule.yaml'), status: 'failed' });
    expect(logins.scenarios.map(({ durationMs, ...s }: { durationMs: number }) => s)).toEqual([
      { name: HOSTILE, status: 'passed', fired: true, rowCount: 1, failures: [] },
      { name: 'expects two rows', status: 'failed', fired: true, rowCount: 1, failures: ['expected 2 rows, got 1', expect.stringContaining('differ'), '  - missing:    { User: "carol" }'] },
    ]);
    expect(logins.coverage).toMatchObject({ scenarios: 2, untested: 1, suspect: 0 });
    expect(logins.coverage.filters.map((f: { fileLine: number; text: string; verdict: string }) => [f.fileLine, f.text, f.verdict])).toEqual([
      [12, 'where Failed > 1', 'tested'],
      [13, 'where User != "svc-backup"', 'untested'],
    ]);
    expect(passing.status).toBe('passed');
  });
});

describe('mini-kql test --reporter tap', () => {
  it('TAP version 13: a plan, a point per scenario, YAML diagnostics for failures, # escaped', () => {
    const r = runTest(join(dir, 'broken'), join(dir, 'logins-rule.tests.yaml'), join(dir, 'passing.tests.yaml'), '--reporter', 'tap');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['TAP version 13', '1..4']);
    const points = lines.filter((l) => /^(not )?ok \d+ /.test(l));
    expect(points.map((l) => l.replace(/ - .*/, ''))).toEqual(['not ok 1', 'ok 2', 'not ok 3', 'ok 4']);
    expect(points[1]).toContain('\\# not a directive');
    expect(points[1]).not.toMatch(/[^\\]# /);
    // The YAML block after the failing scenario, between "  ---" and "  ...".
    const start = lines.indexOf(points[2]) + 1;
    expect(lines[start]).toBe('  ---');
    const end = lines.indexOf('  ...', start);
    const diag = parseYaml(lines.slice(start + 1, end).map((l) => l.slice(2)).join('\n'));
    expect(diag).toMatchObject({ message: 'expected 2 rows, got 1', severity: 'fail', fired: true, rowCount: 1 });
    expect(diag.failures).toHaveLength(3);
    expect(lines.slice(-3)).toEqual(['# tests 4', '# pass 2', '# fail 2']);
  });
});

describe('mini-kql test: text report, coverage, --output and exit codes', () => {
  it('text (the default) with --coverage: the filters after the scenarios, the untested one named', () => {
    const r = runTest(join(dir, 'logins-rule.tests.yaml'), '--coverage');
    const lines = r.stdout.split('\n');
    const head = lines.findIndex((l) => l.startsWith('  Coverage of 2 filters over 2 scenarios'));
    // After the file's scenarios (the last line is the failing one's diff), before the summary.
    expect(lines[head - 1]).toContain('- missing:    { User: "carol" }');
    expect(lines[head + 1]).toMatch(/^ {4}line 12 {2}2 \/ 0 \/ 0 {2}where Failed > 1$/);
    expect(lines[head + 2]).toMatch(/^ {4}line 13 {2}0 \/ 2 \/ 0 {2}where User != "svc-backup"$/);
    expect(lines[head + 3]).toMatch(/\^ never drops rows: no scenario tests it$/);
    expect(r.stdout).toContain('Coverage: 1 filter no scenario tests.');
  });

  it('exit code 0 when every scenario passes, whatever the reporter', () => {
    for (const reporter of ['text', 'junit', 'json', 'tap']) expect(runTest(join(dir, 'passing.tests.yaml'), '--reporter', reporter).code).toBe(0);
  });

  it('exit code 1 for a file that could not be run, even with nothing failing', () => {
    expect(runTest(join(dir, 'broken'), '--reporter', 'json').code).toBe(1);
  });

  it('--output writes the report (creating its directory) and prints the text report', () => {
    const out = join(dir, 'reports', 'nested', 'rules.xml');
    const r = runTest(join(dir, 'broken'), join(dir, 'logins-rule.tests.yaml'), join(dir, 'passing.tests.yaml'), '--reporter', 'junit', '--output', out);
    expect(r.code).toBe(1);
    expect(parseJUnit(readFileSync(out, 'utf8')).tests).toBe('4');
    expect(r.stdout).toMatch(/^ {2}FAIL {2}expects two rows/m);
    expect(r.stdout.split('\n').at(-1)).toBe(`(junit report written to ${out})`);
  });

  it('an unknown reporter is a usage error naming the choices', () => {
    expect(() => runTest(dir, '--reporter', 'xml')).toThrow(UsageError);
    expect(() => runTest(dir, '--reporter', 'xml')).toThrow('--reporter xml: use one of text, junit, json, tap');
  });

  it('the command itself: --reporter junit --output, exit 1, the file valid', async () => {
    const out = join(dir, 'cli-report.xml');
    const r = await cli('test', join(dir, 'logins-rule.tests.yaml'), '--reporter', 'junit', '--output', out);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(true);
    expect(parseJUnit(readFileSync(out, 'utf8')).failures).toBe('1');
    expect(r.stderr).toBe('');
  });
});

describe('help texts', () => {
  it('test --help names every reporter, --output, --coverage and --watch; run --help names --watch', async () => {
    const r = runTest('--help');
    expect(r.code).toBe(0);
    for (const name of ['text', 'junit', 'json', 'tap']) expect(r.stdout).toMatch(new RegExp(`^ {23}${name} +\\S`, 'm'));
    for (const option of ['--reporter NAME', '--output FILE', '--coverage', '--watch']) expect(r.stdout).toMatch(new RegExp(`^ {2}${option} `, 'm'));
    const { runHelp } = await import('../../src/cli/commands/run.js');
    expect(runHelp).toMatch(/^ {2}--watch {13}run again whenever/m);
  });
});
