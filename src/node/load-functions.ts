/**
 * Node-only: workspace function definitions from files and folders (`--functions`, a scenario file's
 * `functions:`). Formats: src/rules/function-definitions.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ErrorCodes, KqlSemanticError } from '../errors/index.js';
import { functionsRecord, parseFunctionDefinitions, type FunctionDefinition } from '../rules/function-definitions.js';
import type { WorkspaceFunctionInput } from '../binder/workspace-functions.js';
import { walkFiles } from '../cli/files.js';

const DEFINITION_FILE = /\.(ya?ml|kql|csf)$/i;

export interface LoadedFunctionDefinitions {
  definitions: FunctionDefinition[];
  /** YAML files in a folder that are not parsers (no FunctionName or FunctionQuery at all), skipped: one note each. */
  skipped: string[];
}

/** A YAML file that is no parser at all (a rule, a scenario file): neither a function name nor a query key. */
function isParserYaml(text: string): boolean {
  return /^(FunctionName|ParserName|FunctionQuery|ParserQuery)\s*:/m.test(text);
}

/**
 * The definitions in each path: a file (.yaml/.yml parser, .kql, .csf), or every such file under a folder
 * (recursively, sorted). In a folder, YAML files that are not parsers are skipped (listed in `skipped`);
 * a file named directly must be a definition. Problems are RULE_BAD_FUNCTION errors naming the file and line.
 */
export function loadFunctionDefinitions(paths: string | string[]): LoadedFunctionDefinitions {
  const definitions: FunctionDefinition[] = [];
  const skipped: string[] = [];
  for (const path of Array.isArray(paths) ? paths : [paths]) {
    if (!existsSync(path)) throw new KqlSemanticError(ErrorCodes.RULE_FILE_NOT_FOUND, `No such functions file or folder: ${path}`);
    const inFolder = statSync(path).isDirectory();
    const files = inFolder ? walkFiles(path, (p) => DEFINITION_FILE.test(p)) : [path];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (inFolder && /\.ya?ml$/i.test(file) && !isParserYaml(text)) {
        skipped.push(`${file}: not a parser (no FunctionName or FunctionQuery), skipped`);
        continue;
      }
      definitions.push(...parseFunctionDefinitions(text, file));
    }
  }
  return { definitions, skipped };
}

/** Every function in the paths, by name and alias, as options.functions takes them. A name defined twice is an error naming both files. */
export function loadFunctions(paths: string | string[]): Record<string, WorkspaceFunctionInput> {
  return functionsRecord(loadFunctionDefinitions(paths).definitions);
}
