// The mini-kql command in a clone: `npm run -s mini-kql -- <command> ...` (or `node scripts/mini-kql.mjs`).
// Runs dist/cli.js; when dist/ is missing (right after `npm ci`) or older than the sources, first
// builds it: the ESM build only (MINI_KQL_BUILD=esm in tsup.config.ts), no declarations, seconds.
// A lock directory keeps two calls at once from building over each other.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliIsFresh, dist, root } from './dist-state.mjs';

const LOCK = join(root, '.mini-kql-build.lock');
/** A lock older than this is stale whatever its process id says. */
const STALE_LOCK_MS = 10 * 60_000;

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The lock's builder is gone (killed, Ctrl-C) or it is very old. */
function lockIsStale() {
  const st = statSync(LOCK, { throwIfNoEntry: false });
  if (!st) return false;
  if (Date.now() - st.mtimeMs > STALE_LOCK_MS) return true;
  let pid;
  try {
    pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
  } catch {
    return Date.now() - st.mtimeMs > 5_000; // just made, its pid not written yet
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return err.code === 'ESRCH';
  }
}

function takeLock() {
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (lockIsStale()) rmSync(LOCK, { recursive: true, force: true });
      else sleep(250);
    }
  }
}

/** Builds dist/ (ESM only); false when the build failed. */
function build() {
  takeLock();
  try {
    if (cliIsFresh()) return true; // another call built it while this one waited
    process.stderr.write('mini-kql: building dist/ from the sources (once after npm ci or a change; npm run build builds everything)...\n');
    let tsup;
    try {
      tsup = createRequire(join(root, 'package.json')).resolve('tsup/dist/cli-default.js');
    } catch {
      process.stderr.write('mini-kql: tsup (a devDependency) is not installed: run npm ci first\n');
      return false;
    }
    const r = spawnSync(process.execPath, [tsup, '--silent'], { cwd: root, env: { ...process.env, MINI_KQL_BUILD: 'esm' }, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) {
      const why = r.error?.message ?? (r.signal ? `stopped by ${r.signal}` : `exit code ${r.status}`);
      process.stderr.write(`mini-kql: the build failed (${why}); from the sources without a build: npx tsx src/cli/main.ts ...\n`);
      return false;
    }
    return true;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (!cliIsFresh() && !build()) process.exit(1);
// dist/cli.js reads its arguments from process.argv.slice(2): the same as this script's.
await import(pathToFileURL(join(dist, 'cli.js')).href);
