/**
 * What the unknown-function and unknown-table errors add for names that look like Sentinel parsers: such a
 * name is a function saved in the workspace, which mini-kql runs only when its definition is supplied.
 */

/** Where workspace function definitions can be given (library, command line, scenario file). */
export const WHERE_FUNCTIONS_GO =
  'supply its definition in the functions option (runKql, analyzeKql, runRule), with --functions <dir|file> on the command line, or under functions: in a scenario file';

/**
 * ASIM parsers (`_Im_Dns`, `_ASim_Dns`, `imAuthentication`, `ASimDns`, `vimDnsMicrosoftOMS`) and names
 * ending like ASIM source parsers' (`...Parser`). Solution parsers (`OktaSSO`, `CiscoMeraki`) have no
 * common shape: for them the table error mentions functions as a second possibility.
 */
export function looksLikeParser(name: string): boolean {
  return /^(_Im_|_ASim_|im[A-Z]|ASim[A-Z]|vim[A-Z])/.test(name) || /Parser$/.test(name);
}

/** The unknown-function error's message. */
export function unknownFunctionMessage(name: string): string {
  if (looksLikeParser(name)) return `Unknown function '${name}': it looks like a Sentinel parser, a function saved in the workspace: ${WHERE_FUNCTIONS_GO}`;
  return `Unknown function '${name}'`;
}

/**
 * The unknown-table error's message. `suggestion` is a "did you mean" of a close table name (or ''): with
 * one, the misspelling is the likelier cause, so workspace functions are not mentioned for other names.
 */
export function unknownTableMessage(name: string, suggestion = ''): string {
  if (looksLikeParser(name)) return `Unknown table '${name}': it looks like a Sentinel parser, a function saved in the workspace: ${WHERE_FUNCTIONS_GO}${suggestion}`;
  if (suggestion) return `Unknown table '${name}': pass it in the tables argument (or give its schema)${suggestion}`;
  return `Unknown table '${name}': pass it in the tables argument (or give its schema), or define it as a workspace function (the functions option)`;
}
