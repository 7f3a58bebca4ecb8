/**
 * project-by-names "Name", dynamic(["A", "B"]), "C*", column_names_of(T): keeps the columns named, in the
 * order named or matched; names that match no column are ignored. Every specifier must be known before the
 * query runs (a constant string or array, or column_names_of of a table).
 */
import type * as A from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { ColumnSchema } from '../runtime/types.js';
import { patternRegex } from './column-patterns.js';

export const projectByNames: OperatorDef<A.ProjectByNamesOp> = {
  op: 'project-by-names',
  description: 'Keeps the columns given by names, arrays of names or wildcard patterns, in that order; unknown names are ignored.',
  bind(node, input, tools) {
    const picked: number[] = [];
    const pick = (i: number) => {
      if (!picked.includes(i)) picked.push(i);
    };
    const byName = (name: string) => {
      if (name.includes('*')) {
        const re = patternRegex(name);
        input.forEach((c, i) => { if (re.test(c.name)) pick(i); });
      } else {
        const i = input.findIndex((c) => c.name === name);
        if (i >= 0) pick(i);
      }
    };
    for (const item of node.items) {
      if (item.kind === 'Call' && item.name === 'column_names_of' && item.args.length === 1) {
        for (const c of tools.bindTabular(item.args[0], tools.env).columns) byName(c.name);
        continue;
      }
      const compiled = tools.expr(item, []);
      const value = compiled.constant?.value;
      const names = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
      if (!compiled.constant || !names || !names.every((n) => typeof n === 'string')) {
        throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'project-by-names expects constant column names, arrays of names or patterns', item.span);
      }
      for (const n of names as string[]) byName(n);
    }
    const columns: ColumnSchema[] = picked.map((i) => input[i]);
    return {
      columns,
      needs: (out) => input.map((_, i) => {
        const j = picked.indexOf(i);
        return j >= 0 && out[j];
      }),
      run: (table) => ({ columns, rows: table.rows.map((r) => picked.map((i) => r[i])), owned: true }),
    };
  },
};
