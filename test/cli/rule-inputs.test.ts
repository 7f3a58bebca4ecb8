/** --watchlist, --param and --external-data of run and check; scenario files' inputs, errors and isolation in `test`. */
import { describe, expect, it } from 'vitest';
import { parseExternalDataArg, parseParamArg, parseWatchlistArg } from '../../src/cli/rule-inputs.js';
import { UsageError } from '../../src/cli/errors.js';
import { cli, fixtures as F, hasStack } from './run-cli.js';

const Q = 'queries/watchlist-param-external';
const URL = 'https://threatintel.contoso.example/feeds/iocs.csv?sv=2024-05-04&sig=Zm9v%3D';
const WATCHLIST = `HighValueAssets=${Q}/inputs/HighValueAssets.csv`;
const FEED = `${URL}=${Q}/inputs/iocs.csv`;
const NOW = '2024-05-02T00:00:00Z';
const P = `${F}/inputs/params.kql`;

describe.concurrent('mini-kql run: --watchlist, --param, --external-data', () => {
  it('a rule with a watchlist, parameters and externaldata runs with all three given', async () => {
    const r = await cli('run', `${Q}/rule.yaml`, '--data', `${Q}/data`, '--watchlist', WATCHLIST, '--external-data', FEED, '--now', NOW, '--format', 'json');
    expect(r.stderr).toMatch(/^Rule FIRED: 1 result row/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.fired).toBe(true);
    // The watchlist's CSV cells stay text (Criticality), the feed's are typed by the externaldata columns (Confidence:long).
    expect(out.rows).toEqual([expect.objectContaining({ Computer: 'DC01.contoso.com', AssetOwner: 'alice@contoso.com', Criticality: 'High', ThreatType: 'Botnet', Confidence: 90, FailedLogons: 6 })]);
  });

  it('--param overrides a parameter default (threshold 3 lets SQL01 through when the feed rates its IP high enough)', async () => {
    const base = ['run', `${Q}/rule.yaml`, '--data', `${Q}/data`, '--watchlist', WATCHLIST, '--now', NOW, '--format', 'json', '--param', 'threshold=3'];
    const r = await cli(...base, '--external-data', FEED);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows.map((x: { Computer: string }) => x.Computer)).toEqual(['DC01.contoso.com']);
    const lookback = await cli(...base, '--external-data', FEED, '--param', 'lookback=30m');
    expect(JSON.parse(lookback.stdout).fired).toBe(false);
  });

  it('--param converts text to the declared type: datetime, long, timespan, bool (string keeps its default)', async () => {
    const r = await cli('run', P, '--param', 'since=2024-05-01T00:00:00Z', '--param', 'n=5', '--param', 'lookback=1d', '--param', 'flag=true', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).rows).toEqual([{ since: '2024-05-01T00:00:00.0000000Z', n: 5, lookback: '1.00:00:00', flag: true, label: 'none' }]);
  });

  it('a --param value that does not convert is a usage error naming the parameter and its type, exit 2', async () => {
    const r = await cli('run', P, '--param', 'since=2024-05-01T00:00:00Z', '--param', 'n=five', '--param', 'lookback=1d', '--param', 'flag=true');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--param n=five: parameter 'n' is a long: "five" cannot be read as a long`);
    const bad = await cli('run', P, '--param', 'since=yesterday');
    expect(bad.stderr).toContain(`parameter 'since' is a datetime: "yesterday" cannot be read as a datetime`);
    expect(hasStack(r.stderr + bad.stderr)).toBe(false);
  });

  it('a --param the query does not declare is a usage error listing its parameters', async () => {
    const r = await cli('run', `${Q}/rule.yaml`, '--data', `${Q}/data`, '--watchlist', WATCHLIST, '--external-data', FEED, '--now', NOW, '--param', 'treshold=3');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`parameter 'treshold' is not declared by the query (its parameters: threshold:long, lookback:timespan)`);
  });

  it('a missing parameter without default names --param', async () => {
    const r = await cli('run', P, '--param', 'n=1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Query parameter 'since' has no default: pass it in the parameters option (mini-kql: --param since=value; scenario files: parameters:)");
  });

  it('without --watchlist: the error names the option; with another alias, the hint lists the given ones', async () => {
    const none = await cli('run', `${Q}/rule.yaml`, '--data', `${Q}/data`, '--now', NOW);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("Unknown watchlist 'HighValueAssets': pass its rows in the watchlists option (mini-kql: --watchlist HighValueAssets=file; scenario files: watchlists:)");
    const other = await cli('run', `${Q}/rule.yaml`, '--data', `${Q}/data`, '--now', NOW, '--watchlist', `highvalueassets=${Q}/inputs/HighValueAssets.csv`);
    expect(other.stderr).toContain("hint: watchlist aliases are matched exactly; --watchlist gave 'highvalueassets'");
  });

  it('without --external-data: the error names the option with the URL; another URL is listed in a hint', async () => {
    const none = await cli('run', `${Q}/rule.yaml`, '--data', `${Q}/data`, '--watchlist', WATCHLIST, '--now', NOW);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`RUN_EXTERNAL_DATA  externaldata is not available offline: pass the rows for '${URL}' in the externalData option (mini-kql: --external-data '${URL}=file'`);
    const other = await cli('run', `${Q}/rule.yaml`, '--data', `${Q}/data`, '--watchlist', WATCHLIST, '--now', NOW, '--external-data', `https://threatintel.contoso.example/feeds/iocs.csv=${Q}/inputs/iocs.csv`);
    expect(other.stderr).toContain("hint: the URL must match the query's text exactly; --external-data gave 'https://threatintel.contoso.example/feeds/iocs.csv'");
  });

  it('an option given twice for one name, and a missing file, are one-line errors', async () => {
    const twice = await cli('run', P, '--param', 'n=1', '--param', 'n=2');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("--param: parameter 'n' is given twice");
    const missing = await cli('run', `${Q}/rule.yaml`, '--watchlist', 'HighValueAssets=nope.csv');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.csv: no such file');
    expect(hasStack(twice.stderr + missing.stderr)).toBe(false);
  });
});

describe.concurrent('mini-kql check: --watchlist and --param', () => {
  it('a rule reading a watchlist is clean with --watchlist (its columns), an error without', async () => {
    const ok = await cli('check', `${Q}/rule.yaml`, '--watchlist', WATCHLIST);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ {2}Criticality\s+string$/m);
    const missing = await cli('check', `${Q}/rule.yaml`);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(`${Q}/rule.yaml:23:33  SEM_UNKNOWN_TABLE  Unknown watchlist 'HighValueAssets': pass its rows in the watchlists option (mini-kql: --watchlist HighValueAssets=file; scenario files: watchlists:)`);
  });

  it('--param gives parameters without default their values (and checks them)', async () => {
    const ok = await cli('check', P, '--param', 'since=2024-05-01T00:00:00Z', '--param', 'n=5', '--param', 'lookback=1d', '--param', 'flag=false');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ {2}since\s+datetime$/m);
    const bad = await cli('check', P, '--param', 'flag=maybe');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`parameter 'flag' is a bool: "maybe" cannot be read as a bool`);
  });
});

describe.concurrent('mini-kql test: scenario inputs, errors at their line, one bad scenario fails alone', () => {
  it('a scenario file with watchlists:, parameters: and externalData: passes', async () => {
    const r = await cli('test', Q);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('5 scenarios: 5 passed, 0 failed');
  });

  it('a typo on line 9 is reported at line 9 and its column; the other scenarios run and pass', async () => {
    const r = await cli('test', `${F}/inputs/bad-scenario.tests.yaml`);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}PASS {2}good before/m);
    expect(r.stdout).toMatch(/^ {2}PASS {2}good after/m);
    expect(r.stdout).toMatch(/^ {2}ERROR typo in expect$/m);
    expect(r.stdout).toContain(`${F}/inputs/bad-scenario.tests.yaml:9:29  RULE_BAD_SCENARIO  `);
    expect(r.stdout).toContain("unknown field 'rowCont' (expected one of fires, rowCount, rows)");
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('3 scenarios: 2 passed, 1 failed');
  });

  it('a problem of the document itself fails the file, at its line', async () => {
    const r = await cli('test', `${F}/inputs/bad-doc.tests.yaml`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${F}/inputs/bad-doc.tests.yaml:4:1  RULE_BAD_SCENARIO  `);
    expect(r.stdout).toContain("unknown field 'watchlist'");
    expect(r.stdout).toContain('1 scenario file could not be run');
  });
});

describe('option values', () => {
  it('--external-data splits at the last = followed by an existing file, else at the last = before a table file name', () => {
    const file = `${Q}/inputs/iocs.csv`;
    expect(parseExternalDataArg(`https://x.example/a?b=c&d=e=${file}`)).toEqual({ url: 'https://x.example/a?b=c&d=e', path: file });
    // The URL's query string ends in a file-like name: the existing file wins.
    expect(parseExternalDataArg(`https://x.example/get?name=feed.csv=${file}`)).toEqual({ url: 'https://x.example/get?name=feed.csv', path: file });
    expect(parseExternalDataArg('https://x.example/?a=b=missing.csv')).toEqual({ url: 'https://x.example/?a=b', path: 'missing.csv' });
    expect(() => parseExternalDataArg('https://x.example/feed')).toThrow(UsageError);
  });

  it('--watchlist alias=file or a bare file; --param name=value (the value may hold =)', () => {
    expect(parseWatchlistArg('VIP Users=vip.csv')).toEqual({ alias: 'VIP Users', path: 'vip.csv' });
    expect(parseWatchlistArg('dir/VIPUsers.json')).toEqual({ alias: 'VIPUsers', path: 'dir/VIPUsers.json' });
    expect(() => parseWatchlistArg('=x.csv')).toThrow(UsageError);
    expect(parseParamArg('filter=a=b')).toEqual({ name: 'filter', value: 'a=b' });
    expect(parseParamArg('empty=')).toEqual({ name: 'empty', value: '' });
    expect(() => parseParamArg('x')).toThrow(UsageError);
    expect(() => parseParamArg('not a name=1')).toThrow(UsageError);
  });
});
