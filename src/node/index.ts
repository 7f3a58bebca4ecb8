/** Node-only entry (`mini-kql/node`): rule and scenario files on disk. The main entry stays browser-safe. */
export { loadRule } from './load-rule.js';
export { runScenarioFile, loadScenarioFile, findScenarioFiles, readRowsFile, errorSourceFile } from './scenarios.js';
export type { LoadedScenarioFile, ScenarioFileResult } from './scenarios.js';
export { describeRuleScenarios } from './vitest.js';
export type { TestFunctions } from './vitest.js';
export { loadSchemas, loadSchemaFile } from './load-schemas.js';
