/**
 * Run a rule's scenario file from your own vitest (or jest-like) suite. The test functions are passed
 * in, so this library does not import vitest:
 *
 *   import { describe, it, expect } from 'vitest';
 *   import { describeRuleScenarios } from 'mini-kql/node';
 *   describeRuleScenarios('rules/my-rule/rule.tests.yaml', { describe, it, expect });
 */
import { runScenario } from '../rules/scenarios.js';
import { loadScenarioFile, type LoadedScenarioFile } from './scenarios.js';

export interface TestFunctions {
  describe: (name: string, fn: () => void) => unknown;
  it: (name: string, fn: () => void) => unknown;
  expect: (actual: unknown, message?: string) => { toBe: (expected: unknown) => void };
}

/**
 * One `describe` per scenario file (named after the rule), one `it` per scenario. A failing scenario
 * fails its test with the scenario's failure lines as the difference; so does a malformed scenario (its
 * RULE_BAD_SCENARIO error with the line and column), while the file's other scenarios run. A scenario
 * file that cannot be read, or whose document itself is malformed, gives one failing test with the reason.
 */
export function describeRuleScenarios(path: string, { describe, it, expect }: TestFunctions): void {
  let loaded: LoadedScenarioFile;
  try {
    loaded = loadScenarioFile(path);
  } catch (err) {
    describe(`rule scenarios: ${path}`, () => {
      it('loads the scenario file', () => {
        throw err;
      });
    });
    return;
  }
  const { rule, doc, resolveFile } = loaded;
  describe(`${rule.name ?? rule.id ?? loaded.rulePath}: ${path}`, () => {
    for (const scenario of doc.scenarios) {
      it(scenario.name, () => {
        const result = runScenario(rule, scenario, doc, resolveFile);
        expect(result.failures.join('\n'), `scenario '${scenario.name}' of ${path}`).toBe('');
      });
    }
  });
}
