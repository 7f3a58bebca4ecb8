/**
 * The oracle: Microsoft's own KQL parser and semantic analyzer
 * (`@kusto/language-service-next`, Bridge.NET-compiled C#), loaded in Node.
 * It checks what parses, what is a semantic error and every result schema.
 * It does not execute queries.
 *
 *   const { diagnostics, columns } = analyzeWithOracle('T | count', { T: [{ name: 'a', type: 'string' }] });
 *
 * The analyzer is loaded once per worker (about 0.5-2 s) on first use. It
 * installs globals `Bridge`, `System` and `Kusto`; that is how the package works.
 */
import { createRequire } from 'node:module';
import type { ColumnSchema, KqlType } from '../../src/runtime/types.js';

export interface OracleDiagnostic {
  /** Analyzer code, e.g. 'KS142' (unknown name), 'KS176' (operator expected). */
  code: string;
  message: string;
  /** Offset (UTF-16 code units) into the query text. */
  start: number;
  length: number;
  /** 'Error' | 'Warning' | 'Suggestion' | 'Information' */
  severity: string;
}

/** A result column; type is 'unknown' only when the analyzer could not type it (an error). */
export interface OracleColumn {
  name: string;
  type: KqlType | 'unknown';
}

export interface OracleResult {
  diagnostics: OracleDiagnostic[];
  /** Only the diagnostics with severity 'Error'. */
  errors: OracleDiagnostic[];
  /** Result columns when the query's result is a table; [] otherwise. */
  columns: OracleColumn[];
  /** 'table' for tabular results, 'scalar' for a scalar expression, 'none'/'error' otherwise. */
  resultKind: 'table' | 'scalar' | 'none' | 'error';
}

/** Analyzer type name -> ours. All dynamic flavours (array/bag/any) report the name 'dynamic'. */
const TYPE_MAP: Readonly<Record<string, KqlType>> = {
  bool: 'bool',
  int: 'int',
  long: 'long',
  real: 'real',
  decimal: 'decimal',
  string: 'string',
  datetime: 'datetime',
  timespan: 'timespan',
  guid: 'guid',
  dynamic: 'dynamic',
};

/** Maps an analyzer type name ('unknown', 'null', 'type' and anything else -> 'unknown'). */
export function mapOracleType(name: string): KqlType | 'unknown' {
  if (Object.prototype.hasOwnProperty.call(TYPE_MAP, name)) return TYPE_MAP[name]!;
  if (name.startsWith('dynamic')) return 'dynamic';
  return 'unknown';
}

/* eslint-disable @typescript-eslint/no-explicit-any */
let kusto: any;

function loadAnalyzer(): any {
  if (kusto) return kusto;
  const g = globalThis as any;
  if (!g.Kusto?.Language?.KustoCode) {
    const require = createRequire(import.meta.url);
    g.Bridge = require('@kusto/language-service-next/bridge.js');
    require('@kusto/language-service-next/Kusto.Language.Bridge.js');
  }
  kusto = g.Kusto;
  if (!kusto?.Language?.KustoCode) throw new Error('oracle: @kusto/language-service-next did not load');
  return kusto;
}

/** Kusto bracket-quoted name: ['a b'] with \ and ' escaped. */
function quoteName(name: string): string {
  return `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

function tableSchemaText(columns: readonly ColumnSchema[]): string {
  return `(${columns.map((c) => `${quoteName(c.name)}:${c.type}`).join(', ')})`;
}

/** A stored function for the analyzer: its parameter list (without parentheses, as Sentinel stores it) and body. */
export interface OracleFunction {
  parameters?: string;
  body: string;
}

function buildGlobals(schemas: Record<string, readonly ColumnSchema[]>, functions: Record<string, OracleFunction> = {}): any {
  const K = loadAnalyzer().Language;
  const S = K.Symbols;
  const tables = Object.entries(schemas).map(([name, cols]) => new S.TableSymbol.$ctor7(name, tableSchemaText(cols), null));
  // FunctionSymbol(name, parameterList, body, description): a function stored in the database.
  const fns = Object.entries(functions).map(([name, f]) => new S.FunctionSymbol.$ctor16(name, `(${f.parameters ?? ''})`, `{\n${f.body}\n}`, null));
  const db = new S.DatabaseSymbol.$ctor1('db', [...tables, ...fns]);
  return K.GlobalState.Default.WithDatabase(db);
}

const globalsCache = new Map<string, any>();

/**
 * Parse and analyze `query` against a database holding `schemas` (table name
 * -> columns, in order) and stored `functions`. Returns every diagnostic and the result columns.
 */
export function analyzeWithOracle(query: string, schemas: Record<string, readonly ColumnSchema[]> = {}, functions?: Record<string, OracleFunction>): OracleResult {
  const K = loadAnalyzer().Language;
  const key = JSON.stringify([schemas, functions ?? {}]);
  let globals = globalsCache.get(key);
  if (!globals) {
    globals = buildGlobals(schemas, functions);
    if (globalsCache.size > 50) globalsCache.clear();
    globalsCache.set(key, globals);
  }
  const code = K.KustoCode.ParseAndAnalyze(query, globals);

  const diagnostics: OracleDiagnostic[] = [];
  const diags = code.GetDiagnostics();
  for (let i = 0; i < diags.Count; i++) {
    const d = diags.getItem(i);
    diagnostics.push({
      code: String(d.Code),
      message: String(d.Message),
      start: Number(d.Start),
      length: Number(d.Length),
      severity: String(d.Severity),
    });
  }

  const columns: OracleColumn[] = [];
  let resultKind: OracleResult['resultKind'] = 'none';
  const rt = code.ResultType;
  if (rt) {
    const kindName: string = String(rt.constructor?.$$fullname ?? '');
    if (rt.Columns && /TableSymbol$/.test(kindName)) {
      resultKind = 'table';
      for (let i = 0; i < rt.Columns.Count; i++) {
        const c = rt.Columns.getItem(i);
        columns.push({ name: String(c.Name), type: mapOracleType(String(c.Type.Name)) });
      }
    } else if (/ErrorSymbol$/.test(kindName)) {
      resultKind = 'error';
    } else if (/(Primitive|Dynamic\w*)Symbol$/.test(kindName)) {
      resultKind = 'scalar';
    }
  }

  return { diagnostics, errors: diagnostics.filter((d) => d.severity === 'Error'), columns, resultKind };
}

/** "name:type, name:type" - handy in assertion messages. */
export function formatColumns(cols: readonly { name: string; type: string }[]): string {
  return cols.map((c) => `${c.name}:${c.type}`).join(', ');
}
