/**
 * Kusto's error responses (the OneApi shape its REST API returns and azure-kusto-data reads):
 * `{ "error": { code, message, "@type", "@message", "@context", "@permanent" } }` with an HTTP status.
 */
import { KqlError } from '../errors/kql-error.js';

/** An error the server answers with: its HTTP status and the OneApi body. */
export class ServeError extends Error {
  /** Where in the query, for a query error. */
  line?: number;
  column?: number;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type = 'Kusto.Data.Exceptions.KustoBadRequestException',
    readonly permanent = true,
  ) {
    super(message);
    this.name = 'ServeError';
  }
}

export interface OneApiError {
  error: {
    code: string;
    message: string;
    '@type': string;
    '@message': string;
    '@context': { clientRequestId?: string; timestamp: string; engine: string };
    '@permanent': boolean;
    '@line'?: number;
    '@column'?: number;
    '@errorCode'?: string;
  };
}

/** KqlError phases as Kusto's exception types. */
const KQL_ERROR_TYPES: Record<string, string> = {
  syntax: 'Kusto.Data.Exceptions.SyntaxException',
  semantic: 'Kusto.Data.Exceptions.SemanticException',
  runtime: 'Kusto.Data.Exceptions.KustoRequestException',
};

/** What any thrown value answers: a query error is a 400 carrying its code, line and column; anything else a 500. */
export function toServeError(err: unknown): ServeError {
  if (err instanceof ServeError) return err;
  if (err instanceof KqlError) {
    // A query that ran out of time or was cancelled is not the query's fault; a retry may pass.
    const transient = err.code === 'RUN_TIMEOUT' || err.code === 'RUN_CANCELLED';
    const e = new ServeError(400, err.code, err.message, KQL_ERROR_TYPES[err.phase] ?? KQL_ERROR_TYPES.runtime, !transient);
    e.line = err.line;
    e.column = err.column;
    return e;
  }
  return new ServeError(500, 'InternalServiceError', `internal error: ${err instanceof Error ? err.message : String(err)}`, 'Kusto.Data.Exceptions.KustoServiceException', false);
}

/**
 * The body of an error response, or (`partial`) of a partial query failure inside a 200 answer, whose
 * `code` is the failure's own rather than the HTTP status's.
 */
export function oneApiError(err: ServeError, clientRequestId?: string, partial = false): OneApiError {
  const body: OneApiError = {
    error: {
      code: err.status === 400 && !partial ? 'General_BadRequest' : err.code,
      message: err.message,
      '@type': err.type,
      '@message': err.message,
      '@context': { clientRequestId, timestamp: new Date().toISOString(), engine: 'mini-kql' },
      '@permanent': err.permanent,
      '@errorCode': err.code,
    },
  };
  if (err.line !== undefined) body.error['@line'] = err.line;
  if (err.column !== undefined) body.error['@column'] = err.column;
  return body;
}
