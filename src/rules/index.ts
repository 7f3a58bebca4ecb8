/** Sentinel analytics rules: rule files, scheduled runs, scenario tests. Browser-safe. */
export { parseRule, parseDuration, normalizeTriggerOperator } from './rule.js';
export type { SentinelRule, TriggerOperator } from './rule.js';
export { runRule, applyTimeWindow, compareTrigger, windowTimeColumn } from './run-rule.js';
export type { RunRuleOptions, RunRuleResult } from './run-rule.js';
export { runScenarios, runScenario, parseScenarioDoc, valueMatches, formatValue } from './scenarios.js';
export type { ScenarioInputs, ScenarioExternalData, ScenarioFileKind } from './scenarios.js';

export { validateRule, ruleProblemError } from './validate-rule.js';
export type { RuleProblem, RuleValidation, ValidateRuleOptions } from './validate-rule.js';

export { parseFunctionDefinitions, functionsRecord } from './function-definitions.js';
export type { FunctionDefinition } from './function-definitions.js';

export type { Scenario, ScenarioDoc, ScenarioExpect, ScenarioResult, ScenarioTable, ResolveFile, RunScenarioOptions } from './scenarios.js';

export { ruleCoverage } from './coverage.js';
export type { CoverageReport, FilterCoverage, FilterVerdict, CoverageRule, CoverageScenario } from './coverage.js';
