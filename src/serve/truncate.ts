/**
 * Result truncation as Kusto does it: past the request's record count or data size (Truncation), the
 * rows that fit are kept and the query reports a partial query failure, E_QUERY_RESULT_SET_TOO_LARGE
 * (docs/serve.md, "Errors"). The limits apply to all the result's tables together, in order.
 */
import type { KqlResult } from '../run-kql.js';
import { jsonText } from '../runtime/values.js';
import { ServeError } from './errors.js';
import type { Truncation } from './query-request.js';

export const TRUNCATION_ERROR = 'E_QUERY_RESULT_SET_TOO_LARGE';

export function truncateResult(result: KqlResult, limits: Truncation): { result: KqlResult; failure?: ServeError } {
  const tables = result.results ?? [{ columns: result.columns, rows: result.rows }];
  let records = 0;
  let bytes = 0;
  for (let t = 0; t < tables.length; t++) {
    const { columns, rows } = tables[t];
    for (let r = 0; r < rows.length; r++) {
      const over = records + 1 > limits.maxRecords
        ? `record count limit ${limits.maxRecords} (truncationmaxrecords)`
        : (bytes += rowBytes(columns.map((c) => rows[r][c.name] ?? null))) > limits.maxBytes
          ? `data size limit ${limits.maxBytes} bytes (truncationmaxsize)`
          : undefined;
      if (over) return { result: cut(result, t, r), failure: truncationError(over) };
      records++;
    }
  }
  return { result };
}

/** The size of one row as the JSON array it is sent as (UTF-16 length: exact for ASCII, close otherwise). */
function rowBytes(values: unknown[]): number {
  return (jsonText(values) ?? '').length + 1;
}

/** The result with table `t` cut to its first `r` rows and the tables after it emptied. */
function cut(result: KqlResult, t: number, r: number): KqlResult {
  if (!result.results) return { ...result, rows: result.rows.slice(0, r) };
  return {
    ...result,
    results: result.results.map((table, i) => ({ ...table, rows: i < t ? table.rows : i === t ? table.rows.slice(0, r) : [] })),
  };
}

function truncationError(limit: string): ServeError {
  return new ServeError(
    400, TRUNCATION_ERROR,
    `Query result set has exceeded the internal ${limit} (${TRUNCATION_ERROR}): the rows up to the limit were returned. ` +
      'Narrow the query (where, project, take), or ask for more with the truncationmaxrecords / truncationmaxsize options or none with notruncation',
    'Kusto.Data.Exceptions.KustoServicePartialQueryFailureLimitsExceededException',
  );
}
