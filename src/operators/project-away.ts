/** project-away, project-keep, project-reorder: column selection by name or wildcard pattern. */
import type { ProjectAwayOp, ProjectKeepOp, ProjectReorderOp } from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import type { BoundOperator } from '../binder/compiled.js';
import type { ColumnSchema } from '../runtime/types.js';
import { matchColumns } from './column-patterns.js';

function selectByIndex(input: ColumnSchema[], indexes: number[]): BoundOperator {
  const columns = indexes.map((i) => input[i]);
  return {
    columns,
    needs: (out) => {
      const needed = input.map(() => false);
      indexes.forEach((from, to) => { if (out[to]) needed[from] = true; });
      return needed;
    },
    run: (table) => ({ columns, rows: table.rows.map((row) => indexes.map((i) => row[i])), owned: true }),
  };
}

export const projectAway: OperatorDef<ProjectAwayOp> = {
  op: 'project-away',
  description: 'Removes the listed columns (wildcards allowed).',
  bind(node, input) {
    const removed = new Set(node.columns.flatMap((c) => matchColumns(input, c.pattern, c.span)));
    return selectByIndex(input, input.map((_, i) => i).filter((i) => !removed.has(i)));
  },
};

export const projectKeep: OperatorDef<ProjectKeepOp> = {
  op: 'project-keep',
  description: 'Keeps only the listed columns (wildcards allowed), in their input order.',
  bind(node, input) {
    const kept = new Set(node.columns.flatMap((c) => matchColumns(input, c.pattern, c.span)));
    return selectByIndex(input, input.map((_, i) => i).filter((i) => kept.has(i)));
  },
};

export const projectReorder: OperatorDef<ProjectReorderOp> = {
  op: 'project-reorder',
  description: 'Moves the listed columns to the front; the others follow in their input order.',
  bind(node, input) {
    const first: number[] = [];
    for (const c of node.columns) {
      let matched = matchColumns(input, c.pattern, c.span).filter((i) => !first.includes(i));
      if (c.descending !== undefined) {
        matched = matched.sort((a, b) => input[a].name.localeCompare(input[b].name) * (c.descending ? -1 : 1));
      }
      first.push(...matched);
    }
    const rest = input.map((_, i) => i).filter((i) => !first.includes(i));
    return selectByIndex(input, [...first, ...rest]);
  },
};
