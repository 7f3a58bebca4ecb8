/** `mini-kql test <rule.tests.yaml | rule.yaml | dir>`: run scenario files, PASS/FAIL per scenario. */
import { relative } from 'node:path';
import { findScenarioFiles, runScenarioFile } from '../../node/scenarios.js';
import { formatDateTime } from '../../runtime/datetime.js';
import type { ScenarioResult } from '../../rules/scenarios.js';
import type { SentinelRule } from '../../rules/rule.js';
import { parseArgs, type OptionSpec } from '../args.js';
import { CliError, UsageError } from '../errors.js';
import { formatExplain } from '../explain.js';
import type { Io } from '../io.js';
import { formatScenarioError } from '../scenario-errors.js';
import { FUNCTIONS_HELP, functionsFromArgs } from '../functions.js';

export const testSpec: OptionSpec = { flags: ['explain', 'strict'], values: { functions: { multiple: true } } };

export const testHelp = `Usage: mini-kql test <rule.tests.yaml | rule.yaml | dir> ... [--explain] [--strict] [--functions path]

Runs scenario tests of Sentinel rules (format: docs/rule-testing.md): each scenario gives input
tables, a run time and what should happen (fires or not, a row count, expected rows). Prints PASS or
FAIL per scenario with what differs, then a summary. Exit code 1 when any scenario fails.

A rule file is tested by the <name>.tests.yaml beside it; a directory by every *.tests.yaml below it.

Options:
  --explain   for each failing scenario, the rule's pipeline stage by stage with row counts
  --strict    fixture problems fail the scenario (as strict: true in a scenario file does): a column
              its table's known schema lacks, or a value its column's type reads as null. Without
              it they are printed as warnings under the scenario.
${FUNCTIONS_HELP}
                      (for every scenario file; a file's own functions: win by name)

Examples:
  mini-kql test queries/suspicious-vm-creation
  mini-kql test rules/my-rule.tests.yaml --explain`;

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/** The stage-by-stage view of a failing scenario's run, for --explain. */
function explainResult(r: ScenarioResult, rule: SentinelRule): string[] {
  if (!r.trace) return ['(no trace: the query did not run)'];
  const lineOffset = rule.queryPosition ? rule.queryPosition.line - 1 : 0;
  const lines = formatExplain(r.trace, rule.query, lineOffset);
  if (r.window) lines.unshift(`Time window: TimeGenerated in (${formatDateTime(r.window.from.getTime())}, ${formatDateTime(r.window.to.getTime())}]`);
  return lines;
}

export function testCommand(argv: string[], io: Io): number {
  const args = parseArgs(argv, testSpec);
  if (args.flags.has('help')) {
    io.out(testHelp);
    return 0;
  }
  if (args.positionals.length === 0) throw new UsageError('test: give a scenario file (.tests.yaml), a rule file or a directory');
  const files: string[] = [];
  for (const p of args.positionals) {
    const found = findScenarioFiles(p);
    if (found.length === 0) throw new CliError(`${p}: no scenario files (*.tests.yaml) found`);
    files.push(...found);
  }
  const functions = functionsFromArgs(args, io);
  let passed = 0;
  let failed = 0;
  let broken = 0;
  for (const file of files) {
    let result;
    try {
      result = runScenarioFile(file, { ...(functions ? { functions } : {}), strict: args.flags.has('strict') });
    } catch (err) {
      // A scenario file that cannot be read or has a structural problem: report it and go on.
      broken++;
      io.out(`ERROR ${display(file)}\n  ${formatScenarioError(err, file, display)}`);
      continue;
    }
    io.out(`${display(file)}  (rule: ${display(result.rulePath)})`);
    for (const r of result.results) {
      if (r.error) {
        // A scenario that could not run as written: the others of the file still ran.
        failed++;
        io.out(`  ERROR ${r.name}\n        ${formatScenarioError(r.error, file, display)}`);
        continue;
      }
      if (r.passed) {
        passed++;
        io.out(`  PASS  ${r.name}  (${r.fired ? 'fired' : 'did not fire'}, ${r.rowCount} row${r.rowCount === 1 ? '' : 's'})`);
        for (const w of r.warnings ?? []) io.out(`        warning: ${w}`);
        continue;
      }
      failed++;
      io.out(`  FAIL  ${r.name}  (${r.fired ? 'fired' : 'did not fire'}, ${r.rowCount} row${r.rowCount === 1 ? '' : 's'})`);
      for (const f of r.failures) io.out(`        ${f}`);
      for (const w of r.warnings ?? []) io.out(`        warning: ${w}`);
      if (args.flags.has('explain')) {
        for (const line of explainResult(r, result.rule)) io.out(`        ${line}`);
      }
    }
  }
  const total = passed + failed;
  const parts = [`${total} scenario${total === 1 ? '' : 's'}: ${passed} passed, ${failed} failed`];
  if (broken > 0) parts.push(`${broken} scenario file${broken === 1 ? '' : 's'} could not be run`);
  io.out(`\n${parts.join('; ')}`);
  return failed === 0 && broken === 0 ? 0 : 1;
}
