/**
 * TAP version 13: one test point per scenario (`<file> > <scenario>`), a failing one with YAML
 * diagnostics (message, the diff lines, fired, rowCount); a file that could not be run is one failing
 * point. Coverage lines are TAP comments.
 */
import { stringify } from 'yaml';
import { formatCoverage } from './coverage-text.js';
import { summarize, type Reporter, type TestReport } from './report.js';

/** A test point's description: one line, `#` escaped (it would start a directive). */
function description(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/#/g, '\\#').replace(/\r\n|\r|\n/g, ' ');
}

/** A YAML diagnostics block, indented two spaces between `---` and `...`. */
function diagnostics(fields: Record<string, unknown>): string[] {
  const body = stringify(fields, { lineWidth: 0 }).trimEnd().split('\n');
  return ['  ---', ...body.map((line) => `  ${line}`), '  ...'];
}

function comment(text: string): string {
  return `# ${text.replace(/\r\n|\r|\n/g, ' ')}`;
}

function render(report: TestReport): string {
  const s = summarize(report);
  const out = ['TAP version 13', `1..${s.scenarios + s.errors}`];
  let n = 0;
  for (const f of report.files) {
    if (f.kind === 'error') {
      out.push(`not ok ${++n} - ${description(`${f.file} (could not be run)`)}`);
      out.push(...diagnostics({ message: f.message, severity: 'error', ...(f.code ? { code: f.code } : {}), file: f.file }));
      continue;
    }
    for (const sc of f.scenarios) {
      const name = description(`${f.file} > ${sc.name}`);
      if (sc.passed) {
        out.push(`ok ${++n} - ${name}`);
        continue;
      }
      out.push(`not ok ${++n} - ${name}`);
      out.push(...diagnostics({ message: sc.failures[0] ?? 'failed', severity: sc.error ? 'error' : 'fail', failures: sc.failures, fired: sc.fired, rowCount: sc.rowCount, file: f.file, rule: f.rule, ...(sc.explain ? { explain: sc.explain } : {}) }));
    }
    if (f.coverage) out.push(comment(`${f.file}:`), ...formatCoverage(f.coverage).map((line) => comment(`  ${line}`)));
  }
  out.push(comment(`tests ${s.scenarios + s.errors}`), comment(`pass ${s.passed}`), comment(`fail ${s.failed + s.errors}`));
  return out.join('\n');
}

export const tapReporter: Reporter = { name: 'tap', description: 'TAP version 13 with YAML diagnostics for failures', render };
