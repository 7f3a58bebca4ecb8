/**
 * The caller's tables by name: their schemas (given, known, or inferred from the rows) and their rows,
 * converted to engine tables on first use. Used for database tables and for watchlists alike.
 */
import { KqlRuntimeError, KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { KQL_TYPES, type ColumnSchema } from './types.js';
import type { Table } from './table.js';
import { inferSchema, loadTable, type InputRow, type TableInput } from './load-table.js';
import { scanBatches, type RowBatches, type ScanFilter } from './scan.js';
import type { ExecContext } from './exec-context.js';

function has(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export function validateSchema(name: string, schema: unknown): ColumnSchema[] {
  if (!Array.isArray(schema) || schema.some((c) => typeof c?.name !== 'string' || !KQL_TYPES.includes(c?.type))) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The schema of table '${name}' must be a list of { name, type } with Kusto type names (${KQL_TYPES.join(', ')})`);
  }
  return schema as ColumnSchema[];
}

/** Rows checked by rowsOf per unit of work reported (a check is a few ns a row, a row conversion far more). */
const CHECKED_ROWS_PER_TICK = 128;

/** The rows of a table input, or a KqlRuntimeError when the engine cannot read it. `tick` reports the work. */
function rowsOf(name: string, input: unknown, tick?: (units: number) => void): InputRow[] {
  const rows = Array.isArray(input) ? input : input && typeof input === 'object' && 'rows' in input ? (input as { rows: unknown }).rows : undefined;
  if (!Array.isArray(rows)) {
    throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_TABLE, `Table '${name}' must be an array of row objects, or { schema, rows } with rows an array`);
  }
  for (let i = 0; i < rows.length; i++) {
    const r: unknown = rows[i];
    if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_TABLE, `Row ${i} of table '${name}' is not an object`);
    if (tick && i % CHECKED_ROWS_PER_TICK === CHECKED_ROWS_PER_TICK - 1) tick(1);
  }
  return rows as InputRow[];
}

export class TableSource {
  private readonly schemas = new Map<string, ColumnSchema[] | undefined>();
  private readonly loaded = new Map<string, Table>();
  /** Row lists already checked by rowsOf, by table name (checking is a pass over every row). */
  private readonly checked = new Map<string, InputRow[]>();

  constructor(
    private readonly tables: Record<string, TableInput>,
    /** The schema to use for a table given as plain rows, before inferring one. */
    private readonly knownSchema: (name: string) => ColumnSchema[] | undefined = () => undefined,
    /**
     * Called with units of work while rows are checked and a schema is inferred from plain rows (a run's
     * `guard.tick`), so the run's deadline holds there too; converting rows ticks through load's and scan's `onRow`.
     */
    private readonly tick?: (units: number) => void,
  ) {}

  private rows(name: string): InputRow[] {
    let rows = this.checked.get(name);
    if (!rows) {
      rows = rowsOf(name, this.tables[name], this.tick);
      this.checked.set(name, rows);
    }
    return rows;
  }

  names(): string[] {
    return Object.keys(this.tables);
  }

  schemaOf(name: string): ColumnSchema[] | undefined {
    if (this.schemas.has(name)) return this.schemas.get(name);
    let schema: ColumnSchema[] | undefined;
    if (has(this.tables, name)) {
      const input = this.tables[name];
      const rows = this.rows(name);
      const given = !Array.isArray(input) ? input.schema : undefined;
      schema = given ? validateSchema(name, given) : this.knownSchema(name) ?? inferSchema(rows, this.tick);
    }
    this.schemas.set(name, schema);
    return schema;
  }

  /** The table's rows converted afresh, only the needed columns, after the filters (not cached: each read has its own needs). */
  scan(name: string, needed: boolean[], filters: ScanFilter[], capacity: number, ctx: ExecContext, onRow?: () => void): RowBatches {
    return scanBatches(this.rows(name), this.schemaOf(name)!, needed, filters, ctx, onRow, capacity);
  }

  load(name: string, onRow?: () => void): Table {
    let table = this.loaded.get(name);
    if (!table) {
      table = loadTable(name, this.rows(name), this.schemaOf(name)!, onRow);
      this.loaded.set(name, table);
    }
    return table;
  }
}
