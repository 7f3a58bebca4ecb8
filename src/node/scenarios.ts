/** Node-only: scenario files (`<rule>.tests.yaml`) read from disk, with data files relative to them. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ErrorCodes, KqlError, KqlSemanticError } from '../errors/index.js';
import type { SentinelRule } from '../rules/rule.js';
import { parseScenarioDoc, runScenario, type ResolveFile, type ScenarioDoc, type ScenarioFileKind, type ScenarioResult } from '../rules/scenarios.js';
import type { TableInput } from '../run-kql.js';
import { loadRule } from './load-rule.js';
import { loadTableFile } from './load-table-file.js';
import { readExternalDataFile, readWatchlistFile } from './rule-input-files.js';
import { FileError } from './format-error.js';

export interface LoadedScenarioFile {
  /** The scenario file. */
  file: string;
  /** The rule file it tests. */
  rulePath: string;
  rule: SentinelRule;
  doc: ScenarioDoc;
  /** Reads `{ file }` tables relative to the scenario file. */
  resolveFile: ResolveFile;
}

export interface ScenarioFileResult {
  file: string;
  rulePath: string;
  rule: SentinelRule;
  results: ScenarioResult[];
  /** Every scenario passed. */
  passed: boolean;
}

function notFound(message: string): KqlSemanticError {
  return new KqlSemanticError(ErrorCodes.RULE_FILE_NOT_FOUND, message);
}

/**
 * The rows of a scenario's `{ file }` table, watchlist or externalData entry: .json, .ndjson/.jsonl or .csv,
 * read by the same loader as the CLI's --table, --watchlist and --external-data (load-table-file.ts,
 * rule-input-files.ts). Problems become RULE_BAD_SCENARIO errors naming the file and line.
 */
export function readRowsFile(path: string, kind: ScenarioFileKind = 'table'): Record<string, unknown>[] | TableInput {
  if (!existsSync(path)) throw notFound(`No such data file: ${path}`);
  try {
    return kind === 'watchlist' ? readWatchlistFile(path) : kind === 'externalData' ? readExternalDataFile(path) : loadTableFile(path);
  } catch (err) {
    if (!(err instanceof FileError)) throw err;
    const line = err.line ?? 1;
    throw new KqlSemanticError(ErrorCodes.RULE_BAD_SCENARIO, err.message, { offset: 0, length: 0, line, column: 1 });
  }
}

/** The rule a scenario file tests: its `rule:` field, else `<name>.tests.yaml` -> `<name>.yaml`. */
function rulePathFor(file: string, doc: ScenarioDoc): string {
  if (doc.rule) return resolve(dirname(file), doc.rule);
  const base = basename(file).replace(/\.tests\.ya?ml$/i, '');
  for (const ext of ['.yaml', '.yml', '.kql']) {
    const p = join(dirname(file), base + ext);
    if (existsSync(p)) return p;
  }
  throw new KqlSemanticError(ErrorCodes.RULE_BAD_SCENARIO, `${file} has no 'rule:' field and there is no ${base}.yaml beside it`);
}

/** The file whose line and column an error of loadScenarioFile refers to (the scenario file or its rule file). */
const errorSources = new WeakMap<object, string>();

/**
 * The file a loadScenarioFile / runScenarioFile error's line and column refer to: the scenario file
 * (its syntax and fields), or the rule file it names (a bad rule). Undefined for other errors.
 */
export function errorSourceFile(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null ? errorSources.get(err) : undefined;
}

function from<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof KqlError) errorSources.set(err, file);
    throw err;
  }
}

/** Reads a scenario file and the rule it names; does not run anything. */
export function loadScenarioFile(path: string): LoadedScenarioFile {
  if (!existsSync(path)) throw notFound(`No such scenario file: ${path}`);
  const file = resolve(path);
  const doc = from(file, () => parseScenarioDoc(readFileSync(file, 'utf8'), path));
  const rulePath = rulePathFor(file, doc);
  if (!existsSync(rulePath)) throw notFound(`${path}: the rule file ${doc.rule ?? rulePath} does not exist`);
  const rule = from(rulePath, () => loadRule(rulePath));
  const resolveFile: ResolveFile = (p, kind) => readRowsFile(resolve(dirname(file), p), kind) as ReturnType<ResolveFile>;
  return { file, rulePath, rule, doc, resolveFile };
}

/** Runs every scenario of a scenario file. */
export function runScenarioFile(path: string): ScenarioFileResult {
  const { file, rulePath, rule, doc, resolveFile } = loadScenarioFile(path);
  const results = doc.scenarios.map((s) => runScenario(rule, s, doc, resolveFile));
  return { file, rulePath, rule, results, passed: results.every((r) => r.passed) };
}

/**
 * The scenario files for a path: a `*.tests.yaml` file itself; for a rule file, the `<name>.tests.yaml`
 * beside it; for a directory, every `*.tests.yaml` / `*.tests.yml` under it (recursively, sorted;
 * node_modules and dot-directories skipped).
 */
export function findScenarioFiles(path: string): string[] {
  if (!existsSync(path)) throw notFound(`No such file or directory: ${path}`);
  const isTests = (f: string) => /\.tests\.ya?ml$/i.test(f);
  if (statSync(path).isFile()) {
    if (isTests(path)) return [path];
    const base = path.replace(/\.(ya?ml|kql)$/i, '');
    return ['.tests.yaml', '.tests.yml'].map((ext) => base + ext).filter((p) => existsSync(p));
  }
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (isTests(name)) out.push(p);
    }
  };
  walk(path);
  return out;
}
