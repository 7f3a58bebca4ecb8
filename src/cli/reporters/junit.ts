/**
 * JUnit XML, the format CI systems read (Jenkins, GitLab, GitHub test-report actions): one <testsuite> per
 * scenario file, one <testcase> per scenario, a <failure> with the full diff as its body, and an <error>
 * test case for a file that could not be run. With --coverage, the rule's coverage goes in the suite's
 * <properties> (counts) and <system-out> (the text report).
 */
import { formatCoverage } from './coverage-text.js';
import { summarize, type BrokenFileReport, type FileReport, type Reporter, type TestReport } from './report.js';
import { xmlOpen, xmlText } from './xml.js';

const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);

function fileSuite(f: FileReport): string[] {
  const errors = f.scenarios.filter((s) => s.error).length;
  const failures = f.scenarios.filter((s) => !s.passed).length - errors;
  const out = [`  ${xmlOpen('testsuite', { name: f.file, tests: f.scenarios.length, failures, errors, skipped: 0, time: seconds(f.durationMs), file: f.file })}`];
  out.push('    <properties>');
  out.push(`      ${xmlOpen('property', { name: 'rule', value: f.rule }, true)}`);
  if (f.coverage && !f.coverage.error) {
    const c = f.coverage;
    out.push(`      ${xmlOpen('property', { name: 'coverage.filters', value: c.filters.length }, true)}`);
    out.push(`      ${xmlOpen('property', { name: 'coverage.untested', value: c.untested }, true)}`);
    out.push(`      ${xmlOpen('property', { name: 'coverage.suspect', value: c.suspect }, true)}`);
  }
  out.push('    </properties>');
  for (const s of f.scenarios) {
    const testcase = { classname: f.file, name: s.name, time: seconds(s.durationMs), file: f.file };
    if (s.passed) {
      out.push(`    ${xmlOpen('testcase', testcase, true)}`);
      continue;
    }
    const body = [...s.failures, ...(s.explain ?? [])].join('\n');
    out.push(`    ${xmlOpen('testcase', testcase)}`);
    // A query that did not run is an <error> (the test could not be carried out), a wrong verdict a <failure>.
    const element = s.error ? 'error' : 'failure';
    out.push(`      ${xmlOpen(element, { message: s.failures[0] ?? 'failed', type: s.error ? s.error.type : 'ScenarioFailure' })}${xmlText(body)}</${element}>`);
    out.push('    </testcase>');
  }
  if (f.coverage) out.push(`    <system-out>${xmlText(formatCoverage(f.coverage).join('\n'))}</system-out>`);
  out.push('  </testsuite>');
  return out;
}

function brokenSuite(f: BrokenFileReport): string[] {
  return [
    `  ${xmlOpen('testsuite', { name: f.file, tests: 1, failures: 0, errors: 1, skipped: 0, time: seconds(0), file: f.file })}`,
    `    ${xmlOpen('testcase', { classname: f.file, name: '(scenario file)', time: seconds(0), file: f.file })}`,
    `      ${xmlOpen('error', { message: f.message, type: f.code ?? 'Error' })}${xmlText(f.message)}</error>`,
    '    </testcase>',
    '  </testsuite>',
  ];
}

function render(report: TestReport): string {
  const s = summarize(report);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(xmlOpen('testsuites', { name: 'mini-kql test', tests: s.scenarios + s.errors, failures: s.failed - s.scenarioErrors, errors: s.errors + s.scenarioErrors, skipped: 0, time: seconds(report.durationMs) }));
  for (const f of report.files) lines.push(...(f.kind === 'error' ? brokenSuite(f) : fileSuite(f)));
  lines.push('</testsuites>');
  return lines.join('\n');
}

export const junitReporter: Reporter = { name: 'junit', description: 'JUnit XML for CI test reports (use with --output)', render };
