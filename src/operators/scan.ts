/**
 * scan [with_match_id = Id] [declare (Col:type [= default], ...)] with (step s [output = all|last|none]:
 * Condition [=> Col = Expr, ...]; ...) (scan-operator.md, "Scan logic"). Each row is tested against the
 * steps from the last to the first. Step k matches (check 1) when the previous step's state is active and
 * the condition holds over that state: the state moves up to step k, extended by the row. Otherwise
 * (check 2) when step k's own state is active, or k is the first step, and the condition holds over step
 * k's state: the row replaces step k's record in the state; at the first step with no active state a new
 * sequence (match id) begins. `s.Col` reads column Col of step s's record in the state (null when absent).
 * Expressions are bound over the row, the declared columns (their defaults; a step's assignments set them)
 * and one copy of those columns per step holding the state's records.
 */
import type * as A from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { Row } from '../runtime/table.js';
import type { CompiledExpr } from '../binder/compiled.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { castValue } from '../functions/convert.js';

/** Replaces `step.Col` (a step name's member) by a name of the state column. */
function rewrite(node: unknown, steps: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, steps));
  if (node === null || typeof node !== 'object') return node;
  const n = node as Record<string, unknown>;
  if (n.kind === 'Member') {
    const target = n.target as A.Expr;
    if (target.kind === 'Name' && steps.has(target.name)) return { kind: 'Name', name: stateName(target.name, n.name as string), span: n.span };
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(n)) out[k] = k === 'span' || k === 'nameSpan' || k === 'opSpan' ? n[k] : rewrite(n[k], steps);
  return out;
}

const stateName = (step: string, column: string) => `\u0000${step}\u0000${column}`;

interface State {
  /** One record per step up to this one (null where a step has none). */
  records: (Row | null)[];
  matchId: number;
}

export const scan: OperatorDef<A.ScanOp> = {
  op: 'scan',
  description: 'Matches rows against a sequence of steps with state (sequences, sessions, running values), like a state machine.',
  bind(node, input, tools) {
    const stepNames = new Set(node.steps.map((s) => s.name));
    const own: ColumnSchema[] = [...input];
    for (const d of node.declared) {
      if (own.some((c) => c.name === d.name)) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `scan declares '${d.name}', which is already a column`, d.span);
      own.push({ name: d.name, type: d.type });
    }
    const width = own.length;
    const scope: ColumnSchema[] = [...own];
    for (const s of node.steps) for (const c of own) scope.push({ name: stateName(s.name, c.name), type: c.type });
    const defaults = node.declared.map((d) => {
      if (!d.default) return () => (d.type === 'string' ? '' : null);
      const e = tools.expr(d.default, []);
      return (ctx: Parameters<CompiledExpr['evaluate']>[1]) => castValue(e.evaluate([], ctx), e.type, d.type);
    });
    const steps = node.steps.map((s) => {
      const condition = tools.expr(rewrite(s.condition, stepNames) as A.Expr, scope);
      if (condition.type !== 'bool') throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `The condition of scan step '${s.name}' must be a bool`, s.condition.span);
      const assignments = s.assignments.map((a) => {
        if (a.names.length !== 1) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'A scan assignment sets one declared column: Col = Expr', a.span);
        const target = node.declared.findIndex((d) => d.name === a.names[0].name);
        if (target < 0) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_COLUMN, `scan can assign only declared columns, not '${a.names[0].name}'`, a.names[0].span);
        const expr = tools.expr(rewrite(a.expr, stepNames) as A.Expr, scope);
        const type = node.declared[target].type;
        return { index: input.length + target, expr, convert: (v: unknown) => castValue(v, expr.type, type) };
      });
      return { name: s.name, output: s.output, condition, assignments };
    });
    const columns: ColumnSchema[] = node.matchId ? [...own, { name: node.matchId, type: 'long' }] : own;
    return {
      columns,
      run: (table, ctx) => {
        const n = steps.length;
        const states: (State | null)[] = new Array(n).fill(null);
        const out: Row[] = [];
        /** Output slot of an output=last step's current record, to replace on its next match. */
        const lastSlot: (number | null)[] = new Array(n).fill(null);
        let nextMatchId = 0;
        const work: unknown[] = new Array(scope.length);
        const base = defaults.map((d) => d(ctx));
        const load = (row: Row, records: (Row | null)[]) => {
          for (let i = 0; i < input.length; i++) work[i] = row[i];
          for (let i = 0; i < base.length; i++) work[input.length + i] = base[i];
          for (let s = 0; s < n; s++) {
            const rec = records[s] ?? null;
            // A step with no record reads the declared columns' defaults (null, '' for strings, elsewhere).
            for (let c = 0; c < width; c++) {
              work[width * (s + 1) + c] = rec ? rec[c] : c >= input.length ? base[c - input.length] : scope[c].type === 'string' ? '' : null;
            }
          }
        };
        const extendRow = (step: (typeof steps)[number]): Row => {
          const ext = work.slice(0, width);
          const values = step.assignments.map((a) => a.convert(a.expr.evaluate(work as Row, ctx)));
          step.assignments.forEach((a, i) => { ext[a.index] = values[i]; });
          return ext;
        };
        const emit = (k: number, ext: Row, matchId: number, repeat: boolean) => {
          const step = steps[k];
          if (step.output === 'none') return;
          const row = node.matchId ? [...ext, matchId] : ext;
          if (step.output === 'last' && repeat && lastSlot[k] !== null) {
            out[lastSlot[k]!] = row;
            return;
          }
          out.push(row);
          if (step.output === 'last') lastSlot[k] = out.length - 1;
        };
        for (const row of table.rows) {
          for (let k = n - 1; k >= 0; k--) {
            const step = steps[k];
            const prev = k > 0 ? states[k - 1] : null;
            if (prev) {
              load(row, prev.records);
              if (step.condition.evaluate(work as Row, ctx) === true) {
                const ext = extendRow(step);
                states[k] = { records: [...prev.records.slice(0, k), ext], matchId: prev.matchId };
                states[k - 1] = null;
                lastSlot[k - 1] = null;
                emit(k, ext, prev.matchId, false);
                continue;
              }
            }
            const current = states[k];
            if (current || k === 0) {
              load(row, current ? current.records : []);
              if (step.condition.evaluate(work as Row, ctx) === true) {
                const ext = extendRow(step);
                const matchId = current ? current.matchId : nextMatchId++;
                const records = current ? [...current.records.slice(0, k), ext] : [ext];
                states[k] = { records, matchId };
                emit(k, ext, matchId, current !== null);
              }
            }
          }
        }
        return { columns, rows: out, owned: true };
      },
    };
  },
};
