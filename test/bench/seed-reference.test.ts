import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { canonicalize, setColumnsOf } from '../../scripts/bench-canonical.js';
import { BENCH_NOW, generateBenchData } from '../../scripts/bench-data.js';
import { hasTerm, seedRuleRows } from '../../scripts/bench-reference.js';

const query = readFileSync(new URL('../../queries/suspicious-vm-creation/rule.kql', import.meta.url), 'utf8');

describe('bench: the hand-written seed rule', () => {
  it('returns the same rows as runKql on generated data', () => {
    const data = generateBenchData(3000);
    const result = runKql(query, { ...data }, { now: BENCH_NOW });
    const sets = setColumnsOf(query);
    expect(sets.sort()).toEqual(['Entitys', 'SystemAlertIds']);
    const ours = canonicalize(result.columns, result.rows, sets);
    const reference = canonicalize(result.columns, seedRuleRows(data), sets);
    expect(result.rows.length).toBeGreaterThan(50);
    expect(reference.rows.length).toBe(ours.rows.length);
    expect(reference.digest).toBe(ours.digest);
  });

  it('matches whole terms for has, ignoring case', () => {
    expect(hasTerm('Medium', 'medium')).toBe(true);
    expect(hasTerm('MediumHigh', 'medium')).toBe(false);
    expect(hasTerm('svc-1@p.iam.gserviceaccount.com', 'gserviceaccount.com')).toBe(true);
    expect(hasTerm('a@xgserviceaccount.com', 'gserviceaccount.com')).toBe(false);
    expect(hasTerm('a@gserviceaccount.community', 'gserviceaccount.com')).toBe(false);
  });
});
