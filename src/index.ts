export { runKql, analyzeKql } from './run-kql.js';
export type { RunKqlOptions, AnalyzeKqlOptions, KqlResult, TableInput, KqlColumn } from './run-kql.js';
export { KqlError, KqlSyntaxError, KqlSemanticError, KqlRuntimeError, ErrorCodes } from './errors/index.js';
export type { Span, ErrorCode } from './errors/index.js';
export type { KqlType, ColumnSchema } from './runtime/types.js';
export { formatTable, formatCell } from './format/format-table.js';
export { formatKqlError } from './errors/format.js';
export type { TraceEntry } from './runtime/trace.js';
