/**
 * The abstract syntax tree. Every node carries the span of the query text it came from,
 * so the binder can point errors at the right line and column.
 * Scalar and tabular expressions share one Expr union because KQL mixes them
 * (`x in (T | project a)`, `let t = T | where ...;`); the binder decides which is which.
 */
import type { Span } from '../errors/span.js';
import type { KqlType } from '../runtime/types.js';

export interface Node { span: Span }

export interface Query extends Node {
  kind: 'Query';
  statements: Statement[];
}

export type Statement = LetStatement | ExpressionStatement | DeclareStatement | SetStatement | PatternStatement;

/** `set name [= value];`: a request property for the query (set-statement.md). */
export interface SetStatement extends Node {
  kind: 'Set';
  name: string;
  value?: Expr;
}

/** `declare query_parameters(name:type = default, ...);` */
export interface DeclareStatement extends Node {
  kind: 'Declare';
  params: { name: string; type: KqlType; default?: Expr; span: Span }[];
}

export interface LetStatement extends Node {
  kind: 'Let';
  name: string;
  nameSpan: Span;
  value: Expr | FunctionDecl;
}

export interface ExpressionStatement extends Node {
  kind: 'ExpressionStatement';
  expr: Expr;
}

/** `(a:string, T:(x:long)) { body }` on the right of a let. */
export interface FunctionDecl extends Node {
  kind: 'FunctionDecl';
  params: { name: string; type: KqlType | 'tabular'; default?: Expr; span: Span }[];
  body: Query;
}

export type Expr =
  | Literal
  | NameRef
  | StarExpr
  | MemberExpr
  | IndexExpr
  | CallExpr
  | BinaryExpr
  | UnaryExpr
  | ListExpr
  | BetweenExpr
  | PipeExpr
  | DatatableExpr
  | PrintExpr
  | UnionExpr
  | SearchExpr
  | FindExpr
  | RangeExpr
  | ExternalDataExpr
  | ParenExpr
  | TypeLiteralExpr;

/** `typeof(long)`: a type as a function argument (extract, extract_json). */
export interface TypeLiteralExpr extends Node {
  kind: 'TypeLiteral';
  type: KqlType;
}

/** `externaldata(col:type, ...) [ "url", ... ] with (format="csv")` */
export interface ExternalDataExpr extends Node {
  kind: 'ExternalData';
  columns: { name: string; type: KqlType; span: Span }[];
  urls: string[];
  properties: OperatorParam[];
}

export interface Literal extends Node {
  kind: 'Literal';
  type: KqlType;
  /** Runtime value: see docs/architecture.md (datetime/timespan are exact ticks, src/runtime/ticks.ts; dynamic is JSON). */
  value: unknown;
}

export interface NameRef extends Node {
  kind: 'Name';
  name: string;
}

export interface StarExpr extends Node {
  kind: 'Star';
}

export interface MemberExpr extends Node {
  kind: 'Member';
  target: Expr;
  name: string;
}

export interface IndexExpr extends Node {
  kind: 'Index';
  target: Expr;
  index: Expr;
}

export interface CallExpr extends Node {
  kind: 'Call';
  name: string;
  nameSpan: Span;
  args: Expr[];
  /** Names of named arguments (`f(x, limit=5)`), aligned with args; undefined for positional ones. */
  argNames?: (string | undefined)[];
}

export interface BinaryExpr extends Node {
  kind: 'Binary';
  /** Operator text as written, lower-cased for word operators: '==', 'has', '!contains_cs', 'and', '+', 'matches regex'. */
  op: string;
  opSpan: Span;
  left: Expr;
  right: Expr;
}

export interface UnaryExpr extends Node {
  kind: 'Unary';
  op: '-' | '+';
  operand: Expr;
}

/** `x in (a, b)`, `x has_any (a, b)` and their negated / case-insensitive forms. */
export interface ListExpr extends Node {
  kind: 'List';
  op: string;
  opSpan: Span;
  left: Expr;
  items: Expr[];
}

export interface BetweenExpr extends Node {
  kind: 'Between';
  negated: boolean;
  left: Expr;
  low: Expr;
  high: Expr;
}

/** `source | operator`. */
export interface PipeExpr extends Node {
  kind: 'Pipe';
  source: Expr;
  operator: TabularOperator;
}

export interface DatatableExpr extends Node {
  kind: 'Datatable';
  columns: { name: string; type: KqlType; span: Span }[];
  values: Expr[];
}

export interface PrintExpr extends Node {
  kind: 'Print';
  items: Assignment[];
}

export interface UnionExpr extends Node {
  kind: 'Union';
  params: OperatorParam[];
  tables: Expr[];
}

/** `search [kind=..] [in (T1, T2)] Predicate` at the start of a query (src/operators/search.ts). */
export interface SearchExpr extends Node {
  kind: 'Search';
  params: OperatorParam[];
  /** The tables of `in (...)`; undefined: every table of the database. */
  tables?: Expr[];
  predicate: Expr;
}

/** One item of find's `project` clause: `Name[:type]`, or `pack_all()`. */
export type FindProjectItem = { kind: 'column'; name: string; type?: KqlType; span: Span } | { kind: 'pack_all'; span: Span };

/** `find [withsource=X] [in (T1, T2)] [where] Predicate [project-smart | project ...]` (src/operators/find.ts). */
export interface FindExpr extends Node {
  kind: 'Find';
  params: OperatorParam[];
  tables?: Expr[];
  predicate: Expr;
  /** undefined: project-smart. */
  project?: FindProjectItem[];
}

export interface RangeExpr extends Node {
  kind: 'Range';
  column: string;
  from: Expr;
  to: Expr;
  step: Expr;
}

export interface ParenExpr extends Node {
  kind: 'Paren';
  inner: Expr;
}

/** `Name = expr`, `(A, B) = expr`, or a bare `expr`. */
export interface Assignment extends Node {
  names: { name: string; span: Span }[];
  expr: Expr;
}

/** `kind=inner`, `withsource=T`, `isfuzzy=true`: operator parameters before the main arguments. */
export interface OperatorParam extends Node {
  name: string;
  value: string | number | boolean;
}

export interface SortKey extends Node {
  expr: Expr;
  descending: boolean;
  nullsFirst?: boolean;
}

export type TabularOperator =
  | WhereOp
  | ExtendOp
  | ProjectOp
  | ProjectAwayOp
  | ProjectRenameOp
  | ProjectKeepOp
  | ProjectReorderOp
  | SummarizeOp
  | JoinOp
  | MvApplyOp
  | MvExpandOp
  | DistinctOp
  | TakeOp
  | SortOp
  | TopOp
  | CountOp
  | UnionOp
  | SearchOp
  | FindOp
  | ParseOp
  | LookupOp
  | SerializeOp
  | EvaluateOp
  | MakeSeriesOp
  | GetSchemaOp
  | AsOp
  | RenderOp
  | SampleOp
  | SampleDistinctOp
  | TopHittersOp
  | ProjectByNamesOp
  | ConsumeOp
  | InvokeOp
  | TopNestedOp
  | ParseKvOp
  | PartitionOp
  | ScanOp
  | ForkOp
  | FacetOp
  | ReduceOp
  | GenericOp;

interface OpBase extends Node {
  /** Span of the operator keyword, for "unsupported operator" errors. */
  keywordSpan: Span;
}

export interface WhereOp extends OpBase { op: 'where'; predicate: Expr }
export interface ExtendOp extends OpBase { op: 'extend'; items: Assignment[] }
export interface ProjectOp extends OpBase { op: 'project'; items: Assignment[] }
export interface ProjectAwayOp extends OpBase { op: 'project-away'; columns: { pattern: string; span: Span }[] }
export interface ProjectKeepOp extends OpBase { op: 'project-keep'; columns: { pattern: string; span: Span }[] }
export interface ProjectReorderOp extends OpBase { op: 'project-reorder'; columns: { pattern: string; span: Span; descending?: boolean }[] }
export interface ProjectRenameOp extends OpBase {
  op: 'project-rename';
  renames: { newName: string; oldName: string; span: Span; oldSpan: Span }[];
}
export interface SummarizeOp extends OpBase { op: 'summarize'; params: OperatorParam[]; aggregates: Assignment[]; by: Assignment[] }
export interface JoinOp extends OpBase {
  op: 'join';
  params: OperatorParam[];
  right: Expr;
  /** Each condition is `Col` (same name both sides) or `$left.A == $right.B`. */
  on: JoinCondition[];
  /** `join (T) where predicate`: a predicate over both sides' columns instead of `on`. */
  where?: Expr;
}
export type JoinCondition =
  | { kind: 'same'; name: string; span: Span }
  | { kind: 'pair'; left: string; right: string; span: Span; leftSpan: Span; rightSpan: Span };

export interface MvExpandItem extends Node {
  name?: string;
  expr: Expr;
  toType?: KqlType;
}
export interface MvApplyOp extends OpBase {
  op: 'mv-apply';
  params: OperatorParam[];
  items: MvExpandItem[];
  itemIndex?: string;
  limit?: number;
  /** The operators applied to each row's expanded sub-table (the subquery has no source of its own). */
  subquery: TabularOperator[];
}
export interface MvExpandOp extends OpBase {
  op: 'mv-expand';
  params: OperatorParam[];
  items: MvExpandItem[];
  itemIndex?: string;
  limit?: number;
}
export interface DistinctOp extends OpBase { op: 'distinct'; items: Assignment[] }
export interface TakeOp extends OpBase { op: 'take'; count: Expr }
export interface SortOp extends OpBase { op: 'sort'; keys: SortKey[] }
export interface TopOp extends OpBase { op: 'top'; count: Expr; key: SortKey }
export interface CountOp extends OpBase { op: 'count' }
export interface UnionOp extends OpBase { op: 'union'; params: OperatorParam[]; tables: Expr[] }
/** `T | search [kind=..] Predicate`. */
export interface SearchOp extends OpBase { op: 'search'; params: OperatorParam[]; predicate: Expr }
/** `T | find [withsource=X] [in (...)] [where] Predicate [project ...]`: as the analyzer has it, a find of its own (T is not read). */
export interface FindOp extends OpBase {
  op: 'find';
  params: OperatorParam[];
  tables?: Expr[];
  predicate: Expr;
  project?: FindProjectItem[];
}
/** An operator the parser recognises by name but whose syntax it does not model: reported by the binder. */
export interface GenericOp extends OpBase { op: 'unsupported'; name: string }

/** One element of a parse pattern: `*`, a string constant, or `Column[:type]`. */
export type ParsePatternItem =
  | { kind: 'star'; span: Span }
  | { kind: 'literal'; value: string; span: Span }
  | { kind: 'column'; name: string; type?: KqlType; span: Span };
export interface ParseOp extends OpBase {
  op: 'parse' | 'parse-where';
  params: OperatorParam[];
  source: Expr;
  pattern: ParsePatternItem[];
}
export interface LookupOp extends OpBase { op: 'lookup'; params: OperatorParam[]; right: Expr; on: JoinCondition[] }
export interface SerializeOp extends OpBase { op: 'serialize'; items: Assignment[] }
/** `evaluate plugin(args) [: (schema)]`; outputSchema holds `*` as the name '*'. */
export interface EvaluateOp extends OpBase {
  op: 'evaluate';
  params: OperatorParam[];
  plugin: CallExpr;
  outputSchema?: { name: string; type?: KqlType; span: Span }[];
}
export interface MakeSeriesOp extends OpBase {
  op: 'make-series';
  params: OperatorParam[];
  aggregates: { assignment: Assignment; default?: Expr }[];
  axis: Expr;
  from?: Expr;
  to?: Expr;
  step: Expr;
  by: Assignment[];
}
export interface GetSchemaOp extends OpBase { op: 'getschema' }
export interface AsOp extends OpBase { op: 'as'; params: OperatorParam[]; name: string }
/** `render kind [with (name = value[, value...], ...)]`: a property's values are expressions (column names for xcolumn, ycolumns, ...). */
export interface RenderOp extends OpBase {
  op: 'render';
  visualization: string;
  properties: { name: string; values: Expr[]; span: Span }[];
}
export interface SampleOp extends OpBase { op: 'sample'; count: Expr }
export interface SampleDistinctOp extends OpBase { op: 'sample-distinct'; count: Expr; column: Expr }
export interface TopHittersOp extends OpBase { op: 'top-hitters'; count: Expr; of: Expr; by?: Expr }
export interface ProjectByNamesOp extends OpBase { op: 'project-by-names'; items: Expr[] }
export interface ConsumeOp extends OpBase { op: 'consume'; params: OperatorParam[] }
export interface InvokeOp extends OpBase { op: 'invoke'; call: CallExpr }
export interface TopNestedClause extends Node {
  count?: Expr;
  of: Assignment;
  others?: Expr;
  by: Assignment;
  descending: boolean;
}
export interface TopNestedOp extends OpBase { op: 'top-nested'; clauses: TopNestedClause[] }
/** parse-kv Expr as (Key:type, ...) [with (pair_delimiter=..., kv_delimiter=..., quote=..., escape=..., greedy=..., regex=...)] */
export interface ParseKvOp extends OpBase {
  op: 'parse-kv';
  source: Expr;
  keys: { name: string; type: KqlType; span: Span }[];
  options: { name: string; value: string | boolean; span: Span }[];
}
/** partition [hints] by Column (subquery over each partition) */
export interface PartitionOp extends OpBase { op: 'partition'; params: OperatorParam[]; by: { name: string; span: Span }; subquery: TabularOperator[] }
export interface ScanStep extends Node {
  name: string;
  output: 'all' | 'last' | 'none';
  condition: Expr;
  assignments: Assignment[];
}
export interface ScanOp extends OpBase {
  op: 'scan';
  matchId?: string;
  declared: { name: string; type: KqlType; default?: Expr; span: Span }[];
  steps: ScanStep[];
}
/** fork [name =] (operators) ...: several result tables from one input. */
export interface ForkOp extends OpBase { op: 'fork'; legs: { name?: string; ops: TabularOperator[]; span: Span }[] }
/** facet by Col, ... [with (operators)]: a count table per column, and optionally the input through operators. */
export interface FacetOp extends OpBase { op: 'facet'; columns: { name: string; span: Span }[]; with?: TabularOperator[] }
/** reduce [kind=source] by Expr [with threshold=R, characters="..."]: options are `name = expr` (literals, checked when bound). */
export interface ReduceOp extends OpBase {
  op: 'reduce';
  params: OperatorParam[];
  by: Expr;
  options: { name: string; value: Expr; span: Span }[];
}
/**
 * `declare pattern Name [= (Arg:type, ...) [[Path:type]] { ("v", ...).["p"] = { query }; ... }]`
 * (pattern-statement.md). `params` is undefined for a declaration without a definition.
 */
export interface PatternStatement extends Node {
  kind: 'Pattern';
  name: string;
  nameSpan: Span;
  params?: { name: string; type: KqlType; span: Span }[];
  path?: { name: string; type: KqlType; span: Span };
  mappings: { args: Expr[]; path?: { name: string; span: Span }; body: Query; span: Span }[];
}
