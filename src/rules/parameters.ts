/**
 * Checking values given for a query's `declare query_parameters(name:type, ...)` before it runs (from the
 * CLI's --param and a scenario file's `parameters:`): a name the query does not declare, or a value that
 * cannot be read as the declared type, is a problem to report, not a silent null. Browser-safe.
 */
import { KqlError } from '../errors/index.js';
import { parseQuery } from '../parser/parse.js';
import { convertInputValue } from '../runtime/load-table.js';
import type { KqlType } from '../runtime/types.js';

/**
 * The query's declared parameters and their types, in order; undefined when the query does not parse
 * (running it reports why).
 */
export function declaredParameters(query: string): Map<string, KqlType> | undefined {
  let statements;
  try {
    statements = parseQuery(query).statements;
  } catch (err) {
    if (err instanceof KqlError) return undefined;
    throw err;
  }
  const out = new Map<string, KqlType>();
  for (const s of statements) if (s.kind === 'Declare') for (const p of s.params) out.set(p.name, p.type);
  return out;
}

/** `threshold:long, lookback:timespan`, or a sentence saying there are none. */
export function describeParameters(declared: Map<string, KqlType>): string {
  if (declared.size === 0) return 'the query has no declare query_parameters statement';
  return `its parameters: ${[...declared].map(([n, t]) => `${n}:${t}`).join(', ')}`;
}

export interface ParameterProblem {
  name: string;
  message: string;
}

/**
 * What is wrong with the given parameter values for this query: names it does not declare, and values
 * that do not convert to the declared type (as runKql converts them). Empty when all is well, or when
 * the query does not parse.
 */
export function parameterProblems(query: string, values: Readonly<Record<string, unknown>>, declared = declaredParameters(query)): ParameterProblem[] {
  if (!declared) return [];
  const problems: ParameterProblem[] = [];
  for (const name of Object.keys(values)) {
    const type = declared.get(name);
    if (type === undefined) {
      problems.push({ name, message: `parameter '${name}' is not declared by the query (${describeParameters(declared)})` });
      continue;
    }
    const value = values[name];
    if (value !== null && value !== undefined && convertInputValue(value, type) === null) {
      problems.push({ name, message: `parameter '${name}' is a ${type}: ${JSON.stringify(value) ?? String(value)} cannot be read as a ${type}` });
    }
  }
  return problems;
}
