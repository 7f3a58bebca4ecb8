/** Shared by extend, project and print: bind `Name = expr` items and decide each output column's name. */
import type * as A from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { CompiledExpr } from '../binder/compiled.js';

export interface NamedExpr {
  name: string;
  expr: CompiledExpr;
  span: A.Assignment['span'];
}

/** The single name an assignment gives, failing on `(a, b) = ...` where one value is produced. */
export function singleName(item: A.Assignment): string | undefined {
  if (item.names.length > 1) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'Only one name can be assigned to this expression', item.span);
  }
  return item.names[0]?.name;
}

/** Names unnamed expressions the way Kusto does: derived name when there is one, else Column1, Column2, ... */
export function columnNamer(taken: (name: string) => boolean) {
  let counter = 0;
  return (explicit: string | undefined, expr: CompiledExpr): string => {
    if (explicit !== undefined) return explicit;
    if (expr.derivedName !== undefined) return expr.derivedName;
    let name: string;
    do name = `Column${++counter}`;
    while (taken(name));
    return name;
  };
}
