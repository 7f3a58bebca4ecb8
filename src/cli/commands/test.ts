/** `mini-kql test <rule.tests.yaml | rule.yaml | dir>`: run scenario files, PASS/FAIL per scenario. */
import { relative } from 'node:path';
import { KqlError } from '../../errors/kql-error.js';
import { findScenarioFiles, runScenarioFile } from '../../node/scenarios.js';
import { formatDateTime } from '../../runtime/datetime.js';
import { ruleCoverage } from '../../rules/coverage.js';
import type { ScenarioResult } from '../../rules/scenarios.js';
import type { SentinelRule } from '../../rules/rule.js';
import { parseArgs, single, type OptionSpec } from '../args.js';
import { CliError, UsageError } from '../errors.js';
import { formatExplain } from '../explain.js';
import type { Io } from '../io.js';
import { getReporter, REPORTERS, type FileEntry, type ScenarioReport, type TestReport } from '../reporters/index.js';
import { summarize } from '../reporters/report.js';
import { textReporter } from '../reporters/text.js';
import { writeReportFile } from '../reporters/write.js';
import { pathsFromArgs, pathsNamedIn, watchLoop } from '../watch.js';
import { formatScenarioError } from '../scenario-errors.js';
import { FUNCTIONS_HELP, functionsFromArgs } from '../functions.js';

export const testSpec: OptionSpec = { values: { reporter: {}, output: {}, functions: { multiple: true } }, flags: ['explain', 'coverage', 'watch', 'strict'] };

export const testHelp = `Usage: mini-kql test <rule.tests.yaml | rule.yaml | dir> ... [options]

Runs scenario tests of Sentinel rules (format: docs/rule-testing.md): each scenario gives input
tables, a run time and what should happen (fires or not, a row count, expected rows). Prints PASS or
FAIL per scenario with what differs, then a summary. Exit code 1 when any scenario fails or a
scenario file cannot be run.

A rule file is tested by the <name>.tests.yaml beside it; a directory by every *.tests.yaml below it.

Options:
  --explain          for each failing scenario, the rule's pipeline stage by stage with row counts
  --reporter NAME    the report's format:
${[...REPORTERS.values()].map((r) => `                       ${r.name.padEnd(6)} ${r.description}`).join('\n')}
  --output FILE      write the report to FILE (directories created) and print the text report;
                     e.g. --reporter junit --output reports/rules.xml for a CI test report
  --coverage         after each file's scenarios, the rule's filters (where, search, parse-where,
                     inner and left semi/anti joins) and in how many scenarios each dropped rows: a filter
                     that never drops a row is untested, one that drops every row everywhere a suspect
  --watch            run again whenever a scenario, rule or data file changes (Ctrl-C to stop)
  --strict           fixture problems fail the scenario (as strict: true in a scenario file does): a
                     column its table's known schema lacks, or a value its column's type reads as null.
                     Without it they are printed as warnings under the scenario.
${FUNCTIONS_HELP}
                      (for every scenario file; a file's own functions: win by name)

Examples:
  mini-kql test queries/suspicious-vm-creation
  mini-kql test rules/my-rule.tests.yaml --explain --coverage
  mini-kql test rules/ --reporter junit --output reports/rules.xml
  mini-kql test rules/my-rule.tests.yaml --watch`;

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

/** Runs every scenario file once and collects what the reporters need; `read` gathers the files it read. */
function collectReport(files: string[], options: { explain: boolean; coverage: boolean; run: Parameters<typeof runScenarioFile>[1] }, read: Set<string>): TestReport {
  const started = performance.now();
  const entries: FileEntry[] = [];
  for (const file of files) {
    read.add(file);
    const fileStarted = performance.now();
    let result;
    try {
      result = runScenarioFile(file, options.run);
    } catch (err) {
      // A scenario file that cannot be read or has a structural problem: report it and go on.
      const code = err instanceof KqlError ? err.code : undefined;
      entries.push({ kind: 'error', file: display(file), ...(code ? { code } : {}), message: formatScenarioError(err, file, display) });
      continue;
    }
    read.add(result.rulePath);
    const scenarios: ScenarioReport[] = result.results.map((r) => ({
      name: r.name, passed: r.passed, fired: r.fired, rowCount: r.rowCount,
      // A scenario that could not run as written (r.error) fails alone, with its error at its line.
      failures: r.error ? [formatScenarioError(r.error, file, display)] : r.failures,
      ...(r.error
        ? { error: { kind: 'invalid' as const, type: r.error.code } }
        : // runScenario traces every run it makes: a failed scenario without a trace is one whose query did not run.
          !r.passed && r.trace === undefined
          ? { error: { kind: 'query' as const, type: 'QueryError' } }
          : {}),
      ...(r.durationMs === undefined ? {} : { durationMs: r.durationMs }),
      ...(r.warnings ? { warnings: r.warnings } : {}),
      ...(options.explain && !r.passed && !r.error ? { explain: explainResult(r, result.rule) } : {}),
    }));
    entries.push({
      kind: 'file', file: display(file), rule: display(result.rulePath), scenarios, durationMs: performance.now() - fileStarted,
      ...(options.coverage ? { coverage: ruleCoverage(result.rule, result.results) } : {}),
    });
  }
  return { files: entries, durationMs: performance.now() - started };
}

export function testCommand(argv: string[], io: Io): number | Promise<number> {
  const args = parseArgs(argv, testSpec);
  if (args.flags.has('help')) {
    io.out(testHelp);
    return 0;
  }
  if (args.positionals.length === 0) throw new UsageError('test: give a scenario file (.tests.yaml), a rule file or a directory');
  const reporter = getReporter(single(args, 'reporter'));
  const output = single(args, 'output');
  const read = new Set<string>();
  const functions = functionsFromArgs(args, io);
  const runOptions = { ...(functions ? { functions } : {}), strict: args.flags.has('strict') };
  const once = (): number => {
    const files: string[] = [];
    for (const p of args.positionals) {
      const found = findScenarioFiles(p);
      if (found.length === 0) throw new CliError(`${p}: no scenario files (*.tests.yaml) found`);
      files.push(...found);
    }
    const report = collectReport(files, { explain: args.flags.has('explain'), coverage: args.flags.has('coverage'), run: runOptions }, read);
    if (output === undefined) io.out(reporter.render(report));
    else {
      writeReportFile(output, reporter.render(report));
      io.out(`${textReporter.render(report)}\n(${reporter.name} report written to ${output})`);
    }
    const { failed, errors } = summarize(report);
    return failed === 0 && errors === 0 ? 0 : 1;
  };
  if (!args.flags.has('watch')) return once();
  const paths = () => [...pathsFromArgs(args, ['output', 'reporter']), ...read, ...[...read].flatMap(pathsNamedIn)];
  return watchLoop({ run: once, paths, ignore: output ? [output] : [] }, io);
}
