/**
 * The shapes `options.schemas` accepts, brought to one: `{ Table: [{ name, type }] }` or
 * `{ Table: { Column: 'type' } }`, type names in any case and with Kusto's aliases (`String`, `boolean`,
 * `int64`, `double`, `DateTime`). Shape only: a table's types are checked when a query uses it
 * (validateSchema), so a bad schema for a table the query never reads is no error.
 */
import { parseTypeName, type ColumnSchema } from './types.js';

/** A column's type as written: a Kusto type name or alias, in any case. */
export type SchemaTypeName = ColumnSchema['type'] | (string & {});

/** One table's schema: a list of columns, or a record from column name to type. */
export type SchemaInput = readonly { name: string; type: SchemaTypeName }[] | Readonly<Record<string, SchemaTypeName>>;

/** `options.schemas`: table schemas by table name. */
export type SchemasInput = Readonly<Record<string, SchemaInput>>;

/** A type name as the engine spells it (`String` -> string, `System.Int64` -> long), or the text unchanged when unknown. */
export function normalizeTypeName(type: unknown): unknown {
  if (typeof type !== 'string') return type;
  return parseTypeName(type.trim().replace(/^system\./i, '')) ?? type;
}

function normalizeTable(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map((c: unknown) =>
      c !== null && typeof c === 'object' && 'type' in c ? { ...(c as object), type: normalizeTypeName((c as { type: unknown }).type) } : c,
    );
  }
  if (schema !== null && typeof schema === 'object') {
    return Object.keys(schema).map((name) => ({ name, type: normalizeTypeName((schema as Record<string, unknown>)[name]) }));
  }
  return schema;
}

/**
 * The schemas option as `{ Table: [{ name, type }] }` (a record without prototype: `__proto__` is a table
 * name like any other). Values of another shape are kept, for validateSchema to reject with the table's name.
 */
export function normalizeSchemas(schemas: SchemasInput | undefined): Record<string, ColumnSchema[]> {
  const out = Object.create(null) as Record<string, ColumnSchema[]>;
  if (schemas === null || typeof schemas !== 'object') return out;
  for (const name of Object.keys(schemas)) out[name] = normalizeTable(schemas[name]) as ColumnSchema[];
  return out;
}
