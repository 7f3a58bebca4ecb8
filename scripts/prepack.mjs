// `npm pack` / `npm publish` (prepack): build dist/ only when it is not a clean full build of the current
// sources (scripts/dist-state.mjs says why), so a repeated `npm pack --dry-run` does not rebuild everything,
// and a tarball never ships a stale build, a debug build's source maps or chunks left over from an older build.
import { spawnSync } from 'node:child_process';
import { packProblem, root } from './dist-state.mjs';

const problem = packProblem();
if (problem === undefined) {
  process.stderr.write('prepack: dist/ is a clean build of the current sources: not rebuilding\n');
} else {
  process.stderr.write(`prepack: ${problem}: npm run build\n`);
  // The build's log to stderr: `npm pack --json` prints its JSON on stdout.
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const after = packProblem();
  if (after !== undefined) {
    process.stderr.write(`prepack: after the build, ${after}\n`);
    process.exit(1);
  }
}
