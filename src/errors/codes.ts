/**
 * The catalog of stable error codes: for each code, the phase whose error class carries it, a one-line
 * summary, a typical message (`<...>` marks the parts that vary), and an explanation for a rule author
 * of what it means and how to fix it. `docs/errors.md` is generated from this catalog
 * (`npm run docs:errors`), and test/errors/catalog.test.ts provokes every code.
 *
 * Callers may switch on the codes; never rename or remove one. SYN_* are syntax errors
 * (KqlSyntaxError), SEM_* semantic (bind-time) errors (KqlSemanticError), RUN_* runtime errors
 * (KqlRuntimeError), RULE_* problems in Sentinel rule files and scenario files (KqlSemanticError).
 * To add a code: add an entry here, run `npm run docs:errors`, and add a provoking case to the test.
 */
import type { KqlErrorPhase } from './kql-error.js';

export interface ErrorCodeInfo {
  /** The phase of the error class that carries this code (`err.phase`). */
  readonly phase: KqlErrorPhase;
  /** One line: what went wrong. */
  readonly summary: string;
  /** A typical message; `<...>` marks the parts that vary. */
  readonly message: string;
  /** What it means for a rule author and how to fix it. */
  readonly explanation: string;
}

export const ErrorCatalog = {
  SYN_UNEXPECTED_TOKEN: {
    phase: 'syntax',
    summary: 'The query text does not follow KQL grammar at this token.',
    message: "Unexpected '<token>'",
    explanation:
      'The parser met a word or symbol it cannot accept here, or the query ends in the middle of a statement ' +
      "(`The query ends unexpectedly after '<token>'`). Look at the caret: common causes are a missing operand, " +
      'an unbalanced parenthesis or bracket, a missing `;` between statements, or an operator written with the wrong ' +
      'clause order. A query nested too deeply (thousands of parentheses or chained operators) is also reported here.',
  },
  SYN_UNEXPECTED_CHARACTER: {
    phase: 'syntax',
    summary: 'A character that cannot start any KQL token.',
    message: "Unexpected character '<char>'",
    explanation:
      'The lexer found a character that is not part of KQL (for example `#`, a stray backtick, or a typographic quote ' +
      'pasted from a document). Remove it, or put it inside a string literal.',
  },
  SYN_UNTERMINATED_STRING: {
    phase: 'syntax',
    summary: 'A string literal is opened but never closed.',
    message: 'This string literal is never closed',
    explanation:
      'The caret points at the opening quote. Add the matching closing quote on the same line, or escape a quote ' +
      "inside the string (`\\\"` in `\"...\"`, `\\'` in `'...'`; verbatim strings `@\"...\"` double it: `\"\"`).",
  },
  SYN_BAD_LITERAL: {
    phase: 'syntax',
    summary: 'A literal (datetime, timespan, number, dynamic, type name) is malformed.',
    message: "'<text>' is not a valid <type> literal",
    explanation:
      'The text has the shape of a literal but its content cannot be read: `datetime(2024-13-45)`, a timespan with an ' +
      'unknown unit, a `dynamic(...)` value that is not JSON-like, or an unknown type name in `typeof(...)` or a ' +
      'schema, or an integer outside the range of its type (`9223372036854775808`; a long is -9223372036854775808 .. ' +
      '9223372036854775807, an int -2147483648 .. 2147483647). Fix the literal; for dates use ISO 8601 ' +
      '(`datetime(2024-05-01T12:00:00Z)`).',
  },
  SYN_EMPTY_QUERY: {
    phase: 'syntax',
    summary: 'The query has no statements.',
    message: 'The query is empty',
    explanation: 'The text is empty or holds only whitespace and comments. Pass the KQL text of the query or rule.',
  },
  SEM_UNKNOWN_TABLE: {
    phase: 'semantic',
    summary: 'A table name that is neither supplied nor known.',
    message: "Unknown table '<name>': pass it in the tables argument (or give its schema)",
    explanation:
      '`runKql` reads only the tables you pass: add the table (an empty array `[]` is enough for a table with no rows). ' +
      '`analyzeKql` knows the built-in Sentinel / Azure Monitor schemas and `options.schemas`: check the spelling ' +
      '(table names are case-sensitive) or supply the schema. When a known table name is close (equal but for case, or ' +
      'a few letters off), the message ends with `(did you mean \'<table>\'?)`. An unknown watchlist of `_GetWatchlist(\'alias\')` is this ' +
      'error too: pass its rows in `options.watchlists`, with `--watchlist alias=file`, or under `watchlists:` in a scenario file.',
  },
  SEM_UNKNOWN_COLUMN: {
    phase: 'semantic',
    summary: 'A name that is not a column in scope, nor a let-bound variable.',
    message: "Unknown column or variable '<name>'",
    explanation:
      'Column names are case-sensitive and only the columns produced by the previous operator are in scope: a ' +
      '`project` earlier in the pipeline may have dropped the column, or a `summarize` replaced the columns with its ' +
      'keys and aggregates. For a column that may be absent, use `column_ifexists(\"Name\", default)`. In a join, ' +
      'the message says which side lacks the column. When a column in scope is close (equal but for case, or a few ' +
      'letters off), the message ends with `(did you mean \'<column>\'?)`.',
  },
  SEM_UNKNOWN_FUNCTION: {
    phase: 'semantic',
    summary: 'A call to a function that mini-kql does not know.',
    message: "Unknown function '<name>'",
    explanation:
      'The name is not a built-in scalar or aggregate function, nor a function defined with `let`. Check the spelling ' +
      'against docs/reference.md; a Sentinel workspace function (a saved parser) must be defined with `let` in the ' +
      'query, or its output passed as a table.',
  },
  SEM_UNKNOWN_OPERATOR: {
    phase: 'semantic',
    summary: 'A binary or list operator that is not supported in this form.',
    message: "The operator '<op>' is not supported",
    explanation:
      'The operator parsed but has no implementation for this shape, typically a list operator used without its ' +
      'parenthesised list: write `x in (\"a\", \"b\")`, `x has_any (\"a\", \"b\")`, `x between (1 .. 5)`.',
  },
  SEM_WRONG_ARGUMENT_COUNT: {
    phase: 'semantic',
    summary: 'A function is called with too few or too many arguments.',
    message: "Function '<name>' expects <n> argument(s) but got <m>",
    explanation: 'Check the function\'s signature in docs/reference.md (or the Kusto documentation) and pass the arguments it takes.',
  },
  SEM_TYPE_MISMATCH: {
    phase: 'semantic',
    summary: 'An expression has the wrong type for where it is used.',
    message: "Argument <n> of '<name>' must be <type>, not <actual>.",
    explanation:
      'A function argument, operator operand or predicate has a type the position does not accept (for example a ' +
      'string where a number is needed, or a `where` predicate that is not boolean). Convert explicitly ' +
      '(`tolong()`, `tostring()`, `todatetime()`, `tobool()`), or for a `dynamic` value cast the member you read.',
  },
  SEM_DUPLICATE_COLUMN: {
    phase: 'semantic',
    summary: 'An operator would produce two columns with the same name.',
    message: "The column '<name>' appears more than once in <operator>",
    explanation: 'Give one of the columns another name (`project A, B = A`), or drop one of them.',
  },
  SEM_INVALID_ARGUMENT: {
    phase: 'semantic',
    summary: 'An argument has the right type but a value the operator or function cannot use.',
    message: "The row count of 'take' must be a non-negative constant number",
    explanation:
      'The message names the argument and what it must be: a constant where one is required, a known option value ' +
      '(`join kind=...`, `bag_unpack` options), a valid regular expression (patterns are RE2 syntax: no look-around ' +
      'or back-references), a positive step. Fix the value at the caret.',
  },
  SEM_NOT_TABULAR: {
    phase: 'semantic',
    summary: 'A scalar value is used where a table is required.',
    message: "'<name>' is a scalar value, not a table",
    explanation:
      'A pipeline must start from a table: a table name, a tabular `let`, `datatable`, `print`, `range`, `union`, ... ' +
      'A `let x = <scalar>` cannot be piped into operators, and the query must end with a tabular expression after its ' +
      '`let` statements.',
  },
  SEM_NOT_SCALAR: {
    phase: 'semantic',
    summary: 'A table is used where a single value is required.',
    message: 'A tabular expression cannot be used as a scalar value here',
    explanation:
      'To use one value computed by a subquery, wrap it: `toscalar(T | summarize max(X))`. To test membership, use ' +
      '`X in (T | project Y)`.',
  },
  SEM_AGGREGATE_CONTEXT: {
    phase: 'semantic',
    summary: 'An aggregate function outside an aggregating operator (or a misuse inside one).',
    message: "The aggregate function '<name>' can only be used in summarize (or similar aggregating operators)",
    explanation:
      '`count()`, `dcount()`, `make_set()`, ... are only valid inside `summarize`, `make-series` and similar ' +
      'operators. Move the aggregation into a `summarize`, or for a whole-table value use ' +
      '`toscalar(T | summarize count())`.',
  },
  SEM_UNSUPPORTED: {
    phase: 'semantic',
    summary: 'Valid KQL that mini-kql does not implement.',
    message: "The '<name>' operator is not supported by mini-kql",
    explanation:
      'The query is well-formed, but it uses a pipe operator, `evaluate` plugin or option mini-kql does not implement ' +
      '(see docs/reference.md and docs/differences-from-kusto.md). `render` and similar presentation operators can ' +
      'simply be removed for testing.',
  },
  RUN_INVALID_TABLE: {
    phase: 'runtime',
    summary: 'The caller\'s table data (or data produced at run time) does not have a usable shape.',
    message: "Table '<name>' must be an array of row objects, or { schema, rows } with rows an array",
    explanation:
      'Each table passed to `runKql` must be an array of plain row objects, or `{ schema: [{ name, type }], rows }`. ' +
      'The message names the table and the first bad row. Also raised when data makes an operator produce clashing ' +
      'columns (`evaluate bag_unpack` with `columnsConflict=\"error\"`).',
  },
  RUN_INVALID_OPTION: {
    phase: 'runtime',
    summary: 'An option passed to runKql has an invalid value.',
    message: 'options.now is not a valid date: <value>',
    explanation:
      'Fix the option named in the message: `now` must be a `Date`, a number of milliseconds or an ISO 8601 string; ' +
      'the limits (`maxRows`, `maxResultRows`, `maxMemoryBytes`, `maxResultBytes`, `timeoutMs`) must be non-negative numbers.',
  },
  RUN_LIMIT_EXCEEDED: {
    phase: 'runtime',
    summary: 'The query would exceed a size or resource limit.',
    message: 'make-series would create <n> bins (at most <max>)',
    explanation:
      'The query asked for more than mini-kql allows (too many series bins or series values, rows, a regular-expression ' +
      'search too costly for one value (pattern size times text length), or memory or stack for its nesting). Narrow ' +
      'the time range, use a coarser step, filter earlier, shorten the pattern, or split the query.',
  },
  RUN_TIMEOUT: {
    phase: 'runtime',
    summary: 'The query did not finish within options.timeoutMs.',
    message: 'The query did not finish within its time limit of <ms> ms while running <operator>; raise options.timeoutMs to allow longer runs',
    explanation:
      'runKql and runKqlAsync check the deadline inside their long loops (reading the tables and the query text included) and stop within a few milliseconds of it. ' +
      'The error points at the operator that was running. Filter earlier, summarize before joining, or raise timeoutMs. ' +
      'See docs/reliability.md.',
  },
  RUN_CANCELLED: {
    phase: 'runtime',
    summary: "The caller aborted the run through runKqlAsync's signal.",
    message: 'The query was cancelled while running <operator>',
    explanation:
      'The AbortSignal passed to runKqlAsync was aborted (before the run started or while it ran); the signal\'s ' +
      'reason is the error\'s `cause`. Nothing is wrong with the query. See docs/reliability.md for when an abort is noticed.',
  },
  RUN_INVALID_VALUE: {
    phase: 'runtime',
    summary: 'A value computed while the query runs is not allowed where it is used.',
    message: 'The make-series step must be positive, not <value>',
    explanation:
      'An operator argument that can only be checked at run time (for example a `make-series` step read from ' +
      '`toscalar(...)` or a `let` that turned out zero, negative or null) has a value the operator cannot use. ' +
      'Fix the expression the error points at.',
  },
  RUN_EXTERNAL_DATA: {
    phase: 'runtime',
    summary: '`externaldata` reads a URL whose rows were not supplied.',
    message:
      "externaldata is not available offline: pass the rows for '<url>' in the externalData option (mini-kql: --external-data '<url>=file'; scenario files: externalData:)",
    explanation:
      'mini-kql never downloads anything: pass the rows under `options.externalData[url]` (the URL exactly as the query ' +
      'writes it), with `--external-data url=file` on the command line, or under `externalData:` in a scenario file.',
  },
  RUN_UNSUPPORTED: {
    phase: 'runtime',
    summary: 'A construct that binds but cannot be executed offline.',
    message: "'<name>' is a parser function whose parameters mini-kql cannot apply offline: call it without arguments and filter with where",
    explanation:
      'For example a Sentinel ASIM parser (`_Im_Dns(starttime=...)`) called with parameters: call it without ' +
      'arguments, pass its rows as a table, and filter with `where`.',
  },
  RUN_INTERNAL: {
    phase: 'runtime',
    summary: 'An unexpected failure inside the engine while running the query.',
    message: 'Internal error while running the query: <message>',
    explanation:
      'Usually a bug in mini-kql: please report it with the query and a few rows. Also raised when the caller\'s ' +
      'data throws while it is read (a row getter or Proxy that throws); the original error is the `cause`.',
  },
  RULE_INVALID_YAML: {
    phase: 'semantic',
    summary: 'A rule or scenario file is not valid YAML, or not a mapping.',
    message: 'Invalid YAML<where>: <message>',
    explanation:
      'The line and column point into the YAML file. Fix the YAML syntax (indentation, a `:` inside an unquoted ' +
      'value, tabs); a rule must be a mapping of fields (`id`, `name`, `query`, ...).',
  },
  RULE_NO_QUERY: {
    phase: 'semantic',
    summary: 'A rule file has no query, or an empty one.',
    message: "The rule<where> has no 'query' field: a Sentinel analytics rule needs the KQL text under 'query:'",
    explanation: 'Add the KQL text under `query:`, usually as a block scalar (`query: |` followed by the indented query).',
  },
  RULE_BAD_FIELD: {
    phase: 'semantic',
    summary: 'A known rule field has a value of the wrong kind.',
    message: '<field> "<value>" is not a duration',
    explanation:
      'The message names the field: `queryFrequency` / `queryPeriod` must be durations (`5m`, `1h`, `14d`, `PT1H`), ' +
      '`triggerOperator` one of `gt`, `lt`, `eq`, `ne`, `triggerThreshold` a number.',
  },
  RULE_FILE_NOT_FOUND: {
    phase: 'semantic',
    summary: 'A rule, scenario or data file named by the caller does not exist.',
    message: 'No such rule file: <path>',
    explanation: 'Check the path (relative paths in a scenario file are resolved from the scenario file\'s folder).',
  },
  RULE_BAD_SCENARIO: {
    phase: 'semantic',
    summary: 'A rule scenario document is malformed.',
    message: '<where>: <problem>',
    explanation:
      'The message names the scenario and the problem: a missing `tables` or `expect`, a table that is not a list ' +
      'of rows or `{ file }`, an unknown expectation, or a run time that is not a date. See docs/rule-testing.md.',
  },
  RUN_MEMORY_LIMIT: {
    phase: 'runtime',
    summary: 'The query would hold more memory than options.maxMemoryBytes allows.',
    message: 'join needed an estimated <size>, more than the maxMemoryBytes limit of 1 GiB; filter its inputs first or raise options.maxMemoryBytes',
    explanation:
      'Operators that build rows, groups, hash tables, long strings or arrays (join, lookup, summarize, make-series, ' +
      'mv-expand, sort, distinct, union, range, the conversion of the caller\'s tables, strcat, ...) charge an estimate ' +
      'of their size to a per-run budget as they grow, and the run stops as soon as it is over. The error points at the ' +
      'operator. Filter or summarize its inputs first, or raise `maxMemoryBytes` (default 1 GiB). See docs/reliability.md.',
  },
  RULE_MISSING_FIELD: {
    phase: 'semantic',
    summary: 'A rule template lacks a field that Sentinel requires (found by validateRule and `mini-kql check`).',
    message: "The rule has no 'severity': Sentinel requires it",
    explanation:
      'A scheduled rule needs `id`, `kind`, `name`, `description`, `severity`, `requiredDataConnectors`, `query`, ' +
      '`queryFrequency`, `queryPeriod`, `triggerOperator` and `triggerThreshold` (an NRT rule the same without the last four). ' +
      'It is an error in a file with `kind:` (a complete rule template), a warning in a file with `id:` but no `kind:`, and ' +
      'not reported for a YAML file that holds only a query. See docs/rule-testing.md, "Checking rule files like Sentinel\'s CI".',
  },
  RULE_UNKNOWN_COLUMN: {
    phase: 'semantic',
    summary: 'An entity mapping, custom detail or alert detail names a column the query does not return.',
    message: "entityMappings[0].fieldMappings[0].columnName 'UPN' is not a column of the query's result (did you mean 'Upn'?)",
    explanation:
      'Sentinel reads these fields from the rows the query returns, and rejects a rule whose `columnName`, ' +
      '`customDetails` value or `{{Column}}` placeholder names a column that is not in the result. Project the column ' +
      'in the query (`project`, `extend`, `summarize ... by`), or fix the name (column names are case-sensitive).',
  },
  RULE_TOO_MANY: {
    phase: 'semantic',
    summary: "A rule field has more items than Sentinel allows.",
    message: 'entityMappings has 11 entities: Sentinel allows at most 10',
    explanation:
      'Sentinel\'s limits: at most 10 entity mappings and 3 identifiers per entity, 20 custom details, 3 `{{Column}}` ' +
      'placeholders in each of `alertDisplayNameFormat` and `alertDescriptionFormat`. Merge or drop items.',
  },
  RULE_STYLE: {
    phase: 'semantic',
    summary: 'A rule breaks a convention of the Azure-Sentinel repository (a warning, not an error).',
    message: "The rule has no 'tactics': the Azure-Sentinel repository expects the MITRE ATT&CK tactics it detects",
    explanation:
      'Sentinel accepts the rule, but the Azure-Sentinel repository\'s contribution checks or conventions would flag it: ' +
      'no `tactics` / `entityMappings` / `version`, a duration that its CI does not read ' +
      '(`<number>m|h|d` is the repository form). `mini-kql check --strict` makes warnings fail the check.',
  },
  RULE_BAD_FUNCTION: {
    phase: 'semantic',
    summary: 'A workspace function definition file (parser YAML, .kql or .csf) is malformed.',
    message: "<file>: the parser has no 'FunctionQuery' (or 'ParserQuery'): a workspace function needs its KQL body",
    explanation:
      'The line and column point into the definition file. A Sentinel parser YAML needs `FunctionName` (or `ParserName`) ' +
      'and `FunctionQuery` (or `ParserQuery`); its `FunctionParams`/`ParserParams` are a list of `{ Name, Type, Default }`. ' +
      'A .kql file is one function body, or only `let Name = (params) { body };` statements; a .csf file holds ' +
      '`.create-or-alter function Name(params) { body }` commands. Two files may not define the same name. ' +
      'See docs/rule-testing.md, "Workspace functions and parsers".',
  },
  SEM_UNSUPPORTED_COMMAND: {
    phase: 'semantic',
    summary: 'mini-kql serve does not support this management command.',
    message: "'.alter table policy' is not supported by mini-kql serve; supported: .show databases, .show tables, ...",
    explanation:
      'The local endpoint runs the management commands a test setup needs (listed in docs/serve.md, "Management ' +
      'commands"): showing databases, tables, schemas and functions, creating and dropping tables and functions, ' +
      'and ingesting (`.ingest inline`, `.set`, `.append`, `.set-or-append`, `.set-or-replace`). Policies, extents, ' +
      'mappings and the rest have no meaning for an in-memory endpoint.',
  },
  SYN_BAD_COMMAND: {
    phase: 'syntax',
    summary: 'A supported management command is malformed.',
    message: "'.create table' expects a column list: .create table T (Name:type, ...)",
    explanation:
      'The command is one mini-kql serve knows, but its text does not follow the syntax in Kusto\'s docs: a missing ' +
      'table name, column list, `<|` before the data or query, or an unknown column type. The message shows the ' +
      'expected form.',
  },
  SEM_UNKNOWN_DATABASE: {
    phase: 'semantic',
    summary: 'The request names a database the server does not have.',
    message: "Database 'Logs' does not exist; databases: NetDefaultDB",
    explanation: 'Databases come from `--data` (NetDefaultDB) and `--db name=dir` when the server starts; name one of them.',
  },
  SEM_TABLE_EXISTS: {
    phase: 'semantic',
    summary: 'A table of that name already exists with another schema, or `.set` names an existing table.',
    message: "Table 'T' already exists with another schema: use .create-merge table to add columns",
    explanation:
      '`.create table` on an existing table succeeds only when the schema is the same; `.create-merge table` adds ' +
      'new columns; `.set` creates a new table and fails when it exists (use `.append` or `.set-or-append`).',
  },
  SEM_SCHEMA_MISMATCH: {
    phase: 'semantic',
    summary: 'Ingested data does not fit the table\'s columns.',
    message: "The query's column 2 'Count' is long but column 2 'Name' of table 'T' is string (columns are matched by position)",
    explanation:
      'Rows appended from a query (`.append`, `.set-or-append`, `.set-or-replace`) go into the table\'s columns by ' +
      'position and type, as in Kusto: reorder the query\'s columns with `project`, or add ' +
      '`with (extend_schema=true)` when the query has more columns than the table. CSV rows give values in column ' +
      'order and may not have more values than the table has columns; JSON records must be objects.',
  },
  RUN_STORE_FAILED: {
    phase: 'runtime',
    summary: 'The durable store (`--store dir`) could not be read or written.',
    message: 'The store log /data/store/log.ndjson is corrupt at line 12 (not the last line): ...',
    explanation:
      'Every change is appended to the store\'s log and flushed to disk before the request is answered. A record ' +
      'torn by a crash (the last line) is dropped on restart; damage before the last line, or a failed write ' +
      '(disk full, permissions), is reported instead of silently losing data. Nothing was changed in memory.',
  },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ErrorCatalog;

/** Every code by name (`ErrorCodes.SEM_UNKNOWN_COLUMN === 'SEM_UNKNOWN_COLUMN'`). */
export const ErrorCodes = Object.freeze(
  Object.fromEntries(Object.keys(ErrorCatalog).map((k) => [k, k])) as { readonly [K in ErrorCode]: K },
);

/** The catalog entry of a code, or undefined for a code not in the catalog. */
export function errorCodeInfo(code: string): ErrorCodeInfo | undefined {
  return Object.prototype.hasOwnProperty.call(ErrorCatalog, code) ? (ErrorCatalog as Record<string, ErrorCodeInfo>)[code] : undefined;
}
