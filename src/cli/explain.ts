/** `--explain`: the pipeline stage by stage with the rows coming out of each, from runKql's trace. */

/** One entry of runKql's trace (`{ trace: true }`). */
export interface TraceLike {
  operator: string;
  line: number;
  column: number;
  rowsIn?: number;
  rowsOut: number;
  runs?: number;
  depth?: number;
  /** An operator inside a workspace function: the function and the operator's line there. */
  function?: { name: string; line: number };
}

function isTrace(value: unknown): value is TraceLike[] {
  return Array.isArray(value) && value.every((e) => typeof e === 'object' && e !== null && typeof e.operator === 'string' && typeof e.rowsOut === 'number');
}

const MAX_SNIPPET = 70;

/**
 * Lines like
 *   line 3   | where ActionName has 'insert'      12 -> 1      where ActionName has "insert"
 * `lineOffset` shifts query lines to file lines (a rule's query block).
 */
export function formatExplain(trace: unknown, queryText: string, lineOffset = 0): string[] {
  if (!isTrace(trace)) return ['(no trace: this version of the engine does not report one)'];
  if (trace.length === 0) return ['(the query read no table and ran no operator)'];
  const lines = queryText.split(/\r\n|\r|\n/);
  const labels = trace.map((e) => {
    const indent = '  '.repeat(e.depth ?? 0);
    // Inside a workspace function the line is its call's: say where in the function the stage is.
    const inFunction = e.function ? ` (in ${e.function.name}, its line ${e.function.line})` : '';
    return (e.operator.startsWith('table ') ? `${indent}${e.operator}` : `${indent}| ${e.operator}`) + inFunction;
  });
  const counts = trace.map((e) => {
    const runs = e.runs !== undefined && e.runs > 1 ? ` (${e.runs} runs)` : '';
    return (e.rowsIn === undefined ? `${e.rowsOut} rows` : `${e.rowsIn} -> ${e.rowsOut}`) + runs;
  });
  const where = trace.map((e) => `line ${e.line + lineOffset}`);
  const w1 = Math.max(...where.map((s) => s.length));
  const w2 = Math.max(...labels.map((s) => s.length));
  const w3 = Math.max(...counts.map((s) => s.length));
  const out = ['Pipeline (rows in -> rows out of each stage, in query order):'];
  trace.forEach((e, i) => {
    let snippet = (lines[e.line - 1] ?? '').slice(Math.max(0, e.column - 1)).trim();
    if (snippet.length > MAX_SNIPPET) snippet = snippet.slice(0, MAX_SNIPPET - 1) + '…';
    const emptied = e.rowsOut === 0 && (e.rowsIn === undefined || e.rowsIn > 0) ? '   <- no rows left' : '';
    out.push(`  ${where[i].padEnd(w1)}  ${labels[i].padEnd(w2)}  ${counts[i].padStart(w3)}   ${snippet}${emptied}`.trimEnd());
  });
  return out;
}
