/** The default report: PASS/FAIL per scenario with the diff of each failure, then a summary. */
import { formatCoverage } from './coverage-text.js';
import { brokenMessage, outcomeText, summarize, summaryLine, type Reporter, type TestReport } from './report.js';

function render(report: TestReport): string {
  const out: string[] = [];
  for (const f of report.files) {
    if (f.kind === 'error') {
      out.push(`ERROR ${f.file}\n  ${brokenMessage(f)}`);
      continue;
    }
    out.push(`${f.file}  (rule: ${f.rule})`);
    for (const s of f.scenarios) {
      if (s.error?.kind === 'invalid') {
        out.push(`  ERROR ${s.name}`, ...s.failures.map((line) => `        ${line}`));
        continue;
      }
      out.push(`  ${s.passed ? 'PASS' : 'FAIL'}  ${s.name}  (${outcomeText(s)})`);
      for (const line of [...s.failures, ...(s.warnings ?? []).map((w) => `warning: ${w}`), ...(s.explain ?? [])]) out.push(`        ${line}`);
    }
    if (f.coverage) out.push(...formatCoverage(f.coverage).map((line) => `  ${line}`));
  }
  out.push(`\n${summaryLine(summarize(report))}`);
  return out.join('\n');
}

export const textReporter: Reporter = { name: 'text', description: 'PASS/FAIL per scenario with what differs (default)', render };
