/**
 * `--watch` for `mini-kql run` and `mini-kql test`: the real command in a child process over a temp dir.
 * Each test waits (polling, with a generous deadline: no timing is asserted) for the first run, changes a
 * file, waits for the second run, then sends Ctrl-C (SIGINT) and expects exit code 0.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures as F, repoRoot } from './run-cli.js';

interface Watched {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Starts the command; `cleanup` registers the kill of a watcher its test left running (a failed test). */
function spawnCli(cleanup: (fn: () => void) => void, ...args: string[]): Watched {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  cleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

const WAIT_MS = 240_000;

/** Polls until `ready()` holds; fails with the output so far if it never does. */
async function until(w: Watched, what: string, ready: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!ready()) {
    if (w.child.exitCode !== null || w.child.signalCode !== null) throw new Error(`the command exited (${w.child.exitCode ?? w.child.signalCode}) before ${what}:\n${w.stdout()}\n${w.stderr()}`);
    if (Date.now() > deadline) throw new Error(`no ${what} after ${WAIT_MS / 1000} s:\n${w.stdout()}\n${w.stderr()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const runs = (w: Watched) => (w.stderr().match(/^\[watch\] /gm) ?? []).length;

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mini-kql-watch-'));
  mkdirSync(join(dir, 'data'));
  copyFileSync(`${F}/logins-rule.yaml`, join(dir, 'logins-rule.yaml'));
  copyFileSync(`${F}/logins-rule.tests.yaml`, join(dir, 'logins-rule.tests.yaml'));
  copyFileSync(`${F}/data/Logins.json`, join(dir, 'data', 'Logins.json'));
  copyFileSync(`${F}/logins.kql`, join(dir, 'logins.kql'));
  copyFileSync(`${F}/logins.csv`, join(dir, 'logins.csv'));
  return dir;
}

describe.concurrent('--watch', () => {
  it('test --watch: reruns when the scenario file or a data file it names changes; Ctrl-C exits 0', async ({ onTestFinished }) => {
    const dir = tempDir();
    const scenarios = join(dir, 'logins-rule.tests.yaml');
    const w = spawnCli(onTestFinished, 'test', scenarios, '--watch');
    await until(w, 'a first run', () => runs(w) >= 1);
    expect(w.stdout()).toMatch(/PASS {2}alice inside the hour fires {2}/);
    expect(w.stderr()).toContain('[watch] exit code 0; waiting for changes (Ctrl-C to stop)');

    writeFileSync(scenarios, readFileSync(scenarios, 'utf8').replace('alice inside the hour fires', 'alice renamed'));
    await until(w, 'a run after the change', () => /PASS {2}alice renamed/.test(w.stdout()) && runs(w) >= 2);
    // Not a terminal: no clear-screen codes in the output.
    expect(w.stdout()).not.toContain('\x1B[');

    // A data file the scenario file names ({ file: data/Logins.json }), in a directory below it.
    const data = join(dir, 'data', 'Logins.json');
    writeFileSync(data, readFileSync(data, 'utf8').replace('"alice"', '"alicia"'));
    await until(w, 'a run after the data changed', () => /FAIL {2}alice renamed/.test(w.stdout()));

    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
  });

  it('test --watch on a directory: reruns when the rule the scenario file names changes', async ({ onTestFinished }) => {
    const dir = tempDir();
    const rule = join(dir, 'logins-rule.yaml');
    const w = spawnCli(onTestFinished, 'test', dir, '--watch', '--reporter', 'json');
    await until(w, 'a first run', () => runs(w) >= 1);
    writeFileSync(rule, readFileSync(rule, 'utf8').replace('| where Failed > 1', '| where Failed > 100'));
    await until(w, 'a failing run after the rule changed', () => /exit code 1/.test(w.stderr()));
    expect(w.stdout()).toContain('"status": "failed"');
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
  });

  it('run --watch: reruns when a table file changes; a broken query is reported and the loop goes on', async ({ onTestFinished }) => {
    const dir = tempDir();
    const csv = join(dir, 'logins.csv');
    const w = spawnCli(onTestFinished, 'run', join(dir, 'logins.kql'), '--table', `Logins=${csv}`, '--format', 'json', '--watch');
    await until(w, 'a first run', () => runs(w) >= 1);
    expect(w.stdout()).not.toContain('mallory');
    writeFileSync(csv, readFileSync(csv, 'utf8') + '2024-05-01T23:59:00Z,mallory,10.0.0.66,9\n');
    await until(w, 'a run after the change', () => w.stdout().includes('mallory'));
    writeFileSync(join(dir, 'logins.kql'), 'Logins\n| where Faild > 1\n');
    await until(w, 'the error of the broken query', () => /the run failed; waiting for changes/.test(w.stderr()));
    expect(w.stderr()).toMatch(/logins\.kql:2:9 {2}SEM_UNKNOWN_COLUMN/);
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
  });
});

describe('pathsFromArgs and pathsNamedIn', () => {
  it('pathsNamedIn: the existing files a scenario file names, relative to it; not its rows', async () => {
    const { pathsNamedIn } = await import('../../src/cli/watch.js');
    const dir = tempDir();
    const doc = join(dir, 'x.tests.yaml');
    writeFileSync(doc, 'rule: logins-rule.yaml\ntables:\n  A: { file: data/Logins.json }\n  B: [{ User: logins.csv }]\n  C: { file: missing.json }\nlist: [logins.kql]\n');
    expect(pathsNamedIn(doc).sort()).toEqual([join(dir, 'data', 'Logins.json'), join(dir, 'logins-rule.yaml'), join(dir, 'logins.kql')]);
    writeFileSync(doc, 'rule: [unclosed\n');
    expect(pathsNamedIn(doc)).toEqual([]);
  });

  it('every positional and option value naming an existing path, Name=path included, skipped options left out', async () => {
    const { pathsFromArgs } = await import('../../src/cli/watch.js');
    const { parseArgs } = await import('../../src/cli/args.js');
    const dir = tempDir();
    const args = parseArgs(
      [join(dir, 'logins.kql'), '--table', `Logins=${join(dir, 'logins.csv')}`, '--data', join(dir, 'data'), '--now', '2024-05-02T00:00:00Z', '--output', join(dir, 'logins-rule.yaml'), '--table', 'Missing=nope.csv'],
      { values: { table: { multiple: true }, data: { multiple: true }, now: {}, output: {} } },
    );
    expect(pathsFromArgs(args, ['output']).sort()).toEqual([join(dir, 'data'), join(dir, 'logins.csv'), join(dir, 'logins.kql')]);
  });
});
