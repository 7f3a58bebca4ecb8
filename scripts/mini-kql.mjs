// The mini-kql command in a clone: `npm run -s mini-kql -- <command> ...` (or `node scripts/mini-kql.mjs`).
// Runs dist/cli.js; when dist/ is missing (right after `npm ci`) or older than the sources, first
// builds it: the ESM build only (MINI_KQL_BUILD=esm in tsup.config.ts), no declarations, seconds.
// A lock directory keeps two calls at once from building over each other.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliIsFresh, dist, root } from './dist-state.mjs';

const LOCK = join(root, '.mini-kql-build.lock');
/** A lock older than this was left by a build that was killed. */
const STALE_LOCK_MS = 10 * 60_000;

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function takeLock() {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const st = statSync(LOCK, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else sleep(250);
    }
  }
}

function build() {
  takeLock();
  try {
    if (cliIsFresh()) return; // another call built it while this one waited
    process.stderr.write('mini-kql: building dist/ from the sources (once after npm ci or a change; npm run build builds everything)...\n');
    let tsup;
    try {
      tsup = createRequire(join(root, 'package.json')).resolve('tsup/dist/cli-default.js');
    } catch {
      process.stderr.write('mini-kql: tsup (a devDependency) is not installed: run npm ci first\n');
      process.exit(1);
    }
    const r = spawnSync(process.execPath, [tsup, '--silent'], { cwd: root, env: { ...process.env, MINI_KQL_BUILD: 'esm' }, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) {
      process.stderr.write(`mini-kql: the build failed (${r.error?.message ?? `exit code ${r.status}`}); from the sources without a build: npx tsx src/cli/main.ts ...\n`);
      process.exit(1);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (!cliIsFresh()) build();
// dist/cli.js reads its arguments from process.argv.slice(2): the same as this script's.
await import(pathToFileURL(join(dist, 'cli.js')).href);
