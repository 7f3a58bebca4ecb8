/** mini-kql run: --columns, --vertical, colour, the width hint; mini-kql schemas; --version. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useColor } from '../../src/cli/color.js';
import { closestName } from '../../src/runtime/closest-name.js';
import { runCommand } from '../../src/cli/commands/run.js';
import type { Io } from '../../src/cli/io.js';
import { builtinTableNames, getBuiltinSchema } from '../../src/index.js';
import * as schemasEntry from '../../src/schemas/index.js';
import { cli, cliWithEnv, fixtures as F } from './run-cli.js';

const LOGINS = ['run', `${F}/logins.kql`, '--data', `${F}/data`];
const NULLS = ['run', `${F}/nulls.kql`, '--data', `${F}/data`];
const SGR = /\x1b\[\d+m/;

describe.concurrent('mini-kql run --columns', () => {
  it('keeps only the named columns, in the given order, in every format', async () => {
    const json = await cli(...LOGINS, '--columns', 'Ip, User', '--format', 'json');
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.columns).toEqual([{ name: 'Ip', type: 'string' }, { name: 'User', type: 'string' }]);
    expect(out.rows[0]).toEqual({ Ip: '10.0.0.1', User: 'alice' });
    expect(Object.keys(out.rows[0])).toEqual(['Ip', 'User']);

    const csv = await cli(...LOGINS, '--columns', 'Failed,User', '--format', 'csv');
    expect(csv.stdout.trim().split('\n')).toEqual(['Failed,User', '5,alice', '3,"carol, jr"']);

    const ndjson = await cli(...LOGINS, '--columns', 'User', '--format', 'ndjson');
    expect(ndjson.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([{ User: 'alice' }, { User: 'carol, jr' }]);

    const table = await cli(...LOGINS, '--columns', 'TimeGenerated,User');
    expect(table.stdout.split('\n')[0]).toMatch(/^TimeGenerated:datetime\s+\| User:string$/);
  });

  it('an unknown name is a usage error listing the columns, with a did-you-mean', async () => {
    const r = await cli(...LOGINS, '--columns', 'User,ip');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("the result has no column 'ip' (did you mean 'Ip'?); its 4 columns: User, Ip, Failed, TimeGenerated");
    const far = await cli(...LOGINS, '--columns', 'Country', '--format', 'json');
    expect(far.code).toBe(2);
    expect(far.stderr).toContain("no column 'Country'; its 4 columns");
    expect(far.stderr).not.toContain('did you mean');
  });

  it('rejects empty and repeated names', async () => {
    expect((await cli(...LOGINS, '--columns', 'User,,Ip')).stderr).toContain('expected column names separated by commas');
    expect((await cli(...LOGINS, '--columns', 'User,User')).stderr).toContain('User is named twice');
  });
});

describe.concurrent('mini-kql run --vertical', () => {
  it('prints one field per line under a RECORD banner; nulls are empty', async () => {
    const r = await cli(...NULLS, '--vertical', '--limit', '2');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 8)).toEqual([
      '-[ RECORD 1 ]+---------',
      'User   | alice',
      'Failed | 5',
      'Ip     | 10.0.0.1',
      '-[ RECORD 2 ]+---------',
      'User   | bob',
      'Failed |',
      'Ip     | 10.0.0.2',
    ]);
    expect(r.stdout).toContain('(2 of 4 rows shown)');
  });

  it('is the same as --format vertical, combines with --columns, and not with another --format', async () => {
    const a = await cli(...LOGINS, '--format', 'vertical', '--columns', 'Failed,User');
    const b = await cli(...LOGINS, '--vertical', '--columns', 'Failed,User');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.split('\n').slice(0, 3)).toEqual(['-[ RECORD 1 ]+------', 'Failed | 5', 'User   | alice']);
    const bad = await cli(...LOGINS, '--vertical', '--format', 'json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--vertical');
  });
});

describe.concurrent('mini-kql run: colour', () => {
  it('none when piped, or with NO_COLOR', async () => {
    const piped = await cliWithEnv({ NO_COLOR: undefined, FORCE_COLOR: undefined }, ...NULLS);
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toMatch(SGR);
    expect(piped.stdout).not.toContain('null');
    expect((await cli(...NULLS)).stdout).not.toMatch(SGR);
  });

  it('FORCE_COLOR and --color=always colour the header, the rule and nulls of the table and vertical views', async () => {
    const forced = await cliWithEnv({ NO_COLOR: undefined, FORCE_COLOR: '1' }, ...NULLS);
    const lines = forced.stdout.split('\n');
    expect(lines[0]).toBe('\x1b[1mUser:string\x1b[22m | \x1b[1mFailed:long\x1b[22m | \x1b[1mIp:string\x1b[22m');
    expect(lines[1]).toMatch(/^\x1b\[2m-+\+/);
    expect(lines[3]).toMatch(/^bob\s+\| \x1b\[2mnull\s*\x1b\[22m \| 10\.0\.0\.2$/);
    const always = await cli(...NULLS, '--color=always', '--vertical');
    expect(always.stdout).toContain('\x1b[1mFailed\x1b[22m | \x1b[2mnull\x1b[22m');
  });

  it('never in json, ndjson or csv, and never with --color never', async () => {
    for (const format of ['json', 'ndjson', 'csv']) {
      const r = await cliWithEnv({ NO_COLOR: undefined, FORCE_COLOR: '1' }, ...NULLS, '--format', format, '--color', 'always');
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(SGR);
    }
    expect((await cliWithEnv({ FORCE_COLOR: '1' }, ...NULLS, '--color', 'never')).stdout).not.toMatch(SGR);
    expect((await cli(...NULLS, '--color', 'sometimes')).code).toBe(2);
  });

  it('auto: a terminal turns it on, NO_COLOR off, FORCE_COLOR on (0 or false off)', () => {
    expect(useColor('auto', true, {})).toBe(true);
    expect(useColor('auto', false, {})).toBe(false);
    expect(useColor('auto', true, { NO_COLOR: '1' })).toBe(false);
    expect(useColor('auto', true, { NO_COLOR: '' })).toBe(true);
    expect(useColor('auto', false, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor('auto', false, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(useColor('auto', true, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor('auto', true, { FORCE_COLOR: 'false' })).toBe(false);
    expect(useColor('never', true, { FORCE_COLOR: '1' })).toBe(false);
    expect(useColor('always', false, { NO_COLOR: '1' })).toBe(true);
  });
});

describe('mini-kql run on a terminal', () => {
  afterEach(() => vi.unstubAllEnvs());

  function terminal(columns: number) {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), errRaw: () => {}, stderrIsTTY: false, stdoutIsTTY: true, stdoutColumns: columns };
    return { io, out, err };
  }

  it('colours the table, and hints at --columns/--vertical when it is wider than the terminal', () => {
    vi.stubEnv('NO_COLOR', '');
    vi.stubEnv('FORCE_COLOR', undefined);
    const narrow = terminal(40);
    expect(runCommand([`${F}/logins.kql`, '--data', `${F}/data`], narrow.io)).toBe(0);
    expect(narrow.out[0]).toMatch(SGR);
    expect(narrow.err).toEqual(['hint: 4 columns, 68 characters wide (the terminal has 40); use --columns a,b,... or --vertical']);

    const wide = terminal(200);
    runCommand([`${F}/logins.kql`, '--data', `${F}/data`], wide.io);
    expect(wide.err).toEqual([]);
    const chosen = terminal(40);
    runCommand([`${F}/logins.kql`, '--data', `${F}/data`, '--columns', 'User,Ip,Failed,TimeGenerated'], chosen.io);
    expect(chosen.err).toEqual([]);
  });

  it('NO_COLOR turns colour off on a terminal', () => {
    vi.stubEnv('NO_COLOR', '1');
    vi.stubEnv('FORCE_COLOR', undefined);
    const t = terminal(200);
    runCommand([`${F}/logins.kql`, '--data', `${F}/data`], t.io);
    expect(t.out.join('\n')).not.toMatch(SGR);
  });
});

describe.concurrent('mini-kql schemas', () => {
  it('lists every built-in table with its column count', async () => {
    const r = await cli('schemas');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe(`(${builtinTableNames().length} of ${builtinTableNames().length} built-in tables)`);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^SigninLogs\\s+${getBuiltinSchema('SigninLogs')!.length} columns$`)));
  });

  it('filters by a substring, in any case', async () => {
    const r = await cli('schemas', 'signin', '--format', 'json');
    expect(r.code).toBe(0);
    const listed = JSON.parse(r.stdout) as { name: string; columnCount: number }[];
    expect(listed.map((t) => t.name)).toEqual(builtinTableNames().filter((n) => n.toLowerCase().includes('signin')));
    expect(listed).toContainEqual({ name: 'SigninLogs', columnCount: getBuiltinSchema('SigninLogs')!.length });
  });

  it("prints a table's columns and types; as json in the --schema file shape", async () => {
    const text = await cli('schemas', 'SecurityAlert');
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(`SecurityAlert: ${getBuiltinSchema('SecurityAlert')!.length} columns`);
    expect(text.stdout).toMatch(/^ {2}TimeGenerated\s+datetime$/m);
    const json = await cli('schemas', 'SecurityAlert', '--format', 'json');
    expect(JSON.parse(json.stdout)).toEqual({ SecurityAlert: getBuiltinSchema('SecurityAlert') });
  });

  it('an unknown name fails with a did-you-mean; bad options are usage errors', async () => {
    const r = await cli('schemas', 'SecurityAlertz');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no built-in table is named or contains 'SecurityAlertz' (did you mean 'SecurityAlert'?)");
    expect((await cli('schemas', 'a', 'b')).code).toBe(2);
    expect((await cli('schemas', '--format', 'xml')).code).toBe(2);
  });

  it('is in the main help', async () => {
    expect((await cli('--help')).stdout).toMatch(/^ {2}schemas \[Name \| text\]/m);
    expect((await cli('nope')).stderr).toContain('use run, check, test, schemas');
  });
});

describe('built-in schemas in the library', () => {
  it('builtinTableNames and getBuiltinSchema, from mini-kql and mini-kql/schemas', () => {
    expect(schemasEntry.builtinTableNames).toBe(builtinTableNames);
    const names = builtinTableNames();
    expect(names).toEqual([...names].sort());
    expect(names).toContain('SigninLogs');
    expect(getBuiltinSchema('SigninLogs')).toContainEqual({ name: 'ResultType', type: 'string' });
    expect(getBuiltinSchema('signinlogs')).toBeUndefined();
    expect(getBuiltinSchema('__proto__')).toBeUndefined();
    // A fresh copy each call: changing it changes nothing for the next caller.
    getBuiltinSchema('SigninLogs')!.length = 0;
    expect(getBuiltinSchema('SigninLogs')!.length).toBeGreaterThan(0);
  });

  it('closestName: another case first, then a few edits', () => {
    expect(closestName('signinlogs', ['SecurityAlert', 'SigninLogs'])).toBe('SigninLogs');
    expect(closestName('SecurtyAlert', ['SecurityAlert', 'SigninLogs'])).toBe('SecurityAlert');
    expect(closestName('Heartbeat', ['SecurityAlert', 'SigninLogs'])).toBeUndefined();
  });
});

describe('mini-kql --version', () => {
  it("prints package.json's version", async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
  });
});
