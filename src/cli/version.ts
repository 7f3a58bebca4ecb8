/** The package version, read from the package.json above this file (src/cli/ or dist/). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageVersion(): string {
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
