/**
 * join: hash join on equality of key columns. The right side is hashed; the default kind is
 * innerunique (left rows deduplicated on the key first). Right columns whose names clash with
 * left ones get a numeric suffix (AccountObjectId -> AccountObjectId1), as in Kusto.
 */
import type { JoinOp } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { isNumericType, type ColumnSchema } from '../runtime/types.js';
import { emptyValue, type Row } from '../runtime/table.js';
import { CELL_BYTES, INDEX_ENTRY_BYTES, rowBytes } from '../runtime/limits.js';
import { bindJoinKeys, indexRowNumbers, joinRows, rightSideColumns, rowKey } from './join-keys.js';
import type { BindTools, OperatorDef } from './operator-def.js';
import type { BoundOperator, TabularPlan } from '../binder/compiled.js';

const KINDS = ['innerunique', 'inner', 'leftouter', 'rightouter', 'fullouter', 'leftsemi', 'rightsemi', 'leftanti', 'rightanti'] as const;
type JoinKind = (typeof KINDS)[number];
const KIND_ALIASES: Record<string, JoinKind> = { anti: 'leftanti', leftantisemi: 'leftanti', rightantisemi: 'rightanti', semi: 'leftsemi' };

function joinKind(node: JoinOp): JoinKind {
  const param = node.params.find((p) => p.name === 'kind');
  if (!param) return 'innerunique';
  const value = String(param.value);
  const kind = (KINDS as readonly string[]).includes(value) ? (value as JoinKind) : KIND_ALIASES[value];
  if (!kind) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `'${value}' is not a join kind; use one of ${KINDS.join(', ')}`, param.span);
  return kind;
}

export const join: OperatorDef<JoinOp> = {
  op: 'join',
  description: 'Joins rows of two tables on equal key columns (all Kusto join kinds).',
  bind(node, left, tools) {
    const kind = joinKind(node);
    const rightPlan = tools.bindTabular(node.right, tools.env);
    const right = rightPlan.columns;
    if (node.where) return bindPredicateJoin(node, kind, left, rightPlan, tools);
    const { leftKeys, rightKeys, textKey, time } = bindJoinKeys(node.on, left, right, 'join', (a, b) => isNumericType(a) && isNumericType(b));

    const leftOnly = kind === 'leftsemi' || kind === 'leftanti';
    const rightOnly = kind === 'rightsemi' || kind === 'rightanti';
    let columns: ColumnSchema[];
    if (leftOnly) columns = left;
    else if (rightOnly) columns = right;
    else {
      columns = [...left, ...rightSideColumns(left, right)];
    }
    const leftNulls = left.map((c) => emptyValue(c.type));
    const rightNulls = right.map((c) => emptyValue(c.type));
    return {
      columns,
      // The left columns come first in the output (or alone); the key columns are read too.
      needs: (out) => left.map((_, i) => (!rightOnly && out[i] === true) || leftKeys.includes(i)),
      run: (leftTable, ctx) => {
        const rightRows = rightPlan.execute(ctx).rows;
        const guard = ctx.guard;
        // The hash index and the deduplicated left side live only during this run: charged, then credited back.
        const temporary = INDEX_ENTRY_BYTES * (rightRows.length + (kind === 'innerunique' ? leftTable.rows.length : 0));
        guard.charge(temporary, 'join', node.keywordSpan);
        const index = indexRowNumbers(rightRows, rightKeys, textKey, time);
        let leftRows = leftTable.rows;
        if (kind === 'innerunique') {
          const seen = new Set<unknown>();
          leftRows = leftRows.filter((row) => {
            const key = rowKey(row, leftKeys, textKey, time);
            if (key === undefined) return true;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          });
        }
        const out: Row[] = [];
        const rightMatched = new Uint8Array(rightRows.length);
        const span = node.keywordSpan;
        if (leftOnly || rightOnly) {
          // Semi and anti kinds keep references to existing rows: a slot of `out` each.
          for (const row of leftRows) {
            guard.tick();
            const key = rowKey(row, leftKeys, textKey, time);
            const matches = key === undefined ? undefined : index.get(key);
            if (kind === 'leftsemi') { if (matches !== undefined) { guard.charge(CELL_BYTES, 'join', span); out.push(row); } continue; }
            if (kind === 'leftanti') { if (matches === undefined) { guard.charge(CELL_BYTES, 'join', span); out.push(row); } continue; }
            if (matches === undefined) continue;
            if (typeof matches === 'number') rightMatched[matches] = 1;
            else for (let j = 0; j < matches.length; j++) rightMatched[matches[j]] = 1;
            guard.tick(typeof matches === 'number' ? 1 : matches.length);
          }
        } else {
          // Every left row's matches first: the output's size is known before any row is built, so an
          // explosion (one key everywhere) fails at once against maxMemoryBytes and maxRows instead of
          // filling the heap first.
          const outer = kind === 'leftouter' || kind === 'fullouter';
          const found: (number | number[] | undefined)[] = new Array(leftRows.length);
          let pairs = 0;
          for (let i = 0; i < leftRows.length; i++) {
            guard.tick();
            const key = rowKey(leftRows[i], leftKeys, textKey, time);
            const matches = key === undefined ? undefined : index.get(key);
            found[i] = matches;
            pairs += matches === undefined ? (outer ? 1 : 0) : typeof matches === 'number' ? 1 : matches.length;
          }
          // Each output row: a new array of the output's width, and its slot in `out`.
          const outBytes = rowBytes(columns.length) + CELL_BYTES;
          guard.charge(pairs * outBytes, 'join', span);
          if (pairs > guard.maxRows) guard.rows(pairs, 'join', span);
          for (let i = 0; i < leftRows.length; i++) {
            const row = leftRows[i];
            const matches = found[i];
            if (matches === undefined) {
              if (outer) out.push(joinRows(row, rightNulls));
              guard.tick();
            } else if (typeof matches === 'number') {
              rightMatched[matches] = 1;
              out.push(joinRows(row, rightRows[matches]));
              guard.tick();
            } else {
              for (let j = 0; j < matches.length; j++) {
                const m = matches[j];
                rightMatched[m] = 1;
                out.push(joinRows(row, rightRows[m]));
              }
              guard.tick(matches.length);
            }
          }
        }
        const sideBytes = kind === 'rightsemi' || kind === 'rightanti' ? CELL_BYTES : rowBytes(columns.length) + CELL_BYTES;
        if (kind === 'rightsemi' || kind === 'rightanti') {
          rightRows.forEach((row, i) => { if (Boolean(rightMatched[i]) === (kind === 'rightsemi')) { guard.charge(sideBytes, 'join', span); out.push(row); } });
        } else if (kind === 'rightouter' || kind === 'fullouter') {
          rightRows.forEach((row, i) => { if (!rightMatched[i]) { guard.charge(sideBytes, 'join', span); out.push(joinRows(leftNulls, row)); } });
        }
        guard.release(temporary);
        // Semi and anti kinds pass one side's rows through; the other kinds build new rows.
        return { columns, rows: out, owned: leftOnly ? leftTable.owned : !rightOnly };
      },
    };
  },
};

/**
 * `join (T) where predicate`: every left row paired with every right row for which the predicate, over
 * the left columns and the (suffixed) right columns, is true. A nested loop: fine for the small lookup
 * tables rules use it with. Only inner and leftouter kinds make sense here.
 */
function bindPredicateJoin(node: JoinOp, kind: JoinKind, left: ColumnSchema[], rightPlan: TabularPlan, tools: BindTools): BoundOperator {
  if (kind !== 'inner' && kind !== 'innerunique' && kind !== 'leftouter') {
    throw new KqlSemanticError(ErrorCodes.SEM_UNSUPPORTED, `join ... where supports kind=inner and kind=leftouter, not ${kind}`, node.keywordSpan);
  }
  const columns = [...left, ...rightSideColumns(left, rightPlan.columns)];
  const predicate = tools.expr(node.where!, columns);
  const rightNulls = rightPlan.columns.map((c) => emptyValue(c.type));
  const test = predicate.evaluate;
  return {
    columns,
    run: (leftTable, ctx) => {
      const rightRows = rightPlan.execute(ctx).rows;
      const out: Row[] = [];
      const guard = ctx.guard;
      const outBytes = rowBytes(columns.length) + CELL_BYTES;
      for (const row of leftTable.rows) {
        let matched = false;
        for (const r of rightRows) {
          guard.tick();
          const combined = [...row, ...r];
          if (test(combined, ctx) === true) {
            guard.charge(outBytes, 'join', node.keywordSpan);
            out.push(combined);
            matched = true;
          }
        }
        if (!matched && kind === 'leftouter') {
          guard.charge(outBytes, 'join', node.keywordSpan);
          out.push(joinRows(row, rightNulls));
        }
        if (out.length > guard.maxRows) guard.rows(out.length, 'join', node.keywordSpan);
      }
      return { columns, rows: out };
    },
  };
}
