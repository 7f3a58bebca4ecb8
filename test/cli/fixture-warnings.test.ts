/** `mini-kql run`: fixture warnings with their file positions, --strict, and data files matched to tables by case. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, fixtures } from './run-cli.js';
import { knownTableNameOf } from '../../src/cli/fixture-warnings.js';
import { locateFixtureIssues } from '../../src/node/fixture-positions.js';
import { checkFixtureRows } from '../../src/runtime/fixture-check.js';

const D = `${fixtures}/fixture-check`;
const warningLines = (stderr: string) => stderr.split('\n').filter((l) => /  (warning|error)  /.test(l));

describe.concurrent('mini-kql run: fixture warnings', () => {
  it.each([
    [
      'JSON: each key or value at its line and column, the count of rows with an unknown column',
      'signins.kql', `SigninLogs=${D}/signin.json`,
      [
        `${D}/signin.json:6:5  warning  unknown column 'ResultTyp' in table SigninLogs (did you mean ResultType?) (in 2 rows)`,
        `${D}/signin.json:7:19  warning  column DurationMs in table SigninLogs: 'slow' is not a valid long: it reads as null`,
        `${D}/signin.json:9:22  warning  column TimeGenerated in table SigninLogs: 'yesterday' is not a valid datetime: it reads as null`,
      ],
    ],
    [
      "NDJSON: the row's line (blank lines counted) and the key's column; a case-only difference is named",
      'signins.kql', `SigninLogs=${D}/signin.ndjson`,
      [
        `${D}/signin.ndjson:3:43  warning  unknown column 'resultType' in table SigninLogs (did you mean ResultType?)`,
        `${D}/signin.ndjson:3:83  warning  column IsInteractive in table SigninLogs: 'maybe' is not a valid bool: it reads as null`,
      ],
    ],
    [
      "CSV: an unknown column at its header field, a bad value at its record's line and field (quoted newlines, blank lines)",
      'csl.kql', `CommonSecurityLog=${D}/csl.csv`,
      [
        `${D}/csl.csv:1:28  warning  unknown column 'DestinatonPort' in table CommonSecurityLog (did you mean DestinationPort?)`,
        `${D}/csl.csv:3:39  warning  column DestinationPort in table CommonSecurityLog: 'abc' is not a valid int: it reads as null`,
        `${D}/csl.csv:7:32  warning  column DestinationPort in table CommonSecurityLog: '3000000000' is not a valid int (int holds -2147483648 to 2147483647): it reads as null`,
      ],
    ],
  ])('%s; the query still runs', async (_title, query, table, expected) => {
    const r = await cli('run', `${D}/${query}`, '--table', table);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\(\d+ rows?\)/);
    expect(warningLines(r.stderr)).toEqual(expected);
  });

  it('--strict: the problems are errors, exit 1, nothing is run', async () => {
    const r = await cli('run', `${D}/signins.kql`, '--table', `SigninLogs=${D}/signin.json`, '--strict');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(warningLines(r.stderr)[0]).toBe(`${D}/signin.json:6:5  error  unknown column 'ResultTyp' in table SigninLogs (did you mean ResultType?) (in 2 rows)`);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('run: 3 fixture problems (--strict): nothing was run');
  });

  it('--strict with clean fixtures runs as usual; a table without a known schema is not checked', async () => {
    const clean = await cli('run', `${fixtures}/logins.kql`, '--table', `Logins=${fixtures}/logins.csv`, '--schema', `${fixtures}/logins.schema.json`, '--strict', '--now', '2024-05-02T00:00:00Z');
    expect(clean.code).toBe(0);
    expect(clean.stderr).toBe('');
    const unknown = await cli('run', `${fixtures}/logins.kql`, '--table', `Logins=${fixtures}/logins.csv`, '--strict', '--now', '2024-05-02T00:00:00Z');
    expect(warningLines(unknown.stderr)).toEqual([]);
    expect(unknown.code).toBe(0);
  });

  it('a misspelled table: "did you mean" in the error and no hint to add a file for the misspelling (run, check)', async () => {
    const r = await cli('run', `${D}/typo.kql`, '--table', `SigninLogs=${D}/signin.ndjson`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${D}/typo.kql:1:1  SEM_UNKNOWN_TABLE  Unknown table 'SigninLog': pass it in the tables argument (or give its schema) (did you mean 'SigninLogs'?)`);
    expect(r.stderr).not.toContain('hint:');
    const c = await cli('check', `${D}/typo.kql`);
    expect(c.code).toBe(1);
    expect(c.stdout).toContain("(did you mean 'SigninLogs'?)");
    expect(c.stdout).not.toContain('hint:');
  });

  it('a --data file named like a built-in table but for case is loaded as that table, with a note', async () => {
    const r = await cli('run', `${D}/signins.kql`, '--data', `${D}/data`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('alice');
    expect(r.stderr.split('\n')[0]).toBe(`note: ${D}/data/signinlogs.json loaded as table SigninLogs`);
    expect(warningLines(r.stderr)[0]).toBe(`${D}/data/signinlogs.json:6:5  warning  unknown column 'ResultTyp' in table SigninLogs (did you mean ResultType?) (in 2 rows)`);
  });
});

describe('data file names and positions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mini-kql-fixtures-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('knownTableNameOf: an exact or unknown name stays; --schema tables first, then the built-in catalog', () => {
    expect(knownTableNameOf('SigninLogs', {})).toBe('SigninLogs');
    expect(knownTableNameOf('signinlogs', {})).toBe('SigninLogs');
    expect(knownTableNameOf('SIGNINLOGS', {})).toBe('SigninLogs');
    expect(knownTableNameOf('logins', { Logins: [] })).toBe('Logins');
    expect(knownTableNameOf('myevents', {})).toBe('myevents');
    expect(knownTableNameOf('__proto__', {})).toBe('__proto__');
  });

  it('two files for one table after matching case is a usage error naming both', async () => {
    writeFileSync(join(dir, 'SigninLogs.json'), '[]');
    writeFileSync(join(dir, 'signinlogs.csv'), 'ResultType\n0\n');
    const r = await cli('run', `${D}/signins.kql`, '--data', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/table SigninLogs is given twice in .*: .*SigninLogs\.json and .*signinlogs\.csv/);
  });

  it('JSON { rows: [...] }, escaped keys, strings holding brackets: exact positions', () => {
    const text = '{ "note": "[{]", "rows": [\n  {"a": "x]}"},\n  {"b\\u0041": 1, "n": "bad"}\n] }';
    const rows = (JSON.parse(text) as { rows: Record<string, unknown>[] }).rows;
    const issues = checkFixtureRows('T', rows, [{ name: 'a', type: 'string' }, { name: 'n', type: 'long' }]);
    expect(issues.map((i) => i.column)).toEqual(['bA', 'n']);
    expect(locateFixtureIssues(text, 'json', issues)).toEqual([{ line: 3, column: 4 }, { line: 3, column: 23 }]);
  });
});
