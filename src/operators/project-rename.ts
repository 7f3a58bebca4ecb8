/** project-rename: rename columns in place. */
import type { ProjectRenameOp } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { OperatorDef } from './operator-def.js';
import { didYouMean } from '../runtime/closest-name.js';

export const projectRename: OperatorDef<ProjectRenameOp> = {
  op: 'project-rename',
  description: 'Renames columns, keeping their position.',
  bind(node, input) {
    const columns = [...input];
    for (const r of node.renames) {
      const i = input.findIndex((c) => c.name === r.oldName);
      if (i < 0) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_COLUMN, `Unknown column '${r.oldName}'${didYouMean(r.oldName, input.map((c) => c.name))}`, r.oldSpan);
      columns[i] = { name: r.newName, type: input[i].type };
    }
    const names = new Set<string>();
    for (const c of columns) {
      if (names.has(c.name)) throw new KqlSemanticError(ErrorCodes.SEM_DUPLICATE_COLUMN, `project-rename would create two columns named '${c.name}'`, node.span);
      names.add(c.name);
    }
    // Values keep their positions, so column pruning sees a passthrough.
    return { columns, flow: 'passthrough', run: (table) => ({ columns, rows: table.rows, owned: table.owned }) };
  },
};
