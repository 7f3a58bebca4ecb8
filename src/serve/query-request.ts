/**
 * A query request's body (`{ db, csl, properties }`, as Kusto's REST API and azure-kusto-data send it) and
 * its client request properties, turned into runKqlAsync's options within the server's limits.
 */
import type { RunKqlOptions } from '../run-kql.js';
import type { RunLimitOptions } from '../runtime/limits.js';
import { parseTimespan } from '../runtime/datetime.js';
import { toTicks } from '../runtime/ticks.js';
import { declaredParameters, parameterProblems } from '../rules/parameters.js';
import { ServeError } from './errors.js';
import { parseQueryCached } from '../parser/parse-cache.js';

export interface QueryRequest {
  db: string | undefined;
  csl: string;
  options: Record<string, unknown>;
  parameters: Record<string, unknown>;
}

function bad(message: string): ServeError {
  return new ServeError(400, 'BadRequest_MalformedRequest', message);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The request properties the query text sets itself (`set notruncation;`, `set truncationmaxrecords=10;`):
 * they hold over the request's own, as in Kusto. A value is its text (`10`, `'00:01:00'`, `true`); a name
 * without one is true. A query that does not parse sets nothing here: running it reports the error.
 */
function setStatementOptions(csl: string): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  let statements;
  try {
    statements = parseQueryCached(csl).statements;
  } catch {
    return out;
  }
  for (const st of statements) {
    if (st.kind !== 'Set') continue;
    out[st.name.toLowerCase()] = st.value ? unwrapParameterLiteral(csl.slice(st.value.span.offset, st.value.span.offset + st.value.span.length)) : true;
  }
  return out;
}

/** Own entries only: names come from the request (`__proto__` is an ordinary key here). */
function ownCopy(v: unknown, what: string): Record<string, unknown> {
  if (v === undefined || v === null) return Object.create(null) as Record<string, unknown>;
  if (!isRecord(v)) throw bad(`properties.${what} must be an object`);
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(v)) out[key] = v[key];
  return out;
}

/** Parses and checks the body. */
export function parseQueryRequest(text: string): QueryRequest {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw bad(`the request body is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isRecord(body)) throw bad('the request body must be a JSON object { "db", "csl", "properties" }');
  if (typeof body.csl !== 'string' || body.csl.trim() === '') throw bad('the request has no query: "csl" must be the query text');
  if (body.db !== undefined && body.db !== null && typeof body.db !== 'string') throw bad('"db" must be a database name');
  let properties = body.properties;
  // Older clients send the properties as JSON text.
  if (typeof properties === 'string') {
    try {
      properties = properties.trim() === '' ? undefined : JSON.parse(properties);
    } catch {
      throw bad('"properties" is text that is not JSON');
    }
  }
  if (properties !== undefined && properties !== null && !isRecord(properties)) throw bad('"properties" must be an object');
  const props = properties ?? {};
  return {
    db: typeof body.db === 'string' ? body.db : undefined,
    csl: body.csl,
    options: Object.assign(ownCopy(props.Options, 'Options'), setStatementOptions(body.csl)),
    parameters: ownCopy(props.Parameters, 'Parameters'),
  };
}

/** Where Kusto truncates a result (a partial query failure), as its defaults: 500,000 records or 64 MB. */
export interface Truncation {
  maxRecords: number;
  /** Bytes of the rows as JSON on the wire. */
  maxBytes: number;
}

export const DEFAULT_TRUNCATION: Truncation = { maxRecords: 500_000, maxBytes: 64 * 1024 * 1024 };

/**
 * The truncation the request asks for: Kusto's defaults, or `truncationmaxrecords` / `truncationmaxsize`
 * (capped at the server's result limits), or none with `notruncation` (the server's limits then hold).
 */
export function truncationOf(request: QueryRequest, limits: RunLimitOptions): Truncation | undefined {
  const o = request.options;
  if (truthy(o.notruncation)) return undefined;
  return {
    maxRecords: requestedLimit('truncationmaxrecords', o.truncationmaxrecords, limits.maxResultRows) ?? DEFAULT_TRUNCATION.maxRecords,
    maxBytes: requestedLimit('truncationmaxsize', o.truncationmaxsize, limits.maxResultBytes) ?? DEFAULT_TRUNCATION.maxBytes,
  };
}

/** A limit a request asks for: a positive count, never above the server's own. */
function requestedLimit(name: string, value: unknown, max: number | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw bad(`option ${name} must be a non-negative whole number, not ${JSON.stringify(value)}`);
  return max === undefined ? n : Math.min(n, max);
}

/** `servertimeout` as Kusto's timespan text (`00:04:00`) or milliseconds. */
function timeoutMs(value: unknown, max: number | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  let ms: number | undefined;
  if (typeof value === 'number' && value > 0) ms = value;
  else if (typeof value === 'string') {
    const t = parseTimespan(value);
    if (t !== null) ms = Number(toTicks(t) / 10_000n);
  }
  if (ms === undefined || !(ms > 0)) throw bad(`option servertimeout must be a timespan such as 00:04:00, not ${JSON.stringify(value)}`);
  return max === undefined ? ms : Math.min(ms, max);
}

function truthy(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}

/** A parameter value as Kusto's clients write it: `datetime(2024-05-01)`, `'text'`, `"text"`, or plain text. */
export function unwrapParameterLiteral(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  const call = /^(?:datetime|date|timespan|time|long|int|real|double|bool|boolean|guid|uuid|decimal|dynamic)\(([\s\S]*)\)$/i.exec(text);
  if (call) return unwrapParameterLiteral(call[1]);
  const quoted = /^'([\s\S]*)'$|^"([\s\S]*)"$/.exec(text);
  if (quoted) return quoted[1] ?? quoted[2];
  return value;
}

/**
 * runKqlAsync's options for the request. `limits` are the server's: a request may lower the deadline
 * (servertimeout) but not raise it. The result's size is the business of `truncationOf`.
 */
export function queryOptions(request: QueryRequest, limits: RunLimitOptions): RunKqlOptions {
  const o = request.options;
  const options: RunKqlOptions = { ...limits, timeAsText: true };
  if (o.query_now !== undefined && o.query_now !== null) {
    const text = String(unwrapParameterLiteral(o.query_now));
    if (Number.isNaN(Date.parse(text))) throw bad(`option query_now must be a datetime, not ${JSON.stringify(o.query_now)}`);
    options.now = text;
  }
  const timeout = timeoutMs(o.servertimeout, limits.timeoutMs);
  if (timeout !== undefined) options.timeoutMs = timeout;
  const parameters = Object.create(null) as Record<string, unknown>;
  for (const name of Object.keys(request.parameters)) parameters[name] = unwrapParameterLiteral(request.parameters[name]);
  if (Object.keys(parameters).length > 0) {
    const [problem] = parameterProblems(request.csl, parameters, declaredParameters(request.csl));
    if (problem) throw new ServeError(400, 'SEM_INVALID_ARGUMENT', `query parameter ${problem.name}: ${problem.message}`, 'Kusto.Data.Exceptions.SemanticException');
    options.parameters = parameters;
  }
  return options;
}
