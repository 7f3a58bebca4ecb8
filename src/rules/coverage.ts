/**
 * Coverage of a rule by its scenarios (`mini-kql test --coverage`): for each row-dropping filter of the
 * rule's query (`where`, `search`, `parse-where`, joins and lookups that keep only matching rows), in how
 * many scenarios it dropped rows, let every row through, or saw none. A filter that drops no row in any
 * scenario is a gap in the tests (a scenario that removes it would still pass); one that drops every row
 * wherever it sees rows is a suspect (the rule may never fire). Computed from the scenarios' traces
 * (runKql's `trace: true`), matched to the query's operators by position. Browser-safe.
 */
import { KqlError } from '../errors/kql-error.js';
import type { OperatorParam, TabularOperator } from '../parser/ast.js';
import { parseQuery } from '../parser/parse.js';
import type { TraceEntry } from '../runtime/trace.js';

/** What a filter did in one scenario. */
export type FilterOutcome = 'dropped' | 'passedAll' | 'noRows';

/** `untested`: dropped no row in any scenario; `suspect`: dropped every row in every scenario where it saw rows. */
export type FilterVerdict = 'tested' | 'untested' | 'suspect';

export interface FilterCoverage {
  /** The operator as the trace names it: `where`, `join`, `lookup`, `search`, `parse-where`. */
  operator: string;
  /** The operator with its join kind when it has one (`join kind=leftanti`). */
  label: string;
  /** Position of the operator keyword in the query. */
  line: number;
  column: number;
  /** The line in the rule file (the query's line shifted by the rule's queryPosition), else `line`. */
  fileLine: number;
  /** The query text from the keyword to the end of its line, trimmed. */
  text: string;
  /** Scenarios where rows came in and fewer went out. */
  dropped: number;
  /** Of those, scenarios where no row went out. */
  droppedAll: number;
  /** Scenarios where rows came in and as many (or more) went out. */
  passedAll: number;
  /** Scenarios where no row reached it (or it did not run). */
  noRows: number;
  /** Names of the scenarios where it dropped rows. */
  droppedIn: string[];
  verdict: FilterVerdict;
}

export interface CoverageReport {
  /** Scenarios whose run was traced (the others did not run: their query failed). */
  scenarios: number;
  /** Scenarios left out because the query did not run. */
  notRun: number;
  /** The filters in query order. */
  filters: FilterCoverage[];
  untested: number;
  suspect: number;
  /** Why there are no filters to report, when the query could not be read. */
  error?: string;
}

/** What coverage needs of a rule: its query and where the query sits in the rule file. */
export interface CoverageRule {
  query: string;
  queryPosition?: { line: number; column: number };
}

/** What coverage needs of a scenario result (ScenarioResult has it). */
export interface CoverageScenario {
  name: string;
  trace?: TraceEntry[];
}

// Join kinds whose output is (a subset of) the left rows: the rows in are the left side's, so fewer rows out
// means left rows were dropped. Right-side kinds (rightsemi, ...) output the other side's rows and outer
// kinds keep every left row: neither is a filter of its input.
const FILTERING_JOIN_KINDS = new Set(['innerunique', 'inner', 'leftsemi', 'semi', 'leftanti', 'anti', 'leftantisemi']);

function kindParam(params: OperatorParam[]): string | undefined {
  const p = params.find((x) => x.name === 'kind');
  return p === undefined ? undefined : String(p.value);
}

/** Per filtering operator: its label, or undefined when this occurrence does not drop rows (an outer join). */
const FILTERS: Record<string, (op: TabularOperator) => string | undefined> = {
  where: () => 'where',
  search: () => 'search',
  'parse-where': () => 'parse-where',
  join: (op) => {
    const kind = op.op === 'join' ? (kindParam(op.params) ?? 'innerunique') : '';
    return FILTERING_JOIN_KINDS.has(kind) ? `join kind=${kind}` : undefined;
  },
  lookup: (op) => (op.op === 'lookup' && kindParam(op.params) === 'inner' ? 'lookup kind=inner' : undefined),
};

function isOperator(node: Record<string, unknown>): node is Record<string, unknown> & TabularOperator {
  return typeof node.op === 'string' && typeof node.keywordSpan === 'object' && node.keywordSpan !== null;
}

/**
 * Every operator occurrence of the query, wherever it sits (let bodies, join right sides, mv-apply
 * subqueries, `in (...)` subqueries), found by walking every node of the AST.
 */
function operatorsOf(root: unknown): TabularOperator[] {
  const out: TabularOperator[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    if (isOperator(record)) out.push(record);
    for (const [key, value] of Object.entries(record)) {
      if (key !== 'span' && key !== 'keywordSpan' && typeof value === 'object') stack.push(value);
    }
  }
  return out;
}

const MAX_TEXT = 80;

function sourceText(lines: string[], line: number, column: number): string {
  const text = (lines[line - 1] ?? '').slice(Math.max(0, column - 1)).trim();
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT - 1) + '…' : text;
}

function outcome(entry: TraceEntry | undefined): { outcome: FilterOutcome; all: boolean } {
  const rowsIn = entry?.rowsIn ?? 0;
  if (entry === undefined || rowsIn === 0) return { outcome: 'noRows', all: false };
  if (entry.rowsOut < rowsIn) return { outcome: 'dropped', all: entry.rowsOut === 0 };
  return { outcome: 'passedAll', all: false };
}

function verdictOf(f: Pick<FilterCoverage, 'dropped' | 'droppedAll' | 'passedAll'>): FilterVerdict {
  if (f.dropped === 0) return 'untested';
  return f.passedAll === 0 && f.droppedAll === f.dropped ? 'suspect' : 'tested';
}

const traceKey = (operator: string, line: number, column: number) => `${operator}@${line}:${column}`;

/** The coverage of a rule's filters by a scenario file's results (each with the trace of its run). */
export function ruleCoverage(rule: CoverageRule, results: readonly CoverageScenario[]): CoverageReport {
  const traced = results.filter((r) => Array.isArray(r.trace));
  const report: CoverageReport = { scenarios: traced.length, notRun: results.length - traced.length, filters: [], untested: 0, suspect: 0 };
  let ops: TabularOperator[];
  try {
    ops = operatorsOf(parseQuery(rule.query));
  } catch (err) {
    if (!(err instanceof KqlError)) throw err;
    report.error = `the query could not be read: ${err.code}: ${err.message}`;
    return report;
  }
  const lines = rule.query.split(/\r\n|\r|\n/);
  const lineOffset = rule.queryPosition ? rule.queryPosition.line - 1 : 0;
  // Each scenario's trace by operator position: one entry per operator occurrence in the query text.
  const byPosition = traced.map((r) => new Map((r.trace ?? []).map((e) => [traceKey(e.operator, e.line, e.column), e])));
  for (const op of ops) {
    const operator = op.op === 'unsupported' ? op.name : op.op;
    const describe = Object.prototype.hasOwnProperty.call(FILTERS, operator) ? FILTERS[operator] : undefined;
    const label = describe?.(op);
    if (label === undefined) continue;
    const { line, column } = op.keywordSpan;
    const f: FilterCoverage = {
      operator, label, line, column, fileLine: line + lineOffset, text: sourceText(lines, line, column),
      dropped: 0, droppedAll: 0, passedAll: 0, noRows: 0, droppedIn: [], verdict: 'tested',
    };
    byPosition.forEach((entries, i) => {
      const entry = entries.get(traceKey(operator, line, column));
      const o = outcome(entry);
      f[o.outcome]++;
      if (o.outcome === 'dropped') {
        f.droppedIn.push(traced[i].name);
        if (o.all) f.droppedAll++;
      }
    });
    f.verdict = verdictOf(f);
    report.filters.push(f);
  }
  report.filters.sort((a, b) => a.line - b.line || a.column - b.column);
  report.untested = report.filters.filter((f) => f.verdict === 'untested').length;
  report.suspect = report.filters.filter((f) => f.verdict === 'suspect').length;
  return report;
}
