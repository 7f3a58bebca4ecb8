/** Shared by extend, project and print: bind `Name = expr` items and decide each output column's name. */
import type * as A from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { CompiledExpr } from '../binder/compiled.js';
import type { KqlType } from '../runtime/types.js';

export interface NamedExpr {
  name: string;
  expr: CompiledExpr;
  span: A.Assignment['span'];
}

/** One output column of an assignment: its name, type and how to compute it. */
export interface AssignedColumn {
  name: string;
  type: KqlType;
}

/**
 * The columns an assignment produces: one for ordinary expressions; several for functions with several
 * result columns (`(anomalies, score, baseline) = series_decompose_anomalies(x)`), named by the names
 * written, in order, and by their default names after that.
 */
export function assignedColumns(
  item: A.Assignment,
  expr: CompiledExpr,
  name: (explicit: string | undefined, expr: CompiledExpr) => string,
  /** print keeps only the named columns when names are given (the analyzer does; extend keeps them all). */
  onlyNamed = false,
): AssignedColumn[] {
  if (!expr.multi) return [{ name: name(singleName(item), expr), type: expr.type }];
  const outputs = expr.multi.columns;
  if (item.names.length > outputs.length) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `This expression produces ${outputs.length} column(s), but ${item.names.length} names were given`, item.span);
  }
  const kept = onlyNamed && item.names.length > 0 ? outputs.slice(0, item.names.length) : outputs;
  return kept.map((c, i) => ({ name: item.names[i]?.name ?? c.name, type: c.type }));
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
