/** `--functions <dir|file>` (run, check, test): workspace functions, such as Sentinel parsers, read from files. */
import type { WorkspaceFunctionInput } from '../binder/workspace-functions.js';
import { looksLikeParser } from '../binder/function-hints.js';
import { loadFunctionDefinitions } from '../node/load-functions.js';
import { functionsRecord } from '../rules/function-definitions.js';
import type { ParsedArgs } from './args.js';
import type { Io } from './io.js';

/** The option's lines in a command's --help. */
export const FUNCTIONS_HELP = `  --functions path    workspace functions the query calls (Sentinel's ASIM and solution parsers): a
                      parser .yaml, a .kql or .csf file, or a folder of them; repeat for more
                      (docs/rule-testing.md, "Workspace functions and parsers")`;

/** The functions named by --functions, or undefined without the option. Notes (skipped YAML files) go to stderr. */
export function functionsFromArgs(args: ParsedArgs, io: Io): Record<string, WorkspaceFunctionInput> | undefined {
  const paths = Object.prototype.hasOwnProperty.call(args.values, 'functions') ? args.values.functions : [];
  if (paths.length === 0) return undefined;
  const { definitions, skipped } = loadFunctionDefinitions(paths);
  for (const note of skipped) io.err(`note: ${note}`);
  return functionsRecord(definitions);
}

/** The hint for an unknown table or function that looks like a parser, else undefined. */
export function parserHint(name: string | undefined): string | undefined {
  if (name === undefined || !looksLikeParser(name)) return undefined;
  return `${name} looks like a Sentinel parser (a workspace function): give its definition with --functions <file|dir> (a parser .yaml, .kql or .csf)`;
}
