import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeKql, runKql } from '../../src/index.js';
import { getBuiltinSchema } from '../../src/schemas/index.js';
import { MIN_COLUMNS, generateRuleTables, generatedColumns, rowCounts } from '../../scripts/bench-rules-data.js';
import { BENCH_RULES, RULES_NOW } from '../../scripts/bench-rules/rules.js';

const queryOf = (name: string) => readFileSync(new URL(`../../scripts/bench-rules/${name}.kql`, import.meta.url), 'utf8');

describe('bench: the real-rules suite', () => {
  it('splits the input rows between tables by share', () => {
    expect(rowCounts({ A: 0.1, B: 0.3, C: 0.3, D: 0.3 }, 1000)).toEqual({ A: 100, B: 300, C: 300, D: 300 });
    const odd = rowCounts({ A: 1, B: 1, C: 1 }, 100);
    expect(odd.A! + odd.B! + odd.C!).toBe(100);
  });

  it('generates the columns the query names, then schema columns up to the minimum width', () => {
    const schema = getBuiltinSchema('Syslog')!;
    const cols = generatedColumns(schema, 'Syslog | where SyslogMessage contains "x" | project EventTime').map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['SyslogMessage', 'EventTime', 'TimeGenerated', 'Type']));
    expect(cols.length).toBe(Math.min(MIN_COLUMNS, schema.length));
  });

  it('has eight rules, each a readable query over built-in tables that runs on generated rows', () => {
    expect(BENCH_RULES).toHaveLength(8);
    for (const rule of BENCH_RULES) {
      expect(existsSync(new URL(`../../scripts/bench-rules/${rule.name}.kql`, import.meta.url))).toBe(true);
      const query = queryOf(rule.name);
      expect(() => analyzeKql(query), rule.name).not.toThrow();
      const shares = Object.values(rule.tables).reduce((a, b) => a + b, 0);
      expect(shares).toBeCloseTo(1);
      const { tables } = generateRuleTables(rule, query, 600, RULES_NOW);
      expect(() => runKql(query, tables, { now: RULES_NOW }), rule.name).not.toThrow();
    }
  });

  it('generates the same rows for the same rule and size', () => {
    const rule = BENCH_RULES[0]!;
    const query = queryOf(rule.name);
    const a = generateRuleTables(rule, query, 200, RULES_NOW).tables;
    const b = generateRuleTables(rule, query, 200, RULES_NOW).tables;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
