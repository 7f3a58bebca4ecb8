/**
 * The package version. The build injects it (tsup `define`, from package.json), so `mini-kql --version`
 * reads no file; run from source (tsx, tests) it is read from the package.json above this file.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __MINI_KQL_VERSION__: string | undefined;

export function packageVersion(): string {
  if (typeof __MINI_KQL_VERSION__ === 'string') return __MINI_KQL_VERSION__;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'mini-kql' && pkg.version) return pkg.version;
    } catch {
      // not here: look one directory up
    }
    dir = dirname(dir);
  }
  return 'unknown';
}
