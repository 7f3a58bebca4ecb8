/**
 * A scenario file's `functions:` (docs/rule-testing.md): the workspace functions its rule calls, for every
 * scenario of the file. A path or a list of paths (relative to the scenario file; read by the Node runner,
 * src/node/scenarios.ts), or definitions inline: `{ Name: "body" }` or `{ Name: { parameters, body } }`.
 */
import type { WorkspaceFunctionInput } from '../binder/workspace-functions.js';

export type ScenarioFunctions = string | string[] | Record<string, WorkspaceFunctionInput>;

function isInlineDefinition(v: unknown): boolean {
  if (typeof v === 'string') return true;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const d = v as Record<string, unknown>;
  return typeof d.body === 'string' && (d.parameters === undefined || typeof d.parameters === 'string') && Object.keys(d).every((k) => k === 'body' || k === 'parameters');
}

/** The problem with a `functions:` value, or undefined when it is well formed. */
export function scenarioFunctionsProblem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? "'functions' must not be empty" : undefined;
  if (Array.isArray(value)) return value.every((p) => typeof p === 'string' && p.trim() !== '') ? undefined : "'functions' as a list must hold paths (files or folders of function definitions)";
  if (typeof value !== 'object' || value === null) return "'functions' must be a path, a list of paths, or a mapping of function names to definitions";
  for (const [name, def] of Object.entries(value)) {
    if (!isInlineDefinition(def)) return `function '${name}' under 'functions' must be its body (KQL text) or { parameters, body }`;
  }
  return undefined;
}

/** The paths a `functions:` value names (none for inline definitions). */
export function scenarioFunctionPaths(value: ScenarioFunctions | undefined): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value : [];
}

/** The inline definitions of a `functions:` value, or undefined when it names files (which a file reader must resolve first). */
export function inlineScenarioFunctions(value: ScenarioFunctions | undefined): Record<string, WorkspaceFunctionInput> | undefined {
  return value === undefined || typeof value === 'string' || Array.isArray(value) ? undefined : value;
}
