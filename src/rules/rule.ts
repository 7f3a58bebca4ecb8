/**
 * Sentinel analytics-rule files: the YAML Sentinel stores a scheduled rule as (the Azure-Sentinel
 * repository's Detections/ and Solutions/ format), read into a SentinelRule. Browser-safe: text in,
 * object out; reading files is src/node/load-rule.ts.
 */
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { ErrorCodes, KqlSemanticError, type Span } from '../errors/index.js';
import { parseYaml } from './yaml.js';
import { collectPositions, type FieldPosition } from './rule-positions.js';

export type TriggerOperator = 'gt' | 'lt' | 'eq' | 'ne';

export interface SentinelRule {
  id?: string;
  name?: string;
  description?: string;
  severity?: string;
  /** The KQL text, exactly as written in the file (a block scalar's indentation removed, as YAML defines). */
  query: string;
  /** How often Sentinel runs the rule: `5m`, `1h`, `1d`, or ISO 8601 (`PT1H`, `P14D`). */
  queryFrequency?: string;
  /** How far back each run looks: rows older than this before the run time are not visible. */
  queryPeriod?: string;
  triggerOperator?: TriggerOperator;
  triggerThreshold?: number;
  requiredDataConnectors?: unknown;
  entityMappings?: unknown;
  tactics?: string[];
  relevantTechniques?: string[];
  /** `Scheduled` or `NRT` (Sentinel's rule kinds). */
  kind?: string;
  /** `Available`, `Experimental`, ... (the Azure-Sentinel repository's publishing status). */
  status?: string;
  /** The template version, `X.Y.Z`. */
  version?: string;
  /** Alert fields from result columns: `{ Key: ColumnName }`. As written in the file; validateRule checks it. */
  customDetails?: unknown;
  /** `alertDisplayNameFormat`, `alertDescriptionFormat` (with `{{Column}}` placeholders), `alertSeverityColumnName`, ... As written. */
  alertDetailsOverride?: unknown;
  /** `{ aggregationKind: SingleAlert | AlertPerResult }`. As written. */
  eventGroupingSettings?: unknown;
  /** `{ createIncident, groupingConfiguration }`. As written. */
  incidentConfiguration?: unknown;
  /**
   * Where each field's value sits in the YAML (1-based), by path: `severity`, `entityMappings[0].fieldMappings[1].columnName`;
   * a key's own position under `<path>#key`. Set by parseRule (not enumerable: a spread copy does not carry it);
   * validateRule points its problems there.
   */
  positions?: Record<string, FieldPosition>;
  /** Where the rule came from (a file path), for messages. */
  source?: string;
  /**
   * Where the query text starts in the YAML source (1-based line and column), when the query is a
   * block scalar (`query: |`): query line n, column c sits at line `queryPosition.line + n - 1`,
   * column `queryPosition.column + c - 1` of the file. Absent for quoted or plain scalars.
   */
  queryPosition?: { line: number; column: number };
}

function spanAt(line: number, column: number): Span {
  return { offset: 0, length: 0, line, column };
}

function ruleError(code: string, message: string, line = 1, column = 1): KqlSemanticError {
  return new KqlSemanticError(code, message, spanAt(line, column));
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A Sentinel duration in milliseconds: `<n>s|m|h|d` (the rule YAML form: `5m`, `5h`, `1d`, `14d`) or an
 * ISO 8601 duration with days, hours, minutes and seconds (`PT1H`, `P14D`, `P1DT12H`, `PT5M`, `P2W`).
 * Years and months are rejected (their length is not fixed). Throws RULE_BAD_FIELD on anything else.
 */
export function parseDuration(text: string, field = 'duration'): number {
  const s = typeof text === 'string' ? text.trim() : '';
  const short = /^(\d+(?:\.\d+)?)\s*([smhd])$/i.exec(s);
  if (short) return finite(Number(short[1]) * UNIT_MS[short[2].toLowerCase()], text, field);
  const iso = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(s);
  if (iso && s.length > 1 && !/T$/i.test(s)) {
    const [, w, d, h, m, sec] = iso;
    const ms =
      Number(w ?? 0) * 7 * 86_400_000 + Number(d ?? 0) * 86_400_000 + Number(h ?? 0) * 3_600_000 + Number(m ?? 0) * 60_000 + Number(sec ?? 0) * 1000;
    return finite(ms, text, field);
  }
  throw ruleError(
    ErrorCodes.RULE_BAD_FIELD,
    `${field} ${JSON.stringify(text)} is not a duration: use a number with s, m, h or d (5m, 1h, 1d) or ISO 8601 (PT1H, P14D)`,
  );
}

function finite(ms: number, text: string, field: string): number {
  if (!Number.isFinite(ms)) throw ruleError(ErrorCodes.RULE_BAD_FIELD, `${field} ${JSON.stringify(text)} is not a duration`);
  return ms;
}

const OPERATORS: Record<string, TriggerOperator> = {
  gt: 'gt',
  lt: 'lt',
  eq: 'eq',
  ne: 'ne',
  // The ARM / REST API spelling of the same operators.
  greaterthan: 'gt',
  lessthan: 'lt',
  equal: 'eq',
  notequal: 'ne',
};

/** A trigger operator as written in a rule (`gt`, `GreaterThan`, ...), or undefined. */
export function normalizeTriggerOperator(op: unknown): TriggerOperator | undefined {
  if (typeof op !== 'string') return undefined;
  const key = op.trim().toLowerCase();
  // Own keys only: `constructor` or `toString` is not an operator.
  return Object.prototype.hasOwnProperty.call(OPERATORS, key) ? OPERATORS[key] : undefined;
}

/**
 * Reads the YAML text of a Sentinel analytics rule. Only `query` is required. Throws KqlSemanticError:
 * RULE_INVALID_YAML (not YAML, or not a mapping; with the line and column of the problem),
 * RULE_NO_QUERY (no `query`, or an empty one), RULE_BAD_FIELD (a known field of the wrong kind,
 * a bad duration, an unknown trigger operator; with the field's line and column).
 */
export function parseRule(yamlText: string, source?: string): SentinelRule {
  if (typeof yamlText !== 'string') throw ruleError(ErrorCodes.RULE_INVALID_YAML, 'The rule must be YAML text');
  const where = source ? ` in ${source}` : '';
  // Syntax errors, duplicate keys and bad aliases (alias bombs included): RULE_INVALID_YAML with a position.
  const yaml = parseYaml(yamlText, where);
  const { doc, lineCounter } = yaml;
  if (!isMap(doc.contents)) {
    const start = (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(start);
    throw ruleError(ErrorCodes.RULE_INVALID_YAML, `The rule${where} must be a YAML mapping of fields (id, name, query, ...)`, pos.line, pos.col);
  }
  const map = doc.contents;
  const data = yaml.toJS() as Record<string, unknown>;

  /** Line and column of a field's value (or of its key when the value is empty). */
  const posOf = (key: string): { line: number; column: number } => {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    const node = (pair?.value ?? pair?.key) as YamlNode | undefined;
    const p = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { line: p.line, column: p.col };
  };
  const bad = (key: string, message: string): never => {
    const p = posOf(key);
    throw ruleError(ErrorCodes.RULE_BAD_FIELD, `${message}${where}`, p.line, p.column);
  };
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(data, key) && data[key] !== null && data[key] !== undefined;

  if (!has('query')) {
    throw ruleError(ErrorCodes.RULE_NO_QUERY, `The rule${where} has no 'query' field: a Sentinel analytics rule needs the KQL text under 'query:'`);
  }
  if (typeof data.query !== 'string') bad('query', `The rule's 'query' must be text (use 'query: |' and the KQL below it)`);
  const query = data.query as string;
  if (query.trim() === '') {
    const p = posOf('query');
    throw ruleError(ErrorCodes.RULE_NO_QUERY, `The rule${where} has an empty 'query'`, p.line, p.column);
  }

  const rule: SentinelRule = { query };
  for (const key of ['id', 'name', 'description', 'severity', 'kind', 'status', 'version'] as const) {
    if (!has(key)) continue;
    const v = data[key];
    if (typeof v !== 'string' && typeof v !== 'number') bad(key, `The rule's '${key}' must be text`);
    rule[key] = String(v);
  }
  for (const key of ['queryFrequency', 'queryPeriod'] as const) {
    if (!has(key)) continue;
    const v = data[key];
    if (typeof v !== 'string') bad(key, `The rule's '${key}' must be a duration such as 1d, 5h, 30m or PT1H`);
    try {
      parseDuration(v as string, key);
    } catch (err) {
      bad(key, (err as Error).message.replace(/ \(line \d+, column \d+\)$/, ''));
    }
    rule[key] = (v as string).trim();
  }
  if (has('triggerOperator')) {
    const op = normalizeTriggerOperator(data.triggerOperator);
    if (!op) bad('triggerOperator', `The rule's 'triggerOperator' ${JSON.stringify(data.triggerOperator)} is not one of gt, lt, eq, ne`);
    rule.triggerOperator = op;
  }
  if (has('triggerThreshold')) {
    const v = data.triggerThreshold;
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < 0) bad('triggerThreshold', `The rule's 'triggerThreshold' ${JSON.stringify(v)} must be a whole number of rows (0 or more)`);
    rule.triggerThreshold = n;
  }
  for (const key of ['tactics', 'relevantTechniques'] as const) {
    if (!has(key)) continue;
    const v = data[key];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) bad(key, `The rule's '${key}' must be a list of names`);
    rule[key] = [...(v as string[])];
  }
  if (has('requiredDataConnectors')) rule.requiredDataConnectors = data.requiredDataConnectors;
  if (has('entityMappings')) rule.entityMappings = data.entityMappings;
  for (const key of ['customDetails', 'alertDetailsOverride', 'eventGroupingSettings', 'incidentConfiguration'] as const) {
    if (has(key)) rule[key] = data[key];
  }
  // Not enumerable: a rule stays the plain fields it was (equality, JSON, spreads), with its positions on the side.
  Object.defineProperty(rule, 'positions', { value: collectPositions(map, lineCounter), enumerable: false, writable: true, configurable: true });
  if (source !== undefined) rule.source = source;

  const queryNode = map.items.find((p) => isScalar(p.key) && p.key.value === 'query')?.value;
  if (isScalar(queryNode) && (queryNode.type === 'BLOCK_LITERAL' || queryNode.type === 'BLOCK_FOLDED') && queryNode.range) {
    // The content starts on the line after the `|` header; YAML strips the first content line's indentation.
    const headerLine = lineCounter.linePos(queryNode.range[0]).line;
    const lines = yamlText.split(/\r?\n/);
    for (let i = headerLine; i < lines.length; i++) {
      if (lines[i].trim() === '') continue;
      const indent = /^ */.exec(lines[i])![0].length;
      // Leading blank lines of the block are kept in the value; count them.
      const leading = /^\n*/.exec(query)![0].length;
      if (queryNode.type === 'BLOCK_LITERAL') rule.queryPosition = { line: i + 1 - leading, column: indent + 1 };
      break;
    }
  }
  return rule;
}
