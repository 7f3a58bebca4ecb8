/** The reporters of `mini-kql test --reporter <name>`, by name. */
import { UsageError } from '../errors.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import type { Reporter } from './report.js';
import { tapReporter } from './tap.js';
import { textReporter } from './text.js';

export const REPORTERS: ReadonlyMap<string, Reporter> = new Map([textReporter, junitReporter, jsonReporter, tapReporter].map((r) => [r.name, r]));

export function getReporter(name: string | undefined): Reporter {
  const reporter = REPORTERS.get(name ?? 'text');
  if (!reporter) throw new UsageError(`--reporter ${name}: use one of ${[...REPORTERS.keys()].join(', ')}`);
  return reporter;
}

export type { Reporter, TestReport, FileEntry, FileReport, ScenarioReport, BrokenFileReport } from './report.js';
