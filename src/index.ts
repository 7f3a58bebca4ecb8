export { runKql, analyzeKql } from './run-kql.js';
export type { WorkspaceFunctionInput } from './run-kql.js';
export type { RunKqlOptions, AnalyzeKqlOptions, KqlResult, TableInput, KqlColumn, KqlAnalysis, KqlWarning } from './run-kql.js';
export { KqlError, KqlSyntaxError, KqlSemanticError, KqlRuntimeError, ErrorCodes, ErrorCatalog, errorCodeInfo } from './errors/index.js';
export type { Span, ErrorCode } from './errors/index.js';
export type { KqlType, ColumnSchema } from './runtime/types.js';
export type { SchemaInput, SchemasInput, SchemaTypeName } from './runtime/schema-input.js';
export { formatTable, formatCell } from './format/format-table.js';
export { formatKqlError } from './errors/format.js';
export type { TraceEntry } from './runtime/trace.js';
export { parseRule, parseDuration, runRule, applyTimeWindow, compareTrigger, runScenarios, runScenario, parseScenarioDoc } from './rules/index.js';
export { validateRule } from './rules/index.js';
export type { RuleProblem, RuleValidation, ValidateRuleOptions } from './rules/index.js';

export { parseFunctionDefinitions, functionsRecord, type FunctionDefinition } from './rules/index.js';
export type { ScenarioInputs, ScenarioExternalData, ScenarioFileKind } from './rules/index.js';
export { runKqlAsync, DEFAULT_MAX_ROWS, DEFAULT_MAX_RESULT_ROWS, DEFAULT_MAX_MEMORY_BYTES, DEFAULT_MAX_RESULT_BYTES, type RunKqlAsyncOptions } from './run-kql-async.js';
export { builtinTableNames, getBuiltinSchema } from './schemas/index.js';

export type { SentinelRule, TriggerOperator, RunRuleOptions, RunRuleResult, Scenario, ScenarioDoc, ScenarioExpect, ScenarioResult, ScenarioTable, ResolveFile, RunScenarioOptions } from './rules/index.js';
export { checkFixtureRows, checkFixtureTable, knownFixtureSchema, DEFAULT_MAX_FIXTURE_ISSUES } from './runtime/fixture-check.js';
export type { FixtureIssue, CheckFixtureOptions } from './runtime/fixture-check.js';

export { ruleCoverage } from './rules/index.js';
export type { CoverageReport, FilterCoverage, FilterVerdict } from './rules/index.js';
