import { describe, expect, it } from 'vitest';
import { cli, fixtures as F, hasStack } from './run-cli.js';

const EXPECTED_USERS = ['alice', 'carol, jr'];

describe.concurrent('mini-kql run: table files', () => {
  it.each([
    ['json', `Logins=${F}/data/Logins.json`],
    ['ndjson', `Logins=${F}/logins.ndjson`],
    ['csv', `Logins=${F}/logins.csv`],
  ])('reads a .%s table and prints an aligned table', async (_fmt, table) => {
    const r = await cli('run', `${F}/logins.kql`, '--table', table);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^User:string\s+\| Ip:string\s+\| Failed:(long|int)\s+\| TimeGenerated:datetime$/);
    expect(lines[1]).toMatch(/^-+\+-+/);
    expect(lines[2]).toMatch(/^alice\s+\| 10\.0\.0\.1\s+\| 5\s+\| 2024-05-01T23:30:00\.0000000Z$/);
    expect(lines[3]).toMatch(/^carol, jr\s+\|/);
    expect(lines[4]).toBe('(2 rows)');
  });

  it('--data loads every TableName.json in a directory; --format json', async () => {
    const r = await cli('run', `${F}/logins.kql`, '--data', `${F}/data`, '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.columns.map((c: { name: string }) => c.name)).toEqual(['User', 'Ip', 'Failed', 'TimeGenerated']);
    expect(out.rows.map((row: { User: string }) => row.User)).toEqual(EXPECTED_USERS);
    expect(out.rows[0].TimeGenerated).toBe('2024-05-01T23:30:00.0000000Z');
  });

  it('--format ndjson prints one JSON row per line', async () => {
    const r = await cli('run', `${F}/logins.kql`, '--table', `Logins=${F}/logins.ndjson`, '--format', 'ndjson');
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((row) => row.User)).toEqual(EXPECTED_USERS);
    expect(rows[1]).toEqual({ User: 'carol, jr', Ip: '10.0.0.3', Failed: 3, TimeGenerated: '2024-05-01T10:00:00.0000000Z' });
  });

  it('--format csv quotes fields with commas', async () => {
    const r = await cli('run', `${F}/logins.kql`, '--table', `Logins=${F}/logins.csv`, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'User,Ip,Failed,TimeGenerated',
      'alice,10.0.0.1,5,2024-05-01T23:30:00.0000000Z',
      '"carol, jr",10.0.0.3,3,2024-05-01T10:00:00.0000000Z',
    ]);
  });

  it('--schema types CSV text (Failed becomes int)', async () => {
    const r = await cli('run', `${F}/logins.kql`, '--table', `Logins=${F}/logins.csv`, '--schema', `${F}/logins.schema.json`, '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.columns[2]).toEqual({ name: 'Failed', type: 'int' });
    expect(out.rows[0].Failed).toBe(5);
  });

  it('--limit shows the first N rows and says how many there were', async () => {
    const r = await cli('run', `${F}/logins.kql`, '--data', `${F}/data`, '--limit', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('alice');
    expect(r.stdout).not.toContain('carol');
    expect(r.stdout).toContain('(1 of 2 rows shown)');
  });

  it('--explain prints each stage with its line and row counts', async () => {
    const r = await cli('run', `${F}/logins.kql`, '--data', `${F}/data`, '--explain');
    expect(r.code).toBe(0);
    const explain = r.stdout.slice(r.stdout.indexOf('Pipeline'));
    const stages = explain.split('\n').slice(1).filter(Boolean);
    expect(stages).toHaveLength(5);
    expect(stages[0]).toMatch(/line 2\s+table Logins\s+4 rows/);
    expect(stages[1]).toMatch(/line 3\s+\| where\s+4 -> 3\s+where Failed > 1/);
    expect(stages[2]).toMatch(/line 4\s+\| where\s+3 -> 2\s+where User != "svc-backup"/);
    expect(stages[3]).toMatch(/line 5\s+\| project\s+2 -> 2/);
    expect(stages[4]).toMatch(/line 6\s+\| sort\s+2 -> 2/);
  });
});

describe.concurrent('mini-kql run: rule files', () => {
  it('applies the queryPeriod window, says it fired and why, with --explain per stage (file lines)', async () => {
    const r = await cli('run', `${F}/logins-rule.yaml`, '--data', `${F}/data`, '--now', '2024-05-02T00:00:00Z', '--explain');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(1 row)');
    expect(r.stdout).toContain('Rule FIRED: 1 result row is greater than the threshold 0');
    expect(r.stdout).toContain('Time window: rows with TimeGenerated in (2024-05-01T23:00:00.0000000Z, 2024-05-02T00:00:00.0000000Z]');
    expect(r.stdout).toContain('Logins: 2 of 4 rows inside the window');
    expect(r.stdout).toMatch(/line 11\s+table Logins\s+2 rows/);
    expect(r.stdout).toMatch(/line 13\s+\| where\s+2 -> 1/);
  });

  it('--no-window lets every row in; does not fire when nothing is left', async () => {
    const all = await cli('run', `${F}/logins-rule.yaml`, '--data', `${F}/data`, '--now', '2024-05-02T00:00:00Z', '--no-window', '--format', 'json');
    expect(all.code).toBe(0);
    const out = JSON.parse(all.stdout);
    expect(out.rowCount).toBe(2);
    expect(out.fired).toBe(true);
    expect(out.window).toBeUndefined();
    const none = await cli('run', `${F}/logins-rule.yaml`, '--data', `${F}/data`, '--now', '2024-05-01T22:30:00Z');
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('Rule did not fire: 0 result rows is not greater than the threshold 0');
  });
});

describe.concurrent('mini-kql run: bad input gives one clear line and a non-zero exit, never a stack', () => {
  const cases: [string, string[], RegExp][] = [
    ['a missing table file', ['run', `${F}/logins.kql`, '--table', `Logins=${F}/nope.json`], /nope\.json: no such file/],
    ['a missing query file', ['run', `${F}/nope.kql`], /nope\.kql: no such file/],
    ['malformed JSON', ['run', `${F}/logins.kql`, '--table', `Logins=${F}/bad/broken.json`], /bad\/broken\.json(:\d+)?: malformed JSON/],
    ['a malformed NDJSON line', ['run', `${F}/logins.kql`, '--table', `Logins=${F}/bad/broken.ndjson`], /bad\/broken\.ndjson:3: malformed JSON on this line/],
    ['a malformed CSV line', ['run', `${F}/logins.kql`, '--table', `Logins=${F}/bad/broken.csv`], /bad\/broken\.csv:3: malformed CSV/],
    ['a rule file with no query', ['run', `${F}/bad/no-query.yaml`], /no-query\.yaml:1:1\s+RULE_NO_QUERY\s+.*no 'query' field/],
    ['a query table with no data', ['run', `${F}/logins.kql`], /logins\.kql:2:1\s+SEM_UNKNOWN_TABLE\s+Unknown table 'Logins'[\s\S]*hint: give its rows with --table Logins=/],
    ['an unknown option', ['run', `${F}/logins.kql`, '--tabel', 'x'], /unknown option '--tabel'/],
    ['a bad --now', ['run', `${F}/logins-rule.yaml`, '--now', 'yesterday'], /--now yesterday: expected an ISO 8601 time/],
    ['a bad --format', ['run', `${F}/logins.kql`, '--format', 'xml'], /--format xml: use one of table, vertical, json, ndjson, csv/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const r = await cli(...args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(hasStack(r.stderr)).toBe(false);
    expect(r.stdout).toBe('');
  });

  it('warns about a --table the query does not use, and still runs', async () => {
    const r = await cli('run', `${F}/logins.kql`, '--data', `${F}/data`, '--table', `Signins=${F}/logins.csv`);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: table Signins \(.*logins\.csv\) is not used by the query/);
  });

  it('--debug prints the stack of an unexpected error only', async () => {
    const r = await cli('run', `${F}/logins.kql`, '--table', `Logins=${F}/nope.json`, '--debug');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.json: no such file/);
  });
});
