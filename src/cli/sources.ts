/** Reading a query file (.kql) or a Sentinel rule file (.yaml/.yml), and placing errors in it. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { KqlError } from '../errors/kql-error.js';
import { FileError, describeError, formatFileKqlError } from '../node/format-error.js';
import { CliError } from './errors.js';
import { parseRule, type SentinelRule } from '../rules/rule.js';

export interface QuerySource {
  file: string;
  /** The whole file. */
  fileText: string;
  /** The query text (the whole file for .kql; the `query` field of a rule). */
  query: string;
  rule?: SentinelRule;
  /** Query line n is file line n + lineOffset; likewise columns (a rule's block scalar indentation). */
  lineOffset: number;
  columnOffset: number;
}

export function isRuleFile(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === '.yaml' || ext === '.yml';
}

export function readTextFile(path: string): string {
  try {
    const text = readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new FileError(path, 'no such file');
    if (code === 'EISDIR') throw new FileError(path, 'is a directory, expected a file');
    throw new FileError(path, `cannot read: ${(err as Error).message}`);
  }
}

/** A rule-file error (RULE_*: bad YAML, no query, a bad field) carries a position in the YAML text itself. */
function isRuleError(err: KqlError): boolean {
  return err.code.startsWith('RULE_');
}

/** Reads a query or rule file. Rule problems (no query, bad YAML) throw SourceError. */
export function readQuerySource(path: string): QuerySource {
  const fileText = readTextFile(path);
  if (!isRuleFile(path)) return { file: path, fileText, query: fileText, lineOffset: 0, columnOffset: 0 };
  let rule: SentinelRule;
  try {
    rule = parseRule(fileText, path);
  } catch (err) {
    if (err instanceof KqlError) throw new SourceError(formatFileKqlError(path, err, fileText));
    throw err;
  }
  const pos = rule.queryPosition;
  return {
    file: path,
    fileText,
    query: rule.query,
    rule,
    lineOffset: pos ? pos.line - 1 : 0,
    columnOffset: pos ? pos.column - 1 : 0,
  };
}

/** An error already formatted for people (possibly several lines, with a caret). */
export class SourceError extends CliError {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

/** An error from checking or running a source: `file:line:col  CODE  message` with the line and a caret. */
export function formatSourceError(src: QuerySource, err: unknown): string {
  if (err instanceof SourceError || err instanceof FileError) return err.message;
  if (err instanceof KqlError) {
    if (isRuleError(err)) {
      // Positions of RULE_* errors are in the YAML; one at 1:1 with nothing to point at gets no caret.
      if (err.line === 1 && err.column === 1 && err.span.length === 0) return `${src.file}  ${err.code}  ${err.message.replace(/ \(line \d+, column \d+\)$/, '')}`;
      return formatFileKqlError(src.file, err, src.fileText);
    }
    if (err.span.length === 0 && err.line === 1 && err.column === 1 && err.phase === 'runtime') {
      return `${src.file}  ${err.code}  ${err.message.replace(/ \(line \d+, column \d+\)$/, '')}`;
    }
    return formatFileKqlError(src.file, err, src.query, src.lineOffset, src.columnOffset);
  }
  return `${src.file}: ${describeError(err)}`;
}
