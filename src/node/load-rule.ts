/** Node-only: read a Sentinel rule from a file (.yaml/.yml rule, or a bare .kql query) or from YAML text. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { ErrorCodes, KqlSemanticError } from '../errors/index.js';
import { parseRule, type SentinelRule } from '../rules/rule.js';

function isFile(p: string): boolean {
  try {
    return existsSync(p) && statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Whether the string looks like a file name rather than YAML text (one line, a rule extension). */
function looksLikePath(s: string): boolean {
  return !s.includes('\n') && /\.(ya?ml|kql)$/i.test(s.trim());
}

/**
 * A rule from a file path or from YAML text. An existing `.kql` file is a bare query (no queryPeriod,
 * so no time window; trigger gt 0); any other existing file is read as rule YAML. A string that is not
 * an existing file is parsed as YAML text, unless it looks like a file name (one line ending in
 * .yaml/.yml/.kql): then RULE_FILE_NOT_FOUND.
 */
export function loadRule(pathOrText: string): SentinelRule {
  if (isFile(pathOrText)) {
    const text = readFileSync(pathOrText, 'utf8');
    if (extname(pathOrText).toLowerCase() === '.kql') return { query: text, source: pathOrText };
    return parseRule(text, pathOrText);
  }
  if (looksLikePath(pathOrText)) {
    throw new KqlSemanticError(ErrorCodes.RULE_FILE_NOT_FOUND, `No such rule file: ${pathOrText}`);
  }
  return parseRule(pathOrText);
}
