/** .ingest inline, and ingestion from a query: .set, .append, .set-or-append, .set-or-replace. */
import { ErrorCodes, KqlSemanticError } from '../../../errors/index.js';
import { runKqlAsync } from '../../../run-kql-async.js';
import type { ColumnSchema } from '../../../runtime/types.js';
import { toStoredValue } from '../../changes.js';
import { csvRows } from '../../ingest-format.js';
import { ingestRows } from '../../ingest.js';
import { badCommand, NAME, skipWithProperties, splitAtPipe, unquoteName, type MgmtCommand, type MgmtContext } from '../context.js';
import { extentResult, ingestResult } from '../results.js';

const INLINE = new RegExp(String.raw`^\.ingest\s+(?:async\s+)?inline\s+into\s+table\s+(${NAME})`, 'i');

/**
 * The inline data as CSV text: after `<|` (from the next line when the rest of its line is blank), or the
 * bracket form's `[values]` lines. Each line's indentation is dropped (the docs' examples indent their data).
 */
function inlineData(text: string): { head: string; csv: string } {
  const at = text.indexOf('<|');
  if (at >= 0) {
    const rest = text.slice(at + 2);
    const firstLine = /^[ \t]*(\r\n|\r|\n)/.exec(rest);
    const data = firstLine ? rest.slice(firstLine[0].length) : rest;
    return { head: text.slice(0, at), csv: data.replace(/^[ \t]+/gm, '') };
  }
  const bracket = /(?:\r\n|\r|\n)[ \t]*\[/.exec(text);
  if (!bracket) throw badCommand("'.ingest inline' expects '<|' followed by the data, or [values] lines");
  const lines = text.slice(bracket.index).split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '');
  const csv = lines.map((l) => {
    if (!l.startsWith('[') || !l.endsWith(']')) throw badCommand(`'${l}' is not a [values] line of .ingest inline`);
    return l.slice(1, -1);
  });
  return { head: text.slice(0, bracket.index), csv: csv.join('\n') };
}

export const ingestInlineCommand: MgmtCommand = {
  syntax: '.ingest inline into table T <| csv lines',
  head: /^\.ingest\s+(?:async\s+)?inline\s/i,
  run: (ctx, text) => {
    const { head, csv } = inlineData(text);
    const m = INLINE.exec(head);
    if (!m) throw badCommand('Expected .ingest inline into table T <| data');
    const after = skipWithProperties(head, m[0].length);
    if (head.slice(after).trim() !== '') throw badCommand(`Unexpected '${head.slice(after).trim()}' before the data of .ingest inline`);
    const name = unquoteName(m[1]);
    const t = ctx.table(name);
    ingestRows(ctx.catalog, ctx.db.name, name, csvRows(csv, t.schema), ctx.store);
    return ingestResult();
  },
};

type QueryIngestKind = 'set' | 'append' | 'set-or-append' | 'set-or-replace';

const FROM_QUERY = new RegExp(String.raw`^\.(set-or-append|set-or-replace|set|append)\s+(?:async\s+)?(${NAME})`, 'i');

const NUMERIC = new Set(['int', 'long', 'real', 'decimal']);

/**
 * The query's rows for the table. Kusto matches the query's columns to the table's by position and type, not
 * by name (ingest-from-query.md, "Schema considerations"); a table column past the query's is empty.
 */
function rowsForTable(columns: ColumnSchema[], rows: Record<string, unknown>[], schema: ColumnSchema[], table: string): unknown[][] {
  if (columns.length > schema.length) {
    throw new KqlSemanticError(ErrorCodes.SEM_SCHEMA_MISMATCH, `The query returns ${columns.length} columns but table '${table}' has ${schema.length}: add with (extend_schema=true) to add the others`);
  }
  columns.forEach((c, i) => {
    const t = schema[i].type;
    if (c.type !== t && !(NUMERIC.has(c.type) && NUMERIC.has(t))) {
      throw new KqlSemanticError(ErrorCodes.SEM_SCHEMA_MISMATCH, `The query's column ${i + 1} '${c.name}' is ${c.type} but column ${i + 1} '${schema[i].name}' of table '${table}' is ${t} (columns are matched by position)`);
    }
  });
  return rows.map((row) => schema.map((_, i) => (i < columns.length ? toStoredValue(row[columns[i].name]) : null)));
}

/** A bool property of the `with (...)` list: extend_schema=true. */
function flag(head: string, key: string): boolean {
  return new RegExp(String.raw`\b${key}\s*=\s*true\b`, 'i').test(head);
}

async function ingestFromQuery(ctx: MgmtContext, text: string) {
  const m = FROM_QUERY.exec(text);
  if (!m) throw badCommand('Expected .set|.append|.set-or-append|.set-or-replace T <| query');
  const kind = m[1].toLowerCase() as QueryIngestKind;
  const { head, rest } = splitAtPipe(text, `.${kind}`);
  const after = skipWithProperties(head, m[0].length);
  if (head.slice(after).trim() !== '') throw badCommand(`Unexpected '${head.slice(after).trim()}' before '<|' in .${kind}`);
  const name = unquoteName(m[2]);
  const existing = ctx.db.tables.get(name);
  if (kind === 'set' && existing) throw new KqlSemanticError(ErrorCodes.SEM_TABLE_EXISTS, `Table '${name}' already exists: .set creates a new table (use .append or .set-or-append)`);
  if (kind === 'append' && !existing) ctx.table(name);
  const { tables, functions } = ctx.db.queryInputs();
  // Datetimes and timespans as Kusto text keep every tick when the rows are read back.
  const res = await runKqlAsync(rest, tables, { ...ctx.queryOptions, functions, timeAsText: true });
  const columns = res.columns.map((c) => ({ name: c.name, type: c.type }));
  // The table may have changed while the query ran: look again.
  const current = ctx.db.tables.get(name);
  const recreate = kind === 'set-or-replace' && flag(head, 'recreate_schema');
  if (!current || recreate) {
    const rows = res.rows.map((row) => columns.map((c) => toStoredValue(row[c.name])));
    ctx.commit({ op: 'replace', db: ctx.db.name, table: name, schema: columns, rows });
    return extentResult(rows.length);
  }
  let schema = current.schema;
  if (flag(head, 'extend_schema') && columns.length > schema.length) {
    schema = [...schema, ...columns.slice(schema.length)];
    ctx.commit({ op: 'putSchema', db: ctx.db.name, table: name, schema });
  }
  const rows = rowsForTable(columns, res.rows, schema, name);
  if (kind === 'set-or-replace') ctx.commit({ op: 'replace', db: ctx.db.name, table: name, schema, rows });
  else if (rows.length > 0) ctx.commit({ op: 'append', db: ctx.db.name, table: name, columns: schema.map((c) => c.name), rows });
  return extentResult(rows.length);
}

export const queryIngestCommands: MgmtCommand[] = (['set-or-append', 'set-or-replace', 'set', 'append'] as const).map((kind) => ({
  syntax: `.${kind} T <| query`,
  head: new RegExp(String.raw`^\.${kind}\s`, 'i'),
  run: ingestFromQuery,
}));
