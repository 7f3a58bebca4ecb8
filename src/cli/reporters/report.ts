/**
 * What `mini-kql test` hands its reporters: every scenario file's results, or why the file could not be
 * run. Paths are as shown to the user (relative to the working directory when inside it).
 */
import type { CoverageReport } from '../../rules/coverage.js';

export interface ScenarioReport {
  name: string;
  passed: boolean;
  fired: boolean;
  rowCount: number;
  /** What differs from the expectation, one line each (the diff); empty when passed. */
  failures: string[];
  /**
   * The scenario could not be carried out, an error rather than a failed expectation: `invalid`, it cannot
   * run as written (`type`: its error code); `query`, the rule's query did not run (`type`: QueryError).
   * `failures` says why.
   */
  error?: { kind: 'invalid' | 'query'; type: string };
  /** How long the scenario took to run (informational). */
  durationMs?: number;
  /** Fixture problems of its tables (not failures unless --strict / strict: true). */
  warnings?: string[];
  /** --explain: the rule's pipeline stage by stage, for a failing scenario. */
  explain?: string[];
}

/** A scenario file that ran. */
export interface FileReport {
  kind: 'file';
  file: string;
  rule: string;
  scenarios: ScenarioReport[];
  durationMs: number;
  /** --coverage: the rule's filters and what the scenarios did with them. */
  coverage?: CoverageReport;
}

/** A scenario file that could not be run (unreadable, malformed, its rule missing). */
export interface BrokenFileReport {
  kind: 'error';
  file: string;
  /** The error code (RULE_BAD_SCENARIO, ...) when there is one. */
  code?: string;
  message: string;
}

export type FileEntry = FileReport | BrokenFileReport;

export interface TestReport {
  files: FileEntry[];
  durationMs: number;
}

export interface Summary {
  files: number;
  scenarios: number;
  passed: number;
  /** Scenarios that failed, those whose query did not run included. */
  failed: number;
  /** Of the failed scenarios, those whose query did not run. */
  scenarioErrors: number;
  /** Scenario files that could not be run. */
  errors: number;
}

/** One output format of `mini-kql test --reporter <name>`. */
export interface Reporter {
  name: string;
  /** One line for --help. */
  description: string;
  render(report: TestReport): string;
}

export function summarize(report: TestReport): Summary {
  const summary: Summary = { files: report.files.length, scenarios: 0, passed: 0, failed: 0, scenarioErrors: 0, errors: 0 };
  for (const f of report.files) {
    if (f.kind === 'error') {
      summary.errors++;
      continue;
    }
    for (const s of f.scenarios) {
      summary.scenarios++;
      if (s.passed) summary.passed++;
      else summary.failed++;
      if (s.error) summary.scenarioErrors++;
    }
  }
  return summary;
}

/** `3 scenarios: 2 passed, 1 failed; 1 scenario file could not be run` */
export function summaryLine(s: Summary): string {
  const parts = [`${s.scenarios} scenario${s.scenarios === 1 ? '' : 's'}: ${s.passed} passed, ${s.failed} failed`];
  if (s.errors > 0) parts.push(`${s.errors} scenario file${s.errors === 1 ? '' : 's'} could not be run`);
  return parts.join('; ');
}

/** `(fired, 1 row)` */
export function outcomeText(s: Pick<ScenarioReport, 'fired' | 'rowCount'>): string {
  return `${s.fired ? 'fired' : 'did not fire'}, ${s.rowCount} row${s.rowCount === 1 ? '' : 's'}`;
}

/** The message of a broken file as one line (`file:line:col  CODE  message` from the command). */
export function brokenMessage(f: BrokenFileReport): string {
  return f.message;
}
