/**
 * One JSON object (field names documented in docs/rule-testing.md, "CI reports and coverage"):
 * { version, passed, summary, files: [{ file, rule, status, durationMs, scenarios: [...], coverage? } |
 * { file, status: 'error', error: { code?, message } }] }.
 */
import { summarize, type FileEntry, type Reporter, type TestReport } from './report.js';

/** Milliseconds to 0.1 ms: durations are informational. */
const ms = (value: number | undefined) => Math.round((value ?? 0) * 10) / 10;

function fileJson(f: FileEntry): Record<string, unknown> {
  if (f.kind === 'error') return { file: f.file, status: 'error', error: { ...(f.code ? { code: f.code } : {}), message: f.message } };
  return {
    file: f.file,
    rule: f.rule,
    status: f.scenarios.every((s) => s.passed) ? 'passed' : 'failed',
    durationMs: ms(f.durationMs),
    scenarios: f.scenarios.map((s) => ({
      name: s.name,
      status: s.passed ? 'passed' : s.error ? 'error' : 'failed',
      fired: s.fired,
      rowCount: s.rowCount,
      failures: s.failures,
      ...(s.warnings ? { warnings: s.warnings } : {}),
      durationMs: ms(s.durationMs),
      ...(s.explain ? { explain: s.explain } : {}),
    })),
    ...(f.coverage ? { coverage: f.coverage } : {}),
  };
}

function render(report: TestReport): string {
  const summary = summarize(report);
  const passed = summary.failed === 0 && summary.errors === 0;
  return JSON.stringify({ version: 1, passed, summary: { ...summary, durationMs: ms(report.durationMs) }, files: report.files.map(fileJson) }, null, 2);
}

export const jsonReporter: Reporter = { name: 'json', description: 'one JSON object: summary, files, scenarios (and coverage)', render };
