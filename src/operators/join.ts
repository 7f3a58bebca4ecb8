/**
 * join: hash join on equality of key columns. The right side is hashed; the default kind is
 * innerunique (left rows deduplicated on the key first). Right columns whose names clash with
 * left ones get a numeric suffix (AccountObjectId -> AccountObjectId1), as in Kusto.
 */
import type { JoinOp } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { isNumericType, type ColumnSchema } from '../runtime/types.js';
import { emptyValue, type Row } from '../runtime/table.js';
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
        const guard = ctx.guard;
        for (const row of leftRows) {
          guard.tick();
          const key = rowKey(row, leftKeys, textKey, time);
          const matches = key === undefined ? undefined : index.get(key);
          if (kind === 'leftsemi') { if (matches !== undefined) out.push(row); continue; }
          if (kind === 'leftanti') { if (matches === undefined) out.push(row); continue; }
          if (matches !== undefined) {
            const count = typeof matches === 'number' ? 1 : matches.length;
            for (let j = 0; j < count; j++) {
              const m = typeof matches === 'number' ? matches : matches[j];
              rightMatched[m] = 1;
              if (!rightOnly) out.push(joinRows(row, rightRows[m]));
            }
            guard.tick(count);
            if (out.length > guard.maxRows) guard.rows(out.length, 'join', node.keywordSpan);
          } else if (kind === 'leftouter' || kind === 'fullouter') {
            out.push(joinRows(row, rightNulls));
          }
        }
        if (kind === 'rightsemi' || kind === 'rightanti') {
          rightRows.forEach((row, i) => { if (Boolean(rightMatched[i]) === (kind === 'rightsemi')) out.push(row); });
        } else if (kind === 'rightouter' || kind === 'fullouter') {
          rightRows.forEach((row, i) => { if (!rightMatched[i]) out.push(joinRows(leftNulls, row)); });
        }
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
      for (const row of leftTable.rows) {
        let matched = false;
        for (const r of rightRows) {
          guard.tick();
          const combined = [...row, ...r];
          if (test(combined, ctx) === true) {
            out.push(combined);
            matched = true;
          }
        }
        if (!matched && kind === 'leftouter') out.push(joinRows(row, rightNulls));
        if (out.length > guard.maxRows) guard.rows(out.length, 'join', node.keywordSpan);
      }
      return { columns, rows: out };
    },
  };
}
