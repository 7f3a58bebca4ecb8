/** Kusto scalar type names, exactly as Kusto reports them in a result schema. */
export type KqlType =
  | 'bool'
  | 'int'
  | 'long'
  | 'real'
  | 'decimal'
  | 'string'
  | 'datetime'
  | 'timespan'
  | 'guid'
  | 'dynamic';

export const KQL_TYPES: readonly KqlType[] = [
  'bool', 'int', 'long', 'real', 'decimal', 'string', 'datetime', 'timespan', 'guid', 'dynamic',
];

/** Aliases accepted in type declarations (datatable, schemas, to typeof()). */
const TYPE_ALIASES: Record<string, KqlType> = {
  bool: 'bool', boolean: 'bool',
  int: 'int', int32: 'int',
  long: 'long', int64: 'long',
  real: 'real', double: 'real', float: 'real',
  decimal: 'decimal',
  string: 'string',
  datetime: 'datetime', date: 'datetime',
  timespan: 'timespan', time: 'timespan',
  guid: 'guid', uniqueid: 'guid',
  dynamic: 'dynamic',
};

export function parseTypeName(name: string): KqlType | undefined {
  return Object.prototype.hasOwnProperty.call(TYPE_ALIASES, name.toLowerCase())
    ? TYPE_ALIASES[name.toLowerCase()]
    : undefined;
}

export interface ColumnSchema {
  name: string;
  type: KqlType;
}

export function isNumericType(t: KqlType): boolean {
  return t === 'int' || t === 'long' || t === 'real' || t === 'decimal';
}

export function isIntegerType(t: KqlType): boolean {
  return t === 'int' || t === 'long';
}

/** The wider of two numeric types, following Kusto's promotion int -> long -> real. */
export function widerNumeric(a: KqlType, b: KqlType): KqlType {
  const rank = (t: KqlType) => (t === 'int' ? 0 : t === 'long' ? 1 : t === 'decimal' ? 3 : 2);
  return rank(a) >= rank(b) ? a : b;
}
