/** Column name patterns with `*` wildcards, as in project-away and project-keep. */
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { Span } from '../errors/span.js';
import type { ColumnSchema } from '../runtime/types.js';
import { didYouMean } from '../runtime/closest-name.js';

/** A `*` wildcard pattern as an anchored regular expression (the pattern text is escaped; only `*` is special). */
export function patternRegex(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${escaped}$`);
}

/** Indexes of the columns a pattern selects; a plain name that matches nothing is an error. */
export function matchColumns(columns: ColumnSchema[], pattern: string, span: Span): number[] {
  if (!pattern.includes('*')) {
    const i = columns.findIndex((c) => c.name === pattern);
    if (i < 0) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_COLUMN, `Unknown column '${pattern}'${didYouMean(pattern, columns.map((c) => c.name))}`, span);
    return [i];
  }
  const re = patternRegex(pattern);
  return columns.flatMap((c, i) => (re.test(c.name) ? [i] : []));
}
