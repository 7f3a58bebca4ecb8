/**
 * Where a fixture problem (src/runtime/fixture-check.ts) is in its table file: the line and column of a
 * row's key or value in JSON and NDJSON, of a field in CSV. The text has already been parsed by
 * load-table-file.ts, so these scans only find positions: one linear pass, no recursion, and they stop
 * after the last row asked about.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { FixtureIssue } from '../runtime/fixture-check.js';
import type { TableFileFormat } from './load-table-file.js';

export interface TextPosition {
  line: number;
  column: number;
}

/** Offsets of a row's keys (first occurrence) and of their values. */
type RowOffsets = Map<string, { key: number; value: number }>;

/** The end of the JSON string starting at `i` (a `"`): the offset after its closing quote. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++; // backslash: skip the escaped character
    else if (c === 34) return j + 1;
  }
  return text.length;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function keyText(text: string, start: number, end: number): string {
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return text.slice(start + 1, end - 1);
  }
}

/**
 * The keys of the row objects of a JSON table text, for the rows in `wanted`: rows are the elements of the
 * top-level array, or of the top-level object's `rows` array ({ rows: [...] }), or (`single`) the
 * top-level object itself (an NDJSON line).
 */
function jsonRowOffsets(text: string, wanted: Set<number>, single = false): Map<number, RowOffsets> {
  const out = new Map<number, RowOffsets>();
  const last = Math.max(-1, ...wanted);
  // Per open container: its kind, whether a key is expected next (objects), and whether it is the rows array or a row.
  const stack: { object: boolean; expectKey: boolean; role: 'rows' | 'row' | 'top' | 'other'; rowIndex: number; key?: string }[] = [];
  let rowCount = 0;
  let pendingKey: { name: string; offset: number } | undefined;
  const beginValue = (offset: number): 'rows' | 'row' | 'other' | 'top' => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) return single ? 'row' : 'top';
    if (parent.role === 'rows') return 'row';
    if (parent.role === 'row' && pendingKey) {
      const row = out.get(parent.rowIndex);
      if (row && !row.has(pendingKey.name)) row.set(pendingKey.name, { key: pendingKey.offset, value: offset });
    }
    if (parent.role === 'top' && parent.object && pendingKey?.name === 'rows') return 'rows';
    return 'other';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 58 /* : */) continue;
    const top = stack[stack.length - 1];
    if (c === 44 /* , */) {
      if (top?.object) top.expectKey = true;
      continue;
    }
    if (c === 125 /* } */ || c === 93 /* ] */) {
      const closed = stack.pop();
      if (closed?.role === 'row' && closed.rowIndex >= last) return out;
      if (single && stack.length === 0) return out;
      continue;
    }
    if (c === 34 /* " */ && top?.object && top.expectKey) {
      const end = stringEnd(text, i);
      pendingKey = { name: keyText(text, i, end), offset: i };
      top.expectKey = false;
      i = end - 1;
      continue;
    }
    // A value begins here.
    let role = beginValue(i);
    let rowIndex = -1;
    if (role === 'row') {
      rowIndex = single ? 0 : rowCount++;
      if (wanted.has(rowIndex)) out.set(rowIndex, new Map());
      else if (rowIndex > last) return out;
    }
    pendingKey = undefined;
    if (c === 123 /* { */ || c === 91 /* [ */) {
      if (role === 'top' && c === 91) role = 'rows';
      stack.push({ object: c === 123, expectKey: c === 123, role, rowIndex });
    } else if (c === 34) {
      i = stringEnd(text, i) - 1;
    } else {
      // A number, true, false or null: up to the next delimiter.
      while (i + 1 < text.length && !isSpace(text.charCodeAt(i + 1)) && !',]}'.includes(text[i + 1])) i++;
    }
  }
  return out;
}

/**
 * The start offset of each field of the CSV records in `wanted` (record 0 is the header), counting records
 * as csv-parse does with skip_empty_lines: an empty line is no record; quoted fields may hold newlines.
 */
function csvFieldOffsets(text: string, wanted: Set<number>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const last = Math.max(-1, ...wanted);
  let record = 0;
  let i = 0;
  while (i < text.length && record <= last) {
    // An empty line is skipped, not a record.
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n')) {
      i += text[i] === '\r' ? 2 : 1;
      continue;
    }
    const fields: number[] = [];
    for (;;) {
      fields.push(i);
      if (text[i] === '"') {
        i++;
        while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
        i++;
      }
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    if (wanted.has(record)) out.set(record, fields);
    record++;
  }
  return out;
}

/** The column names of a CSV text's header record. */
function csvHeader(text: string): string[] {
  try {
    return (parseCsv(text, { skip_empty_lines: true, to: 1 }) as string[][])[0] ?? [];
  } catch {
    return [];
  }
}

/** Line and column (1-based) of each offset, in one pass over the text. */
function positionsOf(text: string, offsets: number[]): TextPosition[] {
  const order = offsets.map((o, k) => [o, k] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<TextPosition>(offsets.length);
  let line = 1;
  let lineStart = 0;
  let at = 0;
  for (const [offset, k] of order) {
    for (; at < offset && at < text.length; at++) {
      if (text.charCodeAt(at) === 10) {
        line++;
        lineStart = at + 1;
      }
    }
    out[k] = { line, column: offset - lineStart + 1 };
  }
  return out;
}

/** The offsets of the non-empty lines that are NDJSON rows `wanted` (as load-table-file.ts counts them). */
function ndjsonLineStarts(text: string, wanted: Set<number>): Map<number, number> {
  const out = new Map<number, number>();
  const last = Math.max(-1, ...wanted);
  let row = 0;
  for (let start = 0; start <= text.length && row <= last; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (text.slice(start, end).trim() !== '') {
      if (wanted.has(row)) out.set(row, start);
      row++;
    }
    start = end + 1;
  }
  return out;
}

/**
 * The position in a table file's text of each issue: an unknown column at its key (JSON, NDJSON: in the
 * row where it first appears) or header field (CSV); a bad value at the value (JSON, NDJSON) or field (CSV).
 * An issue that cannot be placed gets its row's start, or 1:1.
 */
export function locateFixtureIssues(text: string, format: TableFileFormat, issues: readonly FixtureIssue[]): TextPosition[] {
  const offsets: number[] = [];
  if (format === 'csv') {
    const header = csvHeader(text);
    const record = (i: FixtureIssue) => (i.kind === 'unknown-column' ? 0 : i.row + 1);
    const fields = csvFieldOffsets(text, new Set(issues.map(record)));
    for (const issue of issues) offsets.push(fields.get(record(issue))?.[header.indexOf(issue.column)] ?? fields.get(record(issue))?.[0] ?? 0);
  } else if (format === 'json') {
    const rows = jsonRowOffsets(text, new Set(issues.map((i) => i.row)));
    for (const issue of issues) {
      const at = rows.get(issue.row)?.get(issue.column);
      offsets.push(at === undefined ? 0 : issue.kind === 'unknown-column' ? at.key : at.value);
    }
  } else {
    const starts = ndjsonLineStarts(text, new Set(issues.map((i) => i.row)));
    for (const issue of issues) {
      const start = starts.get(issue.row) ?? 0;
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const at = jsonRowOffsets(text.slice(start, end), new Set([0]), true).get(0)?.get(issue.column);
      offsets.push(start + (at === undefined ? 0 : issue.kind === 'unknown-column' ? at.key : at.value));
    }
  }
  return positionsOf(text, offsets);
}
