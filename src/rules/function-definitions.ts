/**
 * Workspace function definitions read from text (docs/rule-testing.md, "Workspace functions and parsers"):
 *
 * - Sentinel parser YAML: solution parsers (`FunctionName`, `FunctionAlias`, `FunctionParams`, `FunctionQuery`,
 *   `Category`) and ASIM parsers (`ParserName`, `EquivalentBuiltInParser`, `ParserParams`, `ParserQuery`), as in
 *   the Azure-Sentinel repository's `Solutions/<solution>/Parsers/` and `Parsers/ASim<schema>/Parsers/` folders;
 * - `.kql`: only `let Name = (params) { body };` statements (one function each), or one plain body named by the file;
 * - `.csf`: `.create[-or-alter] function [ifnotexists] [with (...)] Name(params) { body }` commands.
 *
 * Browser-safe: the caller reads the file (src/node/load-functions.ts reads files and folders).
 */
import { isMap, isScalar, type Scalar } from 'yaml';
import { ErrorCodes, KqlError, KqlSemanticError } from '../errors/index.js';
import { plainKqlMessage } from '../errors/format.js';
import { parseQuery } from '../parser/parse.js';
import type { WorkspaceFunctionInput } from '../binder/workspace-functions.js';
import { parseYaml } from './yaml.js';

export interface FunctionDefinition {
  name: string;
  /** Other names it is called by: a solution parser's `FunctionAlias`, an ASIM parser's `EquivalentBuiltInParser`. */
  aliases?: string[];
  /** The parameter list as Sentinel stores it (`starttime:datetime=datetime(null), srcipaddr:string='*'`). */
  parameters?: string;
  body: string;
  /** `Category` of a parser YAML, `folder` of a .csf command. */
  category?: string;
  /** Where the definition is: the file, and the line its body starts on. */
  source: { file: string; line: number };
}

function definitionError(file: string, message: string, line = 1, column = 1): KqlSemanticError {
  return new KqlSemanticError(ErrorCodes.RULE_BAD_FUNCTION, `${file}: ${message}`, { offset: 0, length: 0, line, column });
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The definitions in one file's text; the format comes from the file name's extension (.yaml/.yml, .kql, .csf). */
export function parseFunctionDefinitions(text: string, fileName: string): FunctionDefinition[] {
  if (typeof text !== 'string') throw definitionError(fileName, 'the file text must be a string');
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'yaml' || ext === 'yml') return [parseParserYaml(text, fileName)];
  if (ext === 'kql') return parseKqlFile(text, fileName);
  if (ext === 'csf') return parseCsfFile(text, fileName);
  throw definitionError(fileName, 'not a function definition file: expected .yaml/.yml (Sentinel parser), .kql or .csf');
}

/** Definitions as options.functions wants them: each name and alias to { parameters, body }. Duplicates are errors. */
export function functionsRecord(definitions: FunctionDefinition[]): Record<string, WorkspaceFunctionInput> {
  const out = Object.create(null) as Record<string, WorkspaceFunctionInput>;
  const from = new Map<string, FunctionDefinition>();
  for (const def of definitions) {
    const value: WorkspaceFunctionInput = def.parameters === undefined ? { body: def.body } : { parameters: def.parameters, body: def.body };
    for (const name of new Set([def.name, ...(def.aliases ?? [])])) {
      const other = from.get(name);
      if (other) {
        throw definitionError(def.source.file, `the function '${name}' is defined twice: here (line ${def.source.line}) and in ${other.source.file} (line ${other.source.line})`, def.source.line);
      }
      from.set(name, def);
      out[name] = value;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sentinel parser YAML
// ---------------------------------------------------------------------------------------------

const NAME_KEYS = ['FunctionName', 'ParserName'];
const QUERY_KEYS = ['FunctionQuery', 'ParserQuery'];
const PARAM_KEYS = ['FunctionParams', 'ParserParams', 'Parameters'];
const ALIAS_KEYS = ['FunctionAlias', 'EquivalentBuiltInParser'];

function parseParserYaml(text: string, file: string): FunctionDefinition {
  const yaml = parseYaml(text, ` in ${file}`);
  const contents = yaml.doc.contents;
  if (!isMap(contents)) throw definitionError(file, 'a parser YAML file must be a mapping with FunctionName and FunctionQuery');
  const lineOf = (key: string): number => {
    const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === key);
    const node = (pair?.value ?? pair?.key) as Scalar | undefined;
    return node?.range ? yaml.lineCounter.linePos(node.range[0]).line : 1;
  };
  const data = yaml.toJS() as Record<string, unknown>;
  const pick = (keys: string[]) => keys.find((k) => Object.prototype.hasOwnProperty.call(data, k) && data[k] !== null && data[k] !== undefined);

  const nameKey = pick(NAME_KEYS);
  const name = nameKey ? data[nameKey] : undefined;
  if (typeof name !== 'string' || !IDENTIFIER.test(name.trim())) {
    throw definitionError(file, nameKey ? `'${nameKey}' must be a function name (letters, digits and _)` : "the parser has no 'FunctionName' (or 'ParserName')", nameKey ? lineOf(nameKey) : 1);
  }
  const queryKey = pick(QUERY_KEYS);
  const body = queryKey ? data[queryKey] : undefined;
  if (typeof body !== 'string' || body.trim() === '') {
    throw definitionError(file, "the parser has no 'FunctionQuery' (or 'ParserQuery'): a workspace function needs its KQL body", queryKey ? lineOf(queryKey) : 1);
  }
  const def: FunctionDefinition = { name: name.trim(), body, source: { file, line: bodyLine(text, lineOf(queryKey!), yaml.doc.contents, queryKey!) } };
  const aliases: string[] = [];
  for (const key of ALIAS_KEYS) {
    const v = data[key];
    if (v === undefined || v === null) continue;
    const list = Array.isArray(v) ? v : [v];
    for (const alias of list) {
      if (typeof alias !== 'string' || !IDENTIFIER.test(alias.trim())) throw definitionError(file, `'${key}' must be a function name`, lineOf(key));
      if (alias.trim() !== def.name) aliases.push(alias.trim());
    }
  }
  if (aliases.length > 0) def.aliases = aliases;
  const paramsKey = pick(PARAM_KEYS);
  if (paramsKey) def.parameters = parametersText(data[paramsKey], file, lineOf(paramsKey));
  if (typeof data.Category === 'string') def.category = data.Category;
  return def;
}

/** The file line of the body's first line: after the `|` header of a block scalar, else the key's line. */
function bodyLine(text: string, valueLine: number, contents: unknown, key: string): number {
  const node = isMap(contents) ? contents.items.find((p) => isScalar(p.key) && p.key.value === key)?.value : undefined;
  if (!isScalar(node) || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED')) return valueLine;
  const lines = text.split(/\r\n|\r|\n/);
  let line = valueLine + 1;
  while (line <= lines.length && lines[line - 1].trim() === '') line++;
  return line;
}

/**
 * FunctionParams / ParserParams as a parameter list text. A list of `{ Name, Type, Default }` (Default as
 * YAML reads it: `'*'` is the string *, `false` a boolean, `datetime(null)` KQL text), or the text itself.
 */
function parametersText(value: unknown, file: string, line: number): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) throw definitionError(file, 'the parameters must be a list of { Name, Type, Default } (or a parameter list text)', line);
  return value
    .map((p, i) => {
      const at = `parameter ${i + 1}`;
      if (typeof p !== 'object' || p === null || Array.isArray(p)) throw definitionError(file, `${at} must be a mapping with Name, Type and (optionally) Default`, line);
      const { Name: name, Type: type } = p as Record<string, unknown>;
      if (typeof name !== 'string' || !IDENTIFIER.test(name.trim())) throw definitionError(file, `${at} has no valid 'Name'`, line);
      if (typeof type !== 'string' || type.trim() === '') throw definitionError(file, `parameter '${name}' has no 'Type'`, line);
      const t = type.trim();
      if (!Object.prototype.hasOwnProperty.call(p, 'Default')) return `${name.trim()}:${t}`;
      return `${name.trim()}:${t}=${defaultText((p as Record<string, unknown>).Default, t)}`;
    })
    .join(', ');
}

/** A YAML default value as KQL text for a parameter of this type (strings are quoted unless already a literal). */
function defaultText(value: unknown, type: string): string {
  if (value === null || value === undefined) return type === 'string' ? "''" : `${type}(null)`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  const text = String(value).trim();
  if (type !== 'string') return text;
  if (/^@?'(?:[^'\\]|\\.)*'$|^@?"(?:[^"\\]|\\.)*"$/.test(text)) return text;
  return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

// ---------------------------------------------------------------------------------------------
// .kql files
// ---------------------------------------------------------------------------------------------

/** A syntax error in a definition file, at its place in the file. */
function syntaxError(file: string, err: KqlError, lineOffset = 0, columnOffset = 0): KqlSemanticError {
  const line = err.line + lineOffset;
  const column = err.line === 1 ? err.column + columnOffset : err.column;
  return definitionError(file, `line ${line}, column ${column}: ${plainKqlMessage(err)}`, line, column);
}

function parseKqlFile(text: string, file: string): FunctionDefinition[] {
  let query;
  try {
    query = parseQuery(text);
  } catch (err) {
    if (err instanceof KqlError) throw syntaxError(file, err);
    throw err;
  }
  const statements = query.statements;
  const letStyle = statements.length > 0 && statements.every((s) => s.kind === 'Let' && s.value.kind === 'FunctionDecl');
  if (!letStyle) {
    const base = file.replace(/^.*[\\/]/, '').replace(/\.kql$/i, '');
    if (!IDENTIFIER.test(base)) throw definitionError(file, `the file name '${base}' is not a function name: name the file <FunctionName>.kql, or define the function with let Name = (...) { ... };`);
    return [{ name: base, body: text, source: { file, line: 1 } }];
  }
  return statements.map((s) => {
    if (s.kind !== 'Let' || s.value.kind !== 'FunctionDecl') throw definitionError(file, 'expected only let statements');
    const decl = s.value;
    // The decl's text is `[view] (params) { body }`: cut it at its brackets.
    const declText = text.slice(decl.span.offset, decl.span.offset + decl.span.length);
    const open = declText.indexOf('(');
    const close = matchingBracket(declText, open);
    const braceOpen = declText.indexOf('{', close);
    const braceClose = declText.lastIndexOf('}');
    const params = declText.slice(open + 1, close).trim();
    const bodyStart = decl.span.offset + braceOpen + 1;
    const body = declText.slice(braceOpen + 1, braceClose);
    const def: FunctionDefinition = { name: s.name, body: body.replace(/^[ \t]*(\r\n|\r|\n)/, ''), source: { file, line: lineAt(text, bodyStart) + (/^[ \t]*(\r\n|\r|\n)/.test(body) ? 1 : 0) } };
    if (params !== '') def.parameters = params;
    return def;
  });
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

// ---------------------------------------------------------------------------------------------
// .csf files (Kusto control commands)
// ---------------------------------------------------------------------------------------------

/**
 * The index of the bracket closing the one at `open` ((, { or [), skipping string literals and // comments;
 * -1 when it is never closed.
 */
export function matchingBracket(text: string, open: number): number {
  const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      if (end < 0) return -1;
      i = end;
    } else if (c === '`' && text.startsWith('```', i)) {
      const end = text.indexOf('```', i + 3);
      if (end < 0) return -1;
      i = end + 2;
    } else if (c === '"' || c === "'") {
      // @'...' strings have no escapes; the others do.
      const verbatim = text[i - 1] === '@';
      for (i++; i < text.length && text[i] !== c; i++) if (!verbatim && text[i] === '\\') i++;
      if (i >= text.length) return -1;
    } else if (pairs[c]) {
      stack.push(pairs[c]);
    } else if (c === ')' || c === '}' || c === ']') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

const CSF_COMMAND = /\.(?:create-or-alter|create|alter)\s+function\b/gi;

function parseCsfFile(text: string, file: string): FunctionDefinition[] {
  const out: FunctionDefinition[] = [];
  const fail = (message: string, offset: number): never => {
    const line = lineAt(text, offset);
    throw definitionError(file, `line ${line}: ${message}`, line);
  };
  let lastEnd = -1;
  for (const m of text.matchAll(CSF_COMMAND)) {
    const start = m.index!;
    if (start < lastEnd) continue; // the text of a previous command's body
    let i = start + m[0].length;
    const skipSpace = () => {
      while (i < text.length) {
        if (/\s/.test(text[i])) i++;
        else if (text.startsWith('//', i)) i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
        else break;
      }
    };
    skipSpace();
    if (/^ifnotexists\b/i.test(text.slice(i, i + 12))) {
      i += 'ifnotexists'.length;
      skipSpace();
    }
    let category: string | undefined;
    if (/^with\s*\(/i.test(text.slice(i, i + 40))) {
      const open = text.indexOf('(', i);
      const close = matchingBracket(text, open);
      if (close < 0) fail("the 'with (...)' properties are never closed", open);
      category = /\bfolder\s*=\s*(?:@?'([^']*)'|@?"([^"]*)")/i.exec(text.slice(open, close))?.slice(1).find((x) => x !== undefined);
      i = close + 1;
      skipSpace();
    }
    const name = /^(?:\[\s*['"]([^'"]+)['"]\s*\]|([A-Za-z_][A-Za-z0-9_]*))/.exec(text.slice(i));
    if (!name) fail('expected the function name after .create-or-alter function', i);
    const fnName = (name![1] ?? name![2]).trim();
    if (!IDENTIFIER.test(fnName)) fail(`'${fnName}' is not a function name (letters, digits and _)`, i);
    i += name![0].length;
    skipSpace();
    if (text[i] !== '(') fail(`expected the parameter list '(...)' after the function name '${fnName}'`, i);
    const paramsEnd = matchingBracket(text, i);
    if (paramsEnd < 0) fail(`the parameter list of '${fnName}' is never closed`, i);
    const params = text.slice(i + 1, paramsEnd).trim();
    i = paramsEnd + 1;
    skipSpace();
    if (text[i] !== '{') fail(`expected the body '{ ... }' of '${fnName}'`, i);
    const bodyEnd = matchingBracket(text, i);
    if (bodyEnd < 0) fail(`the body of '${fnName}' is never closed`, i);
    const rawBody = text.slice(i + 1, bodyEnd);
    const leadingNewline = /^[ \t]*(\r\n|\r|\n)/.exec(rawBody);
    const def: FunctionDefinition = {
      name: fnName,
      body: leadingNewline ? rawBody.slice(leadingNewline[0].length) : rawBody,
      source: { file, line: lineAt(text, i + 1) + (leadingNewline ? 1 : 0) },
    };
    if (params !== '') def.parameters = params;
    if (category !== undefined) def.category = category;
    lastEnd = bodyEnd;
    out.push(def);
  }
  if (out.length === 0) throw definitionError(file, 'no .create-or-alter function command found');
  return out;
}
