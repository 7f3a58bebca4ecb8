/**
 * Node-only error helpers for tools built on mini-kql (the CLI): errors that name a file, and one-line
 * descriptions of anything thrown, so people see a clear message instead of a stack trace.
 */
import { KqlError } from '../errors/kql-error.js';
import { formatKqlError, plainKqlMessage } from '../errors/format.js';

/** A problem with an input file: its message already names the file (and line, when known). */
export class FileError extends Error {
  readonly file: string;
  readonly line?: number;
  constructor(file: string, message: string, line?: number) {
    super(line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`);
    this.name = 'FileError';
    this.file = file;
    this.line = line;
  }
}

/**
 * `file:line:col  CODE  message`, then the source line and a caret under the span. `lineOffset` and
 * `columnOffset` place a query embedded in a larger file (a rule's `query:` block) at its real position.
 */
export function formatFileKqlError(file: string, err: KqlError, queryText: string, lineOffset = 0, columnOffset = 0): string {
  const [, ...context] = formatKqlError(err, queryText).split('\n');
  const line = err.line + lineOffset;
  const col = err.column + columnOffset;
  const gutterOld = `${err.line} | `;
  const gutterNew = `${line} | `;
  const shifted = context.map((l, i) =>
    i === 0 ? gutterNew + l.slice(gutterOld.length) : ' '.repeat(gutterNew.length) + l.slice(gutterOld.length),
  );
  return [`${file}:${line}:${col}  ${err.code}  ${plainKqlMessage(err)}`, ...shifted].join('\n');
}

interface NodeSystemError extends Error {
  code?: string;
  path?: string;
}

/** A one-line description of any thrown value, naming the file where one is known. */
export function describeError(err: unknown): string {
  if (err instanceof FileError) return err.message;
  if (err instanceof KqlError) return `${err.code}  ${plainKqlMessage(err)} (line ${err.line}, column ${err.column})`;
  if (err instanceof Error) {
    const sys = err as NodeSystemError;
    const where = sys.path ? `${sys.path}: ` : '';
    switch (sys.code) {
      case 'ENOENT':
        return `${where}no such file or directory`;
      case 'EISDIR':
        return `${where}is a directory, expected a file`;
      case 'ENOTDIR':
        return `${where}not a directory`;
      case 'EACCES':
      case 'EPERM':
        return `${where}permission denied`;
    }
    return err.message;
  }
  return String(err);
}
