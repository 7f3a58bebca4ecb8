/**
 * What a management command runs with, and the pieces its text is made of (names, column lists).
 */
import { ErrorCodes, KqlSemanticError, KqlSyntaxError } from '../../errors/index.js';
import { parseTypeName, type ColumnSchema, type KqlType } from '../../runtime/types.js';
import type { ServeCatalog, ServeDatabase, ServeTable } from '../catalog.js';
import { commitChange, type ChangeSink, type ServeChange } from '../changes.js';
import { matchingBracket } from '../../rules/function-definitions.js';
import type { RunKqlAsyncOptions } from '../../run-kql-async.js';

export interface ResultTable {
  name: string;
  columns: { name: string; type: KqlType }[];
  rows: unknown[][];
}

export interface ManagementResult {
  tables: ResultTable[];
}

export class MgmtContext {
  constructor(
    readonly catalog: ServeCatalog,
    readonly db: ServeDatabase,
    readonly store?: ChangeSink,
    /** Limits, signal, query_now... for the queries of .set/.append (tables and functions come from the database). */
    readonly queryOptions: RunKqlAsyncOptions = {},
  ) {}

  /** Writes the change to the store (when there is one) before the catalog changes. */
  commit(change: ServeChange): void {
    commitChange(this.catalog, change, this.store);
  }

  table(name: string): ServeTable {
    const t = this.db.tables.get(name);
    if (!t) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_TABLE, `Table '${name}' does not exist in database '${this.db.name}'`);
    return t;
  }
}

/** One management command: `head` recognizes it (case-insensitively, at the start of the text). */
export interface MgmtCommand {
  /** How the command is written, for the list of supported commands. */
  syntax: string;
  head: RegExp;
  run(ctx: MgmtContext, text: string): ManagementResult | Promise<ManagementResult>;
}

export function badCommand(message: string): KqlSyntaxError {
  return new KqlSyntaxError(ErrorCodes.SYN_BAD_COMMAND, message);
}

/** A table, function or column name: an identifier, or ['any text'] / ["any text"]. */
export const NAME = String.raw`(?:[A-Za-z_][A-Za-z0-9_]*|\[\s*(?:'[^']*'|"[^"]*")\s*\])`;

export function unquoteName(name: string): string {
  const m = /^\[\s*(?:'([^']*)'|"([^"]*)")\s*\]$/.exec(name);
  return m ? (m[1] ?? m[2]) : name;
}

/** `(a:string, ['b c']:long)` -> columns; the text from '(' to its matching ')'. */
export function parseColumnList(text: string, command: string): ColumnSchema[] {
  const inner = text.trim().replace(/^\(/, '').replace(/\)$/, '');
  if (inner.trim() === '') throw badCommand(`'${command}' expects at least one column: (Name:type, ...)`);
  const item = new RegExp(String.raw`^\s*(${NAME})\s*:\s*([A-Za-z0-9]+)\s*$`);
  const columns: ColumnSchema[] = [];
  const seen = new Set<string>();
  for (const part of inner.split(',')) {
    const m = item.exec(part);
    if (!m) throw badCommand(`'${part.trim()}' is not a column: expected Name:type in the column list of '${command}'`);
    const name = unquoteName(m[1]);
    const type = parseTypeName(m[2]);
    if (!type) throw badCommand(`'${m[2]}' is not a Kusto type (column '${name}' of '${command}')`);
    if (seen.has(name)) throw badCommand(`The column '${name}' appears twice in the column list of '${command}'`);
    seen.add(name);
    columns.push({ name, type });
  }
  return columns;
}

/** The text after `<|` (the data or query), and the part before it. */
export function splitAtPipe(text: string, command: string): { head: string; rest: string } {
  const at = text.indexOf('<|');
  if (at < 0) throw badCommand(`'${command}' expects '<|' followed by ${command.includes('ingest') ? 'the data' : 'a query'}`);
  return { head: text.slice(0, at), rest: text.slice(at + 2) };
}

/** Skips an optional `with (...)` property list at `i`; returns the index after it. */
export function skipWithProperties(text: string, i: number): number {
  const m = /^\s*with\s*\(/i.exec(text.slice(i));
  if (!m) return i;
  const open = i + m[0].length - 1;
  const close = matchingBracket(text, open);
  if (close < 0) throw badCommand("The 'with (...)' properties are never closed");
  return close + 1;
}

/** A string property of a `with (...)` list: folder = 'x', docstring = "y". */
export function withProperty(text: string, key: string): string | undefined {
  const m = new RegExp(String.raw`\b${key}\s*=\s*(?:@?'((?:[^'\\]|\\.)*)'|@?"((?:[^"\\]|\\.)*)")`, 'i').exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}
