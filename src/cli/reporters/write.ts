/** `--output file`: the report written to a file (its directory created), or a CliError naming it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError } from '../errors.js';

export function writeReportFile(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text.endsWith('\n') ? text : text + '\n', 'utf8');
  } catch (err) {
    throw new CliError(`--output ${path}: cannot write the report: ${(err as Error).message}`);
  }
}
