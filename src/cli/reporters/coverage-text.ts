/** A rule's coverage (src/rules/coverage.ts) as text lines, for the text report and JUnit's system-out. */
import type { CoverageReport, FilterCoverage } from '../../rules/coverage.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function verdictText(f: FilterCoverage): string {
  if (f.verdict === 'untested') return `never drops rows: no scenario tests it${f.passedAll === 0 ? ' (no scenario gives it rows)' : ''}`;
  if (f.verdict === 'suspect') return 'drops every row in every scenario: suspect';
  return 'ok';
}

/** One line per filter: where it is, its text, and what the scenarios did with it. */
export function formatCoverage(c: CoverageReport): string[] {
  if (c.error) return [`Coverage: ${c.error}`];
  if (c.filters.length === 0) return ['Coverage: the query has no filters (where, search, parse-where, inner or semi/anti joins)'];
  const notRun = c.notRun > 0 ? `; ${plural(c.notRun, 'scenario')} left out: the query did not run` : '';
  const out = [`Coverage of ${plural(c.filters.length, 'filter')} over ${plural(c.scenarios, 'scenario')}${notRun} (dropped rows / passed all / saw none):`];
  const where = c.filters.map((f) => `line ${f.fileLine}`);
  const counts = c.filters.map((f) => `${f.dropped} / ${f.passedAll} / ${f.noRows}`);
  const w1 = Math.max(...where.map((s) => s.length));
  const w2 = Math.max(...counts.map((s) => s.length));
  c.filters.forEach((f, i) => {
    out.push(`  ${where[i].padEnd(w1)}  ${counts[i].padStart(w2)}  ${f.text}`);
    if (f.verdict !== 'tested') out.push(`  ${''.padEnd(w1)}  ${''.padStart(w2)}  ^ ${verdictText(f)}`);
  });
  const gaps: string[] = [];
  if (c.untested > 0) gaps.push(`${plural(c.untested, 'filter')} no scenario tests`);
  if (c.suspect > 0) gaps.push(`${plural(c.suspect, 'filter')} that drop${c.suspect === 1 ? 's' : ''} every row everywhere`);
  out.push(gaps.length > 0 ? `Coverage: ${gaps.join(', ')}.` : 'Coverage: every filter dropped rows in some scenario.');
  return out;
}
