/** Finding the files a command works on inside a directory. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FileError } from '../node/format-error.js';

/** Every file under dir (recursively, sorted, skipping dot directories and node_modules) that `keep` accepts. */
export function walkFiles(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') visit(path);
      } else if (entry.isFile() && keep(path)) out.push(path);
    }
  };
  visit(dir);
  return out;
}

/** Whether a path is a directory; a missing path is a FileError. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') throw new FileError(path, 'no such file or directory');
    throw new FileError(path, `cannot read: ${(err as Error).message}`);
  }
}
