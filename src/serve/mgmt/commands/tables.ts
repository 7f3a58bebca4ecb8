/** .create table, .create-merge table, .drop table. */
import { ErrorCodes, KqlSemanticError } from '../../../errors/index.js';
import { getBuiltinSchema } from '../../../schemas/index.js';
import type { ColumnSchema } from '../../../runtime/types.js';
import { matchingBracket } from '../../../rules/function-definitions.js';
import { badCommand, NAME, parseColumnList, skipWithProperties, unquoteName, type MgmtCommand, type MgmtContext } from '../context.js';
import { remainingTablesResult, tableSchemaResult } from '../results.js';

const CREATE = new RegExp(String.raw`^\.(create|create-merge)\s+table\s+(${NAME})\s*`, 'i');

/** The `(columns)` after the name (matched by bracket, not by a backtracking pattern), then an optional `with (...)`. */
function columnListAt(text: string, i: number): string | undefined {
  if (text[i] !== '(') {
    if (skipWithProperties(text, i) === i && text.slice(i).trim() !== '') throw badCommand(`Unexpected '${text.slice(i).trim()}' in .create table`);
    return undefined;
  }
  const close = matchingBracket(text, i);
  if (close < 0) throw badCommand('The column list of .create table is never closed');
  const rest = skipWithProperties(text, close + 1);
  if (text.slice(rest).trim() !== '') throw badCommand(`Unexpected '${text.slice(rest).trim()}' after the column list of .create table`);
  return text.slice(i, close + 1);
}

function sameSchema(a: ColumnSchema[], b: ColumnSchema[]): boolean {
  return a.length === b.length && a.every((c, i) => c.name === b[i].name && c.type === b[i].type);
}

/** The column list, or (no list) a Sentinel table's built-in schema by its name. */
function requestedSchema(name: string, list: string | undefined, command: string): ColumnSchema[] {
  if (list !== undefined) return parseColumnList(list, command);
  const builtin = getBuiltinSchema(name);
  if (!builtin) throw badCommand(`'${command}' expects a column list: ${command} ${name} (Name:type, ...) (only Sentinel's built-in tables may omit it)`);
  return builtin.map((c) => ({ ...c }));
}

function createTable(ctx: MgmtContext, text: string) {
  const m = CREATE.exec(text);
  if (!m) throw badCommand(`Expected .create table T (Name:type, ...)`);
  const command = `.${m[1].toLowerCase()} table`;
  const name = unquoteName(m[2]);
  const schema = requestedSchema(name, columnListAt(text, m[0].length), command);
  const existing = ctx.db.tables.get(name);
  if (!existing) {
    ctx.commit({ op: 'putSchema', db: ctx.db.name, table: name, schema });
  } else if (command === '.create-merge table') {
    const merged = [...existing.schema];
    for (const c of schema) {
      const old = merged.find((x) => x.name === c.name);
      if (!old) merged.push(c);
      else if (old.type !== c.type) throw new KqlSemanticError(ErrorCodes.SEM_TABLE_EXISTS, `Table '${name}' already has the column '${c.name}' of type ${old.type}, not ${c.type}`);
    }
    if (merged.length !== existing.schema.length) ctx.commit({ op: 'putSchema', db: ctx.db.name, table: name, schema: merged });
  } else if (!sameSchema(existing.schema, schema)) {
    throw new KqlSemanticError(ErrorCodes.SEM_TABLE_EXISTS, `Table '${name}' already exists with another schema: use .create-merge table to add columns`);
  }
  return tableSchemaResult(ctx.db, [name]);
}

export const createTableCommand: MgmtCommand = {
  syntax: '.create table T (Name:type, ...)',
  head: /^\.create\s+table\s/i,
  run: createTable,
};

export const createMergeTableCommand: MgmtCommand = {
  syntax: '.create-merge table T (Name:type, ...)',
  head: /^\.create-merge\s+table\s/i,
  run: createTable,
};

const DROP = new RegExp(String.raw`^\.drop\s+table\s+(${NAME})(\s+ifexists)?\s*$`, 'i');

export const dropTableCommand: MgmtCommand = {
  syntax: '.drop table T [ifexists]',
  head: /^\.drop\s+table\s/i,
  run: (ctx, text) => {
    const m = DROP.exec(text);
    if (!m) throw badCommand('Expected .drop table T [ifexists]');
    const name = unquoteName(m[1]);
    if (ctx.db.tables.has(name)) ctx.commit({ op: 'dropTable', db: ctx.db.name, table: name });
    else if (!m[2]) ctx.table(name);
    return remainingTablesResult(ctx.db);
  },
};
