/** `mini-kql check` on a rule file: validateRule's problems as `file:line:col` lines, and ids used twice across files. */
import { ErrorCodes } from '../errors/codes.js';
import { validateRule, type RuleProblem } from '../rules/validate-rule.js';
import type { QuerySource } from './sources.js';

/** Plugins whose output columns come from the data. */
const OPEN_SCHEMA = /\bevaluate\s+(bag_unpack|pivot)\b/;

export interface RuleCheckOutcome {
  /** `file:line:col  CODE  message` for errors, `file:line:col  warning  message` for warnings, in file order. */
  lines: string[];
  errors: number;
  warnings: number;
}

/**
 * Validates the rule of a source (nothing for a .kql file). `columns` are the query's result columns, or
 * undefined when the query did not bind (then column names are not checked). `seenIds` maps each rule id
 * met so far to its file: Sentinel's CI rejects two templates with one id.
 */
export function checkRuleSource(src: QuerySource, columns: readonly { name: string }[] | undefined, seenIds: Map<string, string>): RuleCheckOutcome {
  if (!src.rule) return { lines: [], errors: 0, warnings: 0 };
  // After evaluate bag_unpack or pivot the result's columns are known only when the query runs: not checked.
  const known = columns && !OPEN_SCHEMA.test(src.query) ? columns : undefined;
  const { errors, warnings } = validateRule(src.rule, { columns: known });
  const id = src.rule.id?.trim().toLowerCase();
  if (id) {
    const other = seenIds.get(id);
    if (other !== undefined && other !== src.file) {
      const pos = src.rule.positions?.id ?? { line: 1, column: 1 };
      errors.push({ code: ErrorCodes.RULE_BAD_FIELD, field: 'id', line: pos.line, column: pos.column, message: `id '${src.rule.id}' is also the id of ${other}: each rule needs its own` });
    } else seenIds.set(id, src.file);
  }
  const tagged = [...errors.map((p) => ({ p, label: p.code })), ...warnings.map((p) => ({ p, label: 'warning' }))];
  tagged.sort((a, b) => a.p.line - b.p.line || a.p.column - b.p.column);
  return { lines: tagged.map(({ p, label }) => formatProblem(src.file, p, label)), errors: errors.length, warnings: warnings.length };
}

function formatProblem(file: string, p: RuleProblem, label: string): string {
  return `${file}:${p.line}:${p.column}  ${label}  ${p.message}`;
}
