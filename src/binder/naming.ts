/**
 * Kusto's rules for naming result columns nobody named: `Entity.Type` -> Entity_Type,
 * `tostring(x)` -> x, anything else -> Column1, Column2...; clashes get a numeric suffix (a -> a1).
 * The function lists mirror the ResultNameKind of Microsoft's analyzer (@kusto/language-service-next).
 */
import type { Expr } from '../parser/ast.js';

/** Scalar functions whose result takes the name of their first argument. */
const FIRST_ARGUMENT_NAMED = new Set(
  ('split tostring tohex todynamic toobject tolong toint toreal todouble todatetime totimespan totime tobool toboolean ' +
    'todecimal toguid parse_csv parsejson parse_json parse_xml format_datetime format_timespan startofday bin floor bin_at ' +
    'bin_auto binary_and binary_or binary_xor binary_not binary_shift_right binary_shift_left bitset_count_ones round ' +
    'series_fir series_outliers series_iir series_fill_backward series_fill_forward series_fill_const series_fill_linear ' +
    'ceiling pow sqrt log log2 log10 exp exp2 exp10 cos sin tan acos asin atan atan2 abs rand gamma loggamma erf erfc format_bytes')
    .split(' '),
);
/** Scalar functions named `<function>_<first argument>`. */
const NAME_AND_FIRST_ARGUMENT = new Set(['strlen', 'string_size', 'percentile_tdigest', 'dcount_hll']);
const PREFIX_AND_FIRST_ARGUMENT: Record<string, string> = { gettype: 'gettype', treepath: 'treepath', repeat: 'repeat' };

/** The name Kusto derives for an expression, or undefined when it would be ColumnN. */
export function derivedName(expr: Expr): string | undefined {
  switch (expr.kind) {
    case 'Name':
      return expr.name;
    case 'Paren':
      return derivedName(expr.inner);
    case 'Member': {
      const base = derivedName(expr.target);
      return base === undefined ? undefined : `${base}_${expr.name}`;
    }
    case 'Index': {
      const base = derivedName(expr.target);
      if (base === undefined || expr.index.kind !== 'Literal') return undefined;
      return `${base}_${String(expr.index.value)}`;
    }
    case 'Call': {
      const first = expr.args[0];
      if (!first) return undefined;
      if (FIRST_ARGUMENT_NAMED.has(expr.name)) return derivedName(first);
      // column_ifexists is named after the column only when it exists: the binder decides (bind-expr.ts).
      const inner = derivedName(first);
      if (inner === undefined) return undefined;
      if (NAME_AND_FIRST_ARGUMENT.has(expr.name)) return `${expr.name}_${inner}`;
      const prefix = PREFIX_AND_FIRST_ARGUMENT[expr.name];
      return prefix ? `${prefix}_${inner}` : undefined;
    }
    default:
      return undefined;
  }
}

/** Makes names unique the way Kusto does: the second `a` becomes a1, then a2, ... */
export class NameAllocator {
  private readonly used: Set<string>;

  constructor(existing: Iterable<string> = []) {
    this.used = new Set(existing);
  }

  has(name: string): boolean {
    return this.used.has(name);
  }

  /** Reserve `name`, or the first free `name1`, `name2`, ... */
  unique(name: string): string {
    let candidate = name;
    for (let i = 1; this.used.has(candidate); i++) candidate = `${name}${i}`;
    this.used.add(candidate);
    return candidate;
  }

  reserve(name: string): void {
    this.used.add(name);
  }
}
